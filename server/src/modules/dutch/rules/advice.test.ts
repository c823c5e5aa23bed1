import { describe, expect, it } from 'vitest';
import { ADVICE_TYPES, ADVICE_TYPE_IDS, bindingAdvice, checkModuleAdviceTypes, checkPlacementFitsAdvice, isAdviceType, type AdviceType, type ProviderKind } from './advice';
import { freeSeats, placementAllows, quarterOf } from './placement';

describe('ENT-20: advice types and their length are data', () => {
  it.each([
    ['cbe-alfa-long', 1140, 'lesson-periods'],
    ['cbe-alfa-short', 600, 'lesson-periods'],
    ['cbe-nt2', 480, 'lesson-periods'],
    ['latin-script-cbe', 180, 'hours'],
    ['latin-script-cvo', 40, 'hours'],
    ['cvo-standard', 240, 'hours'],
    ['cvo-extended', 360, 'hours'],
    ['cvo-utc-shortened', 160, 'hours'],
  ] as const)('ENT-20 %s lasts %i %s', (type, amount, unit) => {
    expect(ADVICE_TYPES[type].length).toEqual({ amount, unit });
    expect(ADVICE_TYPES[type].source).toBe('ENT-20');
  });

  it('ENT-20 "andere" and "zonder gevolg" set no length; nobody serves "zonder gevolg"', () => {
    expect(ADVICE_TYPES.other.length).toBeNull();
    expect(ADVICE_TYPES['no-follow-up'].length).toBeNull();
    expect(ADVICE_TYPES['no-follow-up'].providers).toEqual([]);
  });

  it('ENT-20 lists exactly ten advice types, and an unknown one is not an advice type', () => {
    expect(ADVICE_TYPE_IDS).toHaveLength(10);
    expect(isAdviceType('cvo-standard')).toBe(true);
    expect(isAdviceType('cvo-turbo')).toBe(false);
    expect(isAdviceType('toString')).toBe(false);
  });
});

describe('ENT-20: a module serves only advice types of its provider kind', () => {
  it.each([
    ['CBE serves CBE alfa long and CBE NT2', 'CBE', ['cbe-alfa-long', 'cbe-nt2'], null],
    ['CVO serves standard, extended and its Latin-script module', 'CVO', ['cvo-standard', 'cvo-extended', 'latin-script-cvo'], null],
    ['UTC serves the shortened course', 'UTC', ['cvo-utc-shortened'], null],
    ['CVO may not serve CBE alfa', 'CVO', ['cvo-standard', 'cbe-alfa-long'], 'cbe-alfa-long'],
    ['UTC may not serve CVO standard', 'UTC', ['cvo-standard'], 'cvo-standard'],
    ['CBE may not serve the CVO Latin-script module (40 h)', 'CBE', ['latin-script-cvo'], 'latin-script-cvo'],
    ['nobody serves "zonder gevolg"', 'other', ['no-follow-up'], 'no-follow-up'],
    ['"other" providers (Syntra, VDAB) serve "andere"', 'other', ['other'], null],
  ] as const)('%s', (_name, kind, types, refusedType) => {
    const refusal = checkModuleAdviceTypes(kind as ProviderKind, types as readonly AdviceType[]);
    if (refusedType === null) expect(refusal).toBeNull();
    else expect(refusal).toEqual({ rule: 'ENT-20', refusal: 'nt2-advice-type-not-for-provider', values: { adviceType: refusedType, providerKind: kind } });
  });
});

describe('R-15: the advice is binding on the provider', () => {
  const cvoModule = { adviceTypes: ['cvo-standard', 'cvo-extended'] };
  it.each([
    ['R-15 an advice served by the module fits', { type: 'cvo-standard' }, cvoModule, null],
    ['R-15 a CBE advice does not fit a CVO module', { type: 'cbe-alfa-long' }, cvoModule, 'nt2-placement-contradicts-advice'],
    ['R-15 the shortened course does not fit a standard-only module', { type: 'cvo-utc-shortened' }, { adviceTypes: ['cvo-standard'] }, 'nt2-placement-contradicts-advice'],
    ['R-15 without an advice nobody is placed', null, cvoModule, 'nt2-advice-required'],
    ['R-15 "zonder gevolg" is placed nowhere', { type: 'no-follow-up' }, cvoModule, 'nt2-advice-no-follow-up'],
  ] as const)('%s', (_name, advice, module, expected) => {
    const refusal = checkPlacementFitsAdvice(advice as { type: AdviceType } | null, module);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatchObject({ rule: 'R-15', refusal: expected });
  });

  it('R-15 the binding advice is the latest one (by date, then by recording)', () => {
    const a = { id: 'a', advisedOn: '2026-01-10', createdAt: '2026-01-10T10:00:00Z' };
    const b = { id: 'b', advisedOn: '2026-02-01', createdAt: '2026-02-01T09:00:00Z' };
    const c = { id: 'c', advisedOn: '2026-02-01', createdAt: '2026-02-01T11:00:00Z' };
    expect(bindingAdvice([b, a, c])?.id).toBe('c');
    expect(bindingAdvice([a])?.id).toBe('a');
    expect(bindingAdvice([])).toBeNull();
  });
});

describe('ENT-21: placement status machine and seats', () => {
  it.each([
    ['waiting', 'place-from-waiting-list', true],
    ['waiting', 'confirm-enrolment', false],
    ['placed', 'confirm-enrolment', true],
    ['placed', 'record-result', false],
    ['enrolled', 'record-result', true],
    ['enrolled', 'confirm-enrolment', false],
    ['closed', 'record-result', false],
  ] as const)('a %s placement allows %s: %s', (status, action, allowed) => {
    expect(placementAllows(status, action)).toBe(allowed);
  });

  it.each([
    [5, 0, 5],
    [5, 5, 0],
    [5, 7, 0],
  ])('capacity %i with %i taken leaves %i', (capacity, taken, free) => {
    expect(freeSeats(capacity, taken)).toBe(free);
  });

  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-15', '2026-Q3'],
    ['2026-12-31', '2026-Q4'],
  ])('PAIN-17 needs plan: %s is in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });
});
