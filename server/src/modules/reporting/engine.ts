/**
 * The engine: runs a report definition's facts query in the caller's (read-only, tenant-scoped)
 * transaction and returns its cells, or the facts behind one cell. A measure without domain rules
 * is grouped in SQL; one whose facts the trajectory's pure rules classify is grouped here, after
 * `refine`. Both paths read the same facts, so a drill-down lists exactly what its cell counted.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database';
import type { CellCount, DimensionSpec, FactRow, Measure, ReportDefinition, ReportScope } from './report-types';

/** The facts with the derived attributes every dimension may use, filtered on temporary protection. */
function wrappedFacts(measure: Measure, scope: ReportScope): SQL {
  const ukraine = scope.ukraine === 'exclude' ? sql`not f.temporary_protection` : scope.ukraine === 'only' ? sql`f.temporary_protection` : sql`true`;
  return sql`select f.*, to_char(f.day, 'YYYY-MM-DD') as day_text, to_char(f.day, 'YYYY') as year, to_char(f.day, 'YYYY-MM') as month, 'agency' as agency
    from (${measure.facts(scope)}) f where ${ukraine}`;
}

const attributes = (d: DimensionSpec): readonly string[] => (typeof d.attribute === 'string' ? [d.attribute] : d.attribute);

/** The SQL key of a dimension over the wrapped facts (alias w). */
const keyExpr = (d: DimensionSpec) => sql.join(attributes(d).map((a) => sql`coalesce(w.${sql.identifier(a)}::text, 'unknown')`), sql` || ':' || `);

/** The key of a dimension for one fact. */
const keyOf = (d: DimensionSpec, fact: FactRow) => attributes(d).map((a) => (fact[a] === null || fact[a] === undefined ? 'unknown' : String(fact[a]))).join(':');

/** Facts as the drivers return them (the day as text whatever the driver makes of a date), refined by the domain rules. */
export async function loadFacts(tx: Tx, measure: Measure, scope: ReportScope): Promise<FactRow[]> {
  const rows = await queryRows<FactRow & { day_text: string }>(tx, sql`select * from (${wrappedFacts(measure, scope)}) w`);
  const facts = rows.map(({ day_text, ...row }) => ({ ...row, day: day_text, value: Number(row.value) }) as FactRow);
  return measure.refine ? measure.refine(facts, scope) : facts;
}

/** Σvalue and the number of facts per (row, column). */
export async function countCells(tx: Tx, def: Pick<ReportDefinition, 'measure' | 'rows' | 'columns' | 'cells'>, scope: ReportScope): Promise<CellCount[]> {
  if (def.cells) return def.cells(tx, scope);
  if (!def.measure.refine) {
    return queryRows<CellCount>(
      tx,
      sql`select ${keyExpr(def.rows)} as row, ${keyExpr(def.columns)} as column, sum(w.value)::int as sum, count(*)::int as n
        from (${wrappedFacts(def.measure, scope)}) w group by 1, 2`,
    );
  }
  const cells = new Map<string, CellCount>();
  for (const fact of await loadFacts(tx, def.measure, scope)) {
    const row = keyOf(def.rows, fact);
    const column = keyOf(def.columns, fact);
    const cell = cells.get(`${row}\u0000${column}`) ?? { row, column, sum: 0, n: 0 };
    cell.sum += fact.value;
    cell.n += 1;
    cells.set(`${row}\u0000${column}`, cell);
  }
  return [...cells.values()];
}

/** A cell, or a row, column or total of the table: the keys a fact must have (null: any). */
export interface CellFilter {
  rows: readonly string[] | null;
  columns: readonly string[] | null;
}

export interface FactPage {
  facts: Array<FactRow & { name: string | null }>;
  total: number;
}

/** Position after which a page starts: the day and fact id of the last fact shown. */
export interface FactCursor {
  day: string;
  factId: string;
}

/** Code-point order, the same for sorting and for the cursor. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byPosition = (a: FactRow, b: FactRow) => cmp(a.day, b.day) || cmp(a.fact_id, b.fact_id);
const after = (f: FactRow, cursor: FactCursor | null) => !cursor || f.day > cursor.day || (f.day === cursor.day && f.fact_id > cursor.factId);

/** The facts behind a cell, a page at a time, in date order, with the person's name where visible. */
export async function cellFacts(tx: Tx, def: ReportDefinition, scope: ReportScope, filter: CellFilter, page: { after: FactCursor | null; limit: number }): Promise<FactPage> {
  const matches = (d: DimensionSpec, keys: readonly string[] | null) => (keys ? sql`${keyExpr(d)} in ${keys}` : sql`true`);
  if (!def.measure.refine) {
    const where = sql`${matches(def.rows, filter.rows)} and ${matches(def.columns, filter.columns)}`;
    const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (${wrappedFacts(def.measure, scope)}) w where ${where}`);
    const rows = await queryRows<FactRow & { day_text: string; name: string | null }>(
      tx,
      sql`select w.*, p.given_names || ' ' || p.family_name as name from (${wrappedFacts(def.measure, scope)}) w left join persons p on p.id = w.person_id
        where ${where} ${page.after ? sql`and (w.day_text, w.fact_id) > (${page.after.day}, ${page.after.factId})` : sql``}
        order by w.day_text, w.fact_id limit ${page.limit}`,
    );
    return { facts: rows.map(({ day_text, ...row }) => ({ ...row, day: day_text })), total: count?.n ?? 0 };
  }
  const inCell = (await loadFacts(tx, def.measure, scope))
    .filter((f) => (!filter.rows || filter.rows.includes(keyOf(def.rows, f))) && (!filter.columns || filter.columns.includes(keyOf(def.columns, f))))
    .sort(byPosition);
  const shown = inCell.filter((f) => after(f, page.after)).slice(0, page.limit);
  const ids = [...new Set(shown.map((f) => f.person_id).filter((id): id is string => id !== null))];
  const names = ids.length
    ? new Map(
        (await queryRows<{ id: string; name: string }>(tx, sql`select id::text as id, given_names || ' ' || family_name as name from persons where id::text in ${ids}`)).map((r) => [r.id, r.name]),
      )
    : new Map<string, string>();
  return { facts: shown.map((f) => ({ ...f, name: (f.person_id && names.get(String(f.person_id))) ?? null })), total: inCell.length };
}
