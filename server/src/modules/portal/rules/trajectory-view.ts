/**
 * "Where do I stand?" — the newcomer's view of their trajectory, in codes the portal words in the
 * newcomer's language with short sentences and icons. Pure: it reads the dossier's recorded state
 * through the trajectory module's own evaluation (pillars, certificate conditions, deadlines), so
 * the portal shows what the rules say and never judges anything itself. What the planning modules
 * know (a booked test, an NT2 placement) refines the wording of a step, not its substance.
 */
import { certificateOn, contractRuleSet, dossierDeadlines, type DeadlineKind } from '../../trajectory/dossier/evaluate';
import { statusOn, type DossierState, type DossierStatus } from '../../trajectory/dossier/state';
import { moRequiredHours, type PillarCode, type PillarResult, type PillarStatus } from '../../trajectory/rules/pillars';

export const PORTAL_PILLARS = ['mo', 'nt2', 'work', 'participation'] as const;
export type PortalPillar = (typeof PORTAL_PILLARS)[number];
export const PORTAL_PILLAR_STATES = ['todo', 'in-progress', 'done', 'exempt', 'not-required'] as const;
export type PortalPillarState = (typeof PORTAL_PILLAR_STATES)[number];

/** What the planning modules know about the person now; empty when nothing is planned. */
export interface PlanningFacts {
  /** Day of an open MO test or exemption-test booking. */
  moTestOn: string | null;
  /** Day of the next NT2 conversation, when one is planned from today on. */
  nt2ConversationOn: string | null;
  /** A binding NT2 advice was given. */
  nt2Advised: boolean;
  /** On an NT2 provider's waiting list. */
  nt2Waiting: boolean;
  /** First day of the NT2 course the person is placed in. */
  nt2StartsOn: string | null;
}

export const NO_PLANNING: PlanningFacts = { moTestOn: null, nt2ConversationOn: null, nt2Advised: false, nt2Waiting: false, nt2StartsOn: null };

export interface PillarView {
  pillar: PortalPillar;
  state: PortalPillarState;
  detail: string | null;
  /** Hours done out of hours needed, where the pillar is counted in hours (MO course, participation). */
  progress: { done: number; required: number } | null;
}

export interface NextStep {
  code: string;
  pillar: PortalPillar | null;
  dueDate: string | null;
}

export interface TrajectoryView {
  status: DossierStatus | null;
  contractSignedOn: string | null;
  pillars: PillarView[];
  nextSteps: NextStep[];
  missingForCertificate: string[];
}

/** How a pillar status of the rules reads for the newcomer. */
export const PILLAR_STATE = {
  'not-required': 'not-required',
  optional: 'not-required', // participation is optional for entitled, working or studying people
  'not-started': 'todo',
  'in-progress': 'in-progress',
  failed: 'todo', // after a failed MO test a new course is needed
  overdue: 'todo', // FL-DL-05: late, but still to do
  completed: 'done',
  exempted: 'exempt',
} as const satisfies Record<PillarStatus, PortalPillarState>;

/**
 * What is missing for the certificate (FL-AT-02), as the portal names it. Several rule codes read
 * as one thing to the newcomer (enrolling in, attending and redoing the MO course are "the MO course").
 */
export const CERTIFICATE_ITEM = {
  'mo.enrol-course': 'mo-course',
  'mo.attend-course': 'mo-course',
  'mo.redo-course': 'mo-course',
  'mo.take-test': 'mo-test',
  'mo.process-evaluation': 'mo-process-evaluation',
  'nt2.enrol': 'nt2-course',
  'nt2.reach-a2': 'nt2-a2', // FL-NT-01
  'nt2.reach-a2-oral': 'nt2-a2-oral', // R-04, FL-NT-01
  'nt2.standardised-test': 'nt2-standardised-test',
  'work.register': 'work-registration',
  'participation.hours': 'participation-hours',
} as const satisfies Record<PillarCode, string>;

/**
 * The next step for each thing the rules say is missing, and the deadline (if any) that dates it:
 * the employment-service registration within 60 days of the contract (R-07, FL-DL-05), the MO course
 * start the agency aims for within six months. `null`: nothing the newcomer does or waits for.
 */
const STEP_OF_MISSING = {
  'mo.enrol-course': { code: 'mo-waiting-list', deadline: 'mo-start' },
  'mo.attend-course': { code: 'mo-attend-course', deadline: null },
  'mo.redo-course': { code: 'mo-redo-course', deadline: null },
  'mo.take-test': { code: 'mo-take-test', deadline: null },
  'mo.process-evaluation': null, // the teacher's part
  'nt2.enrol': { code: 'nt2-conversation-to-plan', deadline: null },
  'nt2.reach-a2': { code: 'nt2-reach-a2', deadline: null },
  'nt2.reach-a2-oral': { code: 'nt2-reach-a2-oral', deadline: null },
  'nt2.standardised-test': { code: 'nt2-standardised-test', deadline: null },
  'work.register': { code: 'register-employment-service', deadline: 'work-registration' },
  'participation.hours': { code: 'participation-hours', deadline: null },
} as const satisfies Record<PillarCode, { code: string; deadline: DeadlineKind | null } | null>;

/** Deadlines that are a step of their own while open (R-02, R-16, R-22, FL-SU-04, BX-DL-03). */
const STEP_OF_DEADLINE: Partial<Record<DeadlineKind, string>> = {
  contract: 'sign-contract',
  'diploma-recognition': 'diploma-recognition',
  'suspension-end': 'suspension-ends',
  'notice-of-default': 'comply-with-notice',
  completion: 'complete-trajectory',
};

type Pillars = { mo: PillarResult; nt2: PillarResult; work: PillarResult; participation: PillarResult };

export function trajectoryView(state: DossierState | null, asOf: string, planning: PlanningFacts = NO_PLANNING): TrajectoryView {
  if (!state) return { status: null, contractSignedOn: null, pillars: [], nextSteps: [], missingForCertificate: [] };
  const status = statusOn(state, asOf);
  const conditions = certificateOn(state, asOf);
  const open = status !== 'closed' && status !== 'transferred';
  const deadlines = dossierDeadlines(state, asOf);
  const dueOf = (kind: DeadlineKind) => deadlines.find((d) => d.kind === kind && (d.status === 'open' || d.status === 'overdue' || d.status === 'paused'))?.dueOn ?? null;

  const pillars = conditions
    ? PORTAL_PILLARS.map((pillar) => pillarView(pillar, conditions.pillars, state, planning))
    : PORTAL_PILLARS.map((pillar) => ({ pillar, state: 'todo' as const, detail: 'after-contract', progress: null }));

  const steps: NextStep[] = [];
  if (open) {
    if (!state.intake) steps.push({ code: 'intake', pillar: null, dueDate: null });
    for (const d of deadlines) {
      const code = STEP_OF_DEADLINE[d.kind];
      // A closed diploma-recognition window is no longer a step; every other deadline stays one until met.
      if (code && (d.status === 'open' || (d.status === 'overdue' && d.kind !== 'diploma-recognition') || d.status === 'paused')) {
        steps.push({ code, pillar: null, dueDate: d.dueOn });
      }
    }
    if (conditions) {
      // The rules list what is missing in the order it is done: the first open item is the next step.
      for (const pillar of PORTAL_PILLARS) {
        const step = conditions.pillars[pillar].missing.map((missing) => stepOf(missing, planning)).find((s) => s !== null);
        if (step) steps.push({ code: step.code, pillar, dueDate: step.dueDate ?? (step.deadline ? dueOf(step.deadline) : null) });
      }
      if (conditions.canIssue) steps.push({ code: 'certificate-ready', pillar: null, dueDate: null });
    }
  }
  return {
    status,
    contractSignedOn: state.contract?.signedOn ?? null,
    pillars,
    nextSteps: earliestOfEach(steps),
    missingForCertificate: open && conditions ? [...new Set(conditions.missing.filter(isPillarCode).map((c) => CERTIFICATE_ITEM[c]))] : [],
  };
}

const isPillarCode = (code: string): code is PillarCode => code in CERTIFICATE_ITEM;

/** Soonest first, undated last; a step that comes twice (two notices of default) shows its first date. */
function earliestOfEach(steps: NextStep[]): NextStep[] {
  const seen = new Set<string>();
  return [...steps]
    .sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31'))
    .filter((s) => !seen.has(s.code) && Boolean(seen.add(s.code)));
}

/** A step, sharpened by what is planned: a booked test has its day, an NT2 course its start. */
function stepOf(missing: PillarCode, planning: PlanningFacts): { code: string; deadline: DeadlineKind | null; dueDate?: string | null } | null {
  if (missing === 'mo.take-test' && planning.moTestOn) return { code: 'mo-take-test', deadline: null, dueDate: planning.moTestOn };
  if (missing === 'nt2.enrol') {
    if (planning.nt2StartsOn) return { code: 'nt2-start-course', deadline: null, dueDate: planning.nt2StartsOn };
    if (planning.nt2Advised || planning.nt2Waiting) return { code: 'nt2-await-placement', deadline: null };
    if (planning.nt2ConversationOn) return { code: 'nt2-conversation', deadline: null, dueDate: planning.nt2ConversationOn };
  }
  return STEP_OF_MISSING[missing];
}

function pillarView(pillar: PortalPillar, pillars: Pillars, state: DossierState, planning: PlanningFacts): PillarView {
  const result = pillars[pillar];
  return { pillar, state: PILLAR_STATE[result.status], detail: DETAIL[pillar](result, state, planning), progress: progressOf(pillar, state) };
}

/** One word for where the newcomer stands in a pillar, from its status and what is missing. */
const DETAIL: Record<PortalPillar, (r: PillarResult, s: DossierState, p: PlanningFacts) => string | null> = {
  mo: (r, s, p) => {
    switch (r.status) {
      case 'exempted':
        return 'exemption-test-passed';
      case 'completed':
        return s.mo.tests?.length ? 'test-passed' : 'course-completed'; // R-35 before 1 Mar 2022
      case 'failed':
        return 'test-failed';
      case 'not-started':
        return 'waiting-for-course';
      default:
        if (r.missing.includes('mo.process-evaluation')) return 'awaiting-process-evaluation';
        if (r.missing.includes('mo.attend-course')) return 'course-enrolled';
        return p.moTestOn ? 'test-booked' : 'test-to-book';
    }
  },
  nt2: (r, _s, p) => {
    switch (r.status) {
      case 'exempted':
        return 'exempt';
      case 'completed':
        return 'level-reached';
      case 'not-started':
        if (p.nt2StartsOn) return 'course-planned';
        if (p.nt2Waiting) return 'waiting-for-course';
        if (p.nt2Advised) return 'advice-given';
        return p.nt2ConversationOn ? 'conversation-planned' : 'conversation-to-plan';
      default:
        return r.missing.includes('nt2.reach-a2') || r.missing.includes('nt2.reach-a2-oral') ? 'course-enrolled' : 'standardised-test-to-take';
    }
  },
  work: (r, s) => {
    switch (r.status) {
      case 'not-required':
        return s.situation.allowedToWork ? 'not-in-contract' : 'not-allowed-to-work';
      case 'completed':
        return 'registered';
      case 'overdue':
        return 'registration-overdue'; // FL-DL-05
      default:
        return 'to-register';
    }
  },
  participation: (r) => {
    switch (r.status) {
      case 'not-required':
        return 'not-in-contract'; // from 1 Jan 2023 only
      case 'optional':
        return 'optional';
      case 'completed':
        return 'hours-complete';
      case 'not-started':
        return 'to-choose-activity';
      default:
        return 'hours-in-progress';
    }
  },
};

/** MO course hours against the profile's hours; participation hours against 40. */
function progressOf(pillar: PortalPillar, state: DossierState): PillarView['progress'] {
  const rules = contractRuleSet(state);
  if (pillar === 'mo' && state.mo.course) {
    return { done: state.mo.course.attendedHours, required: moRequiredHours(state.decision?.moProfile, rules) };
  }
  if (pillar === 'participation' && rules.participation.inForce) {
    return { done: state.participation.activities.reduce((sum, a) => sum + a.hours, 0), required: rules.participation.minHours };
  }
  return null;
}
