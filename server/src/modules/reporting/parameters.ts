/**
 * Report parameters — the year, period or reference date a manager chooses, checked and turned into
 * the scope the facts are counted in. Pure: bad input becomes a validation problem naming the field.
 */
import { AppError, type FieldProblem } from '../../platform/errors';
import type { ParameterKind, ReportScope, UkraineFilter } from './report-types';

export interface ReportQuery {
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  referenceDate?: string | undefined;
  ukraine?: UkraineFilter | undefined;
}

/** The earliest year anything can be counted in: the first rule set (decree of 2013) and the first published tables. */
export const FIRST_YEAR = 2013;
/** A period report covers at most ten years: the trend views go further through the KPIs, month by month. */
export const MAX_PERIOD_DAYS = 3700;

const DAY_MS = 86_400_000;
const fail = (fields: FieldProblem[]): never => {
  throw new AppError('validation', { fields });
};

/** The normalised parameters as the answer repeats them. */
export interface NormalisedParameters {
  year?: number;
  from?: string;
  to?: string;
  referenceDate?: string;
  ukraine?: UkraineFilter;
}

/**
 * Checks the parameters of a report of kind `kind` and returns its scope. A year report shows
 * `yearSpan` years ending with the chosen one; a period report takes a year (a whole calendar year)
 * or from/to; a reference-date report takes the peildatum. Nothing may lie after today, except the
 * end of the current year or period, which is cut at today.
 */
export function resolveScope(
  kind: ParameterKind,
  query: ReportQuery,
  options: { today: string; tenantId: string; yearSpan?: number | undefined; ukraine?: { default: UkraineFilter } | undefined },
): { scope: ReportScope; parameters: NormalisedParameters } {
  const { today } = options;
  const currentYear = Number(today.slice(0, 4));
  const problems: FieldProblem[] = [];
  const allowed = new Set<keyof ReportQuery>(kind === 'year' ? ['year'] : kind === 'period' ? ['year', 'from', 'to'] : ['referenceDate']);
  if (options.ukraine) allowed.add('ukraine');
  for (const key of Object.keys(query) as Array<keyof ReportQuery>) {
    if (query[key] !== undefined && !allowed.has(key)) problems.push({ field: `query.${key}`, code: 'report-parameter-not-applicable', values: { parameter: key } });
  }
  if (problems.length) fail(problems);
  const ukraine = query.ukraine ?? options.ukraine?.default ?? 'include';
  const base = { tenantId: options.tenantId, today, ukraine };
  const withUkraine = options.ukraine ? { ukraine } : {};

  const checkYear = (year: number) => {
    if (year < FIRST_YEAR) fail([{ field: 'query.year', code: 'report-year-too-early', values: { minimum: FIRST_YEAR } }]);
    if (year > currentYear) fail([{ field: 'query.year', code: 'report-date-in-future', values: { today } }]);
  };

  if (kind === 'reference-date') {
    const referenceDate = query.referenceDate ?? today;
    if (referenceDate > today) fail([{ field: 'query.referenceDate', code: 'report-date-in-future', values: { today } }]);
    if (Number(referenceDate.slice(0, 4)) < FIRST_YEAR) fail([{ field: 'query.referenceDate', code: 'report-year-too-early', values: { minimum: FIRST_YEAR } }]);
    return {
      scope: { ...base, from: referenceDate, to: referenceDate, referenceDate, years: [referenceDate.slice(0, 4)] },
      parameters: { referenceDate, ...withUkraine },
    };
  }

  if (kind === 'year' || query.year !== undefined) {
    if (query.year === undefined) return fail([{ field: 'query.year', code: 'required' }]);
    if (query.from !== undefined || query.to !== undefined) fail([{ field: 'query.year', code: 'report-year-or-period' }]);
    checkYear(query.year);
    const span = kind === 'year' ? (options.yearSpan ?? 2) : 1;
    const years = Array.from({ length: span }, (_, i) => String(query.year! - span + 1 + i));
    const end = `${query.year}-12-31`;
    return {
      scope: { ...base, from: `${years[0]}-01-01`, to: end < today ? end : today, referenceDate: null, years },
      parameters: { year: query.year, ...withUkraine },
    };
  }

  if (query.from === undefined) problems.push({ field: 'query.from', code: 'required' });
  if (query.to === undefined) problems.push({ field: 'query.to', code: 'required' });
  if (problems.length) fail(problems);
  const from = query.from!;
  const to = query.to!;
  if (to < from) fail([{ field: 'query.to', code: 'period-ends-before-start' }]);
  if (from > today) fail([{ field: 'query.from', code: 'report-date-in-future', values: { today } }]);
  if (Number(from.slice(0, 4)) < FIRST_YEAR) fail([{ field: 'query.from', code: 'report-year-too-early', values: { minimum: FIRST_YEAR } }]);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_PERIOD_DAYS) fail([{ field: 'query.to', code: 'period-too-long', values: { maximum: MAX_PERIOD_DAYS } }]);
  const years = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(String(y));
  return {
    scope: { ...base, from, to: to < today ? to : today, referenceDate: null, years },
    parameters: { from, to, ...withUkraine },
  };
}

/** Months `from`..`to` (YYYY-MM, inclusive) for a trend: checked like a period. */
export function monthRange(from: string, to: string, today: string): string[] {
  if (to < from) fail([{ field: 'query.to', code: 'period-ends-before-start' }]);
  if (from > today.slice(0, 7)) fail([{ field: 'query.from', code: 'report-date-in-future', values: { today } }]);
  if (Number(from.slice(0, 4)) < FIRST_YEAR) fail([{ field: 'query.from', code: 'report-year-too-early', values: { minimum: FIRST_YEAR } }]);
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = to > today.slice(0, 7) ? today.slice(0, 7) : to;
  while (`${y}-${String(m).padStart(2, '0')}` <= last) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
    if (months.length > 240) fail([{ field: 'query.to', code: 'period-too-long', values: { maximum: 240 } }]);
  }
  return months;
}

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
