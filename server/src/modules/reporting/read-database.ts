/**
 * Where management figures are read: the replica when one is configured (DATABASE_REPLICA_URL), so
 * that heavy figures never slow down the staff's daily work on the primary; else the primary. Either
 * way in a read-only transaction under the caller's tenant (row-level security applies there too).
 * The audit of who ran which report is written on the primary: a replica cannot be written to.
 */
import type { ActorContext } from '../../platform/context';
import { withTenant, type Database, type Tx } from '../../platform/db/database';
import { recordAudit, scopeOf } from '../access';

export interface ReportingDeps {
  db: Database;
  replica?: Database | undefined;
  clock: () => Date;
}

export type ReadDatabase = 'primary' | 'replica';

/**
 * Memory a figure's sorts and hashes may each use before spilling to disk: a year of facts (tens of
 * thousands of rows, grouped by text keys) fits; PostgreSQL's default of 4 MB does not
 * (bench/RESULTS.md, reports: about a fifth faster).
 */
const FIGURES_WORK_MEM_MB = 32;

export async function readFigures<T>(deps: ReportingDeps, ctx: ActorContext, fn: (tx: Tx) => Promise<T>): Promise<{ value: T; database: ReadDatabase }> {
  const database: ReadDatabase = deps.replica ? 'replica' : 'primary';
  const value = await withTenant(deps.replica ?? deps.db, scopeOf(ctx), fn, { readOnly: true, workMemMb: FIGURES_WORK_MEM_MB });
  return { value, database };
}

/** One audit event per report run, dashboard or drill-down: what was asked, never the figures or names. */
export async function auditFigures(deps: ReportingDeps, ctx: ActorContext, action: 'read' | 'search' | 'export', summary: string): Promise<void> {
  await withTenant(deps.db, scopeOf(ctx), (tx) => recordAudit(tx, ctx, { action, subjectType: 'report', subjectId: null, summary }));
}
