/**
 * Certificeringstraject sociaal tolk — the pure rules of the training and certification track
 * (WF-17, ENT-42): which step may come next for a candidate, and if not, why not.
 *
 *   info session (B2 Dutch proof or Dutch test) → entry test per language, limited attempts (STV-12)
 *   → admission to the basic training, only after a passed entry test
 *   → module I, module II (or the continuous course), remediation for a failed module (STV-12)
 *   → certification exam per language: two role plays, each pass/fail, both needed (STV-13)
 *      ├─ passed → certificate per language → register
 *      └─ failed → mandatory feedback talk with a binding advice before any retake
 *
 * The numbers (retakes, hours, attendance) are dated parameters in CERTIFICATION_RULE_SETS, each
 * with its source; no function below knows them.
 */

export type PartResult = 'passed' | 'failed';
export type DutchProof = 'b2-certificate' | 'dutch-test';
export type ModuleKind = 'module-1' | 'module-2' | 'continuous' | 'remediation';
export type ExamStatus = 'planned' | 'passed' | 'failed' | 'cancelled';
export type Advice = 'retake-exam' | 'follow-remediation' | 'stop';
export const ADVICES = ['retake-exam', 'follow-remediation', 'stop'] as const satisfies readonly Advice[];

/** A dated parameter with the public source it comes from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface CertificationRuleSet {
  /** First day the values apply. */
  validFrom: string;
  /** STV-12: "max. three retakes" of the entry test, so four attempts in all. */
  entryTestMaxRetakes: Sourced<number>;
  /** STV-12: module I 46 h, module II 93 h (139 h in all). */
  moduleHours: Sourced<{ 'module-1': number; 'module-2': number }>;
  /** STV-12: the test after module I needs at least 80 % attendance. */
  moduleTestMinAttendancePercent: Sourced<{ percent: number; modules: readonly ModuleKind[] }>;
  /** STV-13: two role plays, each pass/fail; the exam is passed only when every role play is. */
  examRolePlays: Sourced<number>;
}

const AGII_TRACK = 'STV-12 (agii.be, opleidings- en certificeringstraject sociaal tolk)';

/**
 * The versions, oldest first. The published values are current (STV-12, STV-13, confidence C);
 * the date they took effect is not in the sources, so the first version has an early date.
 */
export const CERTIFICATION_RULE_SETS: readonly CertificationRuleSet[] = [
  {
    validFrom: '2000-01-01',
    entryTestMaxRetakes: { value: 3, source: AGII_TRACK },
    moduleHours: { value: { 'module-1': 46, 'module-2': 93 }, source: AGII_TRACK },
    moduleTestMinAttendancePercent: { value: { percent: 80, modules: ['module-1'] }, source: AGII_TRACK },
    examRolePlays: { value: 2, source: 'STV-13 (agii.be, certificeringsproef sociaal tolken)' },
  },
];

/** The rule set in force on a date (YYYY-MM-DD). */
export function certificationRulesOn(date: string): CertificationRuleSet {
  let found = CERTIFICATION_RULE_SETS[0]!;
  for (const set of CERTIFICATION_RULE_SETS) if (set.validFrom <= date) found = set;
  return found;
}

/** All entry-test attempts allowed: the first one plus the retakes. */
export const maxEntryTestAttempts = (rules: CertificationRuleSet) => rules.entryTestMaxRetakes.value + 1;

/** Every reason a step of the track can be refused; each has a message refusal.<code> in nl and en. */
export const CERTIFICATION_REFUSALS = [
  'certification-language-not-followed',
  'certification-date-too-early',
  'certification-date-in-future',
  'certification-info-session-recorded',
  'certification-info-session-missing',
  'certification-entry-test-passed',
  'certification-entry-test-attempts-exhausted',
  'certification-entry-test-not-passed',
  'certification-already-admitted',
  'certification-not-admitted',
  'certification-module-completed',
  'certification-module-running',
  'certification-module-1-first',
  'certification-module-decided',
  'certification-attendance-too-low',
  'certification-remediation-without-failure',
  'certification-remediation-not-advised',
  'certification-remediation-exists',
  'certification-training-incomplete',
  'certification-exam-planned',
  'certification-exam-passed',
  'certification-exam-decided',
  'certification-feedback-talk-missing',
  'certification-advice-stop',
  'certification-remediation-pending',
  'certification-exam-not-failed',
  'certification-feedback-talk-recorded',
  'certification-exam-not-passed',
  'certification-already-certified',
] as const;
export type CertificationRefusal = (typeof CERTIFICATION_REFUSALS)[number];

export interface Refusal {
  refusal: CertificationRefusal;
  /** The rule that refuses: STV-12, STV-13, R-27, R-28 or the workflow WF-17. */
  rule: string;
  values?: Record<string, string | number>;
}

export interface LanguageKey {
  language: string;
  variant: string;
}

export interface ModuleState {
  id: string;
  kind: ModuleKind;
  startsOn: string;
  requiredHours: number;
  attendedHours: number;
  result: PartResult | null;
  decidedOn: string | null;
  remediationOfModule: string | null;
  remediationOfExam: string | null;
}

export interface ExamState extends LanguageKey {
  id: string;
  heldOn: string;
  status: ExamStatus;
  decidedOn: string | null;
}

/** Everything recorded for one candidate, in the order it was recorded. */
export interface CandidateState {
  infoSession: { on: string; dutchProof: DutchProof } | null;
  admittedOn: string | null;
  languages: LanguageKey[];
  entryTests: Array<LanguageKey & { attempt: number; takenOn: string; passed: boolean }>;
  modules: ModuleState[];
  exams: ExamState[];
  feedbackTalks: Array<{ examId: string; heldOn: string; advice: Advice }>;
  certificates: Array<LanguageKey & { issuedOn: string }>;
}

export type Step =
  | { kind: 'info-session'; on: string }
  | ({ kind: 'entry-test'; on: string } & LanguageKey)
  | { kind: 'admission'; on: string }
  | { kind: 'module'; module: Exclude<ModuleKind, 'remediation'>; on: string }
  | { kind: 'remediation'; ofModule?: string; ofExam?: string; on: string }
  | { kind: 'module-attendance'; moduleId: string }
  | { kind: 'module-result'; moduleId: string; result: PartResult; on: string }
  | ({ kind: 'exam'; on: string } & LanguageKey)
  | { kind: 'exam-result'; examId: string; on: string }
  | { kind: 'feedback-talk'; examId: string; on: string }
  | ({ kind: 'certificate'; on: string } & LanguageKey);

const same = (a: LanguageKey, b: LanguageKey) => a.language === b.language && a.variant === b.variant;
const refusal = (code: CertificationRefusal, rule: string, values?: Record<string, string | number>): Refusal => (values ? { refusal: code, rule, values } : { refusal: code, rule });
const tooEarly = (on: string, earliest: string | null | undefined): Refusal | null =>
  earliest && on < earliest ? refusal('certification-date-too-early', 'WF-17', { date: earliest }) : null;

/** The entry-test results of one language, in attempt order. */
export const entryTestsOf = (s: CandidateState, key: LanguageKey) => s.entryTests.filter((t) => same(t, key)).sort((a, b) => a.attempt - b.attempt);
export const entryTestPassed = (s: CandidateState, key: LanguageKey) => entryTestsOf(s, key).some((t) => t.passed);

/** A module counts as done when it was passed, or when a remediation of it counts as done. */
export function moduleDone(s: CandidateState, moduleId: string, seen = new Set<string>()): boolean {
  if (seen.has(moduleId)) return false;
  seen.add(moduleId);
  const module = s.modules.find((m) => m.id === moduleId);
  if (!module) return false;
  if (module.result === 'passed') return true;
  return s.modules.some((r) => r.remediationOfModule === moduleId && moduleDone(s, r.id, seen));
}

/** Module I or II is done through itself (or its remediation) or through the continuous course. */
export function partDone(s: CandidateState, part: 'module-1' | 'module-2'): boolean {
  return s.modules.some((m) => (m.kind === part || m.kind === 'continuous') && moduleDone(s, m.id));
}

export const trainingComplete = (s: CandidateState) => partDone(s, 'module-1') && partDone(s, 'module-2');

/** The remediation that follows a feedback-talk advice is done. */
const examRemediationDone = (s: CandidateState, examId: string) => s.modules.some((m) => m.remediationOfExam === examId && moduleDone(s, m.id));

/** The last exam of a language that was held (not cancelled), if any. */
function lastDecidedExam(s: CandidateState, key: LanguageKey): ExamState | undefined {
  return s.exams.filter((e) => same(e, key) && (e.status === 'passed' || e.status === 'failed')).sort((a, b) => a.heldOn.localeCompare(b.heldOn)).at(-1);
}

/** Why the step may not be taken now, or null when it may. */
export function refusalOf(s: CandidateState, step: Step): Refusal | null {
  const followed = (key: LanguageKey) => (s.languages.some((l) => same(l, key)) ? null : refusal('certification-language-not-followed', 'WF-17', { language: key.language }));
  const certified = (key: LanguageKey) => s.certificates.some((c) => same(c, key));

  switch (step.kind) {
    case 'info-session':
      return s.infoSession ? refusal('certification-info-session-recorded', 'STV-12', { date: s.infoSession.on }) : null;

    case 'entry-test': {
      const notFollowed = followed(step);
      if (notFollowed) return notFollowed;
      if (!s.infoSession) return refusal('certification-info-session-missing', 'STV-12');
      const tests = entryTestsOf(s, step);
      if (tests.some((t) => t.passed)) return refusal('certification-entry-test-passed', 'STV-12', { language: step.language });
      const rules = certificationRulesOn(step.on);
      if (tests.length >= maxEntryTestAttempts(rules)) {
        return refusal('certification-entry-test-attempts-exhausted', 'STV-12', { attempts: tests.length, retakes: rules.entryTestMaxRetakes.value });
      }
      return tooEarly(step.on, tests.at(-1)?.takenOn ?? s.infoSession.on);
    }

    case 'admission': {
      if (s.admittedOn) return refusal('certification-already-admitted', 'R-27', { date: s.admittedOn });
      const passed = s.entryTests.filter((t) => t.passed).map((t) => t.takenOn).sort();
      if (!passed.length) return refusal('certification-entry-test-not-passed', 'R-27');
      return tooEarly(step.on, passed[0]);
    }

    case 'module': {
      if (!s.admittedOn) return refusal('certification-not-admitted', 'R-27');
      const done = step.module === 'continuous' ? trainingComplete(s) || partDone(s, 'module-1') : partDone(s, step.module);
      if (done) return refusal('certification-module-completed', 'STV-12', { module: step.module });
      if (s.modules.some((m) => m.result === null && m.kind !== 'remediation')) return refusal('certification-module-running', 'STV-12');
      if (step.module === 'module-2' && !partDone(s, 'module-1')) return refusal('certification-module-1-first', 'STV-12');
      return tooEarly(step.on, s.admittedOn);
    }

    case 'remediation': {
      if (!s.admittedOn) return refusal('certification-not-admitted', 'R-27');
      if (step.ofModule) {
        const failed = s.modules.find((m) => m.id === step.ofModule);
        if (!failed || failed.result !== 'failed') return refusal('certification-remediation-without-failure', 'WF-17');
        if (s.modules.some((m) => m.remediationOfModule === failed.id && m.result !== 'failed')) return refusal('certification-remediation-exists', 'WF-17');
        return tooEarly(step.on, failed.decidedOn);
      }
      const exam = s.exams.find((e) => e.id === step.ofExam);
      if (!exam || exam.status !== 'failed') return refusal('certification-remediation-without-failure', 'WF-17');
      const talk = s.feedbackTalks.find((f) => f.examId === exam.id);
      if (!talk) return refusal('certification-feedback-talk-missing', 'R-28');
      if (talk.advice !== 'follow-remediation') return refusal('certification-remediation-not-advised', 'R-28', { advice: talk.advice });
      // A failed remediation is made up by a remediation of that module, not by a second one of the exam.
      if (s.modules.some((m) => m.remediationOfExam === exam.id)) return refusal('certification-remediation-exists', 'WF-17');
      return tooEarly(step.on, talk.heldOn);
    }

    case 'module-attendance':
    case 'module-result': {
      const module = s.modules.find((m) => m.id === step.moduleId);
      if (!module || module.result !== null) return refusal('certification-module-decided', 'STV-12');
      if (step.kind === 'module-attendance') return null;
      const early = tooEarly(step.on, module.startsOn);
      if (early) return early;
      const attendance = certificationRulesOn(module.startsOn).moduleTestMinAttendancePercent.value;
      if (step.result === 'passed' && attendance.modules.includes(module.kind) && module.attendedHours * 100 < module.requiredHours * attendance.percent) {
        return refusal('certification-attendance-too-low', 'STV-12', { percent: attendance.percent, attended: module.attendedHours, required: module.requiredHours });
      }
      return null;
    }

    case 'exam': {
      const notFollowed = followed(step);
      if (notFollowed) return notFollowed;
      if (certified(step)) return refusal('certification-already-certified', 'STV-13', { language: step.language });
      if (!entryTestPassed(s, step)) return refusal('certification-entry-test-not-passed', 'R-27');
      if (!s.admittedOn) return refusal('certification-not-admitted', 'R-27');
      if (!trainingComplete(s)) return refusal('certification-training-incomplete', 'STV-12');
      const exams = s.exams.filter((e) => same(e, step));
      if (exams.some((e) => e.status === 'planned')) return refusal('certification-exam-planned', 'STV-13');
      if (exams.some((e) => e.status === 'passed')) return refusal('certification-exam-passed', 'STV-13');
      const last = lastDecidedExam(s, step);
      if (last?.status === 'failed') {
        const talk = s.feedbackTalks.find((f) => f.examId === last.id);
        if (!talk) return refusal('certification-feedback-talk-missing', 'R-28');
        if (talk.advice === 'stop') return refusal('certification-advice-stop', 'R-28');
        if (talk.advice === 'follow-remediation' && !examRemediationDone(s, last.id)) return refusal('certification-remediation-pending', 'R-28');
        // Not before the talk, nor before the end of a remediation that followed it.
        const after = [talk.heldOn, ...s.modules.filter((m) => m.decidedOn && m.startsOn >= talk.heldOn).map((m) => m.decidedOn!)].sort().at(-1);
        return tooEarly(step.on, after);
      }
      return null;
    }

    case 'exam-result': {
      const exam = s.exams.find((e) => e.id === step.examId);
      if (!exam || exam.status !== 'planned') return refusal('certification-exam-decided', 'STV-13');
      return tooEarly(step.on, exam.heldOn);
    }

    case 'feedback-talk': {
      const exam = s.exams.find((e) => e.id === step.examId);
      if (!exam || exam.status !== 'failed') return refusal('certification-exam-not-failed', 'R-28');
      if (s.feedbackTalks.some((f) => f.examId === exam.id)) return refusal('certification-feedback-talk-recorded', 'R-28');
      return tooEarly(step.on, exam.decidedOn);
    }

    case 'certificate': {
      const notFollowed = followed(step);
      if (notFollowed) return notFollowed;
      if (certified(step)) return refusal('certification-already-certified', 'STV-13', { language: step.language });
      const passed = s.exams.find((e) => same(e, step) && e.status === 'passed');
      if (!passed) return refusal('certification-exam-not-passed', 'STV-13');
      return tooEarly(step.on, passed.decidedOn);
    }
  }
}

/** The exam result from the role plays: passed only when every role play is (STV-13). */
export function examResult(rolePlays: readonly PartResult[], rules: CertificationRuleSet): 'passed' | 'failed' {
  if (rolePlays.length !== rules.examRolePlays.value) throw new Error(`an exam has ${rules.examRolePlays.value} role plays`);
  return rolePlays.every((r) => r === 'passed') ? 'passed' : 'failed';
}

/** The entry-test result from its two parts: language knowledge and basic skills (STV-12). */
export const entryTestResult = (languagePart: PartResult, skillsPart: PartResult) => languagePart === 'passed' && skillsPart === 'passed';

export type LanguageStage =
  | 'info-session-due'
  | 'entry-test-due'
  | 'entry-test-exhausted'
  | 'admission-due'
  | 'in-training'
  | 'exam-due'
  | 'exam-planned'
  | 'feedback-talk-due'
  | 'remediation-due'
  | 'retake-allowed'
  | 'stopped'
  | 'certificate-due'
  | 'certified';

/** Where one language of the candidate stands in the track. */
export function languageStage(s: CandidateState, key: LanguageKey, today: string): LanguageStage {
  if (s.certificates.some((c) => same(c, key))) return 'certified';
  const exams = s.exams.filter((e) => same(e, key));
  if (exams.some((e) => e.status === 'passed')) return 'certificate-due';
  if (exams.some((e) => e.status === 'planned')) return 'exam-planned';
  const last = lastDecidedExam(s, key);
  if (last?.status === 'failed') {
    const talk = s.feedbackTalks.find((f) => f.examId === last.id);
    if (!talk) return 'feedback-talk-due';
    if (talk.advice === 'stop') return 'stopped';
    if (talk.advice === 'follow-remediation' && !examRemediationDone(s, last.id)) return 'remediation-due';
    return 'retake-allowed';
  }
  if (entryTestPassed(s, key)) {
    if (!s.admittedOn) return 'admission-due';
    return trainingComplete(s) ? 'exam-due' : 'in-training';
  }
  if (!s.infoSession) return 'info-session-due';
  return entryTestsOf(s, key).length >= maxEntryTestAttempts(certificationRulesOn(today)) ? 'entry-test-exhausted' : 'entry-test-due';
}

export interface NextStep {
  step: Step['kind'];
  language?: string;
  variant?: string;
  moduleId?: string;
  examId?: string;
  module?: Exclude<ModuleKind, 'remediation'>;
}

/** The steps the rules allow now (dated today), so a screen can offer exactly those. */
export function nextSteps(s: CandidateState, today: string): NextStep[] {
  const steps: Array<[NextStep, Step]> = [];
  steps.push([{ step: 'info-session' }, { kind: 'info-session', on: today }]);
  for (const l of s.languages) {
    const key = { language: l.language, variant: l.variant };
    steps.push([{ step: 'entry-test', ...key }, { kind: 'entry-test', ...key, on: today }]);
  }
  steps.push([{ step: 'admission' }, { kind: 'admission', on: today }]);
  for (const module of ['module-1', 'module-2', 'continuous'] as const) steps.push([{ step: 'module', module }, { kind: 'module', module, on: today }]);
  for (const m of s.modules) {
    if (m.result === null) steps.push([{ step: 'module-result', moduleId: m.id }, { kind: 'module-result', moduleId: m.id, result: 'failed', on: today }]);
    if (m.result === 'failed') steps.push([{ step: 'remediation', moduleId: m.id }, { kind: 'remediation', ofModule: m.id, on: today }]);
  }
  for (const e of s.exams) {
    if (e.status === 'planned') steps.push([{ step: 'exam-result', examId: e.id }, { kind: 'exam-result', examId: e.id, on: today }]);
    if (e.status === 'failed') {
      steps.push([{ step: 'feedback-talk', examId: e.id }, { kind: 'feedback-talk', examId: e.id, on: today }]);
      steps.push([{ step: 'remediation', examId: e.id }, { kind: 'remediation', ofExam: e.id, on: today }]);
    }
  }
  for (const l of s.languages) {
    const key = { language: l.language, variant: l.variant };
    steps.push([{ step: 'exam', ...key }, { kind: 'exam', ...key, on: today }]);
    steps.push([{ step: 'certificate', ...key }, { kind: 'certificate', ...key, on: today }]);
  }
  return steps.filter(([, step]) => refusalOf(s, step) === null).map(([next]) => next);
}
