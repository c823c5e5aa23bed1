/**
 * INSZ — identificatienummer van de sociale zekerheid: either a rijksregisternummer
 * (national register number) or a BIS-nummer (Kruispuntbank number for people who are
 * not, or not yet, in the national register). Many of our clients start with a BIS number
 * and receive a rijksregisternummer later, so both must be accepted everywhere.
 *
 * Layout: YYMMDD SSS CC — encoded birth date, sequence number (volgnummer), check digits
 * (controlegetal).
 */

/** Reason a string is not a usable INSZ; the UI maps each to its own message. */
export type InszProblem =
  /** Not 11 digits once the usual separators (dots, dashes, spaces) are removed. */
  | 'format'
  /** Check digits match neither the pre-2000 nor the from-2000 computation. */
  | 'checksum'
  /** Encoded month/day is not a calendar date (and not an allowed "unknown" 00). */
  | 'date'
  /** Encoded birth date lies after `today`. */
  | 'future-date'
  /** Volgnummer 000 or 999, which the register never assigns. */
  | 'sequence'
  /** Number is valid but contradicts the birth date we already hold for the person. */
  | 'birth-date-mismatch';

export const INSZ_PROBLEMS: readonly InszProblem[] = [
  'format',
  'checksum',
  'date',
  'future-date',
  'sequence',
  'birth-date-mismatch',
];

/** Rijksregisternummer vs. BIS-nummer. */
export type InszKind = 'national-register' | 'bis';

export type InszSex = 'male' | 'female';

export interface Insz {
  /** 11 digits, no separators: the form we store and compare on. */
  normalized: string;
  /** YY.MM.DD-SSS.CC, the form printed on Belgian documents. */
  formatted: string;
  kind: InszKind;
  /** YYYY-MM-DD, or null when the register encodes an unknown month or day (00). */
  birthDate: string | null;
  birthYear: number;
  /** Null for BIS numbers issued while the gender was unknown (month + 20). */
  sex: InszSex | null;
}

export type InszParseResult = { ok: true; value: Insz } | { ok: false; reason: InszProblem };

export interface InszOptions {
  /** Birth date already known for the person (YYYY-MM-DD); a contradiction is reported. */
  birthDate?: string;
  /**
   * Reference date (YYYY-MM-DD) for rejecting birth dates in the future. Passed in rather
   * than read from the clock so the rule stays pure and testable; omitted means no check.
   */
  today?: string;
}

// Dashes other than U+002D show up when numbers are pasted from word-processed letters.
const SEPARATORS = /[\s.\-\u2010-\u2015]/g;

const BIS_GENDER_UNKNOWN_OFFSET = 20;
const BIS_GENDER_KNOWN_OFFSET = 40;

/**
 * Parses and validates a rijksregisternummer or BIS-nummer.
 *
 * Century: the check digits are 97 − (n mod 97) over the first nine digits for births
 * before 2000 and over 2 000 000 000 + n from 2000 on. Because 2·10⁹ ≡ 68 (mod 97), the two
 * computations can never yield the same check digits, so whichever one matches decides the
 * century unambiguously and no tie-break on birth date or `today` is needed.
 */
export function parseInsz(input: string, opts: InszOptions = {}): InszParseResult {
  const knownBirthDate = opts.birthDate === undefined ? undefined : parseIsoDate(opts.birthDate, 'birthDate');
  const today = opts.today === undefined ? undefined : parseIsoDate(opts.today, 'today');

  if (typeof input !== 'string') return fail('format');
  const digits = input.replace(SEPARATORS, '');
  if (!/^\d{11}$/.test(digits)) return fail('format');

  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9, 11));
  let century: 1900 | 2000;
  if (checkDigits(base) === check) century = 1900;
  else if (checkDigits(2_000_000_000 + base) === check) century = 2000;
  else return fail('checksum');

  const yy = Number(digits.slice(0, 2));
  const encodedMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const sequence = Number(digits.slice(6, 9));
  const year = century + yy;

  let kind: InszKind;
  let month: number;
  let sexKnown: boolean;
  if (encodedMonth <= 12) {
    kind = 'national-register';
    month = encodedMonth;
    sexKnown = true;
  } else if (encodedMonth >= BIS_GENDER_UNKNOWN_OFFSET && encodedMonth <= BIS_GENDER_UNKNOWN_OFFSET + 12) {
    kind = 'bis';
    month = encodedMonth - BIS_GENDER_UNKNOWN_OFFSET;
    sexKnown = false;
  } else if (encodedMonth >= BIS_GENDER_KNOWN_OFFSET && encodedMonth <= BIS_GENDER_KNOWN_OFFSET + 12) {
    kind = 'bis';
    month = encodedMonth - BIS_GENDER_KNOWN_OFFSET;
    sexKnown = true;
  } else {
    return fail('date');
  }

  // 00 stands for "unknown"; a known day inside an unknown month would be meaningless.
  if (month === 0 && day !== 0) return fail('date');
  if (month !== 0 && day > daysInMonth(year, month)) return fail('date');

  if (sequence === 0 || sequence === 999) return fail('sequence');

  const encoded: PartialDate = { year, month: month || null, day: day || null };
  if (today && isAfter(encoded, today)) return fail('future-date');
  if (knownBirthDate && !isCompatible(encoded, knownBirthDate)) return fail('birth-date-mismatch');

  return {
    ok: true,
    value: {
      normalized: digits,
      formatted: formatInsz(digits),
      kind,
      birthDate:
        encoded.month !== null && encoded.day !== null
          ? `${year}-${pad2(encoded.month)}-${pad2(encoded.day)}`
          : null,
      birthYear: year,
      sex: sexKnown ? (sequence % 2 === 1 ? 'male' : 'female') : null,
    },
  };
}

/**
 * YY.MM.DD-SSS.CC for display. Input that is not 11 digits once separators are removed is
 * returned unchanged: this formats stored values, and a bad legacy value should still show.
 */
export function formatInsz(insz: string): string {
  const d = insz.replace(SEPARATORS, '');
  if (!/^\d{11}$/.test(d)) return insz;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}

/**
 * The INSZ with this birth date (YYYY-MM-DD) and volgnummer, check digits computed as parseInsz
 * verifies them. `monthOffset` 20 or 40 makes it a BIS number (sex unknown or known). For test
 * data and synthetic persons: it checks nothing about the inputs.
 */
export function composeInsz(birthDate: string, sequence: number, monthOffset: 0 | 20 | 40 = 0): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const nine = `${pad2(year % 100)}${pad2(month + monthOffset)}${pad2(day)}${String(sequence).padStart(3, '0')}`;
  return `${nine}${pad2(checkDigits(Number(nine) + (year >= 2000 ? 2_000_000_000 : 0)))}`;
}

/** Convenience for form validation where only the verdict matters. */
export function isValidInsz(input: string, opts: InszOptions = {}): boolean {
  return parseInsz(input, opts).ok;
}

interface FullDate {
  year: number;
  month: number;
  day: number;
}

interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

function fail(reason: InszProblem): InszParseResult {
  return { ok: false, reason };
}

function checkDigits(n: number): number {
  return 97 - (n % 97);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// Options come from our own code, not from the person typing, so a malformed value is a
// programming error and throws instead of being folded into InszProblem.
function parseIsoDate(value: string, name: string): FullDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new RangeError(`parseInsz: option ${name} must be a YYYY-MM-DD calendar date, got ${JSON.stringify(value)}`);
}

/** Only the parts the register actually knows take part in the comparison. */
function isCompatible(encoded: PartialDate, known: FullDate): boolean {
  if (encoded.year !== known.year) return false;
  if (encoded.month !== null && encoded.month !== known.month) return false;
  if (encoded.day !== null && encoded.day !== known.day) return false;
  return true;
}

/** True only when every date the partial one could stand for lies after `ref`. */
function isAfter(encoded: PartialDate, ref: FullDate): boolean {
  if (encoded.year !== ref.year) return encoded.year > ref.year;
  if (encoded.month === null) return false;
  if (encoded.month !== ref.month) return encoded.month > ref.month;
  if (encoded.day === null) return false;
  return encoded.day > ref.day;
}
