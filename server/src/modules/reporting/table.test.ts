import { describe, expect, it } from 'vitest';
import { assembleTable, checkIdentity, resolveAxis, type TableSpec } from './table';

const regions = [{ key: 'PA', label: 'PA' }, { key: 'BR', label: 'BR' }, { key: 'LI', label: 'LI' }, { key: 'unknown', label: '?', optional: true }];
const years = [{ key: '2022', label: '2022' }, { key: '2023', label: '2023' }];
const spec = (extra: Partial<TableSpec> = {}): TableSpec => ({
  rows: regions,
  columns: years,
  totals: { rows: true, columns: true },
  aggregate: 'sum',
  labelOf: { row: (k) => `row ${k}`, column: (k) => `column ${k}` },
  identityDetail: ({ broken, missingRow }) => (missingRow ? `missing ${missingRow}` : broken.length ? `broken: ${broken.join(', ')}` : 'holds'),
  ...extra,
});
const cell = (row: string, column: string, sum: number, n = sum) => ({ row, column, sum, n });

describe('table assembly: zeros, totals and shares are computed, never typed', () => {
  it('an empty result is the published table with zeros', () => {
    const t = assembleTable(spec(), []);
    expect(t.rows.map((r) => r.key)).toEqual(['PA', 'BR', 'LI']);
    expect(t.rows.every((r) => r.cells['2022'] === 0 && r.cells['2023'] === 0 && r.total === 0)).toBe(true);
    expect(t.totals).toEqual({ cells: { '2022': 0, '2023': 0 }, total: 0 });
  });

  it('keeps the published order and computes row, column and grand totals', () => {
    // PA: 3 + 4 = 7; LI: 2 + 0 = 2; BR nothing. Columns: 2022 = 3 + 2 = 5, 2023 = 4; grand total 9.
    const t = assembleTable(spec(), [cell('LI', '2022', 2), cell('PA', '2023', 4), cell('PA', '2022', 3)]);
    expect(t.rows.map((r) => [r.key, r.cells['2022'], r.cells['2023'], r.total])).toEqual([
      ['PA', 3, 4, 7],
      ['BR', 0, 0, 0],
      ['LI', 2, 0, 2],
    ]);
    expect(t.totals).toEqual({ cells: { '2022': 5, '2023': 4 }, total: 9 });
  });

  it('shows an optional row only with data, and appends values nobody published so that no fact is lost', () => {
    // The total row must count the person without a region (1) and the one in Ghent (2): 3 + 1 + 2 = 6.
    const t = assembleTable(spec(), [cell('PA', '2023', 3), cell('unknown', '2023', 1), cell('GNT', '2023', 2)]);
    expect(t.rows.map((r) => r.key)).toEqual(['PA', 'BR', 'LI', 'unknown', 'GNT']);
    expect(t.rows.at(-1)!.label).toBe('row GNT');
    expect(t.totals!.cells['2023']).toBe(6);
  });

  it('computes sum and share columns from the counts, and the totals row share from the totals (not an average of shares)', () => {
    // PA: 8 passed, 2 failed → 80%; BR: 1 passed, 3 failed → 25%. Total: 9 of 14 = 0.6429 (the mean of the shares would be 52.5%).
    const t = assembleTable(
      spec({
        columns: [{ key: 'passed', label: 'passed' }, { key: 'failed', label: 'failed' }],
        computed: [
          { key: 'total', kind: 'sum', of: ['passed', 'failed'], label: 'Total' },
          { key: 'passed-share', kind: 'share', of: ['passed'], over: ['passed', 'failed'], label: 'Share' },
        ],
        totals: { rows: false, columns: true },
      }),
      [cell('PA', 'passed', 8), cell('PA', 'failed', 2), cell('BR', 'passed', 1), cell('BR', 'failed', 3)],
    );
    expect(t.columns.map((c) => [c.key, c.kind])).toEqual([['passed', 'count'], ['failed', 'count'], ['total', 'sum'], ['passed-share', 'share']]);
    expect(t.rows[0]!.cells).toEqual({ passed: 8, failed: 2, total: 10, 'passed-share': 0.8 });
    expect(t.rows[1]!.cells).toEqual({ passed: 1, failed: 3, total: 4, 'passed-share': 0.25 });
    expect(t.rows[2]!.cells).toEqual({ passed: 0, failed: 0, total: 0, 'passed-share': 0 });
    expect(t.totals!.cells['passed-share']).toBe(0.6429);
    expect(t.rows[0]!.total).toBeNull();
  });

  it('averages divide the summed values by the number of facts, also in the totals', () => {
    // Arabic in PA: 2 courses with 30 participants → 15.0; English in PA: 1 course with 17 → 17.0;
    // the PA total is 47 / 3 = 15.7, not (15 + 17) / 2 = 16.
    const t = assembleTable(
      spec({ rows: [], columns: [{ key: 'PA', label: 'PA' }], aggregate: 'average', totals: { rows: false, columns: true }, rowOrder: 'label' }),
      [cell('ar', 'PA', 30, 2), cell('en', 'PA', 17, 1)],
    );
    expect(t.rows.map((r) => [r.key, r.cells.PA])).toEqual([['ar', 15], ['en', 17]]);
    expect(t.totals!.cells.PA).toBe(15.7);
  });

  it('orders data-driven rows by total or by label', () => {
    const totals = new Map([['ar', 5], ['en', 9], ['fr', 1]]);
    const label = (k: string) => ({ ar: 'Arabisch', en: 'Engels', fr: 'Frans' })[k]!;
    expect(resolveAxis([], totals, 'total-desc', label).map((v) => v.key)).toEqual(['en', 'ar', 'fr']);
    expect(resolveAxis([], totals, 'label', label).map((v) => v.key)).toEqual(['ar', 'en', 'fr']);
  });

  it('checks declared identities column by column and says where they break', () => {
    const t = assembleTable(
      spec({
        rows: [{ key: 'requests', label: 'r' }, { key: 'answered', label: 'a' }, { key: 'not-answered', label: 'n' }],
        columns: [{ key: 'phone', label: 'phone' }, { key: 'video', label: 'video' }],
        totals: { rows: true, columns: false },
        identities: [{ row: 'requests', sum: ['answered', 'not-answered'] }],
      }),
      // phone: 5 = 3 + 2 holds; video: 4 ≠ 1 + 1 breaks.
      [cell('requests', 'phone', 5), cell('answered', 'phone', 3), cell('not-answered', 'phone', 2), cell('requests', 'video', 4), cell('answered', 'video', 1), cell('not-answered', 'video', 1)],
    );
    expect(t.totals).toBeNull();
    // Named by the rows' labels; the detail names the columns where it breaks, by their labels.
    expect(t.identities).toEqual([{ name: 'r = a + n', holds: false, detail: 'broken: video' }]);
    expect(checkIdentity(t, { row: 'answered', sum: ['nope'] })).toEqual({ holds: false, broken: [], missingRow: 'nope' });
  });
});
