import { describe, expect, it } from 'vitest';
import { validateReportSearch } from '../../pages/reports/search';
import { labelStep, niceTicks, svgId } from './scale';

describe('chart scales', () => {
  it('ticks are round numbers from 0 to at least the maximum', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(18)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(1100)).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('names every k-th category when all do not fit', () => {
    expect(labelStep(12, 50, 1000)).toBe(1);
    expect(labelStep(36, 60, 900)).toBe(3);
    expect(labelStep(0, 60, 900)).toBe(1);
  });

  it('makes ids usable in url(#…)', () => {
    expect(svgId('«r1a»')).toBe('cr1a');
    expect(svgId(':r2:')).toBe('cr2');
  });
});

describe('the report page address', () => {
  it('keeps the parameters it understands and drops the rest', () => {
    expect(validateReportSearch({ year: 2024, ukraine: 'exclude', drill: 'OV|2024', junk: 'x' })).toEqual({ year: 2024, ukraine: 'exclude', drill: 'OV|2024' });
    expect(validateReportSearch({ from: '2024-01-01', to: '2023-12-31' })).toEqual({ from: '2024-01-01', to: '2023-12-31' });
    expect(validateReportSearch({ from: 'yesterday', referenceDate: '2024-02-21', drill: 'no-bar' })).toEqual({ referenceDate: '2024-02-21' });
  });
});
