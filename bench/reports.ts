/**
 * Management figures benchmark (issue 7, "Measured in bench/"), on PostgreSQL at the scale of
 * Flanders (the demo population: at least 10 years, about 500,000 persons):
 *
 *   (1) the full yearly set: every available published table for one year (reference-date tables at
 *       the published reference date), through the real HTTP API as a manager, one after the other;
 *       target under 10 s in all;
 *   (2) three tables next to hand-written SQL for the same figures (first sign-ups and first
 *       contracts by region, running contracts by region and target group on the reference date),
 *       run as the owner without the platform around it; target: each table within 2 × its
 *       hand-written query. The figures of both must agree, or the bench fails;
 *   (3) the dashboards, the data-quality view and every KPI trend (36 months, ten years), timed;
 *   memory of the process (server and client) throughout.
 *
 *   BENCH_SUITE=reports npm run bench        (or: npx tsx bench/reports.ts)
 *
 * The population is generated first (server/src/modules/reporting/demo, the same generator as
 * `npm run demo`), which takes a while at full scale; BENCH_REPORTS_REUSE=1 with
 * BENCH_KEEP_DATABASE=1 on an earlier run reuses the database kept then.
 *
 * Environment (all optional):
 *   BENCH_ONLY=pglite|postgres              default postgres only (PGlite runs a small scale when asked)
 *   BENCH_DATABASE_URL                      server (default postgres://root@127.0.0.1:5432/test); the database
 *                                           kruispunt_bench_reports is (re)created there and dropped at the end
 *   BENCH_REPORTS_SCALE=flanders            flanders | small | a fraction (PGlite: small)
 *   BENCH_REPORTS_YEARS=10                  full years before the as-of year
 *   BENCH_REPORTS_YEAR=2023                 the year of the set; reference date BENCH_REPORTS_REFERENCE_DATE=2024-02-21
 *   BENCH_REPORTS_RUNS=3                    runs per table in (2), the median counts
 *   BENCH_REPORTS_REUSE=0                   1 = do not generate: the kept database already holds the population
 *   BENCH_SEED=20240601
 *   BENCH_WRITE_RESULTS=1                   0 = do not update bench/RESULTS.md
 */
import { env } from 'node:process';
import { generateDemoPopulation } from '../server/src/modules/reporting/demo/population';
import { DEMO_USERS } from '../server/src/modules/reporting/demo/staff';
import { type Database } from '../server/src/platform/db/database';
import { numberEnv } from './env';
import {
  api,
  expectStatus,
  isMain,
  machineNote,
  measureResources,
  openSuiteDatabase,
  percentile,
  runDirectly,
  runSuite,
  signIn,
  startBenchServer,
  suiteSection,
  type BenchKind,
  type Log,
  type RegisterCleanup,
  type SuiteRunOptions,
} from './support';

const DB_NAME = 'kruispunt_bench_reports';
const AGII = '00000000-0000-4000-8000-000000000001';
const ADMIN = { email: 'bench-admin@agii.test', password: 'bench admin password, long enough' };
const DEMO_PASSWORD = 'bench demo password, long enough';
const TEN_SECONDS = 10_000;

interface CatalogueItem {
  id: string;
  available: boolean;
  parameter: 'year' | 'period' | 'reference-date' | null;
}

interface ReportAnswer {
  rows: Array<{ key: string; cells: Record<string, number>; total: number | null }>;
  totals: { cells: Record<string, number>; total: number | null } | null;
}

const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

function reportQuery(item: CatalogueItem, year: number, referenceDate: string): string {
  if (item.parameter === 'reference-date') return `referenceDate=${referenceDate}`;
  if (item.parameter === 'period') return `from=${year}-01-01&to=${year}-12-31`;
  return `year=${year}`;
}

/** (1) Every available table for the year, one after the other, as the manager would open them. */
async function fullYearlySet(url: string, token: string, year: number, referenceDate: string) {
  const catalogue = expectStatus(await api(url, 'GET', '/api/v1/reports', { token }), 200, 'catalogue') as { items: CatalogueItem[] };
  const available = catalogue.items.filter((i) => i.available);
  const times: Array<{ id: string; ms: number }> = [];
  const started = performance.now();
  for (const item of available) {
    const r = await api(url, 'GET', `/api/v1/reports/${item.id}?${reportQuery(item, year, referenceDate)}`, { token });
    expectStatus(r, 200, `report ${item.id}`);
    times.push({ id: item.id, ms: r.ms });
  }
  return { ms: performance.now() - started, times, unavailable: catalogue.items.length - available.length };
}

/**
 * (3) What a manager opens besides the tables: the dashboards (this year), the data-quality view,
 * and every KPI's trend as the web app first shows it (36 months by month) and over ten years.
 */
async function dashboardsAndTrends(url: string, token: string, year: number) {
  const today = new Date().toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const monthsBack = (n: number) => {
    const d = new Date(`${month}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - n);
    return d.toISOString().slice(0, 7);
  };
  const kpis = expectStatus(await api(url, 'GET', '/api/v1/kpis', { token }), 200, 'kpis') as { items: Array<{ id: string }> };
  const views: Array<[string, string]> = [
    ['MO dashboard', `/api/v1/dashboards/mo?from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`],
    ['regional dashboard', `/api/v1/dashboards/regions?year=${year}`],
    ['interpreting dashboard', `/api/v1/dashboards/interpreting?year=${year}`],
    ['data quality', `/api/v1/data-quality?year=${year}`],
    ...kpis.items.flatMap((k): Array<[string, string]> => [
      [`trend ${k.id}, 36 months`, `/api/v1/kpis/${k.id}/trend?from=${monthsBack(35)}&to=${month}&grain=month`],
      [`trend ${k.id}, 10 years`, `/api/v1/kpis/${k.id}/trend?from=${Number(month.slice(0, 4)) - 9}-01&to=${month}&grain=year`],
    ]),
  ];
  const times: Array<{ id: string; ms: number }> = [];
  for (const [id, path] of views) {
    const r = await api(url, 'GET', path, { token });
    expectStatus(r, 200, id);
    times.push({ id, ms: r.ms });
  }
  return times;
}

// ---------------------------------------------------------------------------------------------
// (2) Hand-written SQL for three tables: what a DBA would write for the same figures, as the owner.

/**
 * The person's region on a day, as the person's own journal has it: the last registration or
 * address change on or before the day (an address outside the areas is 'unknown'), else their
 * current region.
 */
const REGION_AT = (person: string, day: string) => `coalesce((select coalesce(r.payload #>> '{new,region}', 'unknown') from journal_entries r
    where r.tenant_id = $1 and r.dossier_id = ${person} and r.entry_type in ('person.registered', 'person.changed') and r.payload->'new'->'region' is not null
      and (r.effective_at at time zone 'Europe/Brussels')::date <= ${day}
    order by r.effective_at desc, r.id desc limit 1), (select p.region from persons p where p.id = ${person}), 'unknown')`;

const FIRST_BY_REGION = (entryType: string, dayField: string) => `
  with facts as (
    select (s.payload->>'personId')::uuid as person_id, (j.payload #>> '{command,${dayField}}')::date as day, j.payload->'copiedFromAgency' is null as own,
      row_number() over (partition by s.payload->>'personId' order by (j.payload #>> '{command,${dayField}}')::date, j.id) as nth
    from journal_entries j
    join journal_entries s on s.tenant_id = j.tenant_id and s.dossier_id = j.dossier_id and s.entry_type = 'dossier.signed-up'
    where j.tenant_id = $1 and j.entry_type = '${entryType}')
  select ${REGION_AT('f.person_id', 'f.day')} as region, count(*)::int as n
  from facts f where f.own and f.nth = 1 and f.day between $2::date and $3::date group by 1`;

/**
 * Contracts signed on or before the day, not ended by then (closure, exemption, a closing
 * certificate), in a dossier this agency held that day (the last transfer says where it went;
 * without one, where it began), by region and the target group decided by then.
 */
const RUNNING_BY_REGION_AND_TARGET = `
  select ${REGION_AT("(s.payload->>'personId')::uuid", '$2::date')} as region,
    coalesce((select case when g.payload #>> '{command,targetGroup}' = 'verplicht' then 'plicht' when g.payload #>> '{command,targetGroup}' in ('rechthebbend', 'tijdelijke-bescherming') then 'recht' end from journal_entries g
      where g.tenant_id = $1 and g.dossier_id = j.dossier_id and g.entry_type = 'dossier.intake-decided' and (g.effective_at at time zone 'Europe/Brussels')::date <= $2::date
      order by g.effective_at desc, g.id desc limit 1), 'onbekend') as target,
    count(*)::int as n
  from journal_entries j
  join journal_entries s on s.tenant_id = j.tenant_id and s.dossier_id = j.dossier_id and s.entry_type = 'dossier.signed-up'
  where j.tenant_id = $1 and j.entry_type = 'dossier.contract-signed' and (j.payload #>> '{command,signedOn}')::date <= $2::date
    and not exists (select 1 from journal_entries c where c.tenant_id = $1 and c.dossier_id = j.dossier_id
      and c.entry_type in ('dossier.closed', 'dossier.exemption-granted', 'dossier.certificate-issued') and (c.effective_at at time zone 'Europe/Brussels')::date <= $2::date)
    and coalesce((select t.payload->>'fromAgency' <> $1::text from journal_entries t
      where t.tenant_id = $1 and t.dossier_id = j.dossier_id and t.entry_type = 'dossier.transferred' and (t.effective_at at time zone 'Europe/Brussels')::date <= $2::date
      order by t.effective_at desc, t.id desc limit 1), s.payload->'copiedFromAgency' is null)
  group by 1, 2`;

interface Comparison {
  id: string;
  label: string;
  sql: string;
  params: (year: number, referenceDate: string) => unknown[];
  query: (year: number, referenceDate: string) => string;
  /** The figure per region (and column) from the report's answer, to compare with the SQL's rows. */
  figures: (answer: ReportAnswer) => Map<string, number>;
  sqlFigures: (rows: Array<{ region: string; target?: string; n: number }>) => Map<string, number>;
}

const byRegion = (answer: ReportAnswer, column: string) => new Map(answer.rows.map((r) => [r.key, r.cells[column] ?? 0]));
const COMPARISONS: Comparison[] = [
  {
    id: 'B08',
    label: 'first sign-ups by region',
    sql: FIRST_BY_REGION('dossier.signed-up', 'date'),
    params: (year) => [AGII, `${year}-01-01`, `${year}-12-31`],
    query: (year) => `year=${year}`,
    figures: (a) => byRegion(a, Object.keys(a.rows[0]?.cells ?? {}).at(-1) ?? ''),
    sqlFigures: (rows) => new Map(rows.map((r) => [r.region, r.n])),
  },
  {
    id: 'B12',
    label: 'first contracts by region',
    sql: FIRST_BY_REGION('dossier.contract-signed', 'signedOn'),
    params: (year) => [AGII, `${year}-01-01`, `${year}-12-31`],
    query: (year) => `year=${year}`,
    figures: (a) => byRegion(a, Object.keys(a.rows[0]?.cells ?? {}).at(-1) ?? ''),
    sqlFigures: (rows) => new Map(rows.map((r) => [r.region, r.n])),
  },
  {
    id: 'B15',
    label: 'running contracts by region and target group',
    sql: RUNNING_BY_REGION_AND_TARGET,
    params: (_year, referenceDate) => [AGII, referenceDate],
    query: (_year, referenceDate) => `referenceDate=${referenceDate}`,
    figures: (a) => new Map(a.rows.flatMap((r) => ['recht', 'plicht', 'onbekend'].map((c) => [`${r.key}|${c}`, r.cells[c] ?? 0] as const))),
    sqlFigures: (rows) => new Map(rows.map((r) => [`${r.region}|${r.target}`, r.n])),
  },
];

/** Where the report and the SQL disagree (only keys either has with a non-zero figure). */
function differences(report: Map<string, number>, handWritten: Map<string, number>): string[] {
  const keys = new Set([...report.keys(), ...handWritten.keys()]);
  return [...keys].filter((k) => (report.get(k) ?? 0) !== (handWritten.get(k) ?? 0) && (report.has(k) || (handWritten.get(k) ?? 0) !== 0)).map((k) => `${k}: report ${report.get(k) ?? '—'}, SQL ${handWritten.get(k) ?? 0}`);
}

async function compare(db: Database, url: string, token: string, c: Comparison, year: number, referenceDate: string, runs: number) {
  const reportMs: number[] = [];
  const sqlMs: number[] = [];
  let answer: ReportAnswer | null = null;
  let rows: Array<{ region: string; target?: string; n: number }> = [];
  for (let i = 0; i < runs; i++) {
    const r = await api(url, 'GET', `/api/v1/reports/${c.id}?${c.query(year, referenceDate)}`, { token });
    answer = expectStatus(r, 200, `report ${c.id}`) as unknown as ReportAnswer;
    reportMs.push(r.ms);
    const t = performance.now();
    rows = (await db.rawQuery(c.sql, c.params(year, referenceDate))).rows as typeof rows;
    sqlMs.push(performance.now() - t);
  }
  const diff = differences(c.figures(answer!), c.sqlFigures(rows));
  return { report: median(reportMs), sql: median(sqlMs), diff };
}

// ---------------------------------------------------------------------------------------------

export async function runReportsBench(options: SuiteRunOptions): Promise<string> {
  const { kind, log } = options;
  const pgl = kind === 'pglite';
  const scaleEnv = env.BENCH_REPORTS_SCALE || (pgl ? 'small' : 'flanders');
  const scale = scaleEnv === 'small' || scaleEnv === 'flanders' ? scaleEnv : Number(scaleEnv);
  const years = numberEnv('BENCH_REPORTS_YEARS', pgl ? 3 : 10);
  const year = numberEnv('BENCH_REPORTS_YEAR', 2023);
  const referenceDate = env.BENCH_REPORTS_REFERENCE_DATE || '2024-02-21';
  const runs = Math.max(1, numberEnv('BENCH_REPORTS_RUNS', 3));
  const reuse = env.BENCH_REPORTS_REUSE === '1';
  const baseUrl = env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
  log(`== Reports (${kind}): scale ${scaleEnv}, ${years} years, the set for ${year}, reference date ${referenceDate} ==`);

  const { db, label: dbLabel, version } = await openSuiteDatabase({ kind, baseUrl, name: DB_NAME, log, onCleanup: options.onCleanup, reuse: reuse && !pgl });
  let generation = 'reused the kept database';
  if (!reuse) {
    const generated = await measureResources(
      () => generateDemoPopulation(db, { scale, years, seed: numberEnv('BENCH_SEED', 20240601), password: DEMO_PASSWORD, log: (m) => log(`  ${m}`) }),
      { postgresCpu: !pgl },
    );
    const rows = Object.values(generated.value.rows).reduce((a, b) => a + b, 0);
    const persons = generated.value.rows.persons ?? 0;
    generation = `generated ${persons.toLocaleString('en-US')} persons and ${rows.toLocaleString('en-US')} rows in ${generated.seconds.toFixed(0)} s (${(persons / generated.seconds).toFixed(0)} persons/s, ${(rows / generated.seconds).toFixed(0)} rows/s), peak RSS ${generated.peakRssMb.toFixed(0)} MB`;
    log(`  ${generation}`);
  }
  // The server's buffer cache decides whether a year of figures is read from memory (bench/RESULTS.md, reports).
  const sharedBuffers = pgl ? 'n/a (PGlite)' : ((await db.rawQuery('show shared_buffers')).rows[0] as { shared_buffers: string }).shared_buffers;
  const { kp, url } = await startBenchServer(db, kind, ADMIN, options.onCleanup);
  // The demo population brings its own users (so the server seeds no administrator): the manager signs in as the demo manager.
  const token = await signIn(url, { email: DEMO_USERS.manager.email, password: DEMO_PASSWORD });

  // Warm-up: the catalogue and one table (plans, connections).
  await fullYearlySet(url, token, year - 1, referenceDate).catch(() => undefined);
  const set = await measureResources(() => fullYearlySet(url, token, year, referenceDate), { postgresCpu: !pgl });
  const slowest = [...set.value.times].sort((a, b) => b.ms - a.ms).slice(0, 5);
  log(`  (1) full yearly set: ${set.value.times.length} tables in ${(set.value.ms / 1000).toFixed(2)} s; slowest ${slowest.map((s) => `${s.id} ${s.ms.toFixed(0)} ms`).join(', ')}`);

  const views = await measureResources(() => dashboardsAndTrends(url, token, year), { postgresCpu: !pgl });
  for (const v of views.value) log(`  (3) ${v.id}: ${v.ms.toFixed(0)} ms`);

  const comparisons: string[] = [];
  let allWithin = true;
  let allAgree = true;
  for (const c of COMPARISONS) {
    const r = await compare(db, url, token, c, year, referenceDate, runs);
    const ratio = r.report / r.sql;
    allWithin &&= ratio <= 2;
    allAgree &&= r.diff.length === 0;
    const line = `${c.id} (${c.label}): report ${r.report.toFixed(0)} ms through the API, hand-written SQL ${r.sql.toFixed(0)} ms as the owner → ratio ${ratio.toFixed(2)}${r.diff.length ? `; DISAGREE: ${r.diff.slice(0, 5).join('; ')}` : '; the figures agree'}`;
    comparisons.push(`- ${line}`);
    log(`  (2) ${line}`);
  }
  await kp.close().catch(() => undefined);

  const table = [
    '| Table | ms |',
    '|---|---|',
    ...set.value.times.map((t) => `| ${t.id} | ${t.ms.toFixed(0)} |`),
    `| **all ${set.value.times.length}** | **${set.value.ms.toFixed(0)}** |`,
  ].join('\n');
  const viewTable = ['| Dashboard or trend | ms |', '|---|---|', ...views.value.map((v) => `| ${v.id} | ${v.ms.toFixed(0)} |`)].join('\n');
  const verdict = [
    'Targets (PostgreSQL, Flanders scale):',
    `- (1) the full yearly set under 10 s: ${(set.value.ms / 1000).toFixed(2)} s → **${set.value.ms < TEN_SECONDS ? 'MET' : 'NOT MET'}**${pgl ? ' (measured on PGlite at a small scale; the target is for PostgreSQL)' : ''}`,
    `- (2) each table within 2 × its hand-written SQL: **${allWithin ? 'MET' : 'NOT MET'}**; figures ${allAgree ? 'agree' : '**DISAGREE**'}`,
    ...comparisons,
  ].join('\n');
  const notes = [
    `- Database: ${dbLabel}; ${version}; shared_buffers ${sharedBuffers} (each figure's transaction sets work_mem 32MB). Population: ${generation}.`,
    machineNote(),
    `- (1) through the HTTP API as a manager (RLS, audit event per table), one table after the other after a warm-up pass over ${year - 1}; ${set.value.unavailable} published tables are listed as unavailable (no data in the platform) and not run. Peak RSS ${set.peakRssMb.toFixed(0)} MB, heap ${set.peakHeapMb.toFixed(0)} MB.`,
    `- (2) median of ${runs} runs each; the hand-written SQL runs as the owner with no HTTP, transaction, RLS or audit around it.`,
  ];
  if (!allAgree) throw new Error(`the report and the hand-written SQL disagree:\n${comparisons.join('\n')}`);
  notes.push(`- (3) the dashboards, the data-quality view and each KPI trend once, in the order listed; peak RSS ${views.peakRssMb.toFixed(0)} MB.`);
  return suiteSection(`Reports (${kind})`, `${table}\n\n${viewTable}`, verdict, notes);
}

/** Entry point for run.ts (BENCH_SUITE) and for running this file directly. */
export async function mainReports(kinds: BenchKind[], log: Log, register: RegisterCleanup, drain: () => Promise<void>): Promise<void> {
  await runSuite('reports', runReportsBench, kinds, log, register, drain);
}

if (isMain(import.meta.url)) runDirectly(mainReports, ['postgres']);
