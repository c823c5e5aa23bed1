/**
 * What a dossier's recorded facts mean on a given day: the four pillars and the certificate
 * conditions (through the pure rules), every deadline with the shifts that suspensions and
 * postponements cause, and the follow-up items (opvolgingslijst) a case worker acts on. Pure and
 * cheap: the daily job runs it for every running dossier.
 */
import { certificateConditions, type CertificateConditions, type DossierFacts } from '../rules/certificate';
import { addDays, addMonths } from '../rules/dates';
import { moRequiredHours, workRegistrationDeadline } from '../rules/pillars';
import { ruleSetOn, type RuleSet } from '../rules/rule-sets';
import { isOpen, lastDayOf, statusOn, type DossierState, type Period } from './state';

/** The date that selects the content of the obligation (FL-OB-06): first inscription, else the contract. */
export function obligationDate(state: DossierState): string {
  return state.intake?.targetGroupFacts.firstInscriptionDate ?? state.contract?.signedOn ?? state.signUp.date;
}

/** The rule set of the contract date, or of the sign-up before there is a contract. */
export function contractRuleSet(state: DossierState): RuleSet {
  return ruleSetOn(state.contract?.signedOn ?? state.signUp.date, state.area);
}

export function dossierFacts(state: DossierState, asOf: string): DossierFacts | null {
  if (!state.contract) return null;
  return {
    area: state.area,
    asOf,
    contractSignedOn: state.contract.signedOn,
    obligated: state.contract.obligated,
    working: state.situation.working,
    studying: state.situation.studying,
    allowedToWork: state.situation.allowedToWork,
    mo: { ...state.mo, ...(state.decision ? { profile: state.decision.moProfile } : {}) },
    nt2: { ...state.nt2, illiterate: state.intake?.literacy === 'illiterate' },
    ...(state.work.registeredOn !== undefined ? { vdabRegisteredOn: state.work.registeredOn } : {}),
    participationActivities: state.participation.activities,
  };
}

/** Certificate conditions on `asOf`, or null before the contract (nothing to assess yet). */
export function certificateOn(state: DossierState, asOf: string): CertificateConditions | null {
  const facts = dossierFacts(state, asOf);
  return facts ? certificateConditions(facts) : null;
}

/** Bewijs van regelmatige deelname: obligated, attended MO or NT2 regularly, results not reached. */
export function regularParticipationShown(state: DossierState): boolean {
  if (!state.contract?.obligated) return false;
  const course = state.mo.course;
  const moFollowed =
    course !== undefined &&
    (course.regularParticipation === true || course.attendedHours >= moRequiredHours(state.decision?.moProfile, contractRuleSet(state)));
  return moFollowed || state.nt2.regularParticipation === true;
}

export const DEADLINE_KINDS = [
  'sign-up',
  'contract',
  'work-registration',
  'mo-start',
  'diploma-recognition',
  'completion',
  'suspension-end',
  'notice-of-default',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['met', 'met-late', 'open', 'overdue', 'paused'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Why something is on the follow-up list: a deadline, or what the pillars or the intake ask for now. */
export const FOLLOW_UP_REASONS = [...DEADLINE_KINDS, 'certificate-ready', 'mo-test-failed', 'intake-pending', 'decision-pending'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

export const SEVERITIES = ['overdue', 'due-soon', 'upcoming'] as const;

export interface Deadline {
  kind: DeadlineKind;
  /** The rule that sets it (R-/FL-/BX- id). */
  rule: string;
  /** Due date after shifts for suspensions and postponements. */
  dueOn: string;
  /** Days added by suspensions or postponements. */
  shiftedDays: number;
  metOn: string | null;
  status: DeadlineStatus;
  /** For enforcement deadlines: which infringement. */
  infringementId?: string;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Moves a term by the days of the given periods that fall inside it (BX-SU-05: "the running term
 * is extended"; the Flemish sources are silent, Q-10, so the same reading is used). A period that
 * starts inside an already extended term extends it again.
 */
export function shiftedDueDate(anchorOn: string, dueOn: string, periods: readonly Period[]): { dueOn: string; shiftedDays: number } {
  let due = dueOn;
  let shifted = 0;
  for (const period of [...periods].sort((a, b) => a.from.localeCompare(b.from))) {
    const end = lastDayOf(period);
    const from = period.from > anchorOn ? period.from : anchorOn;
    if (from > due || end < from) continue;
    const days = daysBetween(from, end) + 1;
    due = addDays(due, days);
    shifted += days;
  }
  return { dueOn: due, shiftedDays: shifted };
}

function deadline(
  kind: DeadlineKind,
  rule: string,
  anchorOn: string,
  baseDueOn: string,
  metOn: string | null | undefined,
  periods: readonly Period[],
  asOf: string,
  paused: boolean,
): Deadline {
  const { dueOn, shiftedDays } = shiftedDueDate(anchorOn, baseDueOn, periods);
  const met = metOn ?? null;
  let status: DeadlineStatus;
  if (met !== null) status = met <= dueOn ? 'met' : 'met-late';
  else if (paused) status = 'paused';
  else status = asOf > dueOn ? 'overdue' : 'open';
  return { kind, rule, dueOn, shiftedDays, metOn: met, status };
}

/** Every deadline of the dossier on `asOf` (WF-03 step 5, FL-DL-01/05, R-16, R-20, BX-DL-02/03, R-22). */
export function dossierDeadlines(state: DossierState, asOf: string): Deadline[] {
  const deadlines: Deadline[] = [];
  const obligationRules = ruleSetOn(obligationDate(state), state.area).obligation;
  const byKind = (kind: Period['kind']) => state.periods.filter((p) => p.kind === kind);
  const suspensions = byKind('suspension');
  const paused = statusOn(state, asOf) === 'suspended';

  if (state.signUp.letterSentOn) {
    const due = addMonths(state.signUp.letterSentOn, obligationRules.registrationDeadlineMonths);
    deadlines.push(
      deadline('sign-up', state.area === 'brussels' ? 'BX-DL-02' : 'FL-DL-01', state.signUp.letterSentOn, due, state.signUp.date, byKind('postponement-sign-up'), asOf, false),
    );
  }
  const signUpRules = ruleSetOn(state.signUp.date, state.area);
  const contractDue = addMonths(state.signUp.date, signUpRules.followUp.contractTargetMonthsAfterSignUp);
  deadlines.push(deadline('contract', 'R-02', state.signUp.date, contractDue, state.contract?.signedOn, byKind('postponement-contract'), asOf, false));

  const contract = state.contract;
  if (contract) {
    const rules = contractRuleSet(state);
    const workDue = workRegistrationDeadline(contract.signedOn, rules);
    if (workDue && state.situation.allowedToWork) {
      deadlines.push(deadline('work-registration', 'FL-DL-05', contract.signedOn, workDue, state.work.registeredOn, suspensions, asOf, paused));
    }
    const moStarted = state.mo.course?.enrolledOn ?? (state.mo.exemptionTests?.length || state.mo.tests?.length ? contract.signedOn : undefined);
    deadlines.push(
      deadline('mo-start', 'R-20', contract.signedOn, addMonths(contract.signedOn, rules.followUp.moStartTargetMonths), moStarted, suspensions, asOf, paused),
    );
    if (state.intake?.education.diplomaAbroad) {
      const due = addMonths(contract.signedOn, rules.diplomaRecognitionWindowYears * 12);
      deadlines.push(deadline('diploma-recognition', 'R-16', contract.signedOn, due, state.diplomaRecognitionRequestedOn, [], asOf, false));
    }
    const completionMonths = rules.obligation.completionDeadlineMonths;
    if (completionMonths !== null && contract.obligated) {
      const done = state.certificates.find((c) => c.kind === 'civic-integration')?.issuedOn;
      deadlines.push(deadline('completion', 'BX-DL-03', state.signUp.date, addMonths(state.signUp.date, completionMonths), done, suspensions, asOf, paused));
    }
  }
  // A period ends by itself on its date; until then its end is a date to prepare the restart for.
  for (const period of state.periods) {
    if (period.endedOn || period.to < asOf) continue;
    deadlines.push({ kind: 'suspension-end', rule: 'FL-SU-04', dueOn: period.to, shiftedDays: 0, metOn: null, status: 'open' });
  }
  for (const infringement of state.infringements) {
    if (infringement.status !== 'notice-sent' || !infringement.notice) continue;
    const due = infringement.notice.complyBy;
    deadlines.push({
      kind: 'notice-of-default',
      rule: 'R-22',
      dueOn: due,
      shiftedDays: 0,
      metOn: null,
      status: asOf > due ? 'overdue' : 'open',
      infringementId: infringement.id,
    });
  }
  return deadlines;
}

/** What the case worker should do next for an open deadline. */
const NEXT_ACTION: Record<DeadlineKind, string> = {
  'sign-up': 'check-sign-up',
  'contract': 'sign-contract',
  'work-registration': 'check-work-registration',
  'mo-start': 'enrol-mo-course',
  'diploma-recognition': 'request-diploma-recognition',
  'completion': 'complete-trajectory',
  'suspension-end': 'resume-trajectory',
  'notice-of-default': 'hand-over-or-record-compliance',
};

export type Severity = (typeof SEVERITIES)[number];

export interface FollowUpItem {
  /** What it is about: a deadline kind or a pillar event. */
  reason: FollowUpReason;
  nextAction: string;
  dueOn: string;
  severity: Severity;
  rule: string;
  infringementId?: string;
}

export interface FollowUp {
  items: FollowUpItem[];
  /** Earliest due date of the items, or null: sorts the caseload. */
  nextDueOn: string | null;
  /** 0 overdue, 1 due soon, 2 upcoming, 3 nothing to do: sorts the caseload first. */
  urgency: number;
}

const SEVERITY_RANK: Record<Severity, number> = { overdue: 0, 'due-soon': 1, upcoming: 2 };

/**
 * The follow-up list of one dossier on `asOf` (WF-04): every open or overdue deadline, plus
 * what the pillars ask for now. Obligated persons whose legal deadline is overdue get the
 * suggestion to record an infringement (WF-11); entitled persons never do after 1 Mar 2022.
 */
export function followUpOf(
  state: DossierState,
  asOf: string,
  deadlines: readonly Deadline[] = dossierDeadlines(state, asOf),
  conditions: CertificateConditions | null = certificateOn(state, asOf),
): FollowUp {
  if (!isOpen(state)) return { items: [], nextDueOn: null, urgency: 3 };
  const dueSoonDays = ruleSetOn(asOf < state.signUp.date ? state.signUp.date : asOf, state.area).followUp.dueSoonDays;
  const soon = addDays(asOf, dueSoonDays);
  const severityOf = (dueOn: string): Severity => (dueOn < asOf ? 'overdue' : dueOn <= soon ? 'due-soon' : 'upcoming');
  const items: FollowUpItem[] = [];
  const sanctionable = state.contract?.obligated === true || state.decision?.targetGroup === 'verplicht';

  for (const d of deadlines) {
    if (d.status !== 'open' && d.status !== 'overdue') continue;
    const legal = d.kind === 'work-registration' || d.kind === 'completion';
    const nextAction = d.status === 'overdue' && legal && sanctionable ? 'consider-infringement' : NEXT_ACTION[d.kind];
    items.push({
      reason: d.kind,
      nextAction,
      dueOn: d.dueOn,
      severity: severityOf(d.dueOn),
      rule: d.rule,
      ...(d.infringementId ? { infringementId: d.infringementId } : {}),
    });
  }
  // The intake and its decision have no legal term; they are due within the due-soon window.
  if (!state.intake) {
    const dueOn = addDays(state.signUp.date, dueSoonDays);
    items.push({ reason: 'intake-pending', nextAction: 'record-intake', dueOn, severity: severityOf(dueOn), rule: 'WF-02' });
  } else if (!state.decision) {
    const dueOn = addDays(state.intake.date, dueSoonDays);
    items.push({ reason: 'decision-pending', nextAction: 'decide-intake', dueOn, severity: severityOf(dueOn), rule: 'WF-02' });
  }

  if (statusOn(state, asOf) === 'running') {
    if (conditions?.canIssue) items.push({ reason: 'certificate-ready', nextAction: 'issue-certificate', dueOn: asOf, severity: 'due-soon', rule: 'FL-AT-02' });
    else if (conditions?.pillars.mo.status === 'failed') {
      items.push({ reason: 'mo-test-failed', nextAction: 'enrol-mo-course', dueOn: asOf, severity: 'due-soon', rule: 'R-12' });
    }
  }
  items.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.dueOn.localeCompare(b.dueOn));
  const first = items[0];
  return { items, nextDueOn: first?.dueOn ?? null, urgency: first ? SEVERITY_RANK[first.severity] : 3 };
}
