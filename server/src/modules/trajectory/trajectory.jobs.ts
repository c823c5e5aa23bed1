import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../platform/db/database';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { DossierState } from './dossier/state';
import { belgianDate, deriveDossier } from './trajectory.service';

export interface FollowUpRun {
  asOf: string;
  dossiers: number;
  changed: number;
}

type FollowUpRow = { id: string; version: number; state: DossierState; follow_up: unknown; urgency: number; next_due_on: string | null; pillars: unknown };

/**
 * Structural equality of JSON values (what jsonb gives back against what the rules derived):
 * object keys in any order, the same key count, arrays in order. As isDeepStrictEqual for JSON
 * data, without its generic checks (prototypes, symbols, Maps): the job's change check runs it on
 * every dossier every night.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** A promise whose rejection is handled where it is awaited, or dropped if the run stops first. */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * The daily follow-up (opvolgingslijst): recomputes pillars, deadlines and follow-up items of every
 * running dossier of every agency for `asOf`, and writes only what changed. Pages through the
 * dossiers by id, so memory stays at a few batches whatever the number of dossiers; running it
 * twice for the same day changes nothing the second time.
 *
 * Pipelined (bench/trajectory-follow-up.ts): the next batch is read while this one is evaluated,
 * and a batch's update runs while the next is evaluated (one update in flight at most), so the
 * database's work (reading and writing jsonb) and Node's (parsing, the rules) overlap.
 */
export async function recomputeFollowUp(db: Database, asOf: string, options: { batchSize?: number } = {}): Promise<FollowUpRun> {
  const batchSize = options.batchSize ?? 2000;
  const read = (after: string) =>
    started(
      queryRows<FollowUpRow>(
        db.owner,
        sql`select id, version, state, follow_up, urgency, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on, pillars from dossiers
          where id > ${after}::uuid and status not in ('closed', 'transferred') order by id limit ${batchSize}`,
      ),
    );
  let dossiers = 0;
  let changed = 0;
  let next: Promise<FollowUpRow[]> = read('00000000-0000-0000-0000-000000000000');
  let writing: Promise<unknown> | null = null;
  try {
    for (;;) {
      const rows = await next;
      if (!rows.length) break;
      next = read(rows.at(-1)!.id);
      const updates = [];
      for (const row of rows) {
        const derived = deriveDossier(row.state, asOf);
        const same =
          row.urgency === derived.urgency &&
          row.next_due_on === derived.nextDueOn &&
          // jsonb reorders object keys, so compare structurally, not as text.
          sameJson(row.follow_up, derived.followUp) &&
          sameJson(row.pillars, derived.pillars);
        if (!same) {
          updates.push({ id: row.id, version: row.version, follow_up: derived.followUp, next_due_on: derived.nextDueOn, urgency: derived.urgency, pillars: derived.pillars });
        }
      }
      if (updates.length) {
        if (writing) await writing;
        // One statement per batch: the whole batch travels as one JSON parameter. A dossier changed by
        // an action since it was read keeps what that action derived (the version no longer matches).
        writing = started(
          db.owner.execute(sql`update dossiers d set follow_up = u.follow_up, next_due_on = u.next_due_on, urgency = u.urgency,
              pillars = u.pillars, computed_on = ${asOf}::date
            from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id uuid, version int, follow_up jsonb, next_due_on date, urgency smallint, pillars jsonb)
            where d.id = u.id and d.version = u.version`),
        );
      }
      dossiers += rows.length;
      changed += updates.length;
    }
    if (writing) await writing;
  } finally {
    // On a failure, let the statements still running end before the caller goes on (or closes the pool).
    await Promise.allSettled([next, ...(writing ? [writing] : [])]);
  }
  return { asOf, dossiers, changed };
}

/** Every night at 01:15 Brussels time. */
export function followUpJob(db: Database, clock: () => Date): JobDefinition {
  return {
    name: 'trajectory.follow-up',
    schedule: '15 1 * * *',
    async handler() {
      await recomputeFollowUp(db, belgianDate(clock()));
    },
  };
}
