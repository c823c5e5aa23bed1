/**
 * Trajectory follow-up benchmark (issue 3): the daily job `recomputeFollowUp` over N running
 * dossiers (default 300,000 on PostgreSQL), spread over the four agencies.
 *
 *   BENCH_SUITE=trajectory-follow-up npm run bench          (or: npx tsx bench/trajectory-follow-up.ts)
 *
 * Dossier states are real: a few dozen templates (signed up only, intake done, contracts under
 * each rule set, pillars partly done, suspended, infringements, Brussels) are played through
 * `openDossier` + `decide` with every date shifted by a number of days, giving a few thousand
 * distinct states; each seeded dossier takes one of them (weighted). Seeding is all server side: the variants travel once as one JSON parameter and
 * `insert … select from generate_series / unnest` writes the persons and dossiers.
 *
 * Timed: (a) the first run on `asOf` (most rows change), (b) a second run the same day (nothing
 * changes), (c) the run of the next day. Memory of this Node process (RSS, heap used) is sampled
 * every 100 ms during each run.
 *
 * Environment (all optional):
 *   BENCH_ONLY=pglite|postgres        database (default: postgres only; pglite runs BENCH_PGLITE_DOSSIERS)
 *   BENCH_DOSSIERS=300000             running dossiers on PostgreSQL
 *   BENCH_PGLITE_DOSSIERS=20000       running dossiers on PGlite
 *   BENCH_DATABASE_URL                server (default postgres://root@127.0.0.1:5432/test); the database
 *                                     kruispunt_bench_trajectory is (re)created there and dropped at the end
 *   BENCH_FOLLOW_UP_BATCH             batch size passed to recomputeFollowUp (default: the job's own)
 *   BENCH_FOLLOW_UP_AS_OF=2025-03-10  the day of the first run; the third run is the day after
 *   BENCH_FOLLOW_UP_STORED=empty      derived columns seeded empty (first ever run: every row changes), or
 *                                     'last-event': as the last command wrote them (about half change)
 *   BENCH_FOLLOW_UP_PROFILE=1         0 = skip the breakdown (read / evaluate / compare / write, timed apart)
 *   BENCH_SEED=20240601
 *   BENCH_WRITE_RESULTS=1             0 = do not update bench/RESULTS.md
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { Database } from '../server/src/platform/db/database';
import { dossierCommand, type DossierCommand, type SignUpCommand } from '../server/src/modules/trajectory/dossier/commands';
import { decide, openDossier, RuleRefusal } from '../server/src/modules/trajectory/dossier/decide';
import type { DossierState } from '../server/src/modules/trajectory/dossier/state';
import { deriveDossier } from '../server/src/modules/trajectory/trajectory.service';
import { recomputeFollowUp, sameJson, type FollowUpRun } from '../server/src/modules/trajectory/trajectory.jobs';
import { addDays } from '../server/src/modules/trajectory/rules/dates';
import { numberEnv } from './env';
import { Rng } from '../server/src/platform/rng';
import {
  dossiersTableSize,
  finishSeeding,
  GIVEN_NAME_SQL,
  INTAKE_DEFAULTS,
  insertVariants,
  isMain,
  measureResources,
  openSuiteDatabase,
  runDirectly,
  runSuite,
  seedDecisionContext,
  suiteSection,
  type BenchKind,
  type Log,
  type RegisterCleanup,
  type Resources,
  type SuiteRunOptions,
} from './support';

const env = process.env;

const AGENCIES = {
  agii: '00000000-0000-4000-8000-000000000001',
  atlas: '00000000-0000-4000-8000-000000000002',
  inGent: '00000000-0000-4000-8000-000000000003',
  bon: '00000000-0000-4000-8000-000000000004',
} as const;
const DB_NAME = 'kruispunt_bench_trajectory';

// ---------------------------------------------------------------------------------------------
// Templates: command sequences relative to a sign-up date, played through the real rules

type Area = 'flanders' | 'brussels';
interface Script {
  /** Sign-up on `base` + offset days; more steps after. */
  signUp(opts?: { channel?: SignUpCommand['channel']; letterDaysBefore?: number; referrer?: string }): void;
  /** A command dated `offset` days after the sign-up; unspecified fields get realistic defaults. */
  at(offset: number, command: Record<string, unknown> & { type: DossierCommand['type'] }): void;
  /** record-intake with defaults; `facts` override the target-group facts. */
  intake(offset: number, opts?: { facts?: Record<string, unknown>; education?: string; literacy?: string; working?: boolean; studying?: boolean; diplomaAbroad?: boolean }): void;
  /** decide-intake with the proposed profile; a different group gets an override reason. */
  decideIntake(offset: number, group?: string): void;
  contract(offset: number, opts?: { addendum?: boolean }): void;
  /** The date `offset` days after the sign-up. */
  d(offset: number): string;
  /** Id of the n-th infringement recorded so far. */
  infringement(n: number): string;
}

interface Template {
  name: string;
  area: Area;
  /** Sign-up date of the unshifted template. */
  signUp: string;
  /** Relative share of the seeded dossiers. */
  weight: number;
  /** Shifts applied (days, both ways). */
  spread: number;
  script: (s: Script) => void;
}

const VERPLICHT_FACTS = { register: 'foreigners', nationality: 'non-eu', residence: 'residence-over-3-months', firstResidenceTitle: true };
const ENTITLED_FACTS = { register: 'foreigners', nationality: 'non-eu', residence: 'residence-over-3-months', firstResidenceTitle: false };
const EU_FACTS = { register: 'foreigners', nationality: 'eu', residence: 'residence-over-3-months', firstResidenceTitle: true };
const BXL_FACTS = { register: 'foreigners', nationality: 'non-eu', residence: 'residence-over-3-months', firstResidenceTitle: true, priorLegalStayYears: 1 };

/** A Flemish trajectory to contract, verplicht, under the contract date's rule set. */
const toContract = (s: Script, opts: { facts?: Record<string, unknown>; group?: string; addendum?: boolean; literacy?: string; education?: string; working?: boolean; diplomaAbroad?: boolean } = {}) => {
  s.signUp({ channel: 'invitation-letter', letterDaysBefore: 25 });
  s.intake(14, { facts: opts.facts ?? VERPLICHT_FACTS, ...(opts.literacy ? { literacy: opts.literacy } : {}), ...(opts.education ? { education: opts.education } : {}), ...(opts.working !== undefined ? { working: opts.working } : {}), ...(opts.diplomaAbroad !== undefined ? { diplomaAbroad: opts.diplomaAbroad } : {}) });
  s.decideIntake(14, opts.group);
  s.contract(21, opts.addendum ? { addendum: true } : {});
};

/** A Brussels trajectory to contract (Dutch-language track), verplicht: intake on day 20, decision on day 25. */
const toBrusselsContract = (s: Script, signUp: Parameters<Script['signUp']>[0], contractOffset = 30) => {
  s.signUp(signUp);
  s.intake(20, { facts: BXL_FACTS });
  s.decideIntake(25);
  s.contract(contractOffset);
};

const TEMPLATES: Template[] = [
  // Before the contract
  { name: 'signed up, letter, recent', area: 'flanders', signUp: '2025-02-17', weight: 5, spread: 20, script: (s) => s.signUp({ channel: 'invitation-letter', letterDaysBefore: 30 }) },
  { name: 'signed up, spontaneous, intake overdue', area: 'flanders', signUp: '2024-11-04', weight: 3, spread: 60, script: (s) => s.signUp({ channel: 'spontaneous' }) },
  { name: 'signed up, partner referral', area: 'flanders', signUp: '2025-01-13', weight: 2, spread: 30, script: (s) => s.signUp({ channel: 'partner-referral', referrer: 'OCMW' }) },
  { name: 'intake done, decision pending', area: 'flanders', signUp: '2025-01-20', weight: 3, spread: 30, script: (s) => (s.signUp({ channel: 'invitation-letter', letterDaysBefore: 20 }), s.intake(10, { facts: VERPLICHT_FACTS })) },
  { name: 'intake decided verplicht, no contract', area: 'flanders', signUp: '2024-10-07', weight: 4, spread: 90, script: (s) => (s.signUp({ channel: 'invitation-letter', letterDaysBefore: 40 }), s.intake(12, { facts: VERPLICHT_FACTS }), s.decideIntake(15)) },
  { name: 'intake decided rechthebbend, no contract', area: 'flanders', signUp: '2024-12-02', weight: 2, spread: 60, script: (s) => (s.signUp({ channel: 'spontaneous' }), s.intake(8, { facts: ENTITLED_FACTS }), s.decideIntake(9)) },
  {
    name: 'postponement of the contract running', area: 'flanders', signUp: '2024-11-18', weight: 1, spread: 40,
    script: (s) => {
      s.signUp({ channel: 'invitation-letter', letterDaysBefore: 20 });
      s.intake(10, { facts: VERPLICHT_FACTS });
      s.decideIntake(10);
      s.at(30, { type: 'start-suspension', kind: 'postponement-contract', reason: 'maternity-leave', proofReceivedOn: s.d(30), proof: 'attest van de gynaecoloog', from: s.d(30), to: s.d(150) });
    },
  },
  // Contracts under fl-2013 (before 1 March 2022): MO by regular participation
  { name: 'fl-2013 contract, nothing recorded', area: 'flanders', signUp: '2021-09-06', weight: 3, spread: 90, script: (s) => toContract(s) },
  {
    name: 'fl-2013 contract, MO course in progress, NT2 enrolled', area: 'flanders', signUp: '2021-10-04', weight: 4, spread: 90,
    script: (s) => {
      toContract(s);
      s.at(60, { type: 'record-mo-course', enrolledOn: s.d(50), attendedHours: 24 });
      s.at(70, { type: 'record-nt2-enrolment', provider: 'CVO Vitant' });
    },
  },
  {
    name: 'fl-2013 contract, MO done, NT2 A1', area: 'flanders', signUp: '2021-06-14', weight: 3, spread: 90,
    script: (s) => {
      toContract(s);
      s.at(60, { type: 'record-mo-course', enrolledOn: s.d(40), attendedHours: 60, completedOn: s.d(58) });
      s.at(80, { type: 'record-nt2-enrolment', provider: 'CBE Open School' });
      s.at(300, { type: 'record-nt2-result', oral: 'A1', written: 'A1' });
    },
  },
  {
    name: 'fl-2013 contract, all done: certificate ready', area: 'flanders', signUp: '2021-03-01', weight: 1, spread: 60,
    script: (s) => {
      toContract(s);
      s.at(60, { type: 'record-mo-course', enrolledOn: s.d(40), attendedHours: 60, completedOn: s.d(58) });
      s.at(400, { type: 'record-nt2-result', oral: 'A2', written: 'A2' });
    },
  },
  // fl-2022-03: MO test, work registration in 60 days
  { name: 'fl-2022-03 contract, nothing recorded (overdue)', area: 'flanders', signUp: '2022-05-09', weight: 3, spread: 45, script: (s) => toContract(s) },
  {
    name: 'fl-2022-03 contract, MO test failed', area: 'flanders', signUp: '2022-04-11', weight: 2, spread: 45,
    script: (s) => {
      toContract(s);
      s.at(50, { type: 'record-work-registration', registeredOn: s.d(45) });
      s.at(90, { type: 'record-mo-course', enrolledOn: s.d(40), attendedHours: 60, completedOn: s.d(88) });
      s.at(100, { type: 'record-mo-test', kind: 'test', core: { correct: 3, total: 11 }, practical: { correct: 12, total: 30 } });
    },
  },
  {
    name: 'fl-2022-03 contract, MO passed, NT2 in progress, work registered', area: 'flanders', signUp: '2022-08-01', weight: 3, spread: 60,
    script: (s) => {
      toContract(s);
      s.at(55, { type: 'record-work-registration', registeredOn: s.d(50) });
      s.at(100, { type: 'record-mo-course', enrolledOn: s.d(45), attendedHours: 60, completedOn: s.d(95) });
      s.at(110, { type: 'record-mo-test', kind: 'test', core: { correct: 9, total: 11 }, practical: { correct: 20, total: 30 } });
      s.at(120, { type: 'record-nt2-enrolment', provider: 'CVO Antwerpen' });
      s.at(330, { type: 'record-nt2-result', oral: 'A2', written: 'A1' });
    },
  },
  // fl-2023-01 / fl-2023-03: participation track, process evaluation
  {
    name: 'fl-2023-03 contract, MO test awaiting process evaluation', area: 'flanders', signUp: '2023-04-03', weight: 3, spread: 40,
    script: (s) => {
      toContract(s);
      s.at(40, { type: 'record-work-registration', registeredOn: s.d(38) });
      s.at(120, { type: 'record-mo-course', enrolledOn: s.d(60), attendedHours: 60, completedOn: s.d(118) });
      s.at(125, { type: 'record-mo-test', kind: 'test', core: { correct: 10, total: 11 }, practical: { correct: 22, total: 30 } });
    },
  },
  {
    name: 'fl-2023-03 contract, MO + work done, participation partly', area: 'flanders', signUp: '2023-05-08', weight: 3, spread: 50,
    script: (s) => {
      toContract(s);
      s.at(40, { type: 'record-work-registration', registeredOn: s.d(35) });
      s.at(110, { type: 'record-mo-course', enrolledOn: s.d(50), attendedHours: 60, completedOn: s.d(108) });
      s.at(112, { type: 'record-mo-process-evaluation', score: { correct: 8, total: 10 } });
      s.at(115, { type: 'record-mo-test', kind: 'test', core: { correct: 10, total: 11 }, practical: { correct: 25, total: 30 } });
      s.at(140, { type: 'record-participation', activity: 'Vrijwilliger bij de buurtwerking', hours: 16 });
      s.at(170, { type: 'record-participation', activity: 'Taalcafé', hours: 8 });
      s.at(150, { type: 'record-nt2-enrolment', provider: 'CVO Gent' });
    },
  },
  {
    name: 'fl-2023-03 entitled with participation addendum', area: 'flanders', signUp: '2023-06-05', weight: 2, spread: 50,
    script: (s) => {
      toContract(s, { facts: ENTITLED_FACTS, addendum: true });
      s.at(60, { type: 'record-participation', activity: 'Sportclub', hours: 12 });
    },
  },
  // fl-2023-09 and fl-2024-09: standardised NT2 test
  { name: 'fl-2023-09 contract, fresh', area: 'flanders', signUp: '2023-10-02', weight: 3, spread: 60, script: (s) => toContract(s) },
  {
    name: 'fl-2023-09 contract, NT2 A2 reached, standardised test pending', area: 'flanders', signUp: '2023-09-18', weight: 3, spread: 45,
    script: (s) => {
      toContract(s);
      s.at(45, { type: 'record-work-registration', registeredOn: s.d(40) });
      s.at(60, { type: 'record-nt2-enrolment', provider: 'CVO Leuven', regularParticipation: true });
      s.at(100, { type: 'record-mo-course', enrolledOn: s.d(55), attendedHours: 36, completedOn: s.d(98) });
      s.at(300, { type: 'record-nt2-result', oral: 'A2', written: 'A2' });
    },
  },
  {
    name: 'fl-2024 contract, recent, higher education, diploma abroad', area: 'flanders', signUp: '2024-09-16', weight: 4, spread: 90,
    script: (s) => {
      toContract(s, { education: 'higher', diplomaAbroad: true });
      s.at(40, { type: 'record-work-registration', registeredOn: s.d(38) });
      s.at(70, { type: 'record-diploma-recognition-request' });
      s.at(75, { type: 'update-pip', goals: ['diploma erkennen', 'werk als ingenieur'], steps: [{ description: 'NARIC-dossier indienen', dueOn: s.d(120) }] });
    },
  },
  {
    name: 'fl-2024 contract, working, MO in progress', area: 'flanders', signUp: '2024-06-10', weight: 4, spread: 90,
    script: (s) => {
      toContract(s, { working: true });
      s.at(30, { type: 'record-work-registration', registeredOn: s.d(28) });
      s.at(80, { type: 'record-mo-course', enrolledOn: s.d(70), attendedHours: 18 });
    },
  },
  {
    name: 'fl-2024 contract, illiterate, alfa NT2', area: 'flanders', signUp: '2024-03-04', weight: 2, spread: 60,
    script: (s) => {
      toContract(s, { literacy: 'illiterate', education: 'none' });
      s.at(50, { type: 'record-nt2-enrolment', provider: 'CBE Brussel' });
      s.at(200, { type: 'record-nt2-result', oral: 'A1', written: null });
      s.at(210, { type: 'record-limited-learning-capacity', basis: 'verslag van het CBE: beperkte leerbaarheid' });
    },
  },
  {
    name: 'fl-2024 contract, EU citizen entitled', area: 'flanders', signUp: '2024-05-06', weight: 2, spread: 60,
    script: (s) => toContract(s, { facts: EU_FACTS }),
  },
  // Suspensions
  {
    name: 'suspended now (maternity leave)', area: 'flanders', signUp: '2024-07-01', weight: 3, spread: 45,
    script: (s) => {
      toContract(s);
      s.at(40, { type: 'record-work-registration', registeredOn: s.d(35) });
      s.at(180, { type: 'start-suspension', kind: 'suspension', reason: 'maternity-leave', proofReceivedOn: s.d(178), proof: 'attest van de gynaecoloog', from: s.d(180), to: s.d(380) });
    },
  },
  {
    name: 'suspension ended, deadlines shifted', area: 'flanders', signUp: '2023-11-06', weight: 2, spread: 60,
    script: (s) => {
      toContract(s);
      s.at(60, { type: 'start-suspension', kind: 'suspension', reason: 'sick-leave', proofReceivedOn: s.d(60), proof: 'doktersattest', from: s.d(60), to: s.d(150) });
      s.at(120, { type: 'end-suspension' });
      s.at(130, { type: 'record-work-registration', registeredOn: s.d(125) });
      s.at(160, { type: 'record-mo-course', enrolledOn: s.d(155), attendedHours: 30 });
    },
  },
  {
    name: 'suspension running out soon', area: 'flanders', signUp: '2024-01-08', weight: 1, spread: 30,
    script: (s) => {
      toContract(s);
      s.at(200, { type: 'start-suspension', kind: 'suspension', reason: 'family-care', proofReceivedOn: s.d(199), proof: 'attest mantelzorg', from: s.d(200), to: s.d(430) });
    },
  },
  // Infringements (verplicht only)
  {
    name: 'infringement detected', area: 'flanders', signUp: '2024-02-05', weight: 2, spread: 60,
    script: (s) => {
      toContract(s);
      s.at(120, { type: 'record-infringement', kind: 'late-work-registration', description: 'Niet ingeschreven bij VDAB binnen 60 dagen' });
    },
  },
  {
    name: 'infringement, notice of default running', area: 'flanders', signUp: '2024-08-05', weight: 2, spread: 40,
    script: (s) => {
      toContract(s);
      s.at(150, { type: 'record-infringement', kind: 'late-work-registration', description: 'Niet ingeschreven bij VDAB binnen 60 dagen' });
      s.at(155, { type: 'send-notice-of-default', infringementId: s.infringement(0) });
    },
  },
  {
    name: 'infringement complied', area: 'flanders', signUp: '2023-12-04', weight: 1, spread: 60,
    script: (s) => {
      toContract(s);
      s.at(100, { type: 'record-infringement', kind: 'irregular-participation', description: 'Onregelmatige aanwezigheid NT2' });
      s.at(104, { type: 'send-notice-of-default', infringementId: s.infringement(0) });
      s.at(120, { type: 'record-compliance', infringementId: s.infringement(0) });
      s.at(125, { type: 'record-nt2-enrolment', provider: 'CVO Mechelen', regularParticipation: true });
    },
  },
  {
    name: 'infringement handed over to enforcement', area: 'flanders', signUp: '2023-08-07', weight: 1, spread: 60,
    script: (s) => {
      toContract(s);
      s.at(100, { type: 'record-infringement', kind: 'late-work-registration', description: 'Niet ingeschreven bij VDAB' });
      s.at(101, { type: 'send-notice-of-default', infringementId: s.infringement(0) });
      s.at(140, { type: 'hand-over-to-enforcement', infringementId: s.infringement(0), evidence: ['aangetekende brief', 'VDAB-attest ontbreekt'] });
    },
  },
  // Brussels (Bon): 6 months to sign up, 18 months to complete, Dutch-language track
  { name: 'Brussels: signed up with letter', area: 'brussels', signUp: '2025-01-27', weight: 3, spread: 45, script: (s) => s.signUp({ channel: 'invitation-letter', letterDaysBefore: 90 }) },
  {
    name: 'Brussels: intake decided, no contract', area: 'brussels', signUp: '2024-11-12', weight: 2, spread: 45,
    script: (s) => (s.signUp({ channel: 'invitation-letter', letterDaysBefore: 60 }), s.intake(20, { facts: BXL_FACTS }), s.decideIntake(25)),
  },
  {
    name: 'Brussels: contract, completion term running', area: 'brussels', signUp: '2024-04-15', weight: 4, spread: 90,
    script: (s) => {
      toBrusselsContract(s, { channel: 'invitation-letter', letterDaysBefore: 60 });
      s.at(60, { type: 'record-work-registration', registeredOn: s.d(55) });
      s.at(120, { type: 'record-mo-course', enrolledOn: s.d(70), attendedHours: 60, completedOn: s.d(115) });
      s.at(125, { type: 'record-mo-process-evaluation', score: { correct: 7, total: 10 } });
      s.at(130, { type: 'record-mo-test', kind: 'test', core: { correct: 10, total: 11 }, practical: { correct: 20, total: 30 } });
    },
  },
  {
    name: 'Brussels: contract 2023, completion overdue', area: 'brussels', signUp: '2023-02-06', weight: 2, spread: 60,
    script: (s) => {
      toBrusselsContract(s, { channel: 'municipality-notification' }, 40);
      s.at(90, { type: 'record-nt2-enrolment', provider: 'Huis van het Nederlands' });
    },
  },
  {
    name: 'Brussels: suspended (work schedule)', area: 'brussels', signUp: '2024-06-03', weight: 1, spread: 45,
    script: (s) => {
      toBrusselsContract(s, { channel: 'invitation-letter', letterDaysBefore: 30 });
      s.at(240, { type: 'start-suspension', kind: 'suspension', reason: 'work-or-training-schedule', proofReceivedOn: s.d(238), proof: 'uurrooster werkgever', from: s.d(240), to: s.d(420) });
    },
  },
  {
    name: 'Brussels: infringement with notice', area: 'brussels', signUp: '2024-03-11', weight: 1, spread: 45,
    script: (s) => {
      toBrusselsContract(s, { channel: 'invitation-letter', letterDaysBefore: 30 });
      s.at(200, { type: 'record-infringement', kind: 'irregular-participation', description: 'Afwezig in de les MO' });
      s.at(205, { type: 'send-notice-of-default', infringementId: s.infringement(0) });
    },
  },
];

interface Variant {
  template: number;
  state: DossierState;
  derived: ReturnType<typeof deriveDossier>;
}

/** Plays a template with all dates shifted by `shift` days; null when the rules refuse a step (shifted over a boundary). */
function playTemplate(t: Template, shift: number, today: string): DossierState | null {
  const base = addDays(t.signUp, shift);
  let state: DossierState | null = null;
  const context = seedDecisionContext(today, '1991-04-17', 'b');
  const apply = (command: Record<string, unknown>) => {
    if (!state) throw new Error(`${t.name}: a command before the sign-up`);
    state = decide(state, dossierCommand.parse(command), context).state;
  };
  const d = (offset: number) => addDays(base, offset);
  const script: Script = {
    d,
    signUp(opts = {}) {
      const command: SignUpCommand = {
        type: 'sign-up',
        date: base,
        channel: opts.channel ?? 'spontaneous',
        area: t.area,
        ...(opts.referrer ? { referrer: opts.referrer } : {}),
        ...(opts.letterDaysBefore !== undefined ? { letterSentOn: addDays(base, -opts.letterDaysBefore) } : {}),
      };
      state = openDossier(command, context).state;
    },
    at(offset, command) {
      apply({ ...command, date: d(offset) });
    },
    intake(offset, opts = {}) {
      apply({
        ...INTAKE_DEFAULTS,
        type: 'record-intake',
        date: d(offset),
        education: { level: opts.education ?? 'secondary', diplomaAbroad: opts.diplomaAbroad ?? false },
        literacy: opts.literacy ?? INTAKE_DEFAULTS.literacy,
        working: opts.working ?? false,
        studying: opts.studying ?? false,
        targetGroupFacts: { firstInscriptionDate: addDays(base, -60), ...(opts.facts ?? VERPLICHT_FACTS) },
      });
    },
    decideIntake(offset, group) {
      const intake = state?.intake;
      if (!intake) throw new Error(`${t.name}: decide-intake without an intake`);
      const proposed = intake.targetGroupProposal.group;
      const chosen = group ?? proposed;
      apply({
        type: 'decide-intake',
        date: d(offset),
        targetGroup: chosen,
        profileId: intake.proposedProfileId,
        ...(chosen !== proposed ? { overrideReason: 'bijkomende gegevens na het intakegesprek' } : {}),
        ...(t.area === 'brussels' ? { brusselsTrack: 'dutch' } : {}),
      });
    },
    contract(offset, opts = {}) {
      apply({ type: 'sign-contract', date: d(offset), signedOn: d(offset), participationAddendum: opts.addendum ?? false });
    },
    infringement(n) {
      const id = state?.infringements[n]?.id;
      if (!id) throw new Error(`${t.name}: no infringement ${n}`);
      return id;
    },
  };
  try {
    t.script(script);
  } catch (error) {
    if (error instanceof RuleRefusal) return null;
    throw error;
  }
  return state;
}

export function buildVariants(today: string, rng: Rng, perTemplate: number): { variants: Variant[]; refused: Record<string, number> } {
  const variants: Variant[] = [];
  const refused: Record<string, number> = {};
  TEMPLATES.forEach((t, index) => {
    let made = 0;
    for (let attempt = 0; attempt < perTemplate * 2 && made < perTemplate; attempt++) {
      const shift = rng.int(-t.spread, t.spread);
      const state = playTemplate(t, shift, today);
      if (!state || state.status === 'closed' || state.status === 'transferred') {
        refused[t.name] = (refused[t.name] ?? 0) + 1;
        continue;
      }
      // As stored by the last command: derived on the day of the last event.
      variants.push({ template: index, state, derived: deriveDossier(state, state.lastEventOn) });
      made++;
    }
    if (!made) throw new Error(`template '${t.name}' gives no valid dossier (every shift refused)`);
  });
  return { variants, refused };
}

// ---------------------------------------------------------------------------------------------
// Seeding: persons and dossiers, server side

const VARIANT_COLUMNS =
  'tenant_pool int, area text, status text, state jsonb, signed_up_on date, contract_signed_on date, target_group text, pillars jsonb, follow_up jsonb, next_due_on date, urgency smallint, computed_on date';

const TENANTS_FLANDERS = [AGENCIES.agii, AGENCIES.atlas, AGENCIES.inGent];

export async function seedTrajectory(db: Database, count: number, asOf: string, seedValue: number, log: (m: string) => void) {
  const started = performance.now();
  const rng = new Rng(seedValue);
  const { variants, refused } = buildVariants(asOf, rng, 60);
  const built = performance.now();
  log(`built ${variants.length} dossier states from ${TEMPLATES.length} templates (decide) in ${((built - started) / 1000).toFixed(1)} s` +
    (Object.keys(refused).length ? `; shifts refused by the rules: ${Object.values(refused).reduce((a, b) => a + b, 0)}` : ''));

  const stored = env.BENCH_FOLLOW_UP_STORED === 'last-event' ? 'last-event' : 'empty';
  const rows = variants.map((v, idx) => ({
    idx,
    tenant_pool: v.state.area === 'brussels' ? 1 : 0,
    area: v.state.area,
    status: v.state.status,
    state: v.state,
    signed_up_on: v.state.signUp.date,
    contract_signed_on: v.state.contract?.signedOn ?? null,
    target_group: v.state.decision?.targetGroup ?? null,
    ...(stored === 'last-event'
      ? { pillars: v.derived.pillars, follow_up: v.derived.followUp, next_due_on: v.derived.nextDueOn, urgency: v.derived.urgency, computed_on: v.derived.computedOn }
      : { pillars: null, follow_up: [], next_due_on: null, urgency: 3, computed_on: null }),
  }));
  await insertVariants(db, VARIANT_COLUMNS, rows, 1000);

  // Which variant each dossier gets, weighted by its template: one int[] parameter.
  const byTemplate = new Map<number, number[]>();
  variants.forEach((v, idx) => byTemplate.set(v.template, [...(byTemplate.get(v.template) ?? []), idx]));
  const weights = TEMPLATES.map((t, i) => [i, byTemplate.has(i) ? t.weight : 0] as const);
  const pick = new Int32Array(count);
  const tenantOf = new Int32Array(count);
  const perTemplate = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const template = rng.weighted(weights);
    const idx = rng.pick(byTemplate.get(template)!);
    pick[i] = idx;
    tenantOf[i] = variants[idx]!.state.area === 'brussels' ? 3 : rng.int(0, 2);
    perTemplate.set(TEMPLATES[template]!.name, (perTemplate.get(TEMPLATES[template]!.name) ?? 0) + 1);
  }
  const tenants = [...TENANTS_FLANDERS, AGENCIES.bon];

  // Persons: one per dossier (one open dossier per person), all NOT NULL columns, the tenant of the dossier.
  const personsStart = performance.now();
  const chunk = 100_000;
  for (let from = 0; from < count; from += chunk) {
    const n = Math.min(chunk, count - from);
    const tenantIdx = Array.from(tenantOf.subarray(from, from + n));
    await db.rawQuery(
      `insert into persons (id, tenant_id, given_names, family_name, given_names_latin, family_name_latin, name_script, search_text, birth_date, region, responsible_agency)
       select md5('bench-person-' || (t.i + $2))::uuid, ($3::uuid[])[t.tenant + 1],
              ${GIVEN_NAME_SQL},
              'Bench' || (t.i + $2), ${GIVEN_NAME_SQL},
              'Bench' || (t.i + $2), 'latin', lower('bench' || (t.i + $2)), date '1970-01-01' + ((t.i * 7919) % 14000)::int,
              case when t.tenant = 3 then 'BR' else 'VL' end, (array['agii','atlas','in-gent','bon'])[t.tenant + 1]
       from unnest($1::int[]) with ordinality as t(tenant, i)`,
      [tenantIdx, from, tenants],
    );
  }
  const personsSeconds = (performance.now() - personsStart) / 1000;
  log(`seeded ${count.toLocaleString('en-US')} persons in ${personsSeconds.toFixed(1)} s`);

  const dossiersStart = performance.now();
  for (let from = 0; from < count; from += chunk) {
    const n = Math.min(chunk, count - from);
    await db.rawQuery(
      `insert into dossiers (id, tenant_id, person_id, area, status, state, signed_up_on, contract_signed_on, target_group,
          pillars, follow_up, next_due_on, urgency, computed_on, version)
       select md5('bench-dossier-' || (t.i + $2))::uuid, ($4::uuid[])[t.tenant + 1], md5('bench-person-' || (t.i + $2))::uuid,
              v.area, v.status, v.state, v.signed_up_on, v.contract_signed_on, v.target_group,
              v.pillars, v.follow_up, v.next_due_on, v.urgency, v.computed_on, 1 + (t.i % 9)::int
       from unnest($1::int[], $3::int[]) with ordinality as t(idx, tenant, i) join bench_variants v on v.idx = t.idx`,
      [Array.from(pick.subarray(from, from + n)), from, Array.from(tenantOf.subarray(from, from + n)), tenants],
    );
  }
  // A few closed dossiers beside them (3 %), which the job must skip.
  const closed = Math.round(count * 0.03);
  await db.rawQuery(
    `insert into persons (id, tenant_id, given_names, family_name, given_names_latin, family_name_latin, name_script, search_text)
     select md5('bench-closed-person-' || i)::uuid, $2::uuid, 'Closed', 'Bench' || i, 'Closed', 'Bench' || i, 'latin', 'closed bench' || i
     from generate_series(1, $1::int) i`,
    [closed, AGENCIES.agii],
  );
  await db.rawQuery(
    `insert into dossiers (id, tenant_id, person_id, area, status, state, signed_up_on, closed_on, closure_reason, follow_up, urgency)
     select md5('bench-closed-dossier-' || i)::uuid, $2::uuid, md5('bench-closed-person-' || i)::uuid, 'flanders', 'closed',
            jsonb_set(jsonb_set(v.state, '{status}', '"closed"'), '{closure}', jsonb_build_object('date', v.state->>'lastEventOn', 'reason', 'moved-out-of-area')),
            v.signed_up_on, (v.state->>'lastEventOn')::date, 'moved-out-of-area', '[]', 3
     from generate_series(1, $1::int) i
     join (select *, row_number() over (order by idx) as rn from bench_variants where area = 'flanders') v
       on v.rn = 1 + i % (select count(*) from bench_variants where area = 'flanders')`,
    [closed, AGENCIES.agii],
  );
  const dossiersSeconds = (performance.now() - dossiersStart) / 1000;
  const analyzeSeconds = await finishSeeding(db);
  const total = (performance.now() - started) / 1000;
  log(`seeded ${count.toLocaleString('en-US')} running + ${closed.toLocaleString('en-US')} closed dossiers in ${dossiersSeconds.toFixed(1)} s; vacuum analyze ${analyzeSeconds.toFixed(1)} s; seeding total ${total.toFixed(1)} s`);
  return { variants: variants.length, templates: TEMPLATES.length, perTemplate, closed, stored, seconds: { build: (built - started) / 1000, persons: personsSeconds, dossiers: dossiersSeconds, analyze: analyzeSeconds, total } };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Measured extends Resources {
  label: string;
  asOf: string;
  run: FollowUpRun;
  perSecond: number;
}

async function measure(label: string, fn: () => Promise<FollowUpRun>, asOf: string, serverCpu: boolean): Promise<Measured> {
  const { value: run, ...resources } = await measureResources(fn, { postgresCpu: serverCpu, gcFirst: true });
  return { label, asOf, run, ...resources, perSecond: run.dossiers / resources.seconds };
}

/**
 * Where the time goes: the job's steps timed apart on a copy of its loop (read with JSON parse in
 * the driver, evaluate, compare, write inside a rolled-back transaction so the data stays as is).
 */
async function breakdown(db: Database, asOf: string, batchSize: number) {
  const t = { read: 0, readText: 0, parse: 0, evaluate: 0, compare: 0, serialise: 0, write: 0 };
  let dossiers = 0;
  let changed = 0;
  await db.onOneConnection(async (query) => {
    let after = '00000000-0000-0000-0000-000000000000';
    await query('begin');
    try {
      for (;;) {
        let s = performance.now();
        // The same rows as text: what the database and the wire cost without the driver's JSON.parse.
        const textRows = (await query(
          `select id, state::text as state, follow_up::text as follow_up, urgency, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on, pillars::text as pillars
           from dossiers where id > $1::uuid and status not in ('closed', 'transferred') order by id limit $2`,
          [after, batchSize],
        )).rows as { id: string; state: string; follow_up: string; urgency: number; next_due_on: string | null; pillars: string | null }[];
        t.readText += performance.now() - s;
        if (!textRows.length) break;
        s = performance.now();
        const rows = textRows.map((r) => ({ ...r, state: JSON.parse(r.state) as DossierState, follow_up: JSON.parse(r.follow_up) as unknown, pillars: r.pillars === null ? null : (JSON.parse(r.pillars) as unknown) }));
        t.parse += performance.now() - s;
        s = performance.now();
        const derivedAll = rows.map((r) => deriveDossier(r.state, asOf));
        t.evaluate += performance.now() - s;
        s = performance.now();
        const updates = [];
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i]!;
          const derived = derivedAll[i]!;
          const same = row.urgency === derived.urgency && row.next_due_on === derived.nextDueOn && sameJson(row.follow_up, derived.followUp) && sameJson(row.pillars, derived.pillars);
          if (!same) updates.push({ id: row.id, follow_up: derived.followUp, next_due_on: derived.nextDueOn, urgency: derived.urgency, pillars: derived.pillars });
        }
        t.compare += performance.now() - s;
        s = performance.now();
        const payload = JSON.stringify(updates);
        t.serialise += performance.now() - s;
        s = performance.now();
        if (updates.length) {
          await query(
            `update dossiers d set follow_up = u.follow_up, next_due_on = u.next_due_on, urgency = u.urgency, pillars = u.pillars, computed_on = $2::date
             from jsonb_to_recordset($1::jsonb) as u(id uuid, follow_up jsonb, next_due_on date, urgency smallint, pillars jsonb) where d.id = u.id`,
            [payload, asOf],
          );
        }
        t.write += performance.now() - s;
        dossiers += rows.length;
        changed += updates.length;
        after = textRows.at(-1)!.id;
      }
    } finally {
      await query('rollback');
    }
  });
  // The read again, with the driver parsing jsonb itself (as the job does): read − readText ≈ the driver's JSON.parse.
  let after = '00000000-0000-0000-0000-000000000000';
  const s = performance.now();
  for (;;) {
    const rows = (await db.rawQuery(
      `select id, state, follow_up, urgency, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on, pillars
       from dossiers where id > $1::uuid and status not in ('closed', 'transferred') order by id limit $2`,
      [after, batchSize],
    )).rows as { id: string }[];
    if (!rows.length) break;
    after = rows.at(-1)!.id;
  }
  t.read = performance.now() - s;
  return { seconds: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v / 1000])) as Record<keyof typeof t, number>, dossiers, changed };
}

// ---------------------------------------------------------------------------------------------

export type TrajectoryBenchOptions = SuiteRunOptions;

export async function runTrajectoryFollowUpBench(options: TrajectoryBenchOptions): Promise<string> {
  const { kind, log } = options;
  const count = kind === 'postgres' ? numberEnv('BENCH_DOSSIERS', 300_000) : numberEnv('BENCH_PGLITE_DOSSIERS', 20_000);
  const baseUrl = env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
  const asOf = env.BENCH_FOLLOW_UP_AS_OF || '2025-03-10';
  const nextDay = addDays(asOf, 1);
  const batchSize = env.BENCH_FOLLOW_UP_BATCH ? numberEnv('BENCH_FOLLOW_UP_BATCH', 2000) : undefined;
  const seedValue = numberEnv('BENCH_SEED', 20240601);
  log(`== trajectory follow-up (${kind}): ${count.toLocaleString('en-US')} running dossiers, as of ${asOf} ==`);

  const { db, label: dbLabel, version } = await openSuiteDatabase({ kind, baseUrl, name: DB_NAME, log, onCleanup: options.onCleanup });

  const seeded = await seedTrajectory(db, count, asOf, seedValue, log);
  const size = await dossiersTableSize(db);

  const opts = batchSize ? { batchSize } : {};
  const runs: Measured[] = [];
  const print = (m: Measured) =>
    log(
      `  ${m.label} (${m.asOf}): ${m.run.dossiers.toLocaleString('en-US')} dossiers, ${m.run.changed.toLocaleString('en-US')} changed, ` +
        `${m.seconds.toFixed(1)} s, ${Math.round(m.perSecond).toLocaleString('en-US')} dossiers/s; ` +
        `peak RSS ${m.peakRssMb.toFixed(0)} MB (before ${m.rssBeforeMb.toFixed(0)}), peak heap used ${m.peakHeapMb.toFixed(0)} MB (before ${m.heapBeforeMb.toFixed(0)}); ` +
        `Node CPU ${(m.cpuUserS + m.cpuSystemS).toFixed(1)} s${m.pgCpuS !== null ? `, PostgreSQL CPU ${m.pgCpuS.toFixed(1)} s` : ''}`,
    );
  for (const [label, day] of [
    ['(a) first run', asOf],
    ['(b) second run, same day', asOf],
    ['(c) next day', nextDay],
  ] as const) {
    const m = await measure(label, () => recomputeFollowUp(db, day, opts), day, kind === 'postgres');
    print(m);
    runs.push(m);
  }

  let profile: Awaited<ReturnType<typeof breakdown>> | null = null;
  if (env.BENCH_FOLLOW_UP_PROFILE !== '0') {
    // A day later again, so that rows change and the write is exercised (rolled back).
    profile = await breakdown(db, addDays(nextDay, 1), batchSize ?? 2000);
    const p = profile.seconds;
    log(
      `  breakdown (${addDays(nextDay, 1)}, ${profile.changed.toLocaleString('en-US')} of ${profile.dossiers.toLocaleString('en-US')} changed, write rolled back): ` +
        `read as text ${p.readText.toFixed(1)} s, JSON.parse ${p.parse.toFixed(1)} s, evaluate ${p.evaluate.toFixed(1)} s, compare ${p.compare.toFixed(1)} s, ` +
        `serialise ${p.serialise.toFixed(1)} s, write ${p.write.toFixed(1)} s; read with the driver's JSON parse (as the job does) ${p.read.toFixed(1)} s`,
    );
  }

  const first = runs[0]!;
  const target = 60;
  const verdict =
    count >= 300_000 && kind === 'postgres'
      ? `Target: 300,000 dossiers in under ${target} s on PostgreSQL → first run ${first.seconds.toFixed(1)} s: **${first.seconds < target ? 'MET' : 'NOT MET'}**`
      : `Target (300,000 dossiers on PostgreSQL in under ${target} s) not measured at this size; scaled linearly the first run would take ${((first.seconds * 300_000) / count).toFixed(0)} s.`;
  log(verdict);

  const table = [
    '| Run | asOf | Dossiers | Changed | Wall s | Dossiers/s | Peak RSS MB | Peak heap used MB | Node CPU s | PostgreSQL CPU s |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (m) =>
        `| ${m.label} | ${m.asOf} | ${m.run.dossiers.toLocaleString('en-US')} | ${m.run.changed.toLocaleString('en-US')} | ${m.seconds.toFixed(1)} | ${Math.round(m.perSecond).toLocaleString('en-US')} | ` +
        `${m.peakRssMb.toFixed(0)} | ${m.peakHeapMb.toFixed(0)} | ${(m.cpuUserS + m.cpuSystemS).toFixed(1)} | ${m.pgCpuS === null ? '–' : m.pgCpuS.toFixed(1)} |`,
    ),
  ].join('\n');
  const s = seeded.seconds;
  const notes = [
    `- Database: ${dbLabel}; ${version}; dossiers table ${size} after the runs; batch size ${batchSize ?? 'the job default'}`,
    `- Machine: \`nproc\` ${execSync('nproc', { encoding: 'utf8' }).trim()}, Node ${process.version}`,
    `- Seeded ${count.toLocaleString('en-US')} running dossiers (+ ${seeded.closed.toLocaleString('en-US')} closed, skipped by the job) and their persons over the 4 agencies (Brussels ones at Bon) in ${s.total.toFixed(1)} s: ` +
      `states ${s.build.toFixed(1)} s (${seeded.variants} distinct states from ${seeded.templates} templates played through openDossier/decide with shifted dates), ` +
      `persons ${s.persons.toFixed(1)} s, dossiers ${s.dossiers.toFixed(1)} s (insert … select from unnest), vacuum analyze ${s.analyze.toFixed(1)} s`,
    seeded.stored === 'last-event'
      ? `- Stored derived columns as the last command wrote them (deriveDossier on the last event date; BENCH_FOLLOW_UP_STORED=last-event).`
      : `- Stored derived columns empty (never computed: pillars null, follow-up [], the worst case, every row changes on the first run; BENCH_FOLLOW_UP_STORED=last-event stores them as the last command wrote them).`,
    `- Memory: this Node process, \`process.memoryUsage()\` sampled every 100 ms during the run; "before" is right before it. PostgreSQL CPU: \`ps -C postgres -o times\` before and after the run (whole seconds; backends that exit meanwhile are lost, so approximate). Machine load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} (2 CPUs shared with other work).`,
    ...(profile
      ? [
          `- Breakdown (same loop timed step by step, ${addDays(nextDay, 1)}, ${profile.changed.toLocaleString('en-US')} of ${profile.dossiers.toLocaleString('en-US')} rows changed, write rolled back): ` +
            `read as text ${profile.seconds.readText.toFixed(1)} s, JSON.parse ${profile.seconds.parse.toFixed(1)} s, evaluate (deriveDossier) ${profile.seconds.evaluate.toFixed(1)} s, ` +
            `change check ${profile.seconds.compare.toFixed(1)} s, JSON.stringify of the updates ${profile.seconds.serialise.toFixed(1)} s, update statements ${profile.seconds.write.toFixed(1)} s; ` +
            `the read with the driver's own JSON parse (as the job does it): ${profile.seconds.read.toFixed(1)} s`,
        ]
      : []),
  ];
  return suiteSection(`Trajectory follow-up job (${kind})`, table, verdict, notes);
}

/** Entry point for run.ts (BENCH_SUITE) and for running this file directly (PostgreSQL unless BENCH_ONLY says otherwise). */
export async function mainTrajectoryFollowUp(kinds: BenchKind[], log: Log, register: RegisterCleanup, drain: () => Promise<void>): Promise<void> {
  await runSuite('trajectory-follow-up', runTrajectoryFollowUpBench, kinds, log, register, drain);
}

if (isMain(import.meta.url)) runDirectly(mainTrajectoryFollowUp, ['postgres']);
