/**
 * Seeds the person registry directly through the persons module (preparePersonRecord + insertPerson,
 * plus the search terms that createPerson writes, when the module has them), in batched tenant
 * transactions, several batches at a time on PostgreSQL.
 */
import { withTenant, type Database } from '../server/src/platform/db/database';
import { insertPerson } from '../server/src/modules/persons/persons.queries';
import { preparePersonRecord } from '../server/src/modules/persons/rules/person-record';
import type { PersonRecord } from '../server/src/modules/persons/rules/person-record';
import { Rng } from '../server/src/platform/rng';
import { writeSearchTerms } from './search-adapter';
import { generatePerson, namePools, SEED_INSZ_MIX, type GeneratedPerson } from '../server/src/modules/persons/synthetic';

export const AGII_TENANT = '00000000-0000-4000-8000-000000000001';

export interface SeedResult {
  ids: string[];
  /** Every n-th person, to derive search queries from. */
  sample: GeneratedPerson[];
  withInsz: number;
  byScript: Record<string, number>;
  seconds: number;
}

export interface SeedOptions {
  count: number;
  seed: number;
  batchSize?: number;
  /** Batches in flight at once; PGlite runs one query at a time anyway. */
  parallel?: number;
  onProgress?: (done: number) => void;
  /** Checked between batches: stop early (Ctrl-C) and let the caller clean up. */
  shouldStop?: () => boolean;
}

export async function seedPersons(db: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const rng = new Rng(options.seed);
  const pools = namePools(options.seed);
  const usedInsz = new Set<string>();
  const today = new Date().toISOString().slice(0, 10);
  const batchSize = options.batchSize ?? 1000;
  const parallel = db.kind === 'pglite' ? 1 : (options.parallel ?? 6);
  const sampleEvery = Math.max(1, Math.floor(options.count / 5000));
  const ids: string[] = [];
  const sample: GeneratedPerson[] = [];
  const byScript: Record<string, number> = {};
  let withInsz = 0;

  // Records are prepared up front per batch (pure, CPU only), then inserted in one transaction.
  const makeBatch = (size: number) => {
    const batch: { id: string; record: PersonRecord }[] = [];
    for (let i = 0; i < size; i++) {
      const person = generatePerson(rng, { pools, insz: SEED_INSZ_MIX, usedInsz });
      const prepared = preparePersonRecord(person.facts, today);
      if (!prepared.ok) throw new Error(`Generated person is invalid: ${JSON.stringify(prepared.problems)} ${JSON.stringify(person.facts)}`);
      const id = rng.uuid();
      batch.push({ id, record: prepared.record });
      ids.push(id);
      if (ids.length % sampleEvery === 0) sample.push(person);
      byScript[person.script] = (byScript[person.script] ?? 0) + 1;
      if (prepared.record.insz) withInsz++;
    }
    return batch;
  };

  const scope = { tenantId: AGII_TENANT, userId: null, purpose: 'administration' };
  let made = 0;
  let done = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let nextAnalyzeAt = batchSize;
  while (made < options.count && !failure) {
    if (options.shouldStop?.()) {
      failure = new Error('seeding interrupted');
      break;
    }
    const batch = makeBatch(Math.min(batchSize, options.count - made));
    made += batch.length;
    const tracked: Promise<void> = withTenant(db, scope, async (tx) => {
      for (const { id, record } of batch) {
        await insertPerson(tx, id, AGII_TENANT, null, record);
        await writeSearchTerms(tx, AGII_TENANT, id, record);
      }
    })
      .then(() => {
        done += batch.length;
        options.onProgress?.(done);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= parallel) await Promise.race(inFlight);
    // Fresh statistics as the tables grow (as autovacuum would do, and some servers run without it):
    // planned on a never-analysed table, the per-person statements can pick a full index scan.
    if (done >= nextAnalyzeAt && !failure) {
      await db.rawQuery('analyze');
      nextAnalyzeAt = done * 2;
    }
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  await db.rawQuery('analyze');
  return { ids, sample, withInsz, byScript, seconds: (performance.now() - started) / 1000 };
}
