import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  moRequiredHours,
  moStatus,
  moTestOutcome,
  moWeightedScore,
  nt2Status,
  participationStatus,
  requiredStandardisedSkills,
  workRegisteredLate,
  workRegistrationDeadline,
  workStatus,
  type MoTestResult,
} from './pillars';
import { ruleSetOn } from './rule-sets';

const test = (date: string, core: number, practical: number): MoTestResult => ({
  date,
  core: { correct: core, total: 11 },
  practical: { correct: practical, total: 30 },
});
const resolve = (date: string) => ruleSetOn(date);
const GOOD_PROCESS = { correct: 8, total: 10 };

describe('MO: test judged by the rule set of the TEST date (R-09, FL-MO-04, FL-MO-05)', () => {
  it.each([
    ['R-09 core 7/11 on the last day of the 50 % cut-off passes', '2023-02-28', 7, 20, 'passed'],
    ['R-09 core 7/11 on the first day of the 80 % cut-off fails', '2023-03-01', 7, 20, 'failed'],
    ['R-09 core 9/11 from 1 Mar 2023 passes (FL-MO-05 9/11)', '2023-03-01', 9, 20, 'passed'],
    ['R-09 core 6/11 on 1 Mar 2022 passes (FL-MO-05 6/11)', '2022-03-01', 6, 16, 'passed'],
    ['FL-MO-04 practical 15/30 fails', '2022-06-01', 11, 15, 'failed'],
    ['FL-MO-02 a "test" dated 2022-02-28 is no standard MO test', '2022-02-28', 11, 30, 'not-a-standard-test'],
  ] as const)('%s', (_rule, date, core, practical, expected) => {
    expect(moTestOutcome(test(date, core, practical), GOOD_PROCESS, resolve)).toBe(expected);
  });

  it('R-06: from 1 Mar 2023 a passed test still needs the process evaluation; not the day before', () => {
    expect(moTestOutcome(test('2023-03-01', 10, 25), undefined, resolve)).toBe('needs-process-evaluation');
    expect(moTestOutcome(test('2023-02-28', 10, 25), undefined, resolve)).toBe('passed');
  });

  it('R-06: weighted score = 60 % test + 40 % process evaluation; none before 1 Mar 2023', () => {
    const t: MoTestResult = { date: '2023-03-01', core: { correct: 11, total: 11 }, practical: { correct: 30, total: 30 } };
    expect(moWeightedScore(t, { correct: 5, total: 10 }, ruleSetOn('2023-03-01'))).toBeCloseTo(80);
    expect(moWeightedScore(t, { correct: 5, total: 10 }, ruleSetOn('2023-02-28'))).toBeNull();
  });

  it('R-09: a contract from 2022 with a test in March 2023 is judged by the 2023 cut-off', () => {
    const contract = ruleSetOn('2022-06-01');
    expect(moStatus({ tests: [test('2023-03-01', 8, 25)], course: { attendedHours: 60, completedOn: '2023-02-01' } }, contract).status).toBe('failed');
    expect(moStatus({ tests: [test('2023-02-28', 8, 25)], course: { attendedHours: 60, completedOn: '2023-02-01' } }, contract).status).toBe('completed');
  });
});

describe('MO pillar status (WF-05: R-05, R-06, R-10, R-11, R-12, R-35)', () => {
  const post = ruleSetOn('2023-09-01');
  it.each([
    ['R-11 passed exemption test (2023: 9/11 core and 24/30 practical) → exempted', { exemptionTests: [test('2023-03-01', 9, 24)] }, 'exempted', []],
    ['R-10 exemption test on 1 Mar 2023 with 23/30 practical fails (80 %)', { exemptionTests: [test('2023-03-01', 11, 23)] }, 'not-started', ['mo.enrol-course', 'mo.attend-course', 'mo.take-test']],
    ['R-10 exemption test on 28 Feb 2023 with 16/30 practical passes (old cut-offs, UNCERTAIN)', { exemptionTests: [test('2023-02-28', 6, 16)] }, 'exempted', []],
    ['FL-MO-02 nothing recorded → not started', {}, 'not-started', ['mo.enrol-course', 'mo.attend-course', 'mo.take-test']],
    ['R-05 42 of 60 h attended → attend course and take test', { course: { attendedHours: 42 } }, 'in-progress', ['mo.attend-course', 'mo.take-test']],
    ['FL-MO-02 course done, no test yet', { course: { attendedHours: 60 } }, 'in-progress', ['mo.take-test']],
    ['R-12 failed test → redo the course', { course: { attendedHours: 60, completedOn: '2023-10-01' }, tests: [test('2023-10-10', 5, 10)] }, 'failed', ['mo.redo-course', 'mo.take-test']],
    ['R-12 course redone after the failed test → retake', { course: { attendedHours: 60, completedOn: '2023-12-01' }, tests: [test('2023-10-10', 5, 10)] }, 'in-progress', ['mo.take-test']],
    ['R-06 passed test without process evaluation', { course: { attendedHours: 60 }, tests: [test('2023-10-10', 10, 25)] }, 'in-progress', ['mo.process-evaluation']],
    ['R-06 passed test with process evaluation → completed', { course: { attendedHours: 60 }, tests: [test('2023-10-10', 10, 25)], processEvaluation: GOOD_PROCESS }, 'completed', []],
  ] as const)('%s', (_rule, facts, status, missing) => {
    expect(moStatus(facts, post)).toEqual({ status, missing: [...missing] });
  });

  it.each([
    ['R-35 contract 2022-02-28: regular participation (60 h) suffices', '2022-02-28', 'completed'],
    ['R-35 / FL-AT-02 contract 2022-03-01: participation alone is not enough', '2022-03-01', 'in-progress'],
  ] as const)('%s', (_rule, contractDate, status) => {
    expect(moStatus({ course: { attendedHours: 60 } }, ruleSetOn(contractDate)).status).toBe(status);
  });

  it('R-35: the teacher may record regular participation instead of hours', () => {
    expect(moStatus({ course: { attendedHours: 10, regularParticipation: true } }, ruleSetOn('2021-01-01')).status).toBe('completed');
  });

  it.each([
    ['higher-education', 36],
    ['working', 42],
    ['not-working', 60],
    ['illiterate', 84],
    [undefined, 60],
  ] as const)('R-05: profile %s needs %i h', (profile, hours) => {
    expect(moRequiredHours(profile, post)).toBe(hours);
  });
});

describe('NT2 pillar (FL-NT-01, R-04, R-13, FL-NT-03)', () => {
  const a2 = { date: '2023-06-01', oral: 'A2', written: 'A2' } as const;
  const oralOnly = { date: '2023-06-01', oral: 'A2', written: 'A1' } as const;
  it.each([
    ['R-13 A2 course result suffices on 2023-08-31', '2023-08-31', { courseResults: [a2] }, 'completed', []],
    ['R-13 from 2023-09-01 the standardised test is also needed', '2023-09-01', { courseResults: [a2] }, 'in-progress', ['nt2.standardised-test']],
    ['R-13 2023-09-01 reading + writing passed → completed', '2023-09-01', { courseResults: [a2], standardisedTests: [{ date: '2023-10-01', passedSkills: ['reading', 'writing'] as const }] }, 'completed', []],
    ['FL-NT-03 2024-08-31 reading + writing still enough', '2024-08-31', { courseResults: [a2], standardisedTests: [{ date: '2024-10-01', passedSkills: ['reading', 'writing'] as const }] }, 'completed', []],
    ['FL-NT-03 2024-09-01 listening + speaking also needed', '2024-09-01', { courseResults: [a2], standardisedTests: [{ date: '2024-10-01', passedSkills: ['reading', 'writing'] as const }] }, 'in-progress', ['nt2.standardised-test']],
    ['FL-NT-01 A1 written is not A2', '2023-01-01', { courseResults: [oralOnly] }, 'in-progress', ['nt2.reach-a2']],
    ['FL-NT-01 illiterate: A2 oral suffices (oral-only from 2022-03-01)', '2022-03-01', { illiterate: true, courseResults: [oralOnly] }, 'completed', []],
    ['FL-NT-01 illiterate 2023-09-01: reading/writing test not required', '2023-09-01', { illiterate: true, courseResults: [oralOnly] }, 'completed', []],
    ['FL-NT-01 illiterate 2024-09-01: oral part of the standardised test required', '2024-09-01', { illiterate: true, courseResults: [oralOnly] }, 'in-progress', ['nt2.standardised-test']],
    ['R-04 illiterate before 2022-03-01: exempt from A2', '2022-02-28', { illiterate: true }, 'exempted', []],
    ['FL-NT-05 NT2 exemption recorded', '2023-09-01', { exempted: true }, 'exempted', []],
    ['FL-NT-01 nothing recorded → enrol', '2023-01-01', {}, 'not-started', ['nt2.enrol', 'nt2.reach-a2']],
  ] as const)('%s', (_rule, contractDate, facts, status, missing) => {
    expect(nt2Status(facts, ruleSetOn(contractDate))).toEqual({ status, missing: [...missing] });
  });

  it('FL-NT-03: illiterate clients never need more skills than others', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2013-06-07T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const rs = ruleSetOn(d.toISOString().slice(0, 10));
        expect(requiredStandardisedSkills(true, rs).length).toBeLessThanOrEqual(requiredStandardisedSkills(false, rs).length);
      }),
    );
  });
});

describe('Work pillar (R-07, FL-DL-05, FL-DL-07)', () => {
  const rs = ruleSetOn('2023-01-01');
  it.each([
    ['FL-DL-05 deadline is contract + 60 days', '2023-01-10', '2023-03-11'],
    ['FL-DL-05 across a leap day', '2024-01-01', '2024-03-01'],
  ] as const)('%s', (_rule, signed, deadline) => {
    expect(workRegistrationDeadline(signed, rs)).toBe(deadline);
  });

  it.each([
    ['R-07 not required before 2022-03-01', '2022-02-28', { asOf: '2022-12-01', contractSignedOn: '2022-02-28', allowedToWork: true }, 'not-required'],
    ['R-07 required from 2022-03-01, on the deadline day still in progress', '2022-03-01', { asOf: '2022-04-30', contractSignedOn: '2022-03-01', allowedToWork: true }, 'in-progress'],
    ['R-07 the day after the deadline → overdue', '2022-03-01', { asOf: '2022-05-01', contractSignedOn: '2022-03-01', allowedToWork: true }, 'overdue'],
    ['FL-DL-07 not allowed to work → not required', '2022-03-01', { asOf: '2022-05-01', contractSignedOn: '2022-03-01', allowedToWork: false }, 'not-required'],
    ['FL-AT-02 registered (even late) → completed', '2022-03-01', { asOf: '2022-06-01', contractSignedOn: '2022-03-01', allowedToWork: true, registeredOn: '2022-05-15' }, 'completed'],
    ['R-07 no contract yet → not started', '2022-03-01', { asOf: '2022-06-01', allowedToWork: true }, 'not-started'],
  ] as const)('%s', (_rule, contractDate, facts, status) => {
    expect(workStatus(facts, ruleSetOn(contractDate)).status).toBe(status);
  });

  it('FL-DL-05: a registration after day 60 is reported as late', () => {
    const facts = { asOf: '2022-06-01', contractSignedOn: '2022-03-01', allowedToWork: true };
    expect(workRegisteredLate({ ...facts, registeredOn: '2022-04-30' }, ruleSetOn('2022-03-01'))).toBe(false);
    expect(workRegisteredLate({ ...facts, registeredOn: '2022-05-01' }, ruleSetOn('2022-03-01'))).toBe(true);
  });
});

describe('Participation pillar (FL-DL-09, FL-DL-10, R-08)', () => {
  const obligatedIdle = { obligated: true, working: false, studying: false };
  it.each([
    ['FL-DL-09 not in force on 2022-12-31', '2022-12-31', obligatedIdle, [], 'not-required'],
    ['FL-DL-10 obligated idle on 2023-01-01: mandatory', '2023-01-01', obligatedIdle, [], 'not-started'],
    ['FL-DL-09 39 h is not enough', '2023-01-01', obligatedIdle, [39], 'in-progress'],
    ['FL-DL-09 40 h in two activities completes', '2023-01-01', obligatedIdle, [25, 15], 'completed'],
    ['FL-DL-10 obligated and working: optional', '2023-01-01', { ...obligatedIdle, working: true }, [], 'optional'],
    ['FL-DL-10 obligated and studying: optional', '2023-01-01', { ...obligatedIdle, studying: true }, [], 'optional'],
    ['R-08 rechthebbend: optional', '2023-01-01', { ...obligatedIdle, obligated: false }, [5], 'optional'],
  ] as const)('%s', (_rule, contractDate, who, hours, status) => {
    const activities = hours.map((h) => ({ date: '2023-05-01', hours: h }));
    expect(participationStatus({ ...who, activities }, ruleSetOn(contractDate)).status).toBe(status);
  });

  it('R-08: completed exactly when the hours reach 40 for a mandatory client (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }), (hours) => {
        const activities = hours.map((h) => ({ date: '2023-05-01', hours: h }));
        const status = participationStatus({ ...obligatedIdle, activities }, ruleSetOn('2023-01-01')).status;
        const total = hours.reduce((a, b) => a + b, 0);
        expect(status === 'completed').toBe(total >= 40);
      }),
    );
  });
});
