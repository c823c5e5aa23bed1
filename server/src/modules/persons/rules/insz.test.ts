import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSZ_PROBLEMS, formatInsz, isValidInsz, parseInsz, type InszProblem } from './insz';

/**
 * Independent re-implementation of the check-digit rule (BigInt, string-prefixed '2' for
 * births from 2000) so fixtures do not share code with the implementation under test.
 */
function buildInsz(year: number, encodedMonth: number, day: number, sequence: number): string {
  const base = `${String(year % 100).padStart(2, '0')}${String(encodedMonth).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
  const dividend = BigInt(year >= 2000 ? `2${base}` : base);
  const check = 97n - (dividend % 97n);
  return `${base}${String(check).padStart(2, '0')}`;
}

/** Changes the check digits to another (wrong) value for the same nine digits. */
function corruptCheck(insz: string): string {
  const check = Number(insz.slice(9));
  const wrong = check === 97 ? 1 : check + 1;
  return insz.slice(0, 9) + String(wrong).padStart(2, '0');
}

function reasonOf(input: string, opts?: Parameters<typeof parseInsz>[1]): InszProblem | 'ok' {
  const result = parseInsz(input, opts);
  return result.ok ? 'ok' : result.reason;
}

describe('INSZ: hard-coded known-good numbers (verified by hand)', () => {
  // 850730033 = 97 × 8770412 + 69 → check 97 − 69 = 28
  // 2050315123 = 97 × 21137269 + 30 → check 67 (born 2005, so "2" is prefixed)
  // 852730033 = 97 × 8791031 + 26 → check 71 (BIS, month 27 = July + 20)
  // 900101024 = 97 × 9279392 + 0 → check 97 − 0 = 97
  it.each([
    ['85.07.30-033.28', '85073003328', 'national-register', '1985-07-30', 1985, 'male'],
    ['05.03.15-123.67', '05031512367', 'national-register', '2005-03-15', 2005, 'male'],
    ['85.27.30-033.71', '85273003371', 'bis', '1985-07-30', 1985, null],
    ['90.01.01-024.97', '90010102497', 'national-register', '1990-01-01', 1990, 'female'],
  ] as const)('%s parses to %s (%s, %s)', (input, normalized, kind, birthDate, birthYear, sex) => {
    const result = parseInsz(input);
    expect(result).toEqual({
      ok: true,
      value: { normalized, formatted: input, kind, birthDate, birthYear, sex },
    });
  });

  it('the test helper agrees with the hand computations', () => {
    expect(buildInsz(1985, 7, 30, 33)).toBe('85073003328');
    expect(buildInsz(2005, 3, 15, 123)).toBe('05031512367');
    expect(buildInsz(1985, 27, 30, 33)).toBe('85273003371');
    expect(buildInsz(1990, 1, 1, 24)).toBe('90010102497');
  });
});

describe('INSZ: accepts the usual separators and rejects anything else as "format"', () => {
  it.each([
    '85073003328',
    '85.07.30-033.28',
    '85 07 30 033 28',
    '850730 033 28',
    '  85.07.30-033.28  ',
    '85.07.30\u2013033.28', // en dash from a pasted letter
    '85.07.30-033.28\u00a0', // trailing non-breaking space
  ])('accepts %j', (input) => {
    const result = parseInsz(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.normalized).toBe('85073003328');
  });

  it.each([
    '',
    '8507300332', // 10 digits
    '850730033280', // 12 digits
    '85/07/30-033.28',
    '85.07.30_033.28',
    'BE85073003328',
    '85O73003328', // letter O instead of zero
    '８５０７３００３３２８', // full-width digits
  ])('rejects %j with "format"', (input) => {
    expect(reasonOf(input)).toBe('format');
  });
});

describe('INSZ: check digits are 97 − (n mod 97), over 2·10⁹ + n from 2000 on', () => {
  it('rejects a wrong check digit with "checksum"', () => {
    expect(reasonOf('85073003329')).toBe('checksum');
    expect(reasonOf(corruptCheck(buildInsz(2012, 6, 1, 2)))).toBe('checksum');
  });

  it('rejects check digits 00, which the rule can never produce', () => {
    expect(reasonOf('850730033' + '00')).toBe('checksum');
  });

  it('accepts check digits 97 when the remainder is 0', () => {
    expect(parseInsz('90010102497').ok).toBe(true);
    // 2100101022 = 97 × 21650526, so the from-2000 variant also yields 97.
    const result = parseInsz('10010102297');
    expect(result.ok && result.value.birthDate).toBe('2010-01-01');
  });

  it('derives the century from whichever computation matches', () => {
    const born1912 = parseInsz(buildInsz(1912, 4, 5, 11));
    const born2012 = parseInsz(buildInsz(2012, 4, 5, 11));
    expect(born1912.ok && born1912.value.birthDate).toBe('1912-04-05');
    expect(born2012.ok && born2012.value.birthDate).toBe('2012-04-05');
  });

  it('the two centuries can never both match, so no tie-break is needed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        expect(97 - (n % 97)).not.toBe(97 - ((2_000_000_000 + n) % 97));
      }),
    );
  });
});

describe('INSZ: births from 2000 on', () => {
  it.each([
    [2000, 1, 1, 1, '2000-01-01', 'male'],
    [2000, 2, 29, 2, '2000-02-29', 'female'], // 2000 is a leap year
    [2024, 12, 31, 998, '2024-12-31', 'female'],
  ] as const)('%i-%i-%i seq %i → %s', (year, month, day, seq, birthDate, sex) => {
    const result = parseInsz(buildInsz(year, month, day, seq));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.birthDate).toBe(birthDate);
      expect(result.value.birthYear).toBe(year);
      expect(result.value.sex).toBe(sex);
    }
  });
});

describe('INSZ: BIS numbers encode month + 20 (gender unknown) or month + 40 (gender known)', () => {
  it.each([
    [1985, 27, 30, 33, '1985-07-30', null],
    [1985, 47, 30, 33, '1985-07-30', 'male'],
    [1985, 47, 30, 34, '1985-07-30', 'female'],
    [2003, 21, 15, 5, '2003-01-15', null],
    [2003, 52, 31, 6, '2003-12-31', 'female'],
  ] as const)('%i month %i day %i seq %i → bis, %s, sex %s', (year, encodedMonth, day, seq, birthDate, sex) => {
    const result = parseInsz(buildInsz(year, encodedMonth, day, seq));
    expect(result).toMatchObject({ ok: true, value: { kind: 'bis', birthDate, birthYear: year, sex } });
  });

  it.each([13, 19, 33, 39, 53, 60, 99])('rejects encoded month %i with "date"', (encodedMonth) => {
    expect(reasonOf(buildInsz(1985, encodedMonth, 1, 1))).toBe('date');
  });
});

describe('INSZ: unknown birth month/day (00) is allowed; otherwise the date must exist', () => {
  it.each([
    [1960, 0, 0, 'national-register'],
    [1960, 20, 0, 'bis'],
    [1960, 40, 0, 'bis'],
    [2001, 0, 0, 'national-register'],
  ] as const)('%i month %i day %i → birthDate null, year known (%s)', (year, encodedMonth, day, kind) => {
    const result = parseInsz(buildInsz(year, encodedMonth, day, 101));
    expect(result).toMatchObject({ ok: true, value: { kind, birthDate: null, birthYear: year } });
  });

  it('accepts a known month with unknown day', () => {
    const result = parseInsz(buildInsz(1975, 5, 0, 101));
    expect(result).toMatchObject({ ok: true, value: { birthDate: null, birthYear: 1975 } });
  });

  it.each([
    [1985, 2, 31],
    [1985, 4, 31],
    [1985, 2, 29], // 1985 is not a leap year
    [1900, 2, 29], // 1900 is not a leap year either
    [1985, 22, 30], // BIS February 30
    [1985, 1, 32],
    [1985, 0, 15], // known day inside unknown month
  ])('rejects %i-%i-%i with "date"', (year, encodedMonth, day) => {
    expect(reasonOf(buildInsz(year, encodedMonth, day, 1))).toBe('date');
  });

  it('accepts 29 February in a leap year', () => {
    expect(reasonOf(buildInsz(1984, 2, 29, 1))).toBe('ok');
  });
});

describe('INSZ: sequence number — odd is male, even is female, 000 and 999 invalid', () => {
  it.each([
    [1, 'male'],
    [2, 'female'],
    [997, 'male'],
    [998, 'female'],
  ] as const)('sequence %i → %s', (seq, sex) => {
    const result = parseInsz(buildInsz(1970, 3, 3, seq));
    expect(result.ok && result.value.sex).toBe(sex);
  });

  it.each([0, 999])('rejects sequence %i with "sequence"', (seq) => {
    expect(reasonOf(buildInsz(1970, 3, 3, seq))).toBe('sequence');
  });
});

describe('INSZ: future birth dates are rejected relative to the given today', () => {
  const today = '2025-06-15';

  it.each([
    [2025, 6, 16, 'future-date'],
    [2025, 7, 1, 'future-date'],
    [2026, 0, 0, 'future-date'],
    [2025, 6, 15, 'ok'],
    [2025, 6, 0, 'ok'], // day unknown: could be before today
    [2025, 0, 0, 'ok'],
    [1999, 12, 31, 'ok'],
  ] as const)('%i-%i-%i → %s', (year, month, day, expected) => {
    expect(reasonOf(buildInsz(year, month, day, 1), { today })).toBe(expected);
  });

  it('does not check the future without a today (the rule never reads the clock)', () => {
    expect(reasonOf(buildInsz(2030, 1, 1, 1))).toBe('ok');
  });
});

describe('INSZ: birth-date-mismatch when the known birth date contradicts the number', () => {
  it.each([
    ['85073003328', '1985-07-30', 'ok'],
    ['85073003328', '1985-07-31', 'birth-date-mismatch'],
    ['85073003328', '2085-07-30', 'birth-date-mismatch'],
    ['85073003328', '1986-07-30', 'birth-date-mismatch'],
    ['85273003371', '1985-07-30', 'ok'], // BIS offset is removed before comparing
    [buildInsz(1960, 0, 0, 101), '1960-03-04', 'ok'], // only the year is known
    [buildInsz(1960, 0, 0, 101), '1961-03-04', 'birth-date-mismatch'],
    [buildInsz(1975, 5, 0, 101), '1975-05-20', 'ok'], // month known, day unknown
    [buildInsz(1975, 5, 0, 101), '1975-06-20', 'birth-date-mismatch'],
  ])('%s vs %s → %s', (insz, birthDate, expected) => {
    expect(reasonOf(insz, { birthDate })).toBe(expected);
  });

  it('structural problems are reported before a mismatch', () => {
    expect(reasonOf('85073003329', { birthDate: '1990-01-01' })).toBe('checksum');
  });

  it('throws on malformed options because they come from code, not from the user', () => {
    expect(() => parseInsz('85073003328', { birthDate: '30/07/1985' })).toThrow(RangeError);
    expect(() => parseInsz('85073003328', { today: '2025-02-30' })).toThrow(RangeError);
  });
});

describe('INSZ: every generated number round-trips (property)', () => {
  const dateArb = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
    .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
  const seqArb = fc.integer({ min: 1, max: 998 });
  const offsetArb = fc.constantFrom(0, 20, 40);

  it('for any valid date, sequence and BIS offset the number parses back to the same date', () => {
    fc.assert(
      fc.property(dateArb, seqArb, offsetArb, ({ year, month, day }, seq, offset) => {
        const insz = buildInsz(year, month + offset, day, seq);
        const result = parseInsz(insz);
        const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(result).toMatchObject({
          ok: true,
          value: { normalized: insz, birthDate: iso, birthYear: year, kind: offset === 0 ? 'national-register' : 'bis' },
        });
        expect(parseInsz(insz, { birthDate: iso }).ok).toBe(true);
      }),
    );
  });

  it('the formatted form parses back to the same value', () => {
    fc.assert(
      fc.property(dateArb, seqArb, ({ year, month, day }, seq) => {
        const first = parseInsz(buildInsz(year, month, day, seq));
        if (!first.ok) throw new Error('fixture must be valid');
        expect(parseInsz(first.value.formatted)).toEqual(first);
      }),
    );
  });

  it('changing the check digits of a valid number always fails with "checksum"', () => {
    fc.assert(
      fc.property(dateArb, seqArb, ({ year, month, day }, seq) => {
        expect(reasonOf(corruptCheck(buildInsz(year, month, day, seq)))).toBe('checksum');
      }),
    );
  });
});

describe('INSZ: exported helpers', () => {
  it('isValidInsz mirrors parseInsz', () => {
    expect(isValidInsz('85.07.30-033.28')).toBe(true);
    expect(isValidInsz('85.07.30-033.29')).toBe(false);
  });

  it.each([
    ['85073003328', '85.07.30-033.28'],
    ['85 07 30 033 28', '85.07.30-033.28'],
    ['12345', '12345'], // a malformed stored value is shown as it is
  ])('formatInsz(%j) → %j', (input, expected) => {
    expect(formatInsz(input)).toBe(expected);
  });

  it('INSZ_PROBLEMS lists every reason once', () => {
    expect(new Set(INSZ_PROBLEMS).size).toBe(INSZ_PROBLEMS.length);
  });
});
