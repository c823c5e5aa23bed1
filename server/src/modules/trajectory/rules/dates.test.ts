import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn } from './dates';

describe('dates: deadlines for FL-DL-01 (3 months), BX-DL-02 (6 months), FL-DL-05 (60 days)', () => {
  it.each([
    ['FL-DL-05 60 days', '2023-01-10', 60, '2023-03-11'],
    ['FL-DL-05 60 days over a leap day', '2024-01-01', 60, '2024-03-01'],
    ['day before a boundary', '2022-03-01', -1, '2022-02-28'],
  ] as const)('addDays %s', (_rule, from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it.each([
    ['FL-DL-01 3 months', '2023-01-31', 3, '2023-04-30'],
    ['BX-DL-02 6 months', '2022-08-31', 6, '2023-02-28'],
    ['BX-DL-03 18 months, leap year', '2022-08-29', 18, '2024-02-29'],
  ] as const)('addMonths %s', (_rule, from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it.each([
    ['FL-EX-01 65th birthday', '1958-05-01', '2023-05-01', 65],
    ['FL-EX-01 day before the 65th birthday', '1958-05-02', '2023-05-01', 64],
    ['FL-OB-01 born on 29 Feb, 28 Feb of a common year', '2004-02-29', '2022-02-28', 17],
  ] as const)('ageOn %s', (_rule, birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('FL-DL-01: rejects a malformed date', () => {
    expect(() => addDays('2023-13-01', 1)).toThrow(RangeError);
  });

  it('FL-DL-05: addDays is invertible and order-preserving (property)', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), (date, n) => {
        expect(addDays(addDays(date, n), -n)).toBe(date);
        expect(addDays(date, n) >= date).toBe(n >= 0);
      }),
    );
  });
});
