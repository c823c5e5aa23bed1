/**
 * MO planning benchmark (issue 4, "Measured in bench/"), through the real HTTP API of the platform
 * (startKruispunt, a course planner signed in, plain fetch with a concurrency limit):
 *
 *   (a) fill 100 MO courses from a waiting list of 20,000 persons (POST /api/v1/mo/courses/:id/fill);
 *   (b) 200 concurrent clients booking test slots for one day with 500 seats: no over-booking,
 *       throughput and p95 (spread over 10 slots, and all on one slot of 500 seats);
 *   (c) the MO waiting-list figures (GET /api/v1/mo/waiting-list/summary) over 30,000 running
 *       contracts in under 1 s.
 *
 *   BENCH_SUITE=planning npm run bench            (or: npx tsx bench/planning.ts)
 *
 * Seeding writes the tables directly: dossier states are played through the real `openDossier` /
 * `decide` (a few templates × shifted dates × intake languages), `pillars` / `follow_up` come from
 * `deriveDossier` on the bench's day, and `insert … select from unnest` writes persons and dossiers.
 * The planner's agency (AGII) holds the waiting list (running contracts, MO open), contracts with MO
 * done, dossiers before the contract and closed ones; another agency holds more running contracts,
 * which row-level security must filter out.
 *
 * The server runs on a clock that starts at BENCH_PLANNING_NOW and moves with real time, so the
 * seeded dates are stable. Memory is this process (server and load generator together), sampled
 * every 100 ms during each scenario.
 *
 * Environment (all optional):
 *   BENCH_ONLY=pglite|postgres          default both (PostgreSQL first, full size; PGlite at a tenth)
 *   BENCH_DATABASE_URL                  server (default postgres://root@127.0.0.1:5432/test); the database
 *                                       kruispunt_bench_planning is (re)created there and dropped at the end
 *   BENCH_PLANNING_WAITING=20000        persons on the MO waiting list (PGlite: BENCH_PLANNING_PGLITE_WAITING=2000)
 *   BENCH_PLANNING_CONTRACTS=30000      running contracts at the planner's agency, waiting ones included (PGlite 3000)
 *   BENCH_PLANNING_COURSES=100          courses filled in (a) (PGlite 20)
 *   BENCH_PLANNING_CAPACITY=16          places per course
 *   BENCH_PLANNING_FILL_CLIENTS=1       fills at once in (a) (a planner fills one course at a time)
 *   BENCH_PLANNING_CLIENTS=200          concurrent booking clients in (b) (PGlite 50)
 *   BENCH_PLANNING_SEATS=500            seats on the test day in (b) (PGlite 100)
 *   BENCH_PLANNING_SUMMARY_RUNS=10      measured summary requests in (c), after one warm-up
 *   BENCH_PLANNING_NOW=2025-03-10T08:00:00Z
 *   BENCH_SEED=20240601
 *   BENCH_WRITE_RESULTS=1               0 = do not update bench/RESULTS.md
 */
import { createHash } from 'node:crypto';
import { withTenant, type Database } from '../server/src/platform/db/database';
import { dossierCommand, type SignUpCommand } from '../server/src/modules/trajectory/dossier/commands';
import { decide, openDossier, RuleRefusal } from '../server/src/modules/trajectory/dossier/decide';
import type { DossierState } from '../server/src/modules/trajectory/dossier/state';
import { belgianDate, deriveDossier } from '../server/src/modules/trajectory/trajectory.service';
import { addDays } from '../server/src/modules/trajectory/rules/dates';
import * as orientationQueries from '../server/src/modules/orientation/orientation.queries';
import { waitingFigures } from '../server/src/modules/orientation/rules/planning';
import { numberEnv } from './env';
import { Rng } from '../server/src/platform/rng';
import {
  api,
  cpuText,
  createUserAndSignIn,
  dossiersTableSize,
  expectStatus,
  finishSeeding,
  GIVEN_NAME_SQL,
  INTAKE_DEFAULTS,
  insertVariants,
  isMain,
  latencyTable,
  machineNote,
  measureResources,
  openSuiteDatabase,
  pool,
  runDirectly,
  runSuite,
  seedDecisionContext,
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
const DB_NAME = 'kruispunt_bench_planning';
const AGII = '00000000-0000-4000-8000-000000000001';
const ATLAS = '00000000-0000-4000-8000-000000000002';
const ADMIN = { email: 'bench-planning-admin@example.org', password: 'bench-planning-admin-password-0001' };
const PLANNER = { email: 'bench-course-planner@example.org', password: 'bench-course-planner-password-0001' };
const REGIONS = ['ANT', 'GNT', 'LI', 'OV', 'VB', 'WV'] as const;
const REGION_WEIGHTS = [30, 22, 10, 14, 14, 10];
/** Intake languages of the newcomers, roughly by frequency. */
const LANGUAGES: [string, number][] = [
  ['ar', 28], ['prs', 10], ['ps', 7], ['ti', 9], ['so', 5], ['uk', 9], ['ru', 6], ['tr', 5], ['en', 6], ['fr', 6], ['es', 4], ['fa', 3], ['ku', 2],
];

// ---------------------------------------------------------------------------------------------
// Dossier states through the real rules

type Kind = 'waiting' | 'done' | 'pre-contract';
interface Template {
  name: string;
  kind: Kind;
  /** Days from the sign-up to the last command, and how far back the sign-up may lie beyond that. */
  lastOffset: number;
  backDays: [number, number];
  script: (s: Steps) => void;
}
interface Steps {
  signUp(): void;
  at(offset: number, command: Record<string, unknown> & { type: string }): void;
  intake(offset: number): void;
  decideIntake(offset: number): void;
  contract(offset: number): void;
  d(offset: number): string;
}

const FACTS = { register: 'foreigners', nationality: 'non-eu', residence: 'residence-over-3-months', firstResidenceTitle: true };
const toContract = (s: Steps) => (s.signUp(), s.intake(14), s.decideIntake(14), s.contract(21));

const TEMPLATES: Template[] = [
  { name: 'contract, nothing recorded yet', kind: 'waiting', lastOffset: 21, backDays: [10, 420], script: toContract },
  {
    name: 'contract, work registered, waiting for MO', kind: 'waiting', lastOffset: 40, backDays: [1, 500],
    script: (s) => (toContract(s), s.at(40, { type: 'record-work-registration', registeredOn: s.d(38) })),
  },
  {
    name: 'contract, NT2 enrolled, waiting for MO', kind: 'waiting', lastOffset: 60, backDays: [1, 300],
    script: (s) => (toContract(s), s.at(60, { type: 'record-nt2-enrolment', provider: 'CVO Antwerpen' })),
  },
  {
    name: 'contract, MO course done and test passed', kind: 'done', lastOffset: 105, backDays: [1, 600],
    script: (s) => {
      toContract(s);
      s.at(40, { type: 'record-work-registration', registeredOn: s.d(38) });
      s.at(100, { type: 'record-mo-course', enrolledOn: s.d(45), attendedHours: 60, completedOn: s.d(98) });
      s.at(101, { type: 'record-mo-process-evaluation', score: { correct: 8, total: 10 } });
      s.at(105, { type: 'record-mo-test', kind: 'test', core: { correct: 10, total: 11 }, practical: { correct: 25, total: 30 } });
    },
  },
  {
    name: 'contract, exempted from MO by the exemption test', kind: 'done', lastOffset: 40, backDays: [1, 400],
    script: (s) => (toContract(s), s.at(40, { type: 'record-mo-test', kind: 'exemption-test', core: { correct: 11, total: 11 }, practical: { correct: 29, total: 30 } })),
  },
  { name: 'signed up, no intake yet', kind: 'pre-contract', lastOffset: 0, backDays: [1, 60], script: (s) => s.signUp() },
  { name: 'intake decided, no contract yet', kind: 'pre-contract', lastOffset: 15, backDays: [1, 90], script: (s) => (s.signUp(), s.intake(12), s.decideIntake(15)) },
];

interface Variant {
  kind: Kind;
  state: DossierState;
  derived: ReturnType<typeof deriveDossier>;
}

function play(t: Template, base: string, language: string, moLanguage: string | null, today: string): DossierState | null {
  let state: DossierState | null = null;
  const context = seedDecisionContext(today, '1990-06-12', 'p');
  const d = (offset: number) => addDays(base, offset);
  const apply = (command: Record<string, unknown>) => {
    state = decide(state!, dossierCommand.parse(command), context).state;
  };
  const steps: Steps = {
    d,
    signUp() {
      const command: SignUpCommand = { type: 'sign-up', date: base, channel: 'invitation-letter', area: 'flanders', letterSentOn: addDays(base, -25) };
      state = openDossier(command, context).state;
    },
    at: (offset, command) => apply({ ...command, date: d(offset) }),
    intake(offset) {
      apply({
        ...INTAKE_DEFAULTS,
        type: 'record-intake',
        date: d(offset),
        language,
        interpreterUsed: language !== 'en' && language !== 'fr',
        targetGroupFacts: { firstInscriptionDate: addDays(base, -60), ...FACTS },
      });
    },
    decideIntake(offset) {
      const intake = state!.intake!;
      apply({ type: 'decide-intake', date: d(offset), targetGroup: intake.targetGroupProposal.group, profileId: intake.proposedProfileId, ...(moLanguage ? { moLanguage } : {}) });
    },
    contract: (offset) => apply({ type: 'sign-contract', date: d(offset), signedOn: d(offset), participationAddendum: false }),
  };
  try {
    t.script(steps);
  } catch (error) {
    if (error instanceof RuleRefusal) return null;
    throw error;
  }
  return state;
}

const MO_DONE = new Set(['completed', 'exempted', 'not-required']);

function buildVariants(today: string, rng: Rng, perTemplate: number) {
  const variants: Variant[] = [];
  let refused = 0;
  let misfit = 0;
  for (const t of TEMPLATES) {
    let made = 0;
    for (let attempt = 0; attempt < perTemplate * 3 && made < perTemplate; attempt++) {
      const base = addDays(today, -(t.lastOffset + rng.int(t.backDays[0], t.backDays[1])));
      const language = rng.weighted(LANGUAGES);
      // Some follow MO in Dutch or English rather than the intake language.
      const moLanguage = rng.chance(0.06) ? 'nl' : rng.chance(0.03) ? 'en' : null;
      const state = play(t, base, language, moLanguage, today);
      if (!state) {
        refused++;
        continue;
      }
      const derived = deriveDossier(state, today);
      const mo = (derived.pillars as { mo?: { status?: string } } | null)?.mo?.status ?? 'not-started';
      const hasContract = !!state.contract;
      const fits = t.kind === 'pre-contract' ? !hasContract : hasContract && (t.kind === 'done') === MO_DONE.has(mo);
      if (!fits || state.status === 'closed' || state.status === 'transferred') {
        misfit++;
        continue;
      }
      variants.push({ kind: t.kind, state, derived });
      made++;
    }
    if (!made) throw new Error(`template '${t.name}' gives no dossier of its kind`);
  }
  return { variants, refused, misfit };
}

/**
 * A repeatable id from md5(text), with the version (4) and variant (8) nibbles set so that the API's
 * uuid validation accepts it; `uuidSql` is the same in SQL.
 */
function md5Uuid(text: string): string {
  const raw = createHash('md5').update(text).digest('hex');
  const h = `${raw.slice(0, 12)}4${raw.slice(13, 16)}8${raw.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const personId = (i: number) => md5Uuid(`bench-planning-person-${i}`);
const uuidSql = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

const VARIANT_COLUMNS =
  'status text, state jsonb, signed_up_on date, contract_signed_on date, target_group text, pillars jsonb, follow_up jsonb, next_due_on date, urgency smallint, computed_on date';

interface Sizes {
  waiting: number;
  contracts: number;
  preContract: number;
  closed: number;
  otherAgency: number;
  courses: number;
  capacity: number;
  fillClients: number;
  clients: number;
  seats: number;
  summaryRuns: number;
}

/**
 * Persons 0 … waiting−1 are on the waiting list (AGII); then contracts with MO done, dossiers
 * before the contract, closed dossiers (AGII), and running contracts at another agency.
 */
async function seed(db: Database, sizes: Sizes, today: string, seedValue: number, log: (m: string) => void) {
  const started = performance.now();
  const rng = new Rng(seedValue);
  const { variants, refused, misfit } = buildVariants(today, rng, 150);
  const built = performance.now();
  const byKind = (k: Kind) => variants.map((v, i) => [v, i] as const).filter(([v]) => v.kind === k).map(([, i]) => i);
  const waitingIdx = byKind('waiting');
  const doneIdx = byKind('done');
  const preIdx = byKind('pre-contract');
  log(`built ${variants.length} dossier states (${waitingIdx.length} waiting, ${doneIdx.length} MO done, ${preIdx.length} before the contract) through openDossier/decide in ${((built - started) / 1000).toFixed(1)} s; ${refused} shifts refused by the rules, ${misfit} not of their template's kind`);

  const rows = variants.map((v, idx) => ({
    idx,
    status: v.state.status,
    state: v.state,
    signed_up_on: v.state.signUp.date,
    contract_signed_on: v.state.contract?.signedOn ?? null,
    target_group: v.state.decision?.targetGroup ?? null,
    pillars: v.derived.pillars,
    follow_up: v.derived.followUp,
    next_due_on: v.derived.nextDueOn,
    urgency: v.derived.urgency,
    computed_on: v.derived.computedOn,
  }));
  await insertVariants(db, VARIANT_COLUMNS, rows, 500);

  const others = Math.max(0, sizes.contracts - sizes.waiting);
  const plan: { kind: Kind | 'closed'; count: number; tenant: 0 | 1; pool: number[] }[] = [
    { kind: 'waiting', count: sizes.waiting, tenant: 0, pool: waitingIdx },
    { kind: 'done', count: others, tenant: 0, pool: doneIdx },
    { kind: 'pre-contract', count: sizes.preContract, tenant: 0, pool: preIdx },
    { kind: 'closed', count: sizes.closed, tenant: 0, pool: waitingIdx },
    { kind: 'waiting', count: sizes.otherAgency, tenant: 1, pool: [...waitingIdx, ...doneIdx] },
  ];
  const total = plan.reduce((n, p) => n + p.count, 0);
  const variant = new Int32Array(total);
  const region = new Int32Array(total);
  const tenant = new Int32Array(total);
  const closed = new Int32Array(total);
  const regionChoices = REGION_WEIGHTS.map((w, i) => [i, w] as const);
  let n = 0;
  for (const p of plan) {
    for (let k = 0; k < p.count; k++, n++) {
      variant[n] = rng.pick(p.pool);
      region[n] = rng.weighted(regionChoices);
      tenant[n] = p.tenant;
      closed[n] = p.kind === 'closed' ? 1 : 0;
    }
  }
  const chunk = 50_000;
  const personsStart = performance.now();
  for (let from = 0; from < total; from += chunk) {
    const to = Math.min(total, from + chunk);
    await db.rawQuery(
      `insert into persons (id, tenant_id, given_names, family_name, given_names_latin, family_name_latin, name_script, search_text, birth_date, region, responsible_agency)
       select ${uuidSql(`'bench-planning-person-' || (t.i - 1 + $3)`)}, ($4::uuid[])[t.tenant + 1],
              ${GIVEN_NAME_SQL},
              'Planning' || (t.i - 1 + $3), ${GIVEN_NAME_SQL},
              'Planning' || (t.i - 1 + $3), 'latin', lower('planning' || (t.i - 1 + $3)), date '1970-01-01' + ((t.i * 7919) % 14000)::int,
              ($5::text[])[t.region + 1], (array['agii','atlas'])[t.tenant + 1]
       from unnest($1::int[], $2::int[]) with ordinality as t(tenant, region, i)`,
      [Array.from(tenant.subarray(from, to)), Array.from(region.subarray(from, to)), from, [AGII, ATLAS], [...REGIONS]],
    );
  }
  const personsSeconds = (performance.now() - personsStart) / 1000;
  const dossiersStart = performance.now();
  for (let from = 0; from < total; from += chunk) {
    const to = Math.min(total, from + chunk);
    await db.rawQuery(
      `insert into dossiers (id, tenant_id, person_id, area, status, state, signed_up_on, contract_signed_on, target_group,
          closed_on, closure_reason, pillars, follow_up, next_due_on, urgency, computed_on, version)
       select ${uuidSql(`'bench-planning-dossier-' || (t.i - 1 + $3)`)}, ($4::uuid[])[t.tenant + 1], ${uuidSql(`'bench-planning-person-' || (t.i - 1 + $3)`)},
              'flanders', case when t.closed = 1 then 'closed' else v.status end,
              case when t.closed = 1 then jsonb_set(jsonb_set(v.state, '{status}', '"closed"'), '{closure}', jsonb_build_object('date', v.state->>'lastEventOn', 'reason', 'moved-out-of-area')) else v.state end,
              v.signed_up_on, v.contract_signed_on, v.target_group,
              case when t.closed = 1 then (v.state->>'lastEventOn')::date end, case when t.closed = 1 then 'moved-out-of-area' end,
              v.pillars, v.follow_up, v.next_due_on, v.urgency, v.computed_on, 1 + (t.i % 9)::int
       from unnest($1::int[], $2::int[], $5::int[]) with ordinality as t(idx, tenant, closed, i) join bench_variants v on v.idx = t.idx`,
      [Array.from(variant.subarray(from, to)), Array.from(tenant.subarray(from, to)), from, [AGII, ATLAS], Array.from(closed.subarray(from, to))],
    );
  }
  const dossiersSeconds = (performance.now() - dossiersStart) / 1000;
  const analyzeSeconds = await finishSeeding(db);
  const seconds = (performance.now() - started) / 1000;
  log(`seeded ${total.toLocaleString('en-US')} persons and dossiers in ${seconds.toFixed(1)} s (persons ${personsSeconds.toFixed(1)} s, dossiers ${dossiersSeconds.toFixed(1)} s, vacuum analyze ${analyzeSeconds.toFixed(1)} s)`);
  return {
    total,
    variants: variants.length,
    templates: TEMPLATES.length,
    seconds: { build: (built - started) / 1000, persons: personsSeconds, dossiers: dossiersSeconds, analyze: analyzeSeconds, total: seconds },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP and measuring

/** PostgreSQL CPU is read from `ps` only for the PostgreSQL server (PGlite runs inside this process). */
let serverCpu = false;

/** Peak RSS and heap of this process (server + clients), sampled every 100 ms, and its CPU time. */
const measured = <T>(fn: () => Promise<T>) => measureResources(fn, { postgresCpu: serverCpu });

// ---------------------------------------------------------------------------------------------
// The scenarios

async function summaryBench(baseUrl: string, token: string, label: string, runs: number): Promise<{ row: Row; total: number; over: number; groups: number }> {
  expectStatus(await api(baseUrl, 'GET', '/api/v1/mo/waiting-list/summary?horizonDays=60', { token }), 200, 'summary warm-up');
  const times: number[] = [];
  const statuses: number[] = [];
  let last: { total: number; overSixMonths: number; groups: unknown[] } | null = null;
  const m = await measured(async () => {
    for (let i = 0; i < runs; i++) {
      const r = await api(baseUrl, 'GET', '/api/v1/mo/waiting-list/summary?horizonDays=60', { token });
      times.push(r.ms);
      statuses.push(r.status);
      if (r.status === 200) last = r.json as typeof last;
    }
  });
  const s = stats(times);
  const result = last as { total: number; overSixMonths: number; groups: unknown[] } | null;
  return {
    row: {
      bench: label,
      requests: runs,
      seconds: m.seconds,
      perSecond: `${(runs / m.seconds).toFixed(1)} req/s`,
      p50: s.p50,
      p95: s.p95,
      max: s.max,
      statuses: statusCounts(statuses),
      check: result ? `${result.total.toLocaleString('en-US')} waiting, ${result.overSixMonths.toLocaleString('en-US')} over six months, ${result.groups.length} groups` : 'no answer',
      peakRssMb: m.peakRssMb,
      peakHeapMb: m.peakHeapMb,
      cpu: cpuText(m),
    },
    total: result?.total ?? 0,
    over: result?.overSixMonths ?? 0,
    groups: result?.groups.length ?? 0,
  };
}

function courseBody(language: string, region: string, startsOn: string, capacity: number, n: number) {
  // Twice a week (Monday and Wednesday, 09:00–12:00 Brussels time) for ten weeks: 20 sessions, 60 hours.
  const sessions = [];
  for (let week = 0; week < 10; week++) {
    for (const day of [0, 2]) {
      const date = addDays(startsOn, week * 7 + day);
      sessions.push({ startsAt: `${date}T08:00:00Z`, endsAt: `${date}T11:00:00Z` });
    }
  }
  return {
    code: `BENCH-${language}-${region}-${n}`,
    language,
    teacherLanguage: 'nl',
    format: 'classroom',
    region,
    location: `Bench location ${region} ${n}`,
    moProfile: 'not-working',
    capacity,
    startsOn,
    endsOn: addDays(startsOn, 70),
    sessions,
  };
}

/** Waiting persons of AGII per language and region, largest group first. */
async function waitingGroups(db: Database) {
  return (await db.rawQuery(
    `select coalesce(d.state #>> '{decision,moLanguage}', d.state #>> '{intake,language}') as language, p.region, count(*)::int as n
     from dossiers d join persons p on p.id = d.person_id
     where d.tenant_id = $1 and d.status in ('running', 'suspended') and d.contract_signed_on is not null
       and coalesce(d.pillars #>> '{mo,status}', 'not-started') not in ('completed', 'exempted', 'not-required')
       and not exists (select 1 from mo_enrolments e where e.person_id = d.person_id and e.status = 'enrolled')
     group by 1, 2 order by 3 desc`,
    [AGII],
  )).rows as { language: string; region: string; n: number }[];
}

/** (a): create the courses (allocated to the largest language/region groups), then fill them. */
async function fillBench(db: Database, baseUrl: string, token: string, sizes: Sizes, today: string) {
  const groups = await waitingGroups(db);
  // Courses in proportion to the waiting groups (largest remainder), never more places than people waiting.
  const eligible = groups.filter((g) => g.n >= sizes.capacity);
  const sum = eligible.reduce((a, g) => a + g.n, 0);
  const shares = eligible.map((g) => ({ ...g, exact: (sizes.courses * g.n) / sum, count: Math.floor((sizes.courses * g.n) / sum) }));
  let left = sizes.courses - shares.reduce((a, g) => a + g.count, 0);
  for (const g of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left <= 0) break;
    g.count++;
    left--;
  }
  const allocation = shares.flatMap((g) => Array.from({ length: Math.min(g.count, Math.floor(g.n / sizes.capacity)) }, () => ({ language: g.language, region: g.region })));
  const startsOn = addDays(today, 14);
  const createTimes: number[] = [];
  const ids: string[] = [];
  const create = await measured(async () => {
    for (const [n, a] of allocation.entries()) {
      const r = await api(baseUrl, 'POST', '/api/v1/mo/courses', { token, body: courseBody(a.language, a.region, startsOn, sizes.capacity, n) });
      createTimes.push(r.ms);
      ids.push(expectStatus(r, 201, 'create course').id as string);
    }
  });
  const fillTimes: number[] = [];
  const fillStatuses: number[] = [];
  let enrolled = 0;
  let errors = '';
  const fill = await measured(() =>
    pool(ids.length, sizes.fillClients, async (i) => {
      const r = await api(baseUrl, 'POST', `/api/v1/mo/courses/${ids[i]}/fill`, { token, body: { date: today } });
      fillTimes.push(r.ms);
      fillStatuses.push(r.status);
      if (r.status === 200) enrolled += (r.json as { enrolled: number }).enrolled;
      else errors ||= `${r.status} ${JSON.stringify(r.json).slice(0, 300)}`;
    }),
  );
  // Waiting order (R-20): within each language/region, nobody still waiting has waited longer than someone placed.
  const order = (await db.rawQuery(
    `with placed as (
       select c.language, c.region, max(e.waiting_since) as latest from mo_enrolments e join mo_courses c on c.id = e.course_id
       where e.status = 'enrolled' and c.code like 'BENCH-%' group by 1, 2),
     still as (
       select coalesce(d.state #>> '{decision,moLanguage}', d.state #>> '{intake,language}') as language, p.region, min(d.contract_signed_on) as earliest
       from dossiers d join persons p on p.id = d.person_id
       where d.tenant_id = $1 and d.status in ('running', 'suspended') and d.contract_signed_on is not null
         and coalesce(d.pillars #>> '{mo,status}', 'not-started') not in ('completed', 'exempted', 'not-required')
         and not exists (select 1 from mo_enrolments e where e.person_id = d.person_id and e.status = 'enrolled')
       group by 1, 2)
     select count(*)::int as groups, count(*) filter (where s.earliest < pl.latest)::int as passed_over,
            (select count(*)::int from mo_enrolments where status = 'enrolled') as enrolments,
            (select count(distinct person_id)::int from mo_enrolments where status = 'enrolled') as persons,
            (select count(*)::int from dossiers d join mo_enrolments e on e.dossier_id = d.id and e.status = 'enrolled'
              where d.state #>> '{mo,course,enrolledOn}' = $2) as dossiers_recorded
     from placed pl left join still s on s.language = pl.language and s.region = pl.region`,
    [AGII, today],
  )).rows[0] as { groups: number; passed_over: number; enrolments: number; persons: number; dossiers_recorded: number };
  const c = stats(createTimes);
  const f = stats(fillTimes);
  const groupsUsed = new Set(allocation.map((a) => `${a.language}|${a.region}`)).size;
  return {
    rows: [
      {
        bench: `(a) create ${ids.length} courses (20 sessions each), 1 client`,
        requests: ids.length,
        seconds: create.seconds,
        perSecond: `${(ids.length / create.seconds).toFixed(1)} courses/s`,
        p50: c.p50,
        p95: c.p95,
        max: c.max,
        statuses: `${ids.length} × 201`,
        check: `${groupsUsed} language/region groups`,
        peakRssMb: create.peakRssMb,
        peakHeapMb: create.peakHeapMb,
        cpu: cpuText(create),
      },
      {
        bench: `(a) fill ${ids.length} courses × ${sizes.capacity} places, ${sizes.fillClients} client${sizes.fillClients > 1 ? 's' : ''}`,
        requests: ids.length,
        seconds: fill.seconds,
        perSecond: `${(ids.length / fill.seconds).toFixed(2)} courses/s, ${Math.round(enrolled / fill.seconds)} enrolments/s`,
        p50: f.p50,
        p95: f.p95,
        max: f.max,
        statuses: statusCounts(fillStatuses),
        check:
          `${enrolled.toLocaleString('en-US')} enrolled (${order.enrolments.toLocaleString('en-US')} rows, ${order.persons.toLocaleString('en-US')} persons, ${order.dossiers_recorded.toLocaleString('en-US')} dossiers with the course recorded); ` +
          `waiting order: ${order.passed_over} of ${order.groups} groups with someone passed over`,
        peakRssMb: fill.peakRssMb,
        peakHeapMb: fill.peakHeapMb,
        cpu: cpuText(fill),
      },
    ] satisfies Row[],
    enrolled,
    errors,
  };
}

/**
 * Diagnostic: several courses of the same language and region filled at the same moment (two
 * planners, or a double click). Reports what the API answers; the unique index on running
 * enrolments keeps a person from being placed twice.
 */
async function concurrentFillDiagnostic(db: Database, baseUrl: string, token: string, count: number, capacity: number, today: string) {
  const group = (await waitingGroups(db))[0]!;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await api(baseUrl, 'POST', '/api/v1/mo/courses', { token, body: courseBody(group.language, group.region, addDays(today, 21), capacity, 10_000 + i) });
    ids.push(expectStatus(r, 201, 'create course').id as string);
  }
  const before = ((await db.rawQuery(`select count(*)::int as n from mo_enrolments where status = 'enrolled'`)).rows[0] as { n: number }).n;
  const results = await Promise.all(ids.map((id) => api(baseUrl, 'POST', `/api/v1/mo/courses/${id}/fill`, { token, body: { date: today } })));
  const after = (await db.rawQuery(`select count(*)::int as n, count(distinct person_id)::int as persons from mo_enrolments where status = 'enrolled'`)).rows[0] as { n: number; persons: number };
  const failed = results.find((r) => r.status !== 200);
  return {
    text:
      `${count} courses of ${group.language}/${group.region} (${capacity} places each, ${group.n} waiting in that group) filled at once: ${statusCounts(results.map((r) => r.status))}; ` +
      `${(after.n - before).toLocaleString('en-US')} enrolments made, ${after.n === after.persons ? 'nobody placed twice' : `${after.n - after.persons} persons placed twice`}` +
      (failed ? `; a refused fill answered ${JSON.stringify(failed.json).slice(0, 240)}` : ''),
    statuses: results.map((r) => r.status),
  };
}

/**
 * (b): `clients` clients book for distinct persons on one test day. Each client repeatedly lists the
 * free slots of the day, books one at random, and on 'slot-full' lists again, until no seat is free.
 */
async function bookingBench(db: Database, baseUrl: string, token: string, opts: { label: string; slots: number[]; clients: number; day: string; firstPerson: number; persons: number; centre: string }) {
  const centre = expectStatus(
    await api(baseUrl, 'POST', '/api/v1/mo/test-centres', { token, body: { name: opts.centre, region: 'ANT', address: 'Bench straat 1, 2000 Antwerpen', languages: ['nl', 'ar', 'en', 'fr'] } }),
    201,
    'create test centre',
  );
  const slotsBody = { slots: opts.slots.map((capacity, i) => ({ startsAt: `${opts.day}T${String(7 + i).padStart(2, '0')}:00:00Z`, capacity })) };
  const created = expectStatus(await api(baseUrl, 'POST', `/api/v1/mo/test-centres/${centre.id}/slots`, { token, body: slotsBody }), 201, 'create slots');
  const slotIds = (created.items as { id: string }[]).map((s) => s.id);
  const seats = opts.slots.reduce((a, b) => a + b, 0);
  const single = slotIds.length === 1;
  const bookTimes: number[] = [];
  const listTimes: number[] = [];
  const statuses: number[] = [];
  const refusals = new Map<string, number>();
  let nextPerson = opts.firstPerson;
  const lastPerson = opts.firstPerson + opts.persons;
  const rng = new Rng(opts.firstPerson);
  const m = await measured(() =>
    pool(opts.clients, opts.clients, async () => {
      let person: number | null = null;
      for (;;) {
        let slot: string;
        if (single) slot = slotIds[0]!;
        else {
          const list = await api(baseUrl, 'GET', `/api/v1/mo/test-slots?centreId=${centre.id}&from=${opts.day}&to=${opts.day}&onlyFree=true`, { token });
          listTimes.push(list.ms);
          const free = (expectStatus(list, 200, 'list slots').items as { id: string }[]).map((s) => s.id);
          if (!free.length) return;
          slot = rng.pick(free);
        }
        if (person === null) {
          if (nextPerson >= lastPerson) return;
          person = nextPerson++;
        }
        const r = await api(baseUrl, 'POST', `/api/v1/mo/test-slots/${slot}/bookings`, { token, body: { personId: personId(person), kind: 'test' } });
        bookTimes.push(r.ms);
        statuses.push(r.status);
        if (r.status === 201) person = null;
        else {
          const refusal = (r.json as { refusal?: string } | null)?.refusal ?? `http-${r.status}`;
          refusals.set(refusal, (refusals.get(refusal) ?? 0) + 1);
          if (refusal !== 'slot-full') person = null;
          // One slot: once it is full there is nothing left to try.
          if (single && refusal === 'slot-full') return;
        }
      }
    }),
  );
  const check = (await db.rawQuery(
    `select coalesce(sum(s.capacity), 0)::int as capacity, coalesce(sum(s.booked), 0)::int as booked,
            count(*) filter (where s.booked > s.capacity)::int as overfull,
            (select count(*)::int from test_bookings b where b.slot_id = any($1::uuid[]) and b.status = 'booked') as rows,
            (select count(distinct b.person_id)::int from test_bookings b where b.slot_id = any($1::uuid[]) and b.status = 'booked') as persons,
            (select count(*)::int from (select b.slot_id from test_bookings b where b.slot_id = any($1::uuid[]) and b.status = 'booked'
               group by b.slot_id having count(*) <> (select booked from test_slots where id = b.slot_id)) x) as mismatched
     from test_slots s where s.id = any($1::uuid[])`,
    [slotIds],
  )).rows[0] as { capacity: number; booked: number; overfull: number; rows: number; persons: number; mismatched: number };
  const ok = check.booked === check.rows && check.booked <= check.capacity && check.overfull === 0 && check.mismatched === 0 && check.persons === check.rows;
  const b = stats(bookTimes);
  const l = stats(listTimes);
  const booked = statuses.filter((s) => s === 201).length;
  return {
    row: {
      bench: opts.label,
      requests: bookTimes.length,
      seconds: m.seconds,
      perSecond: `${Math.round(bookTimes.length / m.seconds)} bookings tried/s, ${Math.round(booked / m.seconds)} booked/s`,
      p50: b.p50,
      p95: b.p95,
      max: b.max,
      statuses: statusCounts(statuses) + (refusals.size ? ` (${[...refusals].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
      check: `${ok ? 'no over-booking' : '**OVER-BOOKED or inconsistent**'}: ${check.booked} booked of ${check.capacity} seats in ${slotIds.length} slot${slotIds.length > 1 ? 's' : ''}, ${check.rows} booking rows for ${check.persons} persons, ${check.overfull} slots over capacity`,
      peakRssMb: m.peakRssMb,
      peakHeapMb: m.peakHeapMb,
      cpu: cpuText(m),
    } satisfies Row,
    ok,
    full: check.booked === seats,
    listStats: l,
    booked,
  };
}

/** Where the summary's time goes: the grouped waiting-list query alone in withTenant, and the figures in JS. */
async function summaryBreakdown(db: Database, today: string) {
  const scope = { tenantId: AGII, userId: null, purpose: 'course-planning' };
  const queryTimes: number[] = [];
  const figureTimes: number[] = [];
  let rows = 0;
  for (let i = 0; i < 6; i++) {
    let s = performance.now();
    const groups = await withTenant(db, scope, (tx) => orientationQueries.waitingCounts(tx));
    if (i) queryTimes.push(performance.now() - s);
    rows = groups.reduce((sum, g) => sum + g.count, 0);
    s = performance.now();
    waitingFigures(groups.map((g) => ({ language: g.language, region: g.region, area: g.area, waitingSince: g.waiting_since, count: g.count })), today, 60);
    if (i) figureTimes.push(performance.now() - s);
  }
  return { rows, query: stats(queryTimes), figures: stats(figureTimes), execution: '-', shape: 'grouped in SQL (waitingCounts)' };
}

// ---------------------------------------------------------------------------------------------

export type PlanningBenchOptions = SuiteRunOptions;

export async function runPlanningBench(options: PlanningBenchOptions): Promise<string> {
  const { kind, log } = options;
  const pgl = kind === 'pglite';
  serverCpu = !pgl;
  const waiting = pgl ? numberEnv('BENCH_PLANNING_PGLITE_WAITING', 2_000) : numberEnv('BENCH_PLANNING_WAITING', 20_000);
  const contracts = pgl ? numberEnv('BENCH_PLANNING_PGLITE_CONTRACTS', 3_000) : numberEnv('BENCH_PLANNING_CONTRACTS', 30_000);
  const sizes: Sizes = {
    waiting,
    contracts: Math.max(contracts, waiting),
    preContract: Math.round(contracts / 6),
    closed: Math.round(contracts / 30),
    otherAgency: Math.round(contracts / 3),
    courses: pgl ? numberEnv('BENCH_PLANNING_PGLITE_COURSES', 20) : numberEnv('BENCH_PLANNING_COURSES', 100),
    capacity: numberEnv('BENCH_PLANNING_CAPACITY', 16),
    fillClients: Math.max(1, numberEnv('BENCH_PLANNING_FILL_CLIENTS', 1)),
    clients: pgl ? numberEnv('BENCH_PLANNING_PGLITE_CLIENTS', 50) : numberEnv('BENCH_PLANNING_CLIENTS', 200),
    seats: pgl ? numberEnv('BENCH_PLANNING_PGLITE_SEATS', 100) : numberEnv('BENCH_PLANNING_SEATS', 500),
    summaryRuns: numberEnv('BENCH_PLANNING_SUMMARY_RUNS', 10),
  };
  const baseUrl = env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
  const nowStart = Date.parse(env.BENCH_PLANNING_NOW || '2025-03-10T08:00:00Z');
  const realStart = Date.now();
  const clock = () => new Date(nowStart + (Date.now() - realStart));
  const today = belgianDate(clock());
  const seedValue = numberEnv('BENCH_SEED', 20240601);
  log(`== MO planning (${kind}): ${sizes.waiting.toLocaleString('en-US')} waiting of ${sizes.contracts.toLocaleString('en-US')} running contracts, today ${today} ==`);

  const { db, label: dbLabel, version } = await openSuiteDatabase({ kind, baseUrl, name: DB_NAME, log, onCleanup: options.onCleanup, postgresNote: "pool 20 (the platform's default)" });
  const seeded = await seed(db, sizes, today, seedValue, log);

  const { kp, url } = await startBenchServer(db, kind, ADMIN, options.onCleanup, { logLevel: env.BENCH_PLANNING_LOG_LEVEL, clock });
  const token = await createUserAndSignIn(url, ADMIN, { ...PLANNER, displayName: 'Bench Course Planner', organisationId: AGII, roles: ['course-planner'] }, 'create course planner');
  log(`Kruispunt on ${url}, signed in as a course planner of AGII`);

  const rows: Row[] = [];
  const notes: string[] = [];

  // (c) before the fills: the whole waiting list as seeded.
  const c1 = await summaryBench(url, token, `(c) waiting-list figures, ${sizes.contracts.toLocaleString('en-US')} running contracts, 1 client`, sizes.summaryRuns);
  rows.push(c1.row);
  log(`  ${c1.row.bench}: p50 ${c1.row.p50.toFixed(0)} ms, p95 ${c1.row.p95.toFixed(0)} ms, max ${c1.row.max.toFixed(0)} ms; ${c1.row.check}`);
  const breakdown = await summaryBreakdown(db, today);
  log(`  breakdown: waitingList query in withTenant p50 ${breakdown.query.p50.toFixed(0)} ms (${breakdown.rows} rows), waitingFigures p50 ${breakdown.figures.p50.toFixed(0)} ms; owner EXPLAIN ANALYZE ${breakdown.execution}: ${breakdown.shape}`);
  const list = await api(url, 'GET', '/api/v1/mo/waiting-list?overSixMonths=true&limit=200', { token });
  expectStatus(list, 200, 'waiting list over six months');

  // (a) fill the courses.
  const a = await fillBench(db, url, token, sizes, today);
  rows.push(...a.rows);
  for (const r of a.rows) log(`  ${r.bench}: ${r.seconds.toFixed(1)} s, ${r.perSecond}, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms; ${r.statuses}; ${r.check}`);
  if (a.errors) log(`  a refused fill: ${a.errors}`);
  const concurrent = await concurrentFillDiagnostic(db, url, token, pgl ? 4 : 8, sizes.capacity, today);
  log(`  diagnostic: ${concurrent.text}`);

  // (c) again after the fills.
  const c2 = await summaryBench(url, token, `(c) waiting-list figures after the fills, 1 client`, sizes.summaryRuns);
  rows.push(c2.row);
  log(`  ${c2.row.bench}: p50 ${c2.row.p50.toFixed(0)} ms, p95 ${c2.row.p95.toFixed(0)} ms; ${c2.row.check}`);

  // (b) bookings: persons from the waiting list (contracted, no booking yet), distinct per scenario.
  const day = addDays(today, 7);
  const perSlot = Math.max(1, Math.round(sizes.seats / 10));
  const spread = await bookingBench(db, url, token, {
    label: `(b) ${sizes.clients} clients book a day of ${perSlot * 10} seats (10 slots × ${perSlot})`,
    slots: Array.from({ length: 10 }, () => perSlot),
    clients: sizes.clients,
    day,
    firstPerson: 0,
    persons: Math.min(sizes.waiting, perSlot * 10 * 3),
    centre: 'Bench testcentrum Antwerpen',
  });
  rows.push(spread.row);
  log(`  ${spread.row.bench}: ${spread.row.seconds.toFixed(1)} s, ${spread.row.perSecond}, p50 ${spread.row.p50.toFixed(0)} ms, p95 ${spread.row.p95.toFixed(0)} ms, max ${spread.row.max.toFixed(0)} ms; ${spread.row.statuses}; ${spread.row.check}; slot list p50 ${spread.listStats.p50.toFixed(0)} ms, p95 ${spread.listStats.p95.toFixed(0)} ms`);
  const hotSeats = Math.min(500, sizes.seats);
  const hot = await bookingBench(db, url, token, {
    label: `(b) ${sizes.clients} clients book one slot of ${hotSeats} seats`,
    slots: [hotSeats],
    clients: sizes.clients,
    day: addDays(day, 1),
    firstPerson: perSlot * 10 * 3,
    persons: Math.min(sizes.waiting - perSlot * 10 * 3, hotSeats + sizes.clients * 2),
    centre: 'Bench testcentrum Gent',
  });
  rows.push(hot.row);
  log(`  ${hot.row.bench}: ${hot.row.seconds.toFixed(1)} s, ${hot.row.perSecond}, p50 ${hot.row.p50.toFixed(0)} ms, p95 ${hot.row.p95.toFixed(0)} ms, max ${hot.row.max.toFixed(0)} ms; ${hot.row.statuses}; ${hot.row.check}`);

  const dossierSize = await dossiersTableSize(db);
  await kp.close().catch(() => undefined);

  const table = latencyTable(rows, 0);
  const full = !pgl && sizes.waiting >= 20_000 && sizes.contracts >= 30_000 && sizes.courses >= 100 && sizes.clients >= 200 && sizes.seats >= 500;
  const verdict = [
    full ? 'Targets (PostgreSQL, full size):' : `Targets (measured at a smaller size on ${kind}; the targets are for PostgreSQL at full size):`,
    `- (c) figures over ${sizes.contracts.toLocaleString('en-US')} running contracts in under 1 s: p95 ${c1.row.p95.toFixed(0)} ms, max ${c1.row.max.toFixed(0)} ms → **${c1.row.max < 1000 ? 'MET' : 'NOT MET'}**`,
    `- (b) no over-booking with ${sizes.clients} concurrent clients: ${spread.ok && hot.ok ? '**MET**' : '**NOT MET**'} (${spread.row.check}; ${hot.row.check}); every seat sold: ${spread.full && hot.full ? 'yes' : 'no'}`,
    `- (a) ${sizes.courses} courses filled from ${sizes.waiting.toLocaleString('en-US')} waiting: ${a.enrolled.toLocaleString('en-US')} enrolments in ${a.rows[1]!.seconds.toFixed(1)} s (no time target; waiting order kept: ${a.rows[1]!.check.includes(' 0 of ') ? 'yes' : 'no'})`,
  ].join('\n');
  const s = seeded.seconds;
  notes.push(
    `- Database: ${dbLabel}; ${version}; dossiers table ${dossierSize} after the runs`,
    machineNote(),
    `- Seeded in ${s.total.toFixed(1)} s: ${seeded.variants} distinct dossier states from ${seeded.templates} templates played through openDossier/decide (${s.build.toFixed(1)} s; dates shifted, 13 intake languages, 9 % with another MO language), pillars/follow-up from deriveDossier on ${today}; ` +
      `AGII: ${sizes.waiting.toLocaleString('en-US')} running contracts with MO open (the waiting list) + ${(sizes.contracts - sizes.waiting).toLocaleString('en-US')} with MO completed or exempted + ${sizes.preContract.toLocaleString('en-US')} before the contract + ${sizes.closed.toLocaleString('en-US')} closed; ` +
      `Atlas: ${sizes.otherAgency.toLocaleString('en-US')} running contracts (filtered out by row-level security); persons over 6 regions; persons ${s.persons.toFixed(1)} s, dossiers ${s.dossiers.toFixed(1)} s (insert … select from unnest), vacuum analyze ${s.analyze.toFixed(1)} s`,
    `- Server clock from ${new Date(nowStart).toISOString()} (today ${today}); courses start ${addDays(today, 14)} with 20 sessions of 3 h; test day ${day}`,
    `- (c) breakdown: the waiting-list query alone in withTenant (RLS) p50 ${breakdown.query.p50.toFixed(0)} ms for ${breakdown.rows.toLocaleString('en-US')} rows; waitingFigures in JS p50 ${breakdown.figures.p50.toFixed(0)} ms; the same query as owner (no RLS, no transfer to Node), EXPLAIN ANALYZE ${breakdown.execution}: \`${breakdown.shape}\``,
    `- (a) diagnostic: ${concurrent.text}`,
    `- (b) slot list (GET /api/v1/mo/test-slots?onlyFree=true) during the spread run: ${spread.listStats.n.toLocaleString('en-US')} requests, p50 ${spread.listStats.p50.toFixed(0)} ms, p95 ${spread.listStats.p95.toFixed(0)} ms. Latency is per request, measured by the client; "CPU s" is this process (server + clients) and the local PostgreSQL processes (whole seconds, approximate).`,
  );
  return suiteSection(`MO planning (${kind})`, table, verdict, notes);
}

/** Entry point for run.ts (BENCH_SUITE) and for running this file directly. */
export async function mainPlanning(kinds: BenchKind[], log: Log, register: RegisterCleanup, drain: () => Promise<void>): Promise<void> {
  await runSuite('planning', runPlanningBench, kinds, log, register, drain);
}

if (isMain(import.meta.url)) runDirectly(mainPlanning, ['postgres', 'pglite']);
