import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { monthEnd, monthRange, resolveScope } from './parameters';

const TENANT = '00000000-0000-4000-8000-000000000001';
const today = '2024-03-15';
const opts = { today, tenantId: TENANT };

/** The field problems a call throws, as field:code. */
function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return (error.options.fields ?? []).map((f) => `${f.field}:${f.code}`);
    throw error;
  }
  throw new Error('no problem thrown');
}

describe('report parameters', () => {
  it('a year report shows the year and the one before, as the AgII tables compare', () => {
    const { scope, parameters } = resolveScope('year', { year: 2023 }, opts);
    expect(scope).toMatchObject({ from: '2022-01-01', to: '2023-12-31', years: ['2022', '2023'], referenceDate: null, ukraine: 'include' });
    expect(parameters).toEqual({ year: 2023 });
    expect(resolveScope('year', { year: 2022 }, { ...opts, yearSpan: 5 }).scope.years).toEqual(['2018', '2019', '2020', '2021', '2022']);
  });

  it('the current year is counted up to today', () => {
    expect(resolveScope('year', { year: 2024 }, opts).scope).toMatchObject({ from: '2023-01-01', to: '2024-03-15' });
  });

  it('a period report takes a calendar year or from/to', () => {
    expect(resolveScope('period', { year: 2023 }, opts).scope).toMatchObject({ from: '2023-01-01', to: '2023-12-31', years: ['2023'] });
    expect(resolveScope('period', { from: '2023-03-01', to: '2023-08-31' }, opts).scope).toMatchObject({ from: '2023-03-01', to: '2023-08-31', years: ['2023'] });
  });

  it('a reference date defaults to today', () => {
    expect(resolveScope('reference-date', {}, opts).scope).toMatchObject({ referenceDate: today, from: today, to: today });
    expect(resolveScope('reference-date', { referenceDate: '2024-02-21' }, opts).parameters).toEqual({ referenceDate: '2024-02-21' });
  });

  it('keeps the Ukraine filter only where the report declares it, with the published default', () => {
    const ukraine = { default: 'include' as const };
    expect(resolveScope('period', { year: 2023, ukraine: 'exclude' }, { ...opts, ukraine }).scope.ukraine).toBe('exclude');
    expect(resolveScope('period', { year: 2023 }, { ...opts, ukraine }).parameters).toEqual({ year: 2023, ukraine: 'include' });
    expect(problems(() => resolveScope('period', { year: 2023, ukraine: 'only' }, opts))).toEqual(['query.ukraine:report-parameter-not-applicable']);
  });

  it.each([
    ['a period that ends before it starts', 'period', { from: '2023-05-01', to: '2023-04-30' }, ['query.to:period-ends-before-start']],
    ['a reference date in the future', 'reference-date', { referenceDate: '2024-03-16' }, ['query.referenceDate:report-date-in-future']],
    ['a year in the future', 'year', { year: 2025 }, ['query.year:report-date-in-future']],
    ['a year before the first rule set', 'year', { year: 2012 }, ['query.year:report-year-too-early']],
    ['a period starting after today', 'period', { from: '2024-04-01', to: '2024-05-01' }, ['query.from:report-date-in-future']],
    ['a year report without a year', 'year', {}, ['query.year:required']],
    ['a period without its end', 'period', { from: '2023-01-01' }, ['query.to:required']],
    ['a year and a period together', 'period', { year: 2023, from: '2023-01-01', to: '2023-02-01' }, ['query.year:report-year-or-period']],
    ['a reference date for a year report', 'year', { year: 2023, referenceDate: '2023-01-01' }, ['query.referenceDate:report-parameter-not-applicable']],
    ['a period of more than ten years', 'period', { from: '2013-01-01', to: '2024-01-01' }, ['query.to:period-too-long']],
  ] as const)('refuses %s', (_name, kind, query, expected) => {
    expect(problems(() => resolveScope(kind, query, opts))).toEqual(expected);
  });

  it('months of a trend stop at today', () => {
    expect(monthRange('2023-11', '2024-06', today)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
    expect(problems(() => monthRange('2024-02', '2024-01', today))).toEqual(['query.to:period-ends-before-start']);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
  });
});
