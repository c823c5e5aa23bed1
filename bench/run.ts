/**
 * Kruispunt load benchmark: person search and person create through the real platform
 * (startKruispunt, authenticated as a case worker) beside a bare Fastify route that does one
 * primary-key query on the same Database, on PGlite and on PostgreSQL.
 *
 *   npm run bench
 *
 * Environment (all optional):
 *   BENCH_ONLY=pglite|postgres     run one database only
 *   BENCH_DATABASE_URL             PostgreSQL server (default postgres://root@127.0.0.1:5432/test); a
 *                                  fresh database kp_bench_<timestamp> is created there and dropped
 *   BENCH_PG_PERSONS=200000        persons seeded on PostgreSQL
 *   BENCH_PGLITE_PERSONS=20000     persons seeded on PGlite
 *   BENCH_SECONDS=10               measured seconds per scenario
 *   BENCH_WARMUP_SECONDS=2         unmeasured warm-up per scenario (0 = none)
 *   BENCH_CONNECTIONS=50           concurrent clients
 *   BENCH_PG_POOL                  pool size (default: the platform's default, 20)
 *   BENCH_PGLITE_DIR               PGlite data directory; 'memory' for in-memory (default: a temp dir)
 *   BENCH_SEED=20240601            seed of the synthetic population and the requests
 *   BENCH_WRITE_RESULTS=1          0 = do not update bench/RESULTS.md
 *   BENCH_KEEP_DATABASE=0          1 = keep the PostgreSQL bench databases afterwards (to study plans by hand)
 *   BENCH_PG_SYNCHRONOUS_COMMIT    experiment only: synchronous_commit of the bench database (e.g. off), to
 *                                  see how much of the latency is the WAL flush at each commit
 *   BENCH_DIAGNOSTIC_SEARCH=1      0 = skip the two diagnostic rows: the same name-search queries on the
 *                                  bare server as the schema owner (no RLS, auth, transaction or audit: what
 *                                  the query itself costs), and Kruispunt's search route with INSZ queries
 *                                  (one index look-up: the platform's per-request floor)
 *   BENCH_SUITE=all                load | trajectory-follow-up | planning | interpreting | portal | reports | demo-population | all: the load bench above, the daily
 *                                  follow-up job over running dossiers (bench/trajectory-follow-up.ts, its
 *                                  own variables there), the MO planning benches (bench/planning.ts: filling
 *                                  courses, concurrent test bookings, the waiting-list figures; its own
 *                                  variables there), the interpreting benches (bench/interpreting.ts: ranking
 *                                  candidates over 3,000 interpreters and a year of requests, concurrent offers;
 *                                  its own variables there), the portal (bench/portal.ts: what the first page
 *                                  downloads, "my trajectory" for a long history through the API and in
 *                                  Chromium), the management figures (bench/reports.ts: the Flanders-scale demo
 *                                  population, the full yearly set of tables, three against hand-written SQL),
 *                                  the demo population's generation (bench/demo-population.ts: Flanders scale on
 *                                  PostgreSQL, small on PGlite; throughput and memory), or all of them one after the other
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { normalizeForSearch } from '../server/src/modules/persons/rules/names';
import { openDatabase, queryRows, withTenant, type Database, type Executor } from '../server/src/platform/db/database';
import { migrate } from '../server/src/platform/db/migrate';
import { BARE_PATH, BARE_SEARCH_PATH, startBareServer, type BareServer } from './bare';
import { LoadGenerator, type LoadResult } from './load';
import { machineDescription, memorySnapshot, resultsTable, updateResultsFile, type ScenarioRow } from './report';
import { numberEnv } from './env';
import { Rng } from '../server/src/platform/rng';
import { nameSearch, searchImplementationLabel } from './search-adapter';
import { AGII_TENANT, seedPersons, type SeedResult } from './seed';
import { searchPaths } from './synthetic';
import { mainTrajectoryFollowUp } from './trajectory-follow-up';
import { mainPlanning } from './planning';
import { mainInterpreting } from './interpreting';
import { mainPortal } from './portal';
import { mainReports } from './reports';
import { mainDemoPopulation } from './demo-population';
import { api, createUserAndSignIn, startBenchServer } from './support';

type Kind = 'pglite' | 'postgres';

const env = process.env;

const only = env.BENCH_ONLY;
if (only !== undefined && only !== '' && only !== 'pglite' && only !== 'postgres') {
  console.error(`BENCH_ONLY must be 'pglite' or 'postgres', got ${JSON.stringify(only)}`);
  process.exit(2);
}
const config = {
  targets: (only ? [only] : ['pglite', 'postgres']) as Kind[],
  baseUrl: env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test',
  persons: { pglite: numberEnv('BENCH_PGLITE_PERSONS', 20_000), postgres: numberEnv('BENCH_PG_PERSONS', 200_000) } as Record<Kind, number>,
  seconds: numberEnv('BENCH_SECONDS', 10),
  warmup: numberEnv('BENCH_WARMUP_SECONDS', 2),
  connections: numberEnv('BENCH_CONNECTIONS', 50),
  pool: env.BENCH_PG_POOL ? numberEnv('BENCH_PG_POOL', 20) : undefined,
  pgliteDir: env.BENCH_PGLITE_DIR,
  seed: numberEnv('BENCH_SEED', 20240601),
  writeResults: env.BENCH_WRITE_RESULTS !== '0',
  diagnosticSearch: env.BENCH_DIAGNOSTIC_SEARCH !== '0',
  synchronousCommit: (() => {
    const value = env.BENCH_PG_SYNCHRONOUS_COMMIT;
    if (!value) return null;
    if (!['on', 'off', 'local', 'remote_write', 'remote_apply'].includes(value)) throw new Error(`BENCH_PG_SYNCHRONOUS_COMMIT: unknown value ${JSON.stringify(value)}`);
    return value;
  })(),
};

const TARGET = { persons: 200_000, clients: 50, p95Ms: 30, ratio: 0.5 };
const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password-0001' };
const WORKER = { email: 'bench-case-worker@example.org', password: 'bench-case-worker-password-0001' };

const t0 = performance.now();
function log(message: string): void {
  process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

/** Cleanup steps, run in reverse order on normal exit, on error and on Ctrl-C. */
const cleanups: { name: string; fn: () => Promise<void> }[] = [];
let cleaning: Promise<void> | null = null;
/** Runs the registered cleanup steps; a second caller (Ctrl-C during an error) waits for the same run. */
function runCleanups(): Promise<void> {
  cleaning ??= runCleanupSteps().finally(() => {
    cleaning = null;
  });
  return cleaning;
}
async function runCleanupSteps(): Promise<void> {
  // Keeps the process alive while a step waits on something that no longer holds a handle open.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    while (cleanups.length) {
      const step = cleanups.pop()!;
      let timer: NodeJS.Timeout | undefined;
      try {
        // A step that hangs (a pool waiting for a connection still busy) must not keep the database from being dropped.
        await Promise.race([
          step.fn(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('timed out after 15 s')), 15_000);
          }),
        ]);
      } catch (error) {
        console.error(`cleanup '${step.name}' failed: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    clearInterval(keepAlive);
  }
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: cleaning up (dropping the bench database, closing servers)…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a fresh database per run

async function adminClient(baseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const e = error as Error & { code?: string };
    throw new Error(
      `PostgreSQL is not reachable at ${redact(baseUrl)} (${e.code ?? e.name}: ${e.message}).\n` +
        '  Start a PostgreSQL server there, point BENCH_DATABASE_URL at one (the user must be allowed to CREATE DATABASE),\n' +
        '  or run the embedded database only with BENCH_ONLY=pglite.',
    );
  }
  return client;
}

async function createBenchDatabase(baseUrl: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `kp_bench_${Date.now()}`;
  const client = await adminClient(baseUrl);
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = await adminClient(baseUrl);
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

async function caseWorkerToken(baseUrl: string): Promise<string> {
  return createUserAndSignIn(baseUrl, ADMIN, { ...WORKER, displayName: 'Bench Case Worker', organisationId: AGII_TENANT, roles: ['case-worker'] }, 'Creating the case worker failed');
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: what does the search query cost on its own, and which plan does it get?

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** An executor that answers every query with nothing, after recording the query's EXPLAIN. */
function explainingExecutor(ex: Executor, plans: string[][]): Executor {
  return new Proxy(ex, {
    get(target, prop) {
      if (prop === 'execute') {
        return async (query: SQL) => {
          const rows = await queryRows<{ 'QUERY PLAN': string }>(target, sql`explain ${query}`);
          plans.push(rows.map((r) => r['QUERY PLAN']));
          return { rows: [] };
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function planSummary(plan: string[] | undefined): string {
  if (!plan) return '(no query)';
  return plan
    .filter((line) => line.includes('(cost='))
    .map((line) => line.replace(/\s+\(cost=[^)]*\)/, '').trim().replace(/^->\s*/, ''))
    .join(' → ');
}

async function searchDiagnostics(db: Database, seeded: SeedResult): Promise<string> {
  const rng = new Rng(config.seed + 7);
  const terms = Array.from({ length: 15 }, () => {
    const family = normalizeForSearch(rng.pick(seeded.sample).facts.familyName).split(' ')[0] ?? 'bra';
    return family.slice(0, Math.min(family.length, rng.int(3, 5)));
  });
  const scope = { tenantId: AGII_TENANT, userId: null, purpose: 'trajectory-guidance' };
  const time = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  const rls: number[] = [];
  const owner: number[] = [];
  for (const term of terms) {
    rls.push(await time(() => withTenant(db, scope, (tx) => nameSearch(tx, AGII_TENANT, term, 20))));
    owner.push(await time(() => nameSearch(db.owner, AGII_TENANT, term, 20)));
  }
  const rlsPlans: string[][] = [];
  const ownerPlans: string[][] = [];
  await withTenant(db, scope, (tx) => nameSearch(explainingExecutor(tx, rlsPlans), AGII_TENANT, terms[0]!, 20));
  await nameSearch(explainingExecutor(db.owner, ownerPlans), AGII_TENANT, terms[0]!, 20);
  return [
    `- Name search in use: ${searchImplementationLabel}`,
    `- One name search over ${seeded.ids.length.toLocaleString('en-US')} persons, median of ${terms.length} single queries (3–5 letter family-name prefixes, no concurrency):`,
    `  - as the request runs it, in withTenant (begin, tenant settings and role, query, commit; row-level security applies): **${median(rls).toFixed(2)} ms**`,
    `  - the same query as the schema owner (row-level security bypassed): **${median(owner).toFixed(2)} ms**`,
    `- plan under RLS ('${terms[0]}'): \`${planSummary(rlsPlans[0])}\``,
    `- plan as owner: \`${planSummary(ownerPlans[0])}\``,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// One database

interface TargetReport {
  kind: Kind;
  rows: ScenarioRow[];
  notes: string[];
}

async function runScenario(
  load: LoadGenerator,
  label: string,
  request: Parameters<LoadGenerator['run']>[0],
): Promise<LoadResult> {
  if (config.warmup > 0) {
    log(`  ${label}: warm-up ${config.warmup}s`);
    await load.run({ ...request, seconds: config.warmup });
  }
  log(`  ${label}: ${config.seconds}s at ${request.connections} clients`);
  const result = await load.run(request);
  log(
    `  ${label}: ${result.okPerSec.toFixed(0)} req/s (2xx), p50 ${result.latencyMs.p50.toFixed(1)} ms, p95 ${result.latencyMs.p95.toFixed(1)} ms, ` +
      `p99 ${result.latencyMs.p99.toFixed(1)} ms, status ${JSON.stringify(result.statusCounts)}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  const m = memorySnapshot();
  log(`  ${label}: server process memory after the run: RSS ${m.rssMb.toFixed(0)} MB, heap ${m.heapUsedMb.toFixed(0)} / ${m.heapTotalMb.toFixed(0)} MB, external ${m.externalMb.toFixed(0)} MB`);
  return result;
}

async function runTarget(kind: Kind, load: LoadGenerator): Promise<TargetReport> {
  const persons = config.persons[kind];
  const notes: string[] = [];
  let db: Database;
  let databaseLabel: string;
  log(`== ${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}: ${persons.toLocaleString('en-US')} persons ==`);
  if (kind === 'postgres') {
    const bench = await createBenchDatabase(config.baseUrl);
    cleanups.push({ name: `drop database ${bench.name}`, fn: async () => (await bench.drop(), log(`dropped database ${bench.name}`)) });
    log(`created database ${bench.name}`);
    if (config.synchronousCommit) {
      const client = await adminClient(config.baseUrl);
      try {
        await client.query(`alter database "${bench.name}" set synchronous_commit = ${config.synchronousCommit}`);
      } finally {
        await client.end();
      }
    }
    db = await openDatabase({ kind: 'postgres', url: bench.url, ...(config.pool ? { poolSize: config.pool } : {}) });
    databaseLabel = `PostgreSQL database ${bench.name} on ${redact(config.baseUrl)}, pool ${config.pool ?? 20}`;
  } else {
    const inMemory = config.pgliteDir === 'memory';
    const dir = inMemory ? null : (config.pgliteDir ?? mkdtempSync(join(tmpdir(), 'kp-bench-pglite-')));
    if (dir && !config.pgliteDir) cleanups.push({ name: `remove ${dir}`, fn: async () => rmSync(dir, { recursive: true, force: true }) });
    db = await openDatabase({ kind: 'pglite', dataDir: dir });
    databaseLabel = `PGlite ${inMemory ? 'in memory' : `in ${dir}`}`;
  }
  cleanups.push({ name: `close ${kind} database`, fn: () => db.close() });

  const migrated = await migrate(db);
  log(`migrated (${migrated.length} migrations)`);
  const versionRow = (await db.rawQuery('select version() as v')).rows[0] as { v: string };
  notes.push(`- Database: ${databaseLabel}; ${versionRow.v.split(' on ')[0]}`);
  if (kind === 'postgres') {
    const settings = (await db.rawQuery(
      `select name, setting, unit from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'jit', 'work_mem', 'autovacuum') order by name`,
    )).rows as { name: string; setting: string; unit: string | null }[];
    notes.push(`- Server settings: ${settings.map((s) => `${s.name}=${s.setting}${s.unit ? ` ${s.unit}` : ''}`).join(', ')}`);
  }

  let lastReported = 0;
  const seeded = await seedPersons(db, {
    count: persons,
    seed: config.seed,
    shouldStop: () => interrupted,
    onProgress: (done) => {
      if (done - lastReported >= persons / 10 || done === persons) {
        lastReported = done;
        log(`seeded ${done.toLocaleString('en-US')} / ${persons.toLocaleString('en-US')}`);
      }
    },
  });
  const sizeRow = (await db.rawQuery(
    `select pg_size_pretty(pg_total_relation_size('persons')) as persons,
            pg_size_pretty(coalesce(pg_total_relation_size(to_regclass('person_search_terms')), 0)) as terms`,
  )).rows[0] as { persons: string; terms: string };
  const size = `persons ${sizeRow.persons}, person_search_terms ${sizeRow.terms} (tables + indexes)`;
  log(`seeded in ${seeded.seconds.toFixed(1)}s and analysed (${size})`);
  notes.push(
    `- Seeded ${seeded.ids.length.toLocaleString('en-US')} persons in ${seeded.seconds.toFixed(1)} s (preparePersonRecord + insertPerson, plus the search terms createPerson writes, in batched withTenant transactions, with ANALYZE whenever the table has doubled and at the end); ` +
      `scripts ${Object.entries(seeded.byScript).map(([s, n]) => `${s} ${n}`).join(', ')}; ${seeded.withInsz} with an INSZ; ${size}`,
  );

  const diagnostics = await searchDiagnostics(db, seeded);
  log(`search diagnostics:\n${diagnostics}`);
  notes.push(diagnostics);

  const { url: kpUrl } = await startBenchServer(db, kind, ADMIN, (name, fn) => cleanups.push({ name, fn }));
  const bare: BareServer = await startBareServer(db, AGII_TENANT, seeded.ids);
  cleanups.push({ name: 'close bare server', fn: () => bare.close() });
  log(`Kruispunt on ${kpUrl}, bare route on ${bare.url}${BARE_PATH}`);

  const token = await caseWorkerToken(kpUrl);
  const mix = searchPaths(new Rng(config.seed + 1), seeded.sample, 5000);
  notes.push(`- Search queries: ${mix.paths.length} pre-generated paths cycled in order (${mix.description})`);

  // Fail fast (with the answer) when the API does not answer as expected, before minutes of load.
  const probe = await api(kpUrl, 'GET', mix.paths[0]!, { token });
  if (probe.status !== 200) throw new Error(`Search probe failed: ${probe.status} ${JSON.stringify(probe.json)}`);
  const hits = mix.paths.slice(0, 50);
  let empty = 0;
  let total = 0;
  for (const path of hits) {
    const r = await api(kpUrl, 'GET', path, { token });
    const items = (r.json as { items?: unknown[] }).items ?? [];
    total += items.length;
    if (!items.length) empty++;
  }
  notes.push(`- Probe of the first ${hits.length} queries: ${(total / hits.length).toFixed(1)} results on average (limit 20), ${empty} with none`);

  const rows: ScenarioRow[] = [];
  const personsBefore = seeded.ids.length;
  const loadBefore = loadavg();
  const bareResult = await runScenario(load, 'bare PK route', { kind: 'bare', url: `${bare.url}${BARE_PATH}`, connections: config.connections, seconds: config.seconds });
  rows.push({ database: kind, scenario: 'bare: GET one person by id', persons: personsBefore, result: bareResult, ratio: null, memory: memorySnapshot() });
  const base = bareResult.okPerSec;

  const search = await runScenario(load, 'search', { kind: 'search', url: kpUrl, token, connections: config.connections, seconds: config.seconds, paths: mix.paths });
  rows.push({ database: kind, scenario: 'Kruispunt: GET /api/v1/persons?q=', persons: personsBefore, result: search, ratio: search.okPerSec / base, memory: memorySnapshot() });

  if (config.diagnosticSearch) {
    const barePaths = mix.paths.map((p) => p.replace('/api/v1/persons?', `${BARE_SEARCH_PATH}?`));
    const ownerSearch = await runScenario(load, 'diagnostic owner search', { kind: 'search', url: bare.url, connections: config.connections, seconds: config.seconds, paths: barePaths });
    rows.push({ database: kind, scenario: 'diagnostic: same search query as owner, no RLS/auth/audit', persons: personsBefore, result: ownerSearch, ratio: ownerSearch.okPerSec / base, memory: memorySnapshot() });

    // The platform's own floor: the same route, but a query that is one index look-up (INSZ).
    const inszPaths = seeded.sample.flatMap((p) => (p.facts.insz ? [`/api/v1/persons?q=${p.facts.insz}&limit=20`] : []));
    if (inszPaths.length) {
      const inszSearch = await runScenario(load, 'diagnostic INSZ search', { kind: 'search', url: kpUrl, token, connections: config.connections, seconds: config.seconds, paths: inszPaths });
      rows.push({ database: kind, scenario: 'diagnostic: Kruispunt search by INSZ (index look-up)', persons: personsBefore, result: inszSearch, ratio: inszSearch.okPerSec / base, memory: memorySnapshot() });
    }
  }

  const create = await runScenario(load, 'create', { kind: 'create', url: kpUrl, token, connections: config.connections, seconds: config.seconds, seed: config.seed + 2 });
  rows.push({ database: kind, scenario: 'Kruispunt: POST /api/v1/persons', persons: personsBefore, result: create, ratio: create.okPerSec / base, memory: memorySnapshot() });
  const count = (await db.rawQuery('select count(*)::int as n from persons')).rows[0] as { n: number };
  notes.push(
    `- Machine load average (1/5/15 min) before the scenarios: ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}; after: ${loadavg().map((l) => l.toFixed(2)).join(' / ')} ` +
      `(${cpus().length} CPUs; the load generator, Node and the database share them)`,
  );
  notes.push(
    `- Create: unique synthetic persons, each with its own Idempotency-Key; persons after the run (warm-ups included): ${count.n.toLocaleString('en-US')}. ` +
      '409 answers (possible duplicate) are real work and counted under Non-2xx, not in req/s.',
  );

  // Close this target's servers and database now (and drop the PostgreSQL database) rather than at exit.
  await runCleanups();
  return { kind, rows, notes };
}

// ---------------------------------------------------------------------------------------------

function targetVerdict(reports: TargetReport[]): string {
  const pgReport = reports.find((r) => r.kind === 'postgres');
  const search = pgReport?.rows.find((r) => r.scenario.includes('GET /api/v1/persons'));
  if (!search) return 'Target (PostgreSQL search) not measured in this run.';
  const p95 = search.result.latencyMs.p95;
  const ratio = search.ratio ?? NaN;
  const fullSize = search.persons >= TARGET.persons && search.result.connections === TARGET.clients;
  return [
    `Target: on PostgreSQL, search over ${TARGET.persons.toLocaleString('en-US')} persons at ${TARGET.clients} concurrent clients answers p95 < ${TARGET.p95Ms} ms, ` +
      `and its req/s is at least ${TARGET.ratio} × the bare route.`,
    `- p95 = ${p95.toFixed(1)} ms → ${p95 < TARGET.p95Ms ? 'MET' : 'NOT MET'}`,
    `- ratio = ${ratio.toFixed(3)} → ${ratio >= TARGET.ratio ? 'MET' : 'NOT MET'}`,
    ...(fullSize ? [] : [`- (measured with ${search.persons.toLocaleString('en-US')} persons and ${search.result.connections} clients, not the target's ${TARGET.persons.toLocaleString('en-US')} / ${TARGET.clients})`]),
  ].join('\n');
}

const suite = env.BENCH_SUITE || 'all';
if (!['load', 'trajectory-follow-up', 'planning', 'interpreting', 'portal', 'reports', 'demo-population', 'all'].includes(suite)) {
  console.error(`BENCH_SUITE must be 'load', 'trajectory-follow-up', 'planning', 'interpreting', 'portal', 'reports', 'demo-population' or 'all', got ${JSON.stringify(suite)}`);
  process.exit(2);
}
const runTrajectoryFollowUp = () => mainTrajectoryFollowUp(config.targets, log, (name, fn) => cleanups.push({ name, fn }), runCleanups);
const runPlanning = () => mainPlanning(config.targets, log, (name, fn) => cleanups.push({ name, fn }), runCleanups);
const runInterpreting = () => mainInterpreting(config.targets, log, (name, fn) => cleanups.push({ name, fn }), runCleanups);
const runPortal = () => mainPortal(config.targets, log, (name, fn) => cleanups.push({ name, fn }), runCleanups);
// Reports run at the scale of Flanders, on PostgreSQL only unless BENCH_ONLY=pglite asks for a small one.
const runDemoPopulation = () => mainDemoPopulation(config.targets, log, (name, fn) => cleanups.push({ name, fn }), runCleanups);
const runReports = () => mainReports(env.BENCH_ONLY === 'pglite' ? ['pglite'] : ['postgres'], log, (name, fn) => cleanups.push({ name, fn }), runCleanups);

async function main(): Promise<void> {
  if (suite === 'trajectory-follow-up') return runTrajectoryFollowUp();
  if (suite === 'planning') return runPlanning();
  if (suite === 'interpreting') return runInterpreting();
  if (suite === 'portal') return runPortal();
  if (suite === 'reports') return runReports();
  if (suite === 'demo-population') return runDemoPopulation();
  log(
    `Kruispunt bench: ${config.targets.join(' + ')}, ${config.seconds}s per scenario (+${config.warmup}s warm-up), ${config.connections} clients, seed ${config.seed}`,
  );
  // Check PostgreSQL first, so an unreachable server fails in seconds, not after the PGlite run.
  if (config.targets.includes('postgres')) await (await adminClient(config.baseUrl)).end();

  const load = new LoadGenerator();
  cleanups.push({ name: 'stop load generator', fn: async () => load.close() });
  const reports: TargetReport[] = [];
  try {
    for (const kind of config.targets) {
      const outerCleanups = cleanups.splice(0);
      try {
        reports.push(await runTarget(kind, load));
      } finally {
        await runCleanups();
        cleanups.push(...outerCleanups);
      }
    }
  } finally {
    await runCleanups();
  }

  const allRows = reports.flatMap((r) => r.rows);
  const verdict = targetVerdict(reports);
  process.stdout.write(`\n${resultsTable(allRows)}\n\n${verdict}\n\n`);
  for (const r of reports) process.stdout.write(`${r.kind}:\n${r.notes.join('\n')}\n\n`);

  if (config.writeResults) {
    const date = new Date().toISOString();
    const sections: Record<string, string> = {
      machine: `## Machine\n\n${machineDescription()}\n\nSettings of the last run: ${config.seconds} s per scenario after a ${config.warmup} s warm-up, ${config.connections} concurrent clients (autocannon in a separate process), seed ${config.seed}.`,
    };
    for (const r of reports) {
      const title = r.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL';
      const verdictBlock = r.kind === 'postgres' ? `\n\n${verdict}` : '';
      sections[r.kind] = `## ${title} — run ${date}\n\n${resultsTable(r.rows)}${verdictBlock}\n\n${r.notes.join('\n')}`;
    }
    updateResultsFile(RESULTS_FILE, sections);
    log(`updated ${RESULTS_FILE}`);
  }
  if (suite === 'all') {
    await runTrajectoryFollowUp();
    await runPlanning();
    await runInterpreting();
    await runPortal();
    await runReports();
    await runDemoPopulation();
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await runCleanups();
    console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.stack && !error.message.startsWith('PostgreSQL is not reachable')) console.error(error.stack);
    process.exit(1);
  },
);
