import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../platform/i18n/i18n';
import {
  CERTIFICATION_REFUSALS,
  certificationRulesOn,
  entryTestResult,
  examResult,
  languageStage,
  maxEntryTestAttempts,
  nextSteps,
  refusalOf,
  trainingComplete,
  type Advice,
  type CandidateState,
  type ModuleState,
  type Step,
} from './rules';

const AR = { language: 'ar', variant: '' };
const TODAY = '2025-06-30';

const empty = (): CandidateState => ({ infoSession: null, admittedOn: null, languages: [AR], entryTests: [], modules: [], exams: [], feedbackTalks: [], certificates: [] });
const withInfo = (s = empty()): CandidateState => ({ ...s, infoSession: { on: '2025-01-06', dutchProof: 'b2-certificate' } });
const attempts = (s: CandidateState, results: boolean[]): CandidateState => ({
  ...s,
  entryTests: results.map((passed, i) => ({ ...AR, attempt: i + 1, takenOn: `2025-01-${String(10 + i).padStart(2, '0')}`, passed })),
});
const admitted = () => ({ ...attempts(withInfo(), [true]), admittedOn: '2025-01-20' });
const module = (id: string, kind: ModuleState['kind'], result: ModuleState['result'], extra: Partial<ModuleState> = {}): ModuleState => ({
  id,
  kind,
  startsOn: '2025-02-01',
  requiredHours: kind === 'module-2' ? 93 : 46,
  attendedHours: 46,
  result,
  decidedOn: result ? '2025-03-01' : null,
  remediationOfModule: null,
  remediationOfExam: null,
  ...extra,
});
const trained = (): CandidateState => ({ ...admitted(), modules: [module('m1', 'module-1', 'passed'), module('m2', 'module-2', 'passed', { attendedHours: 93 })] });
const failedExam = (advice?: Advice): CandidateState => ({
  ...trained(),
  exams: [{ id: 'e1', ...AR, heldOn: '2025-05-05', status: 'failed', decidedOn: '2025-05-05' }],
  feedbackTalks: advice ? [{ examId: 'e1', heldOn: '2025-05-20', advice }] : [],
});
const exam = (on = '2025-06-02'): Step => ({ kind: 'exam', ...AR, on });

describe('the dated parameters name their source', () => {
  it('STV-12: at most three retakes of the entry test, four attempts in all; module I 46 h and module II 93 h', () => {
    const rules = certificationRulesOn('2025-01-01');
    expect(rules.entryTestMaxRetakes).toMatchObject({ value: 3, source: expect.stringContaining('STV-12') });
    expect(maxEntryTestAttempts(rules)).toBe(4);
    expect(rules.moduleHours.value).toEqual({ 'module-1': 46, 'module-2': 93 });
    expect(rules.moduleTestMinAttendancePercent.value.percent).toBe(80);
    expect(rules.examRolePlays.source).toContain('STV-13');
  });
});

describe('STV-12: info session and entry test', () => {
  it.each<[string, CandidateState, Step, string | null]>([
    ['no entry test before the info session', empty(), { kind: 'entry-test', ...AR, on: '2025-01-10' }, 'certification-info-session-missing'],
    ['the first attempt after the info session', withInfo(), { kind: 'entry-test', ...AR, on: '2025-01-10' }, null],
    ['not dated before the info session', withInfo(), { kind: 'entry-test', ...AR, on: '2025-01-01' }, 'certification-date-too-early'],
    ['a language the candidate does not follow', withInfo(), { kind: 'entry-test', language: 'ti', variant: '', on: '2025-01-10' }, 'certification-language-not-followed'],
    ['the fourth attempt (third retake)', attempts(withInfo(), [false, false, false]), { kind: 'entry-test', ...AR, on: '2025-02-10' }, null],
    ['a fifth attempt', attempts(withInfo(), [false, false, false, false]), { kind: 'entry-test', ...AR, on: '2025-02-10' }, 'certification-entry-test-attempts-exhausted'],
    ['another attempt after a pass', attempts(withInfo(), [false, true]), { kind: 'entry-test', ...AR, on: '2025-02-10' }, 'certification-entry-test-passed'],
    ['the info session twice', withInfo(), { kind: 'info-session', on: '2025-02-01' }, 'certification-info-session-recorded'],
  ])('%s', (_name, state, step, expected) => {
    expect(refusalOf(state, step)?.refusal ?? null).toBe(expected);
  });

  it('a fifth attempt is refused under STV-12 with the numbers', () => {
    expect(refusalOf(attempts(withInfo(), [false, false, false, false]), { kind: 'entry-test', ...AR, on: '2025-02-10' })).toEqual({
      refusal: 'certification-entry-test-attempts-exhausted',
      rule: 'STV-12',
      values: { attempts: 4, retakes: 3 },
    });
  });

  it.each([
    ['passed', 'passed', true],
    ['passed', 'failed', false],
    ['failed', 'passed', false],
  ] as const)('language part %s and basic skills %s: passed %s', (language, skills, passed) => {
    expect(entryTestResult(language, skills)).toBe(passed);
  });
});

describe('R-27: admission to the basic training only after a passed entry test', () => {
  it.each<[string, CandidateState, Step, string | null, string | null]>([
    ['admission without any entry test', withInfo(), { kind: 'admission', on: '2025-01-20' }, 'certification-entry-test-not-passed', 'R-27'],
    ['admission after failed attempts only', attempts(withInfo(), [false, false]), { kind: 'admission', on: '2025-01-20' }, 'certification-entry-test-not-passed', 'R-27'],
    ['admission after a passed attempt', attempts(withInfo(), [false, true]), { kind: 'admission', on: '2025-01-20' }, null, null],
    ['admission dated before the pass', attempts(withInfo(), [false, true]), { kind: 'admission', on: '2025-01-05' }, 'certification-date-too-early', 'WF-17'],
    ['admission twice', admitted(), { kind: 'admission', on: '2025-01-25' }, 'certification-already-admitted', 'R-27'],
    ['module I before admission', attempts(withInfo(), [true]), { kind: 'module', module: 'module-1', on: '2025-02-01' }, 'certification-not-admitted', 'R-27'],
    ['module I after admission', admitted(), { kind: 'module', module: 'module-1', on: '2025-02-01' }, null, null],
  ])('%s', (_name, state, step, expected, rule) => {
    const refusal = refusalOf(state, step);
    expect(refusal?.refusal ?? null).toBe(expected);
    expect(refusal?.rule ?? null).toBe(rule);
  });
});

describe('STV-12: modules, attendance and remediation', () => {
  const running = { ...admitted(), modules: [module('m1', 'module-1', null, { attendedHours: 36 })] };
  const failed1 = { ...admitted(), modules: [module('m1', 'module-1', 'failed')] };
  const remediated = { ...admitted(), modules: [module('m1', 'module-1', 'failed'), module('r1', 'remediation', 'passed', { remediationOfModule: 'm1', requiredHours: 20, startsOn: '2025-03-05' })] };

  it.each<[string, CandidateState, Step, string | null]>([
    ['module II before module I', admitted(), { kind: 'module', module: 'module-2', on: '2025-02-01' }, 'certification-module-1-first'],
    ['a second module while one runs', running, { kind: 'module', module: 'module-2', on: '2025-02-01' }, 'certification-module-running'],
    ['module I passed with 36 of 46 hours (78 %)', running, { kind: 'module-result', moduleId: 'm1', result: 'passed', on: '2025-03-01' }, 'certification-attendance-too-low'],
    ['module I failed with 36 of 46 hours', running, { kind: 'module-result', moduleId: 'm1', result: 'failed', on: '2025-03-01' }, null],
    ['module I passed with 37 of 46 hours (80.4 %)', { ...running, modules: [module('m1', 'module-1', null, { attendedHours: 37 })] }, { kind: 'module-result', moduleId: 'm1', result: 'passed', on: '2025-03-01' }, null],
    ['a result dated before the start', running, { kind: 'module-result', moduleId: 'm1', result: 'failed', on: '2025-01-31' }, 'certification-date-too-early'],
    ['a second result', failed1, { kind: 'module-result', moduleId: 'm1', result: 'passed', on: '2025-03-02' }, 'certification-module-decided'],
    ['module II after a failed module I', failed1, { kind: 'module', module: 'module-2', on: '2025-03-05' }, 'certification-module-1-first'],
    ['remediation of the failed module I', failed1, { kind: 'remediation', ofModule: 'm1', on: '2025-03-05' }, null],
    ['remediation of a passed module', trained(), { kind: 'remediation', ofModule: 'm1', on: '2025-03-05' }, 'certification-remediation-without-failure'],
    ['a second remediation of the same module', remediated, { kind: 'remediation', ofModule: 'm1', on: '2025-04-05' }, 'certification-remediation-exists'],
    ['module II after the remediation of module I', remediated, { kind: 'module', module: 'module-2', on: '2025-04-01' }, null],
    ['module I again after its remediation', remediated, { kind: 'module', module: 'module-1', on: '2025-04-01' }, 'certification-module-completed'],
  ])('%s', (_name, state, step, expected) => {
    expect(refusalOf(state, step)?.refusal ?? null).toBe(expected);
  });

  it('the continuous course counts for module I and module II', () => {
    expect(trainingComplete({ ...admitted(), modules: [module('c', 'continuous', 'passed', { requiredHours: 160, attendedHours: 150 })] })).toBe(true);
    expect(trainingComplete(remediated)).toBe(false);
  });
});

describe('STV-13: the certification exam', () => {
  it.each<[string, CandidateState, Step, string | null]>([
    ['the exam before the training is complete', admitted(), exam(), 'certification-training-incomplete'],
    ['the exam after the training', trained(), exam(), null],
    ['a second planned exam', { ...trained(), exams: [{ id: 'e1', ...AR, heldOn: '2025-06-02', status: 'planned', decidedOn: null }] }, exam('2025-06-10'), 'certification-exam-planned'],
    ['a new exam after a cancelled one', { ...trained(), exams: [{ id: 'e1', ...AR, heldOn: '2025-06-02', status: 'cancelled', decidedOn: '2025-05-30' }] }, exam('2025-06-10'), null],
    ['an exam after a pass', { ...trained(), exams: [{ id: 'e1', ...AR, heldOn: '2025-06-02', status: 'passed', decidedOn: '2025-06-02' }] }, exam('2025-06-10'), 'certification-exam-passed'],
    ['a certificate without a passed exam', trained(), { kind: 'certificate', ...AR, on: '2025-06-10' }, 'certification-exam-not-passed'],
    ['a certificate after the pass', { ...trained(), exams: [{ id: 'e1', ...AR, heldOn: '2025-06-02', status: 'passed', decidedOn: '2025-06-02' }] }, { kind: 'certificate', ...AR, on: '2025-06-10' }, null],
    [
      'a second certificate for the language',
      { ...trained(), exams: [{ id: 'e1', ...AR, heldOn: '2025-06-02', status: 'passed', decidedOn: '2025-06-02' }], certificates: [{ ...AR, issuedOn: '2025-06-10' }] },
      { kind: 'certificate', ...AR, on: '2025-06-11' },
      'certification-already-certified',
    ],
    ['the result of an exam already decided', failedExam(), { kind: 'exam-result', examId: 'e1', on: '2025-05-06' }, 'certification-exam-decided'],
  ])('%s', (_name, state, step, expected) => {
    expect(refusalOf(state, step)?.refusal ?? null).toBe(expected);
  });

  it.each([
    [['passed', 'passed'], 'passed'],
    [['passed', 'failed'], 'failed'],
    [['failed', 'passed'], 'failed'],
    [['failed', 'failed'], 'failed'],
  ] as const)('role plays %j: the exam is %s (both are needed)', (rolePlays, result) => {
    expect(examResult(rolePlays, certificationRulesOn(TODAY))).toBe(result);
  });
});

describe('R-28: a feedback talk with a binding advice before any retake', () => {
  const remediation = (result: ModuleState['result']) => module('r', 'remediation', result, { remediationOfExam: 'e1', startsOn: '2025-05-25', decidedOn: result ? '2025-06-15' : null, requiredHours: 12, attendedHours: 12 });

  it.each<[string, CandidateState, Step, string | null]>([
    ['a retake without the talk', failedExam(), exam(), 'certification-feedback-talk-missing'],
    ['a retake when the advice is to retake', failedExam('retake-exam'), exam(), null],
    ['a retake dated before the talk', failedExam('retake-exam'), exam('2025-05-10'), 'certification-date-too-early'],
    ['a retake when the advice is to stop', failedExam('stop'), exam(), 'certification-advice-stop'],
    ['a retake before the advised remediation', failedExam('follow-remediation'), exam(), 'certification-remediation-pending'],
    ['a retake while the remediation runs', { ...failedExam('follow-remediation'), modules: [...trained().modules, remediation(null)] }, exam(), 'certification-remediation-pending'],
    ['a retake before the remediation ended', { ...failedExam('follow-remediation'), modules: [...trained().modules, remediation('passed')] }, exam('2025-06-10'), 'certification-date-too-early'],
    ['a retake after the remediation', { ...failedExam('follow-remediation'), modules: [...trained().modules, remediation('passed')] }, exam('2025-06-20'), null],
    ['a remediation the talk did not advise', failedExam('retake-exam'), { kind: 'remediation', ofExam: 'e1', on: '2025-05-25' }, 'certification-remediation-not-advised'],
    ['the advised remediation', failedExam('follow-remediation'), { kind: 'remediation', ofExam: 'e1', on: '2025-05-25' }, null],
    ['the talk of a failed exam', failedExam(), { kind: 'feedback-talk', examId: 'e1', on: '2025-05-20' }, null],
    ['a second talk', failedExam('stop'), { kind: 'feedback-talk', examId: 'e1', on: '2025-05-21' }, 'certification-feedback-talk-recorded'],
    ['a talk after a passed exam', { ...trained(), exams: [{ id: 'e1', ...AR, heldOn: '2025-06-02', status: 'passed', decidedOn: '2025-06-02' }] }, { kind: 'feedback-talk', examId: 'e1', on: '2025-06-10' }, 'certification-exam-not-failed'],
  ])('%s', (_name, state, step, expected) => {
    const refusal = refusalOf(state, step);
    expect(refusal?.refusal ?? null).toBe(expected);
    if (expected && expected !== 'certification-date-too-early') expect(refusal?.rule).toMatch(/^(R-28|WF-17)$/);
  });
});

describe('stages and next steps (WF-17)', () => {
  it.each<[string, CandidateState, string]>([
    ['new', empty(), 'info-session-due'],
    ['after the info session', withInfo(), 'entry-test-due'],
    ['four failed attempts', attempts(withInfo(), [false, false, false, false]), 'entry-test-exhausted'],
    ['entry test passed', attempts(withInfo(), [true]), 'admission-due'],
    ['admitted', admitted(), 'in-training'],
    ['trained', trained(), 'exam-due'],
    ['failed without talk', failedExam(), 'feedback-talk-due'],
    ['advice stop', failedExam('stop'), 'stopped'],
    ['advice remediation', failedExam('follow-remediation'), 'remediation-due'],
    ['advice retake', failedExam('retake-exam'), 'retake-allowed'],
  ])('%s: %s', (_name, state, stage) => {
    expect(languageStage(state, AR, TODAY)).toBe(stage);
  });

  it('offers only what the rules allow', () => {
    expect(nextSteps(attempts(withInfo(), [true]), TODAY)).toEqual([{ step: 'admission' }]);
    expect(nextSteps(failedExam(), TODAY)).toEqual([{ step: 'feedback-talk', examId: 'e1' }]);
    expect(nextSteps(failedExam('follow-remediation'), TODAY)).toEqual([{ step: 'remediation', examId: 'e1' }]);
  });

  it.each(CERTIFICATION_REFUSALS)('refusal.%s has nl and en messages', (code) => {
    expect(hasMessage(`refusal.${code}`)).toBe(true);
  });
});
