/**
 * Beslissen — applies one command to a dossier's state, or refuses it naming the rule. Pure: the
 * caller supplies today's date, the person's birth date, the client profiles and (for commands
 * that issue a certificate) the next certificate number, and stores the returned state and event
 * in one transaction. A refusal changes nothing.
 */
import { addDays, addMonths } from '../rules/dates';
import { ruleSetOn } from '../rules/rule-sets';
import { proposeTargetGroup } from '../rules/target-group';
import type { CommandOf, DossierCommand, SignUpCommand } from './commands';
import { certificateOn, contractRuleSet, obligationDate, regularParticipationShown } from './evaluate';
import type { Refusal } from './refusals';
import { digitalSkillsLevel, proposeProfile, type ClientProfile } from './profiles';
import { activeSuspension, isOpen, lastDayOf, statusOn, type CertificateKind, type DossierState, type Infringement } from './state';

/** A command the rules do not allow; `rule` names the requirement (R-/FL-/WF- id). */
export class RuleRefusal extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly rule: string,
    readonly values: Record<string, string | number> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${refusal} (${rule})`);
  }
}

export interface DecisionContext {
  /** Today in Belgium (YYYY-MM-DD): facts may not be dated after it. */
  today: string;
  person: { birthDate: string | null };
  profiles: readonly ClientProfile[];
  /** Next certificate number; only called by commands that issue one. */
  certificateNumber: (kind: CertificateKind) => string;
  newId: () => string;
}

export interface Decision {
  state: DossierState;
  /** Journal entry: what happened, with what the rules derived (rule set, proposal, term). */
  event: { type: string; payload: Record<string, unknown> };
  /** Certificates issued by this command, for the certificates register and the PDF. */
  issued: Array<{ kind: CertificateKind; number: string }>;
}

/** Commands that may issue a certificate and so need a number reserved. */
export const CERTIFICATE_COMMANDS = new Set<DossierCommand['type']>(['issue-certificate', 'start-suspension', 'grant-exemption']);

function refuse(refusal: Refusal, rule: string, values?: Record<string, string | number>, details?: Record<string, unknown>): never {
  throw new RuleRefusal(refusal, rule, values, details);
}

/** Aanmelding: the first fact of a dossier (WF-02). */
export function openDossier(command: SignUpCommand, context: Pick<DecisionContext, 'today'>): Decision {
  if (command.date > context.today) refuse('date-in-future', 'WF-02', { date: command.date });
  if (command.channel === 'partner-referral' && !command.referrer) refuse('referrer-required', 'ENT-02');
  if (command.letterSentOn && command.letterSentOn > command.date) refuse('letter-after-sign-up', 'FL-DL-02');
  try {
    ruleSetOn(command.date, command.area);
  } catch {
    refuse('no-rule-set-on-date', 'R-03', { date: command.date });
  }
  const state: DossierState = {
    area: command.area,
    status: 'signed-up',
    signUp: {
      date: command.date,
      channel: command.channel,
      ...(command.referrer ? { referrer: command.referrer } : {}),
      ...(command.letterSentOn ? { letterSentOn: command.letterSentOn } : {}),
    },
    intake: null,
    decision: null,
    contract: null,
    pip: null,
    situation: { working: false, studying: false, allowedToWork: true },
    mo: {},
    nt2: {},
    work: {},
    participation: { activities: [] },
    periods: [],
    exemption: null,
    certificates: [],
    infringements: [],
    closure: null,
    caseWorkerId: null,
    lastEventOn: command.date,
  };
  return { state, event: { type: 'dossier.signed-up', payload: { command } }, issued: [] };
}

const isRuleSetDate = (date: string, area: DossierState['area']) => {
  try {
    ruleSetOn(date, area);
    return true;
  } catch {
    return false;
  }
};

const needsContract = (state: DossierState, pillarRule: string) => {
  if (!state.contract) refuse('contract-required', pillarRule);
  return state.contract;
};

/** Applies `command` to `state`. Throws RuleRefusal when a rule forbids it. */
export function decide(state: DossierState, command: DossierCommand, context: DecisionContext): Decision {
  if (!isOpen(state)) refuse('dossier-closed', 'WF-10', { status: state.status });
  if (command.date > context.today) refuse('date-in-future', 'WF-04', { date: command.date });
  if (command.date < state.signUp.date) refuse('date-before-sign-up', 'WF-02', { date: command.date, signUp: state.signUp.date });
  if (statusOn(state, command.date) === 'suspended' && !SUSPENSION_SAFE.has(command.type)) {
    refuse('dossier-suspended', 'FL-SU-04', { until: activeSuspension(state, command.date)?.to ?? '' });
  }
  const decision = HANDLERS[command.type](structuredClone(state), command as never, context);
  if (command.date > decision.state.lastEventOn) decision.state.lastEventOn = command.date;
  return decision;
}

/** What may still happen while the trajectory is suspended: ending it, and changes outside the pillars. */
export const SUSPENSION_SAFE = new Set<DossierCommand['type']>([
  'start-suspension', // a renewal (BX-SU-01..04: renewable); overlaps are refused separately
  'end-suspension',
  'record-change-of-circumstances',
  'record-situation',
  'update-pip',
  'assign-case-worker',
  'close',
  'grant-exemption',
  'record-compliance',
  'record-limited-learning-capacity',
]);

type Handler<T extends DossierCommand['type']> = (state: DossierState, command: CommandOf<T>, context: DecisionContext) => Decision;

const done = (state: DossierState, type: string, payload: Record<string, unknown>, issued: Decision['issued'] = []): Decision => ({
  state,
  event: { type: `dossier.${type}`, payload },
  issued,
});

/** changed data annuls every infringement still running, in any phase. */
function annulOpenInfringements(state: DossierState, on: string, change: string): string[] {
  const annulled: string[] = [];
  for (const infringement of state.infringements) {
    if (infringement.status === 'complied' || infringement.status === 'annulled') continue;
    infringement.status = 'annulled';
    infringement.annulled = { on, change };
    annulled.push(infringement.id);
  }
  return annulled;
}

/** Annulment by a change recorded outside a command (an address change in the registry); null if none ran. */
export function annulOnChange(state: DossierState, on: string, change: string): { state: DossierState; annulled: string[] } | null {
  if (!isOpen(state)) return null;
  const next = structuredClone(state);
  const annulled = annulOpenInfringements(next, on, change);
  return annulled.length ? { state: next, annulled } : null;
}

function findInfringement(state: DossierState, id: string): Infringement {
  const found = state.infringements.find((i) => i.id === id);
  if (!found) refuse('infringement-not-found', 'WF-11', { id });
  return found;
}

const HANDLERS: { [T in DossierCommand['type']]: Handler<T> } = {
  'record-intake': (state, command, context) => {
    if (state.contract) refuse('intake-after-contract', 'WF-02');
    // FL-OB-06: the first inscription selects the rule set; before the first version there is none (and no evaluation could run).
    const inscribed = command.targetGroupFacts.firstInscriptionDate;
    if (inscribed && !isRuleSetDate(inscribed, state.area)) refuse('no-rule-set-on-date', 'FL-OB-06', { date: inscribed });
    const facts = { ...command.targetGroupFacts, area: state.area, ...(context.person.birthDate ? { birthDate: context.person.birthDate } : {}) };
    const proposal = proposeTargetGroup(facts);
    const profile = proposeProfile(context.profiles, { educationLevel: command.education.level, literacy: command.literacy, working: command.working });
    const { type: _type, date, digitalSkills, working, studying, allowedToWork, ...recorded } = command;
    state.intake = {
      ...recorded,
      date,
      education: command.education,
      digitalSkills: { hasDevice: digitalSkills.hasDevice, hasInternet: digitalSkills.hasInternet, ...digitalSkillsLevel(digitalSkills) },
      targetGroupProposal: proposal,
      proposedProfileId: profile.id,
    };
    state.situation = { working, studying, allowedToWork };
    state.decision = null;
    state.status = 'intake-done';
    return done(state, 'intake-recorded', { command, proposal, proposedProfileId: profile.id, digitalSkills: state.intake.digitalSkills });
  },

  'decide-intake': (state, command, context) => {
    const intake = state.intake;
    if (!intake) refuse('intake-required', 'WF-02');
    if (command.date < intake.date) refuse('decision-before-intake', 'WF-02', { intake: intake.date });
    const proposed = intake.targetGroupProposal.group;
    if (command.targetGroup !== proposed && !command.overrideReason) {
      refuse('override-reason-required', 'R-01', { proposed, chosen: command.targetGroup });
    }
    const profile = context.profiles.find((p) => p.id === command.profileId);
    if (!profile) refuse('unknown-profile', 'ENT-08', { profile: command.profileId });
    if (state.area === 'brussels' && !command.brusselsTrack) refuse('brussels-track-required', 'R-32');
    const previous = state.decision?.targetGroup;
    state.decision = {
      date: command.date,
      targetGroup: command.targetGroup,
      ...(command.overrideReason ? { overrideReason: command.overrideReason } : {}),
      profileId: profile.id,
      moProfile: profile.moProfile,
      products: profile.products,
      ...(command.brusselsTrack ? { brusselsTrack: command.brusselsTrack } : {}),
      ...(command.moLanguage ? { moLanguage: command.moLanguage } : {}),
    };
    if (state.contract) state.contract.obligated = command.targetGroup === 'verplicht';
    const annulled = previous && previous !== command.targetGroup ? annulOpenInfringements(state, command.date, 'target-group') : [];
    return done(state, 'intake-decided', { command, proposed, overridden: command.targetGroup !== proposed, annulled });
  },

  'sign-contract': (state, command) => {
    if (state.contract) refuse('contract-already-running', 'WF-03', { signedOn: state.contract.signedOn });
    const decision = state.decision;
    if (!decision) refuse('intake-decision-required', 'WF-03');
    if (command.signedOn < decision.date) refuse('contract-before-intake', 'WF-03', { decided: decision.date });
    if (command.signedOn > command.date) refuse('contract-after-recording', 'WF-03');
    if (decision.targetGroup === 'geen-doelgroep') refuse('not-in-target-group', 'R-01');
    if (decision.targetGroup === 'onbepaald') refuse('target-group-undetermined', 'R-01');
    if (state.area === 'brussels' && decision.brusselsTrack === 'french') refuse('french-track-elsewhere', 'R-32');
    const rules = ruleSetOn(command.signedOn, state.area);
    // FL-TG-04: asylum seekers may not sign a contract from 1 Mar 2022 (keyed on the contract date).
    if (state.intake?.targetGroupFacts.residence === 'asylum-seeker' && rules.targetGroup.asylumSeekersExcluded) {
      refuse('not-in-target-group', 'FL-TG-04', { signedOn: command.signedOn });
    }
    const obligated = decision.targetGroup === 'verplicht';
    if (command.participationAddendum && obligated) refuse('addendum-only-for-entitled', 'ENT-06');
    if (command.participationAddendum && !rules.participation.inForce) refuse('participation-not-in-force', 'FL-DL-09', { signedOn: command.signedOn });
    state.contract = { signedOn: command.signedOn, ruleSetId: rules.id, obligated, participationAddendum: command.participationAddendum };
    state.status = 'running';
    return done(state, 'contract-signed', { command, ruleSetId: rules.id, obligated });
  },

  'update-pip': (state, command) => {
    needsContract(state, 'ENT-07');
    state.pip = { updatedOn: command.date, goals: command.goals, steps: command.steps };
    return done(state, 'pip-updated', { command });
  },

  'record-situation': (state, command) => {
    state.situation = { working: command.working, studying: command.studying, allowedToWork: command.allowedToWork };
    return done(state, 'situation-recorded', { command });
  },

  'record-mo-course': (state, command) => {
    needsContract(state, 'WF-05');
    if (command.completedOn && command.completedOn < command.enrolledOn) refuse('completed-before-enrolled', 'WF-05');
    if (command.enrolledOn > command.date || (command.completedOn && command.completedOn > command.date)) refuse('date-in-future', 'WF-05', { date: command.date });
    state.mo.course = {
      enrolledOn: command.enrolledOn,
      attendedHours: command.attendedHours,
      ...(command.regularParticipation !== undefined ? { regularParticipation: command.regularParticipation } : {}),
      ...(command.completedOn ? { completedOn: command.completedOn } : {}),
    };
    return done(state, 'mo-course-recorded', { command, requiredHours: moHours(state) });
  },

  'record-mo-test': (state, command) => {
    const result = { date: command.date, core: command.core, practical: command.practical };
    if (command.kind === 'exemption-test') {
      if (!state.intake) refuse('intake-required', 'R-11');
      state.mo.exemptionTests = [...(state.mo.exemptionTests ?? []), result];
    } else {
      needsContract(state, 'WF-05');
      // no standard MO test existed before 1 Mar 2022; the old regime counted participation.
      if (!ruleSetOn(command.date, state.area).mo.test) refuse('no-standard-mo-test', 'R-35', { date: command.date });
      if (contractRuleSet(state).mo.completion !== 'test') refuse('pillar-not-in-contract', 'R-35', { pillar: 'mo-test' });
      state.mo.tests = [...(state.mo.tests ?? []), result];
    }
    return done(state, 'mo-test-recorded', { command, ruleSetId: ruleSetOn(command.date, state.area).id });
  },

  'record-mo-process-evaluation': (state, command) => {
    needsContract(state, 'R-06');
    if (!ruleSetOn(command.date, state.area).mo.assessmentWeights) refuse('no-process-evaluation', 'R-06', { date: command.date });
    state.mo.processEvaluation = command.score;
    return done(state, 'mo-process-evaluation-recorded', { command });
  },

  'record-nt2-enrolment': (state, command) => {
    if (!state.intake) refuse('intake-required', 'WF-06');
    state.nt2 = {
      ...state.nt2,
      enrolledOn: state.nt2.enrolledOn ?? command.date,
      provider: command.provider,
      ...(command.regularParticipation !== undefined ? { regularParticipation: command.regularParticipation } : {}),
    };
    return done(state, 'nt2-enrolment-recorded', { command });
  },

  'record-nt2-result': (state, command) => {
    if (!state.intake) refuse('intake-required', 'WF-06');
    if (!command.oral && !command.written) refuse('nt2-result-empty', 'FL-NT-01');
    state.nt2 = { ...state.nt2, courseResults: [...(state.nt2.courseResults ?? []), { date: command.date, oral: command.oral, written: command.written }] };
    return done(state, 'nt2-result-recorded', { command });
  },

  'record-nt2-standardised-test': (state, command) => {
    if (!state.intake) refuse('intake-required', 'R-13');
    state.nt2 = { ...state.nt2, standardisedTests: [...(state.nt2.standardisedTests ?? []), { date: command.date, passedSkills: command.passedSkills }] };
    return done(state, 'nt2-standardised-test-recorded', { command });
  },

  'record-work-registration': (state, command) => {
    needsContract(state, 'FL-DL-05');
    const rules = contractRuleSet(state);
    // A result for a pillar the contract does not have: registration became a condition on 1 Mar 2022.
    if (!rules.work.registrationRequired) refuse('pillar-not-in-contract', 'FL-AT-02', { pillar: 'work' });
    if (command.registeredOn > command.date) refuse('date-in-future', 'FL-DL-05', { date: command.registeredOn });
    state.work.registeredOn = command.registeredOn;
    return done(state, 'work-registration-recorded', { command, service: rules.work.employmentService });
  },

  'record-participation': (state, command) => {
    const contract = needsContract(state, 'FL-DL-09');
    if (!contractRuleSet(state).participation.inForce) refuse('pillar-not-in-contract', 'FL-DL-09', { pillar: 'participation' });
    if (!contract.obligated && !contract.participationAddendum) refuse('participation-addendum-required', 'ENT-06');
    state.participation.activities.push({ date: command.date, hours: command.hours, activity: command.activity });
    const total = state.participation.activities.reduce((sum, a) => sum + a.hours, 0);
    return done(state, 'participation-recorded', { command, totalHours: total });
  },

  'record-diploma-recognition-request': (state, command) => {
    const contract = needsContract(state, 'R-16');
    const rules = contractRuleSet(state);
    const windowEnd = new Date(contract.signedOn);
    windowEnd.setUTCFullYear(windowEnd.getUTCFullYear() + rules.diplomaRecognitionWindowYears);
    if (command.date > windowEnd.toISOString().slice(0, 10)) refuse('diploma-window-closed', 'R-16', { until: windowEnd.toISOString().slice(0, 10) });
    state.diplomaRecognitionRequestedOn = command.date;
    return done(state, 'diploma-recognition-requested', { command });
  },

  'record-limited-learning-capacity': (state, command) => {
    needsContract(state, 'FL-DL-06');
    state.limitedLearningCapacity = { date: command.date, basis: command.basis };
    return done(state, 'limited-learning-capacity-recorded', { command });
  },

  'start-suspension': (state, command, context) => {
    if (command.to < command.from) refuse('period-end-before-start', 'R-19', { from: command.from, to: command.to });
    if (command.proofReceivedOn > command.date) refuse('proof-after-recording', 'R-19');
    const rules = ruleSetOn(command.from < state.signUp.date ? state.signUp.date : command.from, state.area);
    if (!rules.suspensionReasons.includes(command.reason)) refuse('suspension-reason-not-allowed', 'R-19', { reason: command.reason });
    // FL-SU-02: the right to a flexible trajectory postpones the sign-up only; it does not suspend or postpone a contract.
    if (command.reason === 'flexible-trajectory' && command.kind !== 'postponement-sign-up') refuse('suspension-reason-not-allowed', 'FL-SU-02', { reason: command.reason });
    if (command.kind === 'suspension' && !state.contract) refuse('contract-required', 'FL-SU-04');
    if (command.kind === 'postponement-contract' && state.contract) refuse('contract-already-running', 'FL-SU-03', { signedOn: state.contract.signedOn });
    if (command.kind === 'postponement-sign-up' && !state.signUp.letterSentOn) refuse('no-sign-up-term', 'FL-SU-02');
    const overlaps = state.periods.some((p) => p.kind === command.kind && p.from <= command.to && lastDayOf(p) >= command.from);
    if (overlaps) refuse('period-overlaps', 'R-19');
    const number = context.certificateNumber(command.kind);
    const { type: _type, date: _date, ...period } = command;
    state.periods.push({ id: context.newId(), ...period, certificateNumber: number });
    return done(state, 'suspension-started', { command, certificateNumber: number }, [{ kind: command.kind, number }]);
  },

  'end-suspension': (state, command) => {
    const running = activeSuspension(state, command.date);
    if (!running) refuse('no-running-suspension', 'FL-SU-04');
    running.endedOn = command.date;
    return done(state, 'suspension-ended', { command, periodId: running.id });
  },

  'grant-exemption': (state, command, context) => {
    const target = state.decision?.targetGroup;
    if (target !== 'verplicht') refuse('exemption-only-for-obligated', 'R-18', { targetGroup: target ?? 'none' });
    const number = context.certificateNumber('exemption');
    state.exemption = { date: command.date, reason: command.reason, proof: command.proof, certificateNumber: number };
    state.certificates.push({ kind: 'exemption', number, issuedOn: command.date, ruleSetId: ruleSetOn(obligationDate(state), state.area).id });
    state.closure = { date: command.date, reason: 'exempted' };
    state.status = 'closed';
    return done(state, 'exemption-granted', { command, certificateNumber: number }, [{ kind: 'exemption', number }]);
  },

  'issue-certificate': (state, command, context) => {
    const contract = needsContract(state, 'FL-AT-02');
    const conditions = certificateOn(state, command.date)!;
    if (conditions.canIssue && command.kind !== 'civic-integration') refuse('attest-conditions-met', 'FL-AT-02', { kind: command.kind });
    if (command.kind === 'civic-integration' && !conditions.canIssue) {
      refuse('certificate-conditions-missing', conditions.ruleSetId.startsWith('fl-2013') ? 'FL-AT-03' : 'FL-AT-02', { count: conditions.missing.length }, { missing: conditions.missing });
    }
    if (command.kind === 'regular-participation' && !regularParticipationShown(state)) refuse('regular-participation-not-shown', 'R-17');
    if (command.kind === 'declaration-of-effort') {
      if (!ruleSetOn(obligationDate(state), state.area).obligation.declarationOfEffort) refuse('declaration-not-in-rule-set', 'FL-DL-06');
      if (!state.limitedLearningCapacity) refuse('limited-learning-capacity-required', 'FL-AT-04');
    }
    const number = context.certificateNumber(command.kind);
    state.certificates.push({ kind: command.kind, number, issuedOn: command.date, ruleSetId: contract.signedOn ? conditions.ruleSetId : '' });
    state.closure = { date: command.date, reason: 'certificate' };
    state.status = 'closed';
    return done(state, 'certificate-issued', { command, certificateNumber: number, ruleSetId: conditions.ruleSetId }, [{ kind: command.kind, number }]);
  },

  'close': (state, command) => {
    if (command.reason === 'certificate') refuse('close-with-certificate-command', 'WF-10');
    if (command.reason === 'exempted') refuse('close-with-exemption-command', 'R-18');
    if (command.reason === 'other' && !command.note) refuse('closure-note-required', 'WF-10');
    state.closure = { date: command.date, reason: command.reason, ...(command.note ? { note: command.note } : {}) };
    state.status = 'closed';
    const annulled = command.reason === 'left-target-group' ? annulOpenInfringements(state, command.date, 'target-group') : [];
    return done(state, 'closed', { command, annulled });
  },

  'record-change-of-circumstances': (state, command) => {
    const annulled = annulOpenInfringements(state, command.date, command.change);
    return done(state, 'change-recorded', { command, annulled });
  },

  'record-infringement': (state, command, context) => {
    const rules = ruleSetOn(command.date, state.area);
    if (!rules.enforcement.inForce) refuse('enforcement-not-in-force', state.area === 'brussels' ? 'BX-EN-01' : 'FL-EN-08');
    const group = state.decision?.targetGroup;
    if (group === 'rechthebbend' || group === 'tijdelijke-bescherming') {
      // entitled persons are never sanctioned from 1 Mar 2022; before, only with a contract.
      if (!rules.targetGroup.sanctionsForEntitled) refuse('entitled-not-sanctioned', 'R-02', { date: command.date });
      if (!state.contract) refuse('contract-required', 'FL-EN-05');
    } else if (group !== 'verplicht') {
      refuse('not-obligated', 'WF-11', { targetGroup: group ?? 'none' });
    }
    const infringement: Infringement = { id: context.newId(), kind: command.kind, description: command.description, detectedOn: command.date, status: 'detected' };
    state.infringements.push(infringement);
    return done(state, 'infringement-recorded', { command, infringementId: infringement.id });
  },

  'send-notice-of-default': (state, command) => {
    const infringement = findInfringement(state, command.infringementId);
    if (infringement.status !== 'detected') refuse('infringement-not-detected', 'R-22', { status: infringement.status });
    if (command.date < infringement.detectedOn) refuse('notice-before-infringement', 'R-22');
    const enforcement = ruleSetOn(command.date, state.area).enforcement;
    const months = enforcement.noticeTermMonths;
    // BX-EN-01: a term in calendar months ("2 months") where the rule set gives one.
    const complyBy = months ? addMonths(command.date, months) : addDays(command.date, enforcement.noticeTermDays);
    infringement.notice = { sentOn: command.date, complyBy };
    infringement.status = 'notice-sent';
    return done(state, 'notice-of-default-sent', { command, complyBy: infringement.notice.complyBy, ...(months ? { termMonths: months } : { termDays: enforcement.noticeTermDays }) });
  },

  'record-compliance': (state, command) => {
    const infringement = findInfringement(state, command.infringementId);
    if (infringement.status !== 'detected' && infringement.status !== 'notice-sent') refuse('infringement-not-open', 'R-22', { status: infringement.status });
    infringement.status = 'complied';
    infringement.compliedOn = command.date;
    return done(state, 'compliance-recorded', { command });
  },

  'hand-over-to-enforcement': (state, command) => {
    const infringement = findInfringement(state, command.infringementId);
    if (infringement.status !== 'notice-sent' || !infringement.notice) refuse('notice-required', 'R-22', { status: infringement.status });
    if (command.date <= infringement.notice.complyBy) refuse('notice-term-running', 'R-22', { complyBy: infringement.notice.complyBy });
    infringement.status = 'handed-over';
    infringement.handedOver = { on: command.date, evidence: command.evidence };
    return done(state, 'handed-over-to-enforcement', { command });
  },

  'assign-case-worker': (state, command) => {
    state.caseWorkerId = command.caseWorkerId;
    return done(state, 'case-worker-assigned', { command });
  },
};

function moHours(state: DossierState): number {
  const rules = contractRuleSet(state);
  return state.decision ? rules.mo.courseHours[state.decision.moProfile] : rules.mo.standardCourseHours;
}
