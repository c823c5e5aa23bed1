import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateConditions, type DossierFacts } from './certificate';
import { ruleSetOn } from './rule-sets';

const passedTest = (date: string) => ({ date, core: { correct: 10, total: 11 }, practical: { correct: 25, total: 30 } });

/** An obligated, non-working client who did everything the latest rules ask. */
function complete(contractSignedOn: string): DossierFacts {
  return {
    area: 'flanders',
    asOf: '2026-01-01',
    contractSignedOn,
    obligated: true,
    working: false,
    studying: false,
    allowedToWork: true,
    mo: { course: { attendedHours: 60, completedOn: '2025-01-01' }, tests: [passedTest('2025-02-01')], processEvaluation: { correct: 7, total: 10 } },
    nt2: {
      courseResults: [{ date: '2025-03-01', oral: 'A2', written: 'A2' }],
      standardisedTests: [{ date: '2025-03-15', passedSkills: ['reading', 'writing', 'listening', 'speaking'] }],
    },
    vdabRegisteredOn: '2025-01-15',
    participationActivities: [{ date: '2025-04-01', hours: 40 }],
  };
}

describe('certificate: R-03 / table 3.10 variants by contract date', () => {
  it('FL-AT-02: a complete dossier can be issued under every version', () => {
    for (const date of ['2021-01-01', '2022-03-01', '2023-01-01', '2023-03-01', '2023-09-01', '2024-09-01']) {
      expect(certificateConditions(complete(date))).toMatchObject({ canIssue: true, missing: [] });
    }
  });

  it.each([
    ['R-35 contract 2022-02-28: MO regular participation, no test needed', '2022-02-28', true],
    ['FL-AT-02 contract 2022-03-01: MO test needed', '2022-03-01', false],
  ] as const)('%s', (_rule, date, canIssue) => {
    const dossier = { ...complete(date), mo: { course: { attendedHours: 60 } } };
    expect(certificateConditions(dossier).canIssue).toBe(canIssue);
  });

  it.each([
    ['FL-AT-02 / R-07 contract 2022-02-28: VDAB registration not a condition', '2022-02-28', true],
    ['FL-AT-02 / R-07 contract 2022-03-01: VDAB registration required', '2022-03-01', false],
  ] as const)('%s', (_rule, date, canIssue) => {
    const { vdabRegisteredOn: _omit, ...dossier } = { ...complete(date), asOf: '2022-03-10' };
    const result = certificateConditions(dossier);
    expect(result.canIssue).toBe(canIssue);
    if (!canIssue) expect(result.missing).toEqual(['work.not-completed', 'work.register']);
  });

  it.each([
    ['FL-DL-09 / R-08 contract 2022-12-31: no participation track', '2022-12-31', true],
    ['FL-DL-10 / R-08 contract 2023-01-01: obligated idle client needs 40 h', '2023-01-01', false],
  ] as const)('%s', (_rule, date, canIssue) => {
    const result = certificateConditions({ ...complete(date), participationActivities: [{ date: '2023-02-01', hours: 39 }] });
    expect(result.canIssue).toBe(canIssue);
    if (!canIssue) expect(result.missing).toEqual(['participation.not-completed', 'participation.hours']);
  });

  it('FL-DL-10: a rechthebbend client or a working obligated client may skip participation', () => {
    expect(certificateConditions({ ...complete('2023-01-01'), obligated: false, participationActivities: [] }).canIssue).toBe(true);
    expect(certificateConditions({ ...complete('2023-01-01'), working: true, participationActivities: [] }).canIssue).toBe(true);
  });

  it.each([
    ['R-13 contract 2023-08-31: no standardised NT2 test', '2023-08-31', true],
    ['R-13 contract 2023-09-01: standardised NT2 test required', '2023-09-01', false],
  ] as const)('%s', (_rule, date, canIssue) => {
    const dossier = complete(date);
    const result = certificateConditions({ ...dossier, nt2: { courseResults: dossier.nt2.courseResults ?? [] } });
    expect(result.canIssue).toBe(canIssue);
    if (!canIssue) expect(result.missing).toContain('nt2.standardised-test');
  });

  it.each([
    ['R-06 test on 2023-02-28: no process evaluation needed', '2023-02-28', true],
    ['R-06 test on 2023-03-01: process evaluation needed', '2023-03-01', false],
  ] as const)('%s', (_rule, testDate, canIssue) => {
    const dossier = complete('2022-06-01');
    const result = certificateConditions({ ...dossier, mo: { course: { attendedHours: 60 }, tests: [passedTest(testDate)] } });
    expect(result.canIssue).toBe(canIssue);
    if (!canIssue) expect(result.missing).toEqual(['mo.not-completed', 'mo.process-evaluation']);
  });

  it('R-04: an illiterate client before 2022-03-01 needs no NT2 result', () => {
    expect(certificateConditions({ ...complete('2022-02-28'), nt2: { illiterate: true } }).canIssue).toBe(true);
  });

  it('R-11: MO exemption test replaces course and test', () => {
    const dossier = { ...complete('2023-09-01'), mo: { exemptionTests: [{ date: '2023-09-02', core: { correct: 9, total: 11 }, practical: { correct: 24, total: 30 } }] } };
    expect(certificateConditions(dossier).pillars.mo.status).toBe('exempted');
    expect(certificateConditions(dossier).canIssue).toBe(true);
  });

  it('R-03: the rule set of the contract date is reported, Brussels included', () => {
    expect(certificateConditions(complete('2023-09-01')).ruleSetId).toBe('fl-2023-09');
    expect(certificateConditions({ ...complete('2023-09-01'), area: 'brussels' }).ruleSetId).toBe('fl-2023-09+bx-2022-06');
    expect(certificateConditions(complete('2023-09-01'), ruleSetOn('2021-01-01')).ruleSetId).toBe('fl-2013');
  });

  it('R-03 property: canIssue is exactly "nothing missing", and removing a fact never makes a refused dossier issuable', () => {
    const date = fc.constantFrom('2021-06-01', '2022-02-28', '2022-03-01', '2022-12-31', '2023-01-01', '2023-03-01', '2023-09-01', '2024-09-01');
    fc.assert(
      fc.property(date, fc.boolean(), fc.boolean(), fc.boolean(), (contract, dropVdab, dropParticipation, dropTests) => {
        const full = complete(contract);
        const { vdabRegisteredOn, ...withoutVdab } = full;
        const reduced: DossierFacts = {
          ...withoutVdab,
          ...(dropVdab ? {} : { vdabRegisteredOn }),
          ...(dropParticipation ? { participationActivities: [] } : {}),
          ...(dropTests ? { mo: { course: { attendedHours: 60 } } } : {}),
        };
        const result = certificateConditions(reduced);
        expect(result.canIssue).toBe(result.missing.length === 0);
        if (!certificateConditions(full).canIssue) expect(result.canIssue).toBe(false);
      }),
    );
  });
});
