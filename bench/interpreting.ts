/**
 * Interpreting benchmark (issue 5, "Measured in bench/"), through the real HTTP API of the platform
 * (startKruispunt, an interpreting-desk user signed in, plain fetch with a concurrency limit):
 *
 *   (1) ranking candidates for one request (GET /api/v1/interpreting/requests/:id/candidates) over a
 *       register of 3,000 interpreters and a year of 80,000 requests with their assignments: p95
 *       under 50 ms on PostgreSQL, for requests in common and rare languages, one client after the
 *       other and then with 10 concurrent clients;
 *   (2) 100 concurrent offers (POST /api/v1/interpreting/requests/:id/offer) of overlapping slots to
 *       the same few interpreters: no double booking (checked in SQL afterwards: no two live
 *       assignments of one interpreter overlap, at most one live assignment per request), with
 *       throughput and p95.
 *
 * Then, on where the ranking's time goes: the speakers' query (candidatePool) and the statistics
 * (candidateStats, from the monthly counts of migration 0013) timed inside withTenant for a common,
 * a middle and a rare language, next to the year counted from the assignments as the ranking did
 * before that migration (the baseline).
 *
 *   BENCH_SUITE=interpreting npm run bench        (or: npx tsx bench/interpreting.ts)
 *
 * Seeding writes the tables directly (insert … select from jsonb_to_recordset): the register (60
 * languages with a long tail, Arabic variants, statuses, channels, weekly availability, absences,
 * coordinates across Flanders and Brussels) and a year of requests with assignments (about 80 %
 * answered, the rest not answered or open), repeatable from BENCH_SEED.
 *
 * The server runs on a clock that starts at BENCH_INTERPRETING_NOW and moves with real time; the
 * ranking's month and reliability year follow that clock.
 *
 * Environment (all optional):
 *   BENCH_ONLY=pglite|postgres                default both (PostgreSQL first, full size; PGlite smaller)
 *   BENCH_DATABASE_URL                        server (default postgres://root@127.0.0.1:5432/test); the database
 *                                             kruispunt_bench_interpreting is (re)created there and dropped at the end
 *   BENCH_INTERPRETING_INTERPRETERS=3000      register size (PGlite: BENCH_INTERPRETING_PGLITE_INTERPRETERS=600)
 *   BENCH_INTERPRETING_REQUESTS=80000         requests over the year (PGlite: BENCH_INTERPRETING_PGLITE_REQUESTS=16000)
 *   BENCH_INTERPRETING_RANKINGS=300           measured ranking requests per pass (PGlite 100)
 *   BENCH_INTERPRETING_CLIENTS=10             concurrent clients of the second ranking pass
 *   BENCH_INTERPRETING_OFFERS=100             concurrent offer attempts in (2)
 *   BENCH_INTERPRETING_HOT=5                  interpreters the offers in (2) go to
 *   BENCH_INTERPRETING_NOW=2026-11-23T08:00:00Z
 *   BENCH_SEED=20240601
 *   BENCH_WRITE_RESULTS=1                     0 = do not update bench/RESULTS.md
 */
import { sql } from 'drizzle-orm';
import { textArray, withTenant, type Database, type Executor } from '../server/src/platform/db/database';
import * as iq from '../server/src/modules/interpreting/interpreting.queries';
import { addAbsences, BENCH_OUTCOMES, generateRequests, makeInterpreter, SYNTHETIC_LANGUAGES, type SyntheticInterpreter } from '../server/src/modules/interpreting/synthetic';
import { numberEnv } from './env';
import { Rng } from '../server/src/platform/rng';
import {
  api,
  cpuText,
  createUserAndSignIn,
  expectStatus,
  isMain,
  latencyTable,
  machineNote,
  measureResources,
  openSuiteDatabase,
  pool,
  runDirectly,
  runSuite,
  startBenchServer,
  stats,
  statusCounts,
  suiteSection,
  type BenchKind,
  type LatencyRow as Row,
  type Log,
  type RegisterCleanup,
  type SuiteRunOptions,
} from './support';

const env = process.env;
const DB_NAME = 'kruispunt_bench_interpreting';
const AGII = '00000000-0000-4000-8000-000000000001';
const ADMIN = { email: 'bench-interpreting-admin@example.org', password: 'bench-interpreting-admin-password-0001' };
const DESK = { email: 'bench-interpreting-desk@example.org', password: 'bench-interpreting-desk-password-0001' };
const DAY = 86_400_000;
const COMMON = 10;
const RARE_FROM = 25;

// ---------------------------------------------------------------------------------------------
// The synthetic register and year (server/src/modules/interpreting/synthetic.ts)

function buildYear(sizes: Sizes, now: number, seedValue: number, customers: string[]) {
  const rng = new Rng(seedValue);
  const interpreters = Array.from({ length: sizes.interpreters }, (_, n) => makeInterpreter(rng, n));
  // The hot interpreters of (2): Tigrinya by phone, always available, no absences, no seeded work.
  for (let h = 0; h < sizes.hot; h++) {
    const i = interpreters[h]!;
    i.name = `Tolk hot ${h}`;
    i.languages = [{ language: 'ti', variant: '', status: 'certified', channels: ['on-site', 'phone', 'video'] }];
    i.availability = [];
  }
  const yearStart = now - 330 * DAY;
  const yearEnd = now + 35 * DAY;
  const working = interpreters.slice(sizes.hot);
  addAbsences(rng, working, yearStart, yearEnd);
  const { requests, assignments } = generateRequests(rng, working, {
    from: yearStart,
    to: yearEnd,
    now,
    count: sizes.requests,
    customers,
    channelMix: [['on-site', 45], ['phone', 30], ['video', 20], ['translation', 5]],
    outcomes: BENCH_OUTCOMES,
  });
  return { interpreters, requests, assignments };
}

// ---------------------------------------------------------------------------------------------
// Seeding

interface Sizes {
  interpreters: number;
  requests: number;
  rankings: number;
  clients: number;
  offers: number;
  hot: number;
}

async function seed(db: Database, sizes: Sizes, now: number, seedValue: number, log: Log) {
  const started = performance.now();
  const customers = Array.from({ length: 25 }, (_, i) => new Rng(seedValue + 1000 + i).uuid());
  await db.rawQuery(
    `insert into organisations (id, tenant_id, kind, partner_type, code, name)
     select c, $2::uuid, 'partner', 'interpreter-customer', 'bench-stv-customer-' || n, 'Bench STV klant ' || n from unnest($1::uuid[]) with ordinality as t(c, n)`,
    [customers, AGII],
  );
  const year = buildYear(sizes, now, seedValue, customers);
  const built = performance.now();
  const { interpreters, requests, assignments } = year;
  await iq.insertSyntheticRegister(db.owner, AGII, interpreters, new Date(now - 400 * DAY));
  const requestsStart = performance.now();
  await iq.insertSyntheticRequests(db.owner, AGII, requests, assignments);
  const rowsSeconds = (performance.now() - requestsStart) / 1000;
  const analyzeStart = performance.now();
  for (const t of ['interpreters', 'interpreter_languages', 'interpreter_availability', 'interpreter_absences', 'interpreting_requests', 'interpreting_assignments', 'interpreter_month_stats']) await db.rawQuery(`vacuum analyze ${t}`);
  const counts = (await db.rawQuery(
    `select (select count(*)::int from interpreting_requests) as requests,
            (select count(*)::int from interpreting_requests where status in ('assigned', 'completed', 'not-completed')) as answered,
            (select count(*)::int from interpreting_requests where status = 'not-answered') as not_answered,
            (select count(*)::int from interpreting_requests where status = 'open') as open,
            (select count(*)::int from interpreting_assignments) as assignments,
            (select count(*)::int from interpreter_languages) as language_rows,
            (select count(*)::int from interpreter_absences) as absences,
            (select count(*)::int from interpreter_month_stats) as month_stats,
            (select count(*)::int from interpreting_assignments where status = 'declined' or cancelled_by = 'interpreter') as let_downs`,
  )).rows[0] as Record<string, number>;
  const seconds = (performance.now() - started) / 1000;
  log(`seeded ${interpreters.length.toLocaleString('en-US')} interpreters, ${counts.requests!.toLocaleString('en-US')} requests, ${counts.assignments!.toLocaleString('en-US')} assignments in ${seconds.toFixed(1)} s (built ${((built - started) / 1000).toFixed(1)} s, requests+assignments ${rowsSeconds.toFixed(1)} s, vacuum analyze ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s)`);
  return { year, counts, seconds };
}

// ---------------------------------------------------------------------------------------------
// Measuring

let serverCpu = false;
const measured = <T>(fn: () => Promise<T>) => measureResources(fn, { postgresCpu: serverCpu });

interface Target {
  id: string;
  language: string;
  rare: boolean;
}

/** Open requests from now on, `count` in all: two thirds in the 10 most asked languages, a third in languages ranked 26th or lower. */
async function rankingTargets(db: Database, count: number, now: number, rng: Rng): Promise<Target[]> {
  const rows = (await db.rawQuery(
    `select id, language from interpreting_requests where status = 'open' and channel <> 'translation' and starts_at > $1 order by id`,
    [new Date(now).toISOString()],
  )).rows as { id: string; language: string }[];
  const rank = new Map(SYNTHETIC_LANGUAGES.map((l, i) => [l as string, i]));
  const common = rows.filter((r) => rank.get(r.language)! < COMMON);
  const rare = rows.filter((r) => rank.get(r.language)! >= RARE_FROM);
  const take = (list: typeof rows, n: number) => Array.from({ length: Math.min(n, list.length ? n : 0) }, () => rng.pick(list));
  const commonN = Math.round((count * 2) / 3);
  const targets = [...take(common, commonN).map((r) => ({ ...r, rare: false })), ...take(rare, count - commonN).map((r) => ({ ...r, rare: true }))];
  // Interleave so both kinds run under the same conditions.
  return targets.map((t) => [rng.next(), t] as const).sort((a, b) => a[0] - b[0]).map(([, t]) => t);
}

async function rankingBench(url: string, token: string, targets: readonly Target[], clients: number, label: string) {
  const times: number[] = [];
  const rareTimes: number[] = [];
  const commonTimes: number[] = [];
  const statuses: number[] = [];
  const pools: number[] = [];
  const rankedCounts: number[] = [];
  const m = await measured(() =>
    pool(targets.length, clients, async (i) => {
      const t = targets[i]!;
      const r = await api(url, 'GET', `/api/v1/interpreting/requests/${t.id}/candidates`, { token });
      times.push(r.ms);
      (t.rare ? rareTimes : commonTimes).push(r.ms);
      statuses.push(r.status);
      if (r.status === 200) {
        const body = r.json as { ranked: unknown[]; excluded: Record<string, number> };
        rankedCounts.push(body.ranked.length);
        pools.push(body.ranked.length + Object.values(body.excluded).reduce((a, b) => a + b, 0));
      }
    }),
  );
  const s = stats(times);
  const c = stats(commonTimes);
  const rr = stats(rareTimes);
  const p = stats(pools);
  const k = stats(rankedCounts);
  return {
    row: {
      bench: label,
      requests: times.length,
      seconds: m.seconds,
      perSecond: `${(times.length / m.seconds).toFixed(1)} req/s`,
      p50: s.p50,
      p95: s.p95,
      max: s.max,
      statuses: statusCounts(statuses),
      check: `common languages (${c.n}): p50 ${c.p50.toFixed(0)} / p95 ${c.p95.toFixed(0)} ms; rare (${rr.n}): p50 ${rr.p50.toFixed(0)} / p95 ${rr.p95.toFixed(0)} ms; speakers loaded per request p50 ${p.p50} (max ${p.max}), ranked p50 ${k.p50} (max ${k.max})`,
      peakRssMb: m.peakRssMb,
      peakHeapMb: m.peakHeapMb,
      cpu: cpuText(m),
    } satisfies Row,
    p95: s.p95,
  };
}

/** (2): `attempts` offers at once, of `requests` overlapping phone requests, to the `hot` interpreters. */
async function offerBench(db: Database, url: string, token: string, sizes: Sizes, hot: readonly SyntheticInterpreter[], now: number) {
  const count = Math.max(1, Math.round(sizes.offers * 0.8));
  // A weekday two weeks ahead, 08:00–16:00 Brussels: one-hour calls starting every 6 minutes.
  let day = Math.floor((now + 14 * DAY) / DAY) * DAY;
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY;
  const ids = Array.from({ length: count }, (_, k) => new Rng(sizes.offers * 7919 + k).uuid());
  await db.rawQuery(
    `insert into interpreting_requests (id, tenant_id, customer_organisation_id, channel, language, variant, starts_at, expected_minutes, sector, subject, sensitive, created_at)
     select t.id, $2::uuid, (select id from organisations where code = 'bench-stv-customer-1'), 'phone', 'ti', '', $3::timestamptz + (t.k - 1) * interval '6 minutes', 60,
            'welfare', 'Bench hot ' || t.k, false, $4::timestamptz
     from unnest($1::uuid[]) with ordinality as t(id, k)`,
    [ids, AGII, new Date(day + 7 * 3_600_000).toISOString(), new Date(now - DAY).toISOString()],
  );
  const plan = Array.from({ length: sizes.offers }, (_, a) => ({ request: ids[a % count]!, interpreter: hot[(a * 3 + Math.floor(a / count)) % hot.length]!.id }));
  const times: number[] = [];
  const statuses: number[] = [];
  const refusals = new Map<string, number>();
  const m = await measured(() =>
    pool(plan.length, plan.length, async (a) => {
      const r = await api(url, 'POST', `/api/v1/interpreting/requests/${plan[a]!.request}/offer`, { token, body: { interpreterId: plan[a]!.interpreter } });
      times.push(r.ms);
      statuses.push(r.status);
      if (r.status !== 200) {
        const refusal = (r.json as { refusal?: string } | null)?.refusal ?? `http-${r.status}`;
        refusals.set(refusal, (refusals.get(refusal) ?? 0) + 1);
      }
    }),
  );
  const check = (await db.rawQuery(
    `select (select count(*)::int from interpreting_assignments a join interpreting_assignments b
               on a.interpreter_id = b.interpreter_id and a.id < b.id
              and a.status in ('offered', 'accepted', 'completed') and b.status in ('offered', 'accepted', 'completed')
              and a.starts_at < b.ends_at and b.starts_at < a.ends_at) as overlapping_pairs,
            (select count(*)::int from interpreting_assignments a join interpreting_assignments b
               on a.interpreter_id = b.interpreter_id and a.id < b.id
              and a.status in ('offered', 'accepted', 'completed') and b.status in ('offered', 'accepted', 'completed')
              and a.starts_at < b.ends_at and b.starts_at < a.ends_at and (a.request_id = any($1::uuid[]) or b.request_id = any($1::uuid[]))) as overlapping_offered,
            (select count(*)::int from (select request_id from interpreting_assignments where status in ('offered', 'accepted', 'completed')
               group by request_id having count(*) > 1) x) as requests_twice,
            (select count(*)::int from interpreting_assignments where request_id = any($1::uuid[])) as made,
            (select count(distinct interpreter_id)::int from interpreting_assignments where request_id = any($1::uuid[])) as interpreters`,
    [ids],
  )).rows[0] as { overlapping_pairs: number; overlapping_offered: number; requests_twice: number; made: number; interpreters: number };
  const ok = check.overlapping_pairs === 0 && check.requests_twice === 0 && check.made === statuses.filter((s) => s === 200).length;
  const s = stats(times);
  return {
    row: {
      bench: `(2) ${plan.length} concurrent offers of ${count} overlapping 1-hour calls (every 6 min) to ${hot.length} interpreters`,
      requests: plan.length,
      seconds: m.seconds,
      perSecond: `${(plan.length / m.seconds).toFixed(1)} offers tried/s, ${(check.made / m.seconds).toFixed(1)} made/s`,
      p50: s.p50,
      p95: s.p95,
      max: s.max,
      statuses: statusCounts(statuses) + (refusals.size ? ` (${[...refusals].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
      check: `${ok ? 'no double booking' : '**DOUBLE BOOKED or inconsistent**'}: ${check.overlapping_offered} overlapping pairs of live assignments among the offers (${check.overlapping_pairs} in the whole table), ${check.requests_twice} requests with more than one live assignment; ${check.made} offers made to ${check.interpreters} interpreters`,
      peakRssMb: m.peakRssMb,
      peakHeapMb: m.peakHeapMb,
      cpu: cpuText(m),
    } satisfies Row,
    ok,
  };
}

// ---------------------------------------------------------------------------------------------
// Where the ranking's time goes

/**
 * The year's counts as the ranking made them before migration 0013, straight from the assignments
 * (with the (interpreter_id, offered_at) index it had then): the baseline for candidateStats.
 */
async function yearCountStats(tx: Executor, ids: readonly string[], month: Date) {
  await tx.execute(sql`select interpreter_id, sum(extract(epoch from ends_at - starts_at) / 60)::int as minutes from interpreting_assignments
    where interpreter_id = any(${textArray(ids)}::uuid[]) and status in ('accepted', 'completed')
      and starts_at >= date_trunc('month', ${month.toISOString()}::timestamptz) and starts_at < date_trunc('month', ${month.toISOString()}::timestamptz) + interval '1 month'
    group by interpreter_id`);
  await tx.execute(sql`select interpreter_id, count(*)::int as offers, count(*) filter (where status = 'declined' or cancelled_by = 'interpreter')::int as let_downs
    from interpreting_assignments where interpreter_id = any(${textArray(ids)}::uuid[]) and offered_at > ${month.toISOString()}::timestamptz - interval '1 year'
    group by interpreter_id`);
}

async function profile(db: Database, languages: readonly string[], around: Date, runs = 5) {
  const scope = { tenantId: AGII, userId: null, purpose: 'interpreting' };
  await db.rawQuery('create index bench_assignments_offers_idx on interpreting_assignments (interpreter_id, offered_at)');
  await db.rawQuery('analyze interpreting_assignments');
  const lines: string[] = [];
  for (const language of languages) {
    const times = { pool: [] as number[], stats: [] as number[], yearCount: [] as number[] };
    let size = 0;
    for (let k = 0; k < runs + 1; k++) {
      await withTenant(db, scope, async (tx) => {
        const timed = async (part: keyof typeof times, fn: () => Promise<unknown>) => {
          const t = performance.now();
          await fn();
          if (k) times[part].push(performance.now() - t);
        };
        let ids: string[] = [];
        await timed('pool', async () => {
          const pool = await iq.candidatePool(tx, language, around);
          ids = pool.map((c) => c.interpreterId);
        });
        size = ids.length;
        await timed('stats', () => iq.candidateStats(tx, ids, around));
        await timed('yearCount', () => yearCountStats(tx, ids, around));
      });
    }
    lines.push(
      `  - '${language}' (${size} speakers): candidatePool p50 ${stats(times.pool).p50.toFixed(1)} ms; for every speaker (the worst case: the service loads them for the qualified only) candidateStats from the monthly counts p50 ${stats(times.stats).p50.toFixed(1)} ms, against the year counted from the assignments as before migration 0013 p50 ${stats(times.yearCount).p50.toFixed(1)} ms`,
    );
  }
  await db.rawQuery('drop index bench_assignments_offers_idx');
  return lines;
}

// ---------------------------------------------------------------------------------------------

export async function runInterpretingBench(options: SuiteRunOptions): Promise<string> {
  const { kind, log } = options;
  const pgl = kind === 'pglite';
  serverCpu = !pgl;
  const sizes: Sizes = {
    interpreters: pgl ? numberEnv('BENCH_INTERPRETING_PGLITE_INTERPRETERS', 600) : numberEnv('BENCH_INTERPRETING_INTERPRETERS', 3_000),
    requests: pgl ? numberEnv('BENCH_INTERPRETING_PGLITE_REQUESTS', 16_000) : numberEnv('BENCH_INTERPRETING_REQUESTS', 80_000),
    rankings: pgl ? numberEnv('BENCH_INTERPRETING_PGLITE_RANKINGS', 100) : numberEnv('BENCH_INTERPRETING_RANKINGS', 300),
    clients: numberEnv('BENCH_INTERPRETING_CLIENTS', 10),
    offers: numberEnv('BENCH_INTERPRETING_OFFERS', 100),
    hot: Math.max(1, numberEnv('BENCH_INTERPRETING_HOT', 5)),
  };
  const baseUrl = env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
  const nowStart = Date.parse(env.BENCH_INTERPRETING_NOW || '2026-11-23T08:00:00Z');
  const realStart = Date.now();
  const clock = () => new Date(nowStart + (Date.now() - realStart));
  const seedValue = numberEnv('BENCH_SEED', 20240601);
  log(`== Interpreting (${kind}): ${sizes.interpreters.toLocaleString('en-US')} interpreters, ${sizes.requests.toLocaleString('en-US')} requests, now ${new Date(nowStart).toISOString()} ==`);

  const { db, label: dbLabel, version } = await openSuiteDatabase({ kind, baseUrl, name: DB_NAME, log, onCleanup: options.onCleanup, postgresNote: "pool 20 (the platform's default)" });
  const seeded = await seed(db, sizes, nowStart, seedValue, log);
  const { kp, url } = await startBenchServer(db, kind, ADMIN, options.onCleanup, { logLevel: env.BENCH_INTERPRETING_LOG_LEVEL, clock });
  const token = await createUserAndSignIn(url, ADMIN, { ...DESK, displayName: 'Bench STV Desk', organisationId: AGII, roles: ['interpreting-desk'] }, 'create desk user');
  log(`Kruispunt on ${url}, signed in as an interpreting desk user of AGII`);

  const rows: Row[] = [];
  const rng = new Rng(seedValue + 5);
  const targets = await rankingTargets(db, sizes.rankings, nowStart, rng);
  if (!targets.length) throw new Error('no open requests to rank');
  // Warm-up (plans, connections, JIT of the ranking code), not measured.
  await pool(Math.min(20, targets.length), 2, async (i) => void expectStatus(await api(url, 'GET', `/api/v1/interpreting/requests/${targets[i]!.id}/candidates`, { token }), 200, 'candidates warm-up'));
  const seq = await rankingBench(url, token, targets, 1, `(1) ranking, ${targets.length} requests, 1 client`);
  rows.push(seq.row);
  log(`  ${seq.row.bench}: p50 ${seq.row.p50.toFixed(1)} ms, p95 ${seq.row.p95.toFixed(1)} ms, max ${seq.row.max.toFixed(1)} ms; ${seq.row.statuses}; ${seq.row.check}`);
  const par = await rankingBench(url, token, targets, sizes.clients, `(1) ranking, ${targets.length} requests, ${sizes.clients} clients`);
  rows.push(par.row);
  log(`  ${par.row.bench}: ${par.row.perSecond}, p50 ${par.row.p50.toFixed(1)} ms, p95 ${par.row.p95.toFixed(1)} ms, max ${par.row.max.toFixed(1)} ms; ${par.row.statuses}; ${par.row.check}`);

  const hot = seeded.year.interpreters.slice(0, sizes.hot);
  const offers = await offerBench(db, url, token, sizes, hot, nowStart);
  rows.push(offers.row);
  log(`  ${offers.row.bench}: ${offers.row.seconds.toFixed(1)} s, ${offers.row.perSecond}, p50 ${offers.row.p50.toFixed(0)} ms, p95 ${offers.row.p95.toFixed(0)} ms, max ${offers.row.max.toFixed(0)} ms; ${offers.row.statuses}; ${offers.row.check}`);

  // Profile: the most asked language, a middle one and a rare one, around a request two weeks ahead.
  const around = new Date(nowStart + 14 * DAY + 3_600_000);
  const profileLines = await profile(db, ['ar', 'ti', SYNTHETIC_LANGUAGES[40]!], around);
  for (const l of profileLines) log(l);

  const tableSize = ((await db.rawQuery(`select pg_size_pretty(pg_total_relation_size('interpreting_assignments')) as a, pg_size_pretty(pg_total_relation_size('interpreting_requests')) as r`)).rows[0] as { a: string; r: string });
  await kp.close().catch(() => undefined);

  const table = latencyTable(rows, 1);
  const full = !pgl && sizes.interpreters >= 3_000 && sizes.requests >= 80_000 && sizes.offers >= 100;
  const verdict = [
    full ? 'Targets (PostgreSQL, full size):' : `Targets (measured at a smaller size on ${kind}; the targets are for PostgreSQL at full size):`,
    `- (1) ranking one request, p95 under 50 ms: ${seq.p95.toFixed(1)} ms → **${seq.p95 < 50 ? 'MET' : 'NOT MET'}**. Under ${sizes.clients} concurrent clients (load, beyond the target; server, clients and PostgreSQL share the machine's cores) p95 ${par.p95.toFixed(1)} ms at ${par.row.perSecond}`,
    `- (2) zero double bookings with ${sizes.offers} concurrent offers: **${offers.ok ? 'MET' : 'NOT MET'}** (${offers.row.check}); p95 ${offers.row.p95.toFixed(0)} ms, ${offers.row.perSecond}`,
  ].join('\n');
  const c = seeded.counts;
  const notes = [
    `- Database: ${dbLabel}; ${version}; interpreting_assignments ${tableSize.a}, interpreting_requests ${tableSize.r} after the runs`,
    machineNote(),
    `- Seeded in ${seeded.seconds.toFixed(1)} s (insert … select from jsonb_to_recordset): ${sizes.interpreters.toLocaleString('en-US')} interpreters with ${c.language_rows!.toLocaleString('en-US')} language rows (60 languages, weights 1/rank^1.1, Arabic with 6 variants; certified/sworn/crisis/language-helper/in-training; channels; weekly windows, 10 % always available), ${c.absences!.toLocaleString('en-US')} absences, 14 towns across Flanders and Brussels; ` +
      `${c.requests!.toLocaleString('en-US')} requests from ${new Date(nowStart - 330 * DAY).toISOString().slice(0, 10)} to ${new Date(nowStart + 35 * DAY).toISOString().slice(0, 10)} (${c.answered!.toLocaleString('en-US')} answered, ${c.not_answered!.toLocaleString('en-US')} not answered, ${c.open!.toLocaleString('en-US')} open), ${c.assignments!.toLocaleString('en-US')} assignments (completed, cancelled, declined, accepted, offered; none overlapping). ` +
      `${c.let_downs!.toLocaleString('en-US')} of the offers let down (declined or withdrawn by the interpreter); the insert trigger of migration 0013 kept ${c.month_stats!.toLocaleString('en-US')} monthly statistics rows (interpreter × month) as the assignments went in.`,
    `- Server clock from ${new Date(nowStart).toISOString()}. Ranked: open requests from then on, two thirds in the 10 most asked languages, a third in languages ranked 26th or lower; the same list one client after the other, then with ${sizes.clients} clients; after a 20-request warm-up. Latency per request as the client measures it; memory is this process (server + clients), sampled every 100 ms; "CPU s" is this process and the local PostgreSQL processes.`,
    `- Where the ranking's time goes (one request two weeks ahead, inside withTenant, 5 runs after one warm-up):`,
    ...profileLines,
  ];
  return suiteSection(`Interpreting (${kind})`, table, verdict, notes);
}

/** Entry point for run.ts (BENCH_SUITE) and for running this file directly. */
export async function mainInterpreting(kinds: BenchKind[], log: Log, register: RegisterCleanup, drain: () => Promise<void>): Promise<void> {
  await runSuite('interpreting', runInterpretingBench, kinds, log, register, drain);
}

if (isMain(import.meta.url)) runDirectly(mainInterpreting, ['postgres', 'pglite']);
