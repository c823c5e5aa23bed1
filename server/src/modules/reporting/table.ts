/**
 * Table assembly — turns counted cells into the published table: the published rows and columns in
 * their order with zeros where nothing was counted, values found in the data but not published
 * (an unknown region, a new language) added so that no fact is lost, and every total and share
 * computed here from the cells, never typed and never summed from rounded figures.
 *
 * Pure: no SQL, no HTTP. The engine supplies the cells and the dimension values with their labels.
 */
import type { CellCount, ComputedColumn, Identity } from './report-types';

export interface AxisValue {
  key: string;
  label: string;
  optional?: boolean | undefined;
}

export interface TableColumn {
  key: string;
  label: string;
  /** `count` columns are counted; `sum` and `share` columns are computed from them. */
  kind: 'count' | 'sum' | 'share';
}

export interface TableRow {
  key: string;
  label: string;
  cells: Record<string, number>;
  total: number | null;
}

export interface AssembledTable {
  columns: TableColumn[];
  rows: TableRow[];
  totals: { cells: Record<string, number>; total: number | null } | null;
  identities: Array<{ name: string; holds: boolean; detail: string }>;
}

export interface TableSpec {
  rows: readonly AxisValue[];
  columns: readonly AxisValue[];
  computed?: readonly (ComputedColumn & { label: string })[] | undefined;
  totals: { rows: boolean; columns: boolean };
  aggregate: 'sum' | 'average';
  /** Where the data holds values that are not published: appended, or all values ordered by total or label. */
  rowOrder?: 'published' | 'total-desc' | 'label' | undefined;
  columnOrder?: 'published' | 'total-desc' | 'label' | undefined;
  identities?: readonly Identity[] | undefined;
  /** Says how an identity fared: holds, broken in these columns (labels), or a row is missing. */
  identityDetail: (result: { broken: readonly string[]; missingRow: string | null }) => string;
  /** Label of a value found in the data only. */
  labelOf: { row(key: string): string; column(key: string): string };
}

/** A cell's two sums: Σvalue and the number of facts (the denominator of an average). */
interface Pair {
  sum: number;
  n: number;
}

const ZERO: Pair = { sum: 0, n: 0 };
const add = (a: Pair, b: Pair): Pair => ({ sum: a.sum + b.sum, n: a.n + b.n });

/** One decimal for averages, as published (14.4 participants per course). */
const roundAverage = (x: number) => Math.round(x * 10) / 10;
/** Shares as fractions with four decimals (0.8234 = 82.34%). */
const roundShare = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The axis: published values in order (optional ones only when they hold data), then the values
 * the data holds beyond them, or everything ordered by total or by label.
 */
export function resolveAxis(published: readonly AxisValue[], totals: ReadonlyMap<string, number>, order: TableSpec['rowOrder'], labelOf: (key: string) => string): AxisValue[] {
  const keys = new Set(published.map((v) => v.key));
  const extra = [...totals.keys()].filter((k) => !keys.has(k)).map((key) => ({ key, label: labelOf(key) }));
  const kept = published.filter((v) => !v.optional || (totals.get(v.key) ?? 0) !== 0);
  if (order === 'total-desc') {
    return [...kept, ...extra].sort((a, b) => (totals.get(b.key) ?? 0) - (totals.get(a.key) ?? 0) || a.label.localeCompare(b.label));
  }
  if (order === 'label') return [...kept, ...extra].sort((a, b) => a.label.localeCompare(b.label));
  return [...kept, ...extra.sort((a, b) => a.label.localeCompare(b.label))];
}

/** Counts per key of one axis, to decide which optional values show and to order by total. */
function axisTotals(cells: readonly CellCount[], axis: 'row' | 'column'): Map<string, number> {
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c[axis], (totals.get(c[axis]) ?? 0) + c.n);
  return totals;
}

export function assembleTable(spec: TableSpec, cells: readonly CellCount[]): AssembledTable {
  const rows = resolveAxis(spec.rows, axisTotals(cells, 'row'), spec.rowOrder, spec.labelOf.row);
  const counted = resolveAxis(spec.columns, axisTotals(cells, 'column'), spec.columnOrder, spec.labelOf.column);
  const grid = new Map<string, Pair>();
  const at = (row: string, column: string) => grid.get(`${row}\u0000${column}`) ?? ZERO;
  for (const c of cells) grid.set(`${c.row}\u0000${c.column}`, add(at(c.row, c.column), { sum: c.sum, n: c.n }));

  const value = (p: Pair) => (spec.aggregate === 'average' ? (p.n ? roundAverage(p.sum / p.n) : 0) : p.sum);
  const countedKeys = counted.map((c) => c.key);
  const sumOf = (pairs: readonly Pair[]) => pairs.reduce(add, ZERO);

  /** The computed cells of one row (or of the totals), from its counted pairs. */
  const computedCells = (pairOf: (column: string) => Pair): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const c of spec.computed ?? []) {
      const of = sumOf(c.of.map(pairOf));
      if (c.kind === 'sum') out[c.key] = value(of);
      else {
        const over = sumOf(c.over.map(pairOf));
        out[c.key] = over.sum ? roundShare(of.sum / over.sum) : 0;
      }
    }
    return out;
  };

  const rowOf = (key: string, label: string, pairOf: (column: string) => Pair, withTotal: boolean): TableRow => {
    const cellsOut: Record<string, number> = {};
    for (const column of countedKeys) cellsOut[column] = value(pairOf(column));
    Object.assign(cellsOut, computedCells(pairOf));
    return { key, label, cells: cellsOut, total: withTotal ? value(sumOf(countedKeys.map(pairOf))) : null };
  };

  const tableRows = rows.map((r) => rowOf(r.key, r.label, (column) => at(r.key, column), spec.totals.rows));
  const columnPair = (column: string) => sumOf(rows.map((r) => at(r.key, column)));
  const totals = spec.totals.columns ? rowOf('total', '', columnPair, spec.totals.rows) : null;
  const columns: TableColumn[] = [
    ...counted.map((c) => ({ key: c.key, label: c.label, kind: 'count' as const })),
    ...(spec.computed ?? []).map((c) => ({ key: c.key, label: c.label, kind: c.kind })),
  ];
  const table: AssembledTable = { columns, rows: tableRows, totals: totals ? { cells: totals.cells, total: totals.total } : null, identities: [] };
  table.identities = (spec.identities ?? []).map((identity) => describeIdentity(table, identity, spec.identityDetail));
  return table;
}

/** Whether row `identity.row` equals the sum of rows `identity.sum` in every counted and summed column; the keys of the columns where not. */
export function checkIdentity(table: Pick<AssembledTable, 'columns' | 'rows'>, identity: Identity): { holds: boolean; broken: string[]; missingRow: string | null } {
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  const target = byKey.get(identity.row);
  const parts = identity.sum.map((k) => byKey.get(k));
  if (!target || parts.some((p) => !p)) return { holds: false, broken: [], missingRow: [identity.row, ...identity.sum].find((k) => !byKey.has(k)) ?? null };
  const broken = table.columns
    .filter((c) => c.kind !== 'share')
    .filter((c) => (target.cells[c.key] ?? 0) !== parts.reduce((s, p) => s + (p!.cells[c.key] ?? 0), 0))
    .map((c) => c.key);
  return { holds: broken.length === 0, broken, missingRow: null };
}

/** An identity as the table shows it: named by the rows' labels, with how it fared in words. */
function describeIdentity(table: Pick<AssembledTable, 'columns' | 'rows'>, identity: Identity, detail: TableSpec['identityDetail']) {
  const label = (key: string) => table.rows.find((r) => r.key === key)?.label ?? key;
  const result = checkIdentity(table, identity);
  const columnLabel = (key: string) => table.columns.find((c) => c.key === key)?.label ?? key;
  return {
    name: `${label(identity.row)} = ${identity.sum.map(label).join(' + ')}`,
    holds: result.holds,
    detail: detail({ broken: result.broken.map(columnLabel), missingRow: result.missingRow }),
  };
}
