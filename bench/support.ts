/**
 * What the suites in bench/ share: a fresh database per suite, HTTP calls against the platform,
 * resource sampling (memory, CPU of this process and of a local PostgreSQL), and the entry point
 * that runs a suite per database kind and writes bench/RESULTS.md.
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../server/src/platform/db/database';
import { migrate } from '../server/src/platform/db/migrate';
import { startKruispunt } from '../server/src/platform/server';
import type { DecisionContext } from '../server/src/modules/trajectory/dossier/decide';
import { clientProfiles } from '../server/src/modules/trajectory/trajectory.service';
import { updateResultsFile } from './report';

export type BenchKind = 'postgres' | 'pglite';
export type Log = (message: string) => void;
/** Registers a cleanup step with the caller; the steps run in reverse order. */
export type RegisterCleanup = (name: string, fn: () => Promise<void>) => void;

export const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Databases

/** One statement on the PostgreSQL server at `baseUrl` (create / drop database), on its own connection. */
export async function adminQuery(baseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database for one suite run: on PostgreSQL `name` is (re)created at `baseUrl` and
 * dropped at cleanup; on PGlite one in memory. Closing it is registered as a cleanup too.
 */
export async function openSuiteDatabase(options: {
  kind: BenchKind;
  baseUrl: string;
  name: string;
  log: Log;
  onCleanup: RegisterCleanup;
  /** Added to the PostgreSQL label, e.g. the pool size. */
  postgresNote?: string;
  /** Connect to the database kept by an earlier run (BENCH_KEEP_DATABASE=1) instead of recreating it. */
  reuse?: boolean;
}): Promise<{ db: Database; label: string; version: string }> {
  const { kind, baseUrl, name, log, onCleanup } = options;
  let db: Database;
  let label: string;
  if (kind === 'postgres') {
    if (!options.reuse) {
      await adminQuery(baseUrl, `drop database if exists "${name}" with (force)`);
      await adminQuery(baseUrl, `create database "${name}"`);
    }
    // BENCH_KEEP_DATABASE=1 leaves the seeded database behind, to look at plans by hand afterwards.
    if (process.env.BENCH_KEEP_DATABASE === '1' || options.reuse) log(`keeping database ${name}`);
    else
      onCleanup(`drop database ${name}`, async () => {
        await adminQuery(baseUrl, `drop database if exists "${name}" with (force)`);
        log(`dropped database ${name}`);
      });
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    db = await openDatabase({ kind: 'postgres', url: url.toString() });
    label = `PostgreSQL database ${name}${options.postgresNote ? `, ${options.postgresNote}` : ''}`;
  } else {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    label = 'PGlite in memory';
  }
  onCleanup(`close ${kind} database`, () => db.close());
  await migrate(db);
  const version = ((await db.rawQuery('select version() as v')).rows[0] as { v: string }).v.split(' on ')[0]!;
  return { db, label, version };
}

/** The total size of the dossiers table, pretty-printed by PostgreSQL. */
export async function dossiersTableSize(db: Database): Promise<string> {
  return ((await db.rawQuery(`select pg_size_pretty(pg_total_relation_size('dossiers')) as s`)).rows[0] as { s: string }).s;
}

/** (Re)creates the throwaway `bench_variants` table (`idx int primary key, ${columns}`) and fills it from JSON rows, `batch` rows a statement. */
export async function insertVariants(db: Database, columns: string, rows: readonly object[], batch: number): Promise<void> {
  await db.rawQuery(`drop table if exists bench_variants; create unlogged table bench_variants (idx int primary key, ${columns})`);
  for (let i = 0; i < rows.length; i += batch) {
    await db.rawQuery(`insert into bench_variants select * from jsonb_to_recordset($1::jsonb) as v(idx int, ${columns})`, [JSON.stringify(rows.slice(i, i + batch))]);
  }
}

/** Drops `bench_variants` and runs vacuum analyze on persons and dossiers; gives the seconds of the latter. */
export async function finishSeeding(db: Database): Promise<number> {
  await db.rawQuery('drop table bench_variants');
  const analyzeStart = performance.now();
  await db.rawQuery('vacuum analyze persons');
  await db.rawQuery('vacuum analyze dossiers');
  return (performance.now() - analyzeStart) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Seeding

/** The context `openDossier` / `decide` play a seeded dossier in: numbered certificates and ids (`${idPrefix}0000001` …). */
export function seedDecisionContext(today: string, birthDate: string, idPrefix: string): DecisionContext {
  let counter = 0;
  return {
    today,
    person: { birthDate },
    profiles: clientProfiles(),
    certificateNumber: (kind) => `BENCH-${kind}-${++counter}`,
    newId: () => `${idPrefix}${(++counter).toString(16).padStart(7, '0')}`,
  };
}

/** The intake answers of a seeded dossier unless a template says otherwise. */
export const INTAKE_DEFAULTS = {
  language: 'ar',
  interpreterUsed: true,
  education: { level: 'secondary', diplomaAbroad: false },
  working: false,
  studying: false,
  allowedToWork: true,
  literacy: 'literate-other-script',
  digitalSkills: { hasDevice: true, hasInternet: true, answers: { smartphone: 2, email: 1, onlineForms: 1, videoCall: 2 } },
  family: { partner: true, children: 2 },
  goals: ['werk vinden'],
};

/** SQL: one of ten given names for row `t.i` of an `unnest … with ordinality as t(…, i)`. */
export const GIVEN_NAME_SQL = `(array['Amina','Yusuf','Olena','Mohammed','Fatima','Tesfaye','Ivan','Aisha','Karim','Leila'])[1 + (t.i % 10)]`;

// ---------------------------------------------------------------------------------------------
// HTTP

/**
 * Starts the platform on `db` (port chosen by the system, jobs off, production mode, `admin` as the
 * first administrator), registers its closing, and gives it with its address.
 */
export async function startBenchServer(
  db: Database,
  kind: BenchKind,
  admin: { email: string; password: string },
  register: RegisterCleanup,
  options: { logLevel?: string; clock?: () => Date } = {},
) {
  const kp = await startKruispunt(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      KRUISPUNT_JOBS: 'off',
      LOG_LEVEL: options.logLevel || 'silent',
      NODE_ENV: 'production',
      KRUISPUNT_ADMIN_EMAIL: admin.email,
      KRUISPUNT_ADMIN_PASSWORD: admin.password,
      ...(kind === 'postgres' && db.url ? { DATABASE_URL: db.url } : {}),
    },
    { database: db, ...(options.clock ? { clock: options.clock } : {}) },
  );
  register('close Kruispunt', () => kp.close());
  const address = kp.app.server.address();
  return { kp, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

export interface ApiResponse {
  status: number;
  json: unknown;
  /** Milliseconds from the request to the whole body read. */
  ms: number;
}

export async function api(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  const start = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...options.headers,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const ms = performance.now() - start;
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json, ms };
}

export async function signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const r = await api(baseUrl, 'POST', '/api/v1/session', { body: credentials });
  if (r.status !== 200) throw new Error(`Sign-in of ${credentials.email} failed: ${r.status} ${JSON.stringify(r.json)}`);
  return (r.json as { token: string }).token;
}

export function expectStatus(r: ApiResponse, status: number, what: string): Record<string, unknown> {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json).slice(0, 500)}`);
  return r.json as Record<string, unknown>;
}

/** The administrator creates a user (locale nl), who then signs in; gives the user's token. */
export async function createUserAndSignIn(
  baseUrl: string,
  admin: { email: string; password: string },
  user: { email: string; password: string; displayName: string; organisationId: string; roles: string[] },
  what: string,
): Promise<string> {
  const adminToken = await signIn(baseUrl, admin);
  expectStatus(await api(baseUrl, 'POST', '/api/v1/users', { token: adminToken, body: { ...user, locale: 'nl' } }), 201, what);
  return signIn(baseUrl, { email: user.email, password: user.password });
}

/** Runs `work(i)` for i = 0 … count−1 with at most `limit` in flight. */
export async function pool(count: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Resources

export const mb = (n: number) => n / (1024 * 1024);

/** CPU seconds of the local PostgreSQL server processes (whole seconds; backends that exit meanwhile are lost). */
export function postgresCpuSeconds(): number | null {
  try {
    const out = execSync('ps -C postgres -o times=', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const values = out.split('\n').map((l) => Number(l.trim())).filter((v) => Number.isFinite(v) && v >= 0);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  } catch {
    return null;
  }
}

export interface Resources {
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  rssBeforeMb: number;
  heapBeforeMb: number;
  cpuUserS: number;
  cpuSystemS: number;
  /** null unless `postgresCpu` was asked for and `ps` answered. */
  pgCpuS: number | null;
}

/**
 * Runs `fn`, sampling this process's RSS and heap every 100 ms for their peaks, and its CPU time;
 * with `postgresCpu` also that of the local PostgreSQL server (PGlite runs inside this process).
 * `gcFirst` collects garbage first when node runs with --expose-gc.
 */
export async function measureResources<T>(fn: () => Promise<T>, options: { postgresCpu: boolean; gcFirst?: boolean }): Promise<{ value: T } & Resources> {
  if (options.gcFirst && global.gc) global.gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  const cpu0 = process.cpuUsage();
  const pg0 = options.postgresCpu ? postgresCpuSeconds() : null;
  const t0 = performance.now();
  let value: T;
  try {
    value = await fn();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = options.postgresCpu ? postgresCpuSeconds() : null;
  const end = process.memoryUsage();
  return {
    value,
    seconds,
    peakRssMb: mb(Math.max(peakRss, end.rss)),
    peakHeapMb: mb(Math.max(peakHeap, end.heapUsed)),
    rssBeforeMb: mb(before.rss),
    heapBeforeMb: mb(before.heapUsed),
    cpuUserS: cpu.user / 1e6,
    cpuSystemS: cpu.system / 1e6,
    pgCpuS: pg0 !== null && pg1 !== null && pg1 >= pg0 ? pg1 - pg0 : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Latency rows and the machine note, as the HTTP suites report them

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function stats(values: readonly number[]) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? NaN, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

/** HTTP statuses with their counts, e.g. `1,000 × 200, 3 × 409`. */
export const statusCounts = (statuses: readonly number[]) => {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${c.toLocaleString('en-US')} × ${s}`).join(', ');
};

/** CPU seconds of this process, and of PostgreSQL when sampled: `12.3 / 45`. */
export const cpuText = (m: { cpuUserS: number; cpuSystemS: number; pgCpuS: number | null }) => `${(m.cpuUserS + m.cpuSystemS).toFixed(1)}${m.pgCpuS === null ? '' : ` / ${m.pgCpuS.toFixed(0)}`}`;

/** One measured HTTP bench, a row of the results table. */
export interface LatencyRow {
  bench: string;
  requests: number;
  seconds: number;
  perSecond: string;
  p50: number;
  p95: number;
  max: number;
  statuses: string;
  check: string;
  peakRssMb: number;
  peakHeapMb: number;
  cpu: string;
}

/** The results table of latency rows, with `digits` decimals for the milliseconds. */
export function latencyTable(rows: readonly LatencyRow[], digits: number): string {
  return [
    '| Bench | Requests | Wall s | Throughput | p50 ms | p95 ms | max ms | Answers | Check | Peak RSS MB | Peak heap MB | CPU s Node / PostgreSQL |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.bench} | ${r.requests.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ${r.perSecond} | ${r.p50.toFixed(digits)} | ${r.p95.toFixed(digits)} | ${r.max.toFixed(digits)} | ${r.statuses} | ${r.check} | ${r.peakRssMb.toFixed(0)} | ${r.peakHeapMb.toFixed(0)} | ${r.cpu} |`,
    ),
  ].join('\n');
}

/** The machine line of a suite's notes: CPUs, Node, the load average now. */
export function machineNote(): string {
  return `- Machine: \`nproc\` ${execSync('nproc', { encoding: 'utf8' }).trim()}, Node ${process.version}; load average (1 min) at the end ${loadavg()[0]!.toFixed(1)}. The server, the clients (plain fetch in the same process) and PostgreSQL share the CPUs.`;
}

// ---------------------------------------------------------------------------------------------
// Results and entry points


/** Prints a suite's section (table, verdict, notes) and gives it with its heading for RESULTS.md. */
export function suiteSection(heading: string, table: string, verdict: string, notes: readonly string[]): string {
  process.stdout.write(`\n${table}\n\n${verdict}\n\n${notes.join('\n')}\n\n`);
  return `## ${heading} — run ${new Date().toISOString()}\n\n${table}\n\n${verdict}\n\n${notes.join('\n')}`;
}

export interface SuiteRunOptions {
  kind: BenchKind;
  log: Log;
  /** Registers a cleanup step (drop the database) with the caller; run in reverse order. */
  onCleanup: RegisterCleanup;
}

/**
 * Runs a suite once per database kind (draining the cleanups after each), the sections named
 * `${prefix}-${kind}`, and updates bench/RESULTS.md unless BENCH_WRITE_RESULTS=0.
 */
export async function runSuite(
  prefix: string,
  run: (options: SuiteRunOptions) => Promise<string>,
  kinds: BenchKind[],
  log: Log,
  register: RegisterCleanup,
  drain: () => Promise<void>,
): Promise<void> {
  const sections: Record<string, string> = {};
  for (const kind of kinds) {
    try {
      sections[`${prefix}-${kind}`] = await run({ kind, log, onCleanup: register });
    } finally {
      await drain();
    }
  }
  if (process.env.BENCH_WRITE_RESULTS !== '0') {
    updateResultsFile(RESULTS_FILE, sections);
    log(`updated ${RESULTS_FILE}`);
  }
}

/** True when the module with this `import.meta.url` is the script node was started with. */
export const isMain = (moduleUrl: string) => !!process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href;

/**
 * Runs a suite file directly (not through run.ts): a timed log, cleanups on SIGINT and at the end,
 * BENCH_ONLY=pglite|postgres or, unset, `defaultKinds`.
 */
export function runDirectly(
  main: (kinds: BenchKind[], log: Log, register: RegisterCleanup, drain: () => Promise<void>) => Promise<void>,
  defaultKinds: readonly BenchKind[],
): void {
  const t0 = performance.now();
  const log = (message: string) => process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
  const steps: { name: string; fn: () => Promise<void> }[] = [];
  const drain = async () => {
    while (steps.length) {
      const step = steps.pop()!;
      await step.fn().catch((error: unknown) => console.error(`cleanup '${step.name}' failed: ${(error as Error).message}`));
    }
  };
  process.on('SIGINT', () => void drain().finally(() => process.exit(130)));
  const only = process.env.BENCH_ONLY;
  const kinds: readonly BenchKind[] | null = only === 'pglite' || only === 'postgres' ? [only] : !only ? defaultKinds : null;
  if (!kinds) {
    console.error(`BENCH_ONLY must be 'pglite' or 'postgres', got ${JSON.stringify(only)}`);
    process.exit(2);
  }
  main([...kinds], log, (name, fn) => steps.push({ name, fn }), drain).then(
    () => process.exit(0),
    async (error: unknown) => {
      await drain();
      console.error(error);
      process.exit(1);
    },
  );
}
