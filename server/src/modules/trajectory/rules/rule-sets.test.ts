import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import {
  BRUSSELS_OVERLAYS,
  FLANDERS_RULE_SETS,
  reachesPassMark,
  ruleSetBoundaries,
  ruleSetOn,
  type RuleArea,
} from './rule-sets';

const isoDate = fc
  .date({ min: new Date('2013-06-07T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('rule sets R-03 / FL-OB-06: version selection per effective date (day before / day of)', () => {
  it.each([
    ['FL-OB-06 / R-03 1 Mar 2022 decree amendment', '2022-02-28', 'fl-2013', '2022-03-01', 'fl-2022-03'],
    ['FL-DL-09 / R-08 1 Jan 2023 participation track', '2022-12-31', 'fl-2022-03', '2023-01-01', 'fl-2023-01'],
    ['R-09 / R-06 1 Mar 2023 MO cut-offs + process evaluation', '2023-02-28', 'fl-2023-01', '2023-03-01', 'fl-2023-03'],
    ['R-13 / FL-FE-01 1 Sep 2023 NT2 standardised test + fees', '2023-08-31', 'fl-2023-03', '2023-09-01', 'fl-2023-09'],
    ['FL-NT-03 1 Sep 2024 NT2 test listening + speaking', '2024-08-31', 'fl-2023-09', '2024-09-01', 'fl-2024-09'],
  ] as const)('%s: %s → %s, %s → %s', (_rule, before, beforeId, on, onId) => {
    expect(ruleSetOn(before).id).toBe(beforeId);
    expect(ruleSetOn(on).id).toBe(onId);
  });

  it.each([
    ['R-32 / BX-TG-01 Brussels obligation from 1 Jun 2022', '2022-05-31', false, '2022-06-01', true],
    ['BX-TG-01 Brussels ordinance of 20 Jul 2023 from 1 Jan 2024', '2023-12-31', true, '2024-01-01', true],
  ] as const)('%s', (_rule, before, inForceBefore, on, inForceOn) => {
    expect(ruleSetOn(before, 'brussels').obligation.inForce).toBe(inForceBefore);
    expect(ruleSetOn(on, 'brussels').obligation.inForce).toBe(inForceOn);
    expect(ruleSetOn(on, 'brussels').area).toBe('brussels');
  });

  it('BX-TG-01: the Flemish obligation is not affected by the Brussels date', () => {
    expect(ruleSetOn('2022-05-31', 'flanders').obligation.inForce).toBe(true);
    expect(ruleSetOn('2022-06-01', 'flanders').obligation.registrationDeadlineMonths).toBe(3);
  });

  it('BX-DL-02 / BX-DL-03: Brussels terms 6 months to register, 18 months to complete; FL-DL-01: Flanders 3 months', () => {
    expect(ruleSetOn('2022-06-01', 'brussels').obligation).toMatchObject({
      registrationDeadlineMonths: 6,
      completionDeadlineMonths: 18,
      maxPriorLegalStayYears: 3,
    });
    expect(ruleSetOn('2022-06-01').obligation.completionDeadlineMonths).toBeNull(); // R-03 not found
  });

  it('FL-FE-07 / BX-FE-01: no fees in Brussels, fees in Flanders for contracts from 1 Sep 2023', () => {
    expect(ruleSetOn('2023-09-01', 'brussels').fees.inForce).toBe(false);
    expect(ruleSetOn('2023-09-01').fees).toEqual({ inForce: true, perItemEur: 90, capPerPillarEur: 180 });
    expect(ruleSetOn('2023-08-31').fees.inForce).toBe(false);
  });

  it('FL-DL-07: the employment service is VDAB in Flanders and Actiris in Brussels', () => {
    expect(ruleSetOn('2023-01-01').work.employmentService).toBe('VDAB');
    expect(ruleSetOn('2023-01-01', 'brussels').work.employmentService).toBe('Actiris');
  });

  it('R-07 / FL-DL-05: VDAB registration within 60 days required from 1 Mar 2022 only', () => {
    expect(ruleSetOn('2022-02-28').work).toMatchObject({ registrationRequired: false, registrationDeadlineDays: null });
    expect(ruleSetOn('2022-03-01').work).toMatchObject({ registrationRequired: true, registrationDeadlineDays: 60 });
  });

  it('R-05: MO course hours 36/42/60/84 per profile, standard 60', () => {
    expect(ruleSetOn('2023-03-01').mo.courseHours).toEqual({ 'higher-education': 36, working: 42, 'not-working': 60, illiterate: 84 });
    expect(ruleSetOn('2023-03-01').mo.standardCourseHours).toBe(60);
  });

  it('R-06: weights 60 % test + 40 % process evaluation from 1 Mar 2023, none the day before', () => {
    expect(ruleSetOn('2023-02-28').mo.assessmentWeights).toBeNull();
    expect(ruleSetOn('2023-03-01').mo.assessmentWeights).toEqual({ testPercent: 60, processEvaluationPercent: 40 });
  });

  it('R-16: diploma recognition window 3 years; FL-DL-05: B1 oral within 24 months from 1 Mar 2022', () => {
    expect(ruleSetOn('2024-01-01').diplomaRecognitionWindowYears).toBe(3);
    expect(ruleSetOn('2022-02-28').obligation.b1OralWithinMonthsAfterAttest).toBeNull();
    expect(ruleSetOn('2022-03-01').obligation.b1OralWithinMonthsAfterAttest).toBe(24);
  });

  it('R-04: rejects malformed dates and dates before the first version (decree of 7 Jun 2013)', () => {
    expect(() => ruleSetOn('2022-3-1')).toThrow(RangeError);
    expect(() => ruleSetOn('2013-06-06')).toThrow(RangeError);
  });

  it('R-03: every boundary is covered by a version starting exactly on it', () => {
    for (const boundary of ruleSetBoundaries()) {
      const ids = [ruleSetOn(boundary).effectiveFrom, ruleSetOn(boundary, 'brussels').effectiveFrom];
      expect(ids).toContain(boundary);
    }
  });
});

describe('rule sets: FL-MO-04 / FL-MO-05 / R-09 pass marks as exact fractions', () => {
  it.each([
    ['R-09 core 50 % (FL-MO-05 6/11) before 1 Mar 2023', '2023-02-28', 6, 5],
    ['R-09 core 80 % (FL-MO-05 9/11) from 1 Mar 2023', '2023-03-01', 9, 8],
  ] as const)('%s: %i/11 passes, %i/11 fails', (_rule, date, pass, fail) => {
    const core = ruleSetOn(date).mo.test?.core;
    expect(core).toBeDefined();
    if (!core) return;
    expect(reachesPassMark(pass, 11, core)).toBe(true);
    expect(reachesPassMark(fail, 11, core)).toBe(false);
  });

  it('FL-MO-04: practical 16/30 passes, 15/30 fails', () => {
    const practical = ruleSetOn('2022-03-01').mo.test?.practical;
    expect(practical && reachesPassMark(16, 30, practical)).toBe(true);
    expect(practical && reachesPassMark(15, 30, practical)).toBe(false);
  });

  it('FL-MO-03: zero questions never pass', () => {
    expect(reachesPassMark(0, 0, { numerator: 0, denominator: 1 })).toBe(false);
  });
});

describe('rule sets R-03: properties', () => {
  const area = fc.constantFrom<RuleArea>('flanders', 'brussels');

  it('R-03: the selected rule set never takes effect after the query date, and the next version starts after it', () => {
    fc.assert(
      fc.property(isoDate, area, (date, where) => {
        const set = ruleSetOn(date, where);
        expect(set.effectiveFrom <= date).toBe(true);
        // No version of the tables that apply starts between the selected one and the date.
        const tables = where === 'flanders' ? [...FLANDERS_RULE_SETS] : [...FLANDERS_RULE_SETS, ...BRUSSELS_OVERLAYS];
        expect(tables.some((v) => v.effectiveFrom > set.effectiveFrom && v.effectiveFrom <= date)).toBe(false);
      }),
    );
  });

  it('R-09 / R-10: MO pass marks never get easier over time (monotonic thresholds)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const ratio = (mark: { numerator: number; denominator: number } | undefined) =>
          mark ? mark.numerator / mark.denominator : 0;
        const e = ruleSetOn(early).mo;
        const l = ruleSetOn(late).mo;
        expect(ratio(l.test?.core)).toBeGreaterThanOrEqual(ratio(e.test?.core));
        expect(ratio(l.exemptionTest?.core)).toBeGreaterThanOrEqual(ratio(e.exemptionTest?.core));
        expect(ratio(l.exemptionTest?.practical)).toBeGreaterThanOrEqual(ratio(e.exemptionTest?.practical));
        expect(ruleSetOn(late).nt2.standardisedTestSkills.length).toBeGreaterThanOrEqual(ruleSetOn(early).nt2.standardisedTestSkills.length);
      }),
    );
  });

  it('R-03: the day before a boundary selects an older version than the boundary itself', () => {
    for (const boundary of ruleSetBoundaries().slice(1)) {
      for (const where of ['flanders', 'brussels'] as const) {
        expect(ruleSetOn(addDays(boundary, -1), where).effectiveFrom < boundary).toBe(true);
      }
    }
  });

  it('R-03: versions are listed oldest first with unique ids', () => {
    for (const list of [FLANDERS_RULE_SETS, BRUSSELS_OVERLAYS]) {
      const dates = list.map((v) => v.effectiveFrom);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(list.map((v) => v.id)).size).toBe(list.length);
    }
  });
});
