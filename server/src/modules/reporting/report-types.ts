/**
 * What a management report is, as data: the published table it reproduces (id, source, figure),
 * the parameter a manager chooses, the counted facts (a measure) and how they are laid out in rows
 * and columns. The engine (reporting.service.ts) runs any definition the same way; the pure table
 * assembly (table.ts) fills zeros and computes every total and share.
 */
import type { SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import type { Permission } from '../access';

export type ParameterKind = 'year' | 'period' | 'reference-date';
export type ReportGroup = 'trajectory' | 'orientation' | 'dutch' | 'interpreting';
export type UkraineFilter = 'include' | 'exclude' | 'only';
export const UKRAINE_FILTERS = ['include', 'exclude', 'only'] as const satisfies readonly UkraineFilter[];

/** The resolved parameters of one run: what the facts queries read. All dates are Belgian calendar days. */
export interface ReportScope {
  tenantId: string;
  /** First and last day counted (inclusive). For a year report: 1 January of the first year shown to 31 December of the year. */
  from: string;
  to: string;
  /** The peildatum of a stock figure; null for flows. */
  referenceDate: string | null;
  /** The years a year report shows, oldest first (the published tables compare with the year before). */
  years: string[];
  ukraine: UkraineFilter;
  /** Today in Belgium: nothing after it has happened yet. */
  today: string;
}

/**
 * One counted thing, as a facts query returns it. `value` is 1 for counts; for an average it is
 * the numerator of one unit (e.g. the participants of one course). `fact_id` is unique per fact
 * (a journal entry, an enrolment), `subject_id` what the drill-down opens (a dossier, a course).
 */
export interface FactRow {
  fact_id: string;
  subject_id: string;
  dossier_id: string | null;
  person_id: string | null;
  day: string;
  year: string;
  month: string;
  region: string;
  value: number;
  detail: string | null;
  [attribute: string]: unknown;
}

export type SubjectType = 'dossier' | 'person' | 'mo-course' | 'interpreting-request';

/**
 * A measure: the SQL selecting one row per counted thing, and, where the domain's pure rules decide
 * an attribute (a test passed under the cut-offs of its date), the function that adds it. The same
 * facts feed the counts and the drill-down, so a cell's list is exactly what the cell counted.
 */
export interface Measure {
  subject: SubjectType;
  /**
   * Selects columns fact_id and subject_id (text), dossier_id, person_id, day (date), region (text),
   * value (int), detail (text), temporary_protection (boolean) and the measure's own attributes.
   */
  facts(scope: ReportScope): SQL;
  /**
   * Where the domain's pure rules decide (a test passed under the cut-offs of its date, a person's
   * last decision of the year): returns the facts to count with the attributes the rules give them.
   * The grouping then happens in TypeScript rather than in SQL.
   */
  refine?: (facts: FactRow[], scope: ReportScope) => FactRow[];
  /** `average`: cells are Σvalue / number of facts (participants per course); else Σvalue. */
  aggregate?: 'sum' | 'average';
}

/** A row or column dimension: a fact attribute with the published values in their order. */
export interface DimensionSpec {
  /** The fact attribute(s) it groups by; two attributes make a combined key `a:b` (result by year). */
  attribute: string | readonly string[];
  /** The published values, in the published order; `optional` ones show only when they hold data. */
  values(scope: ReportScope): ReadonlyArray<{ key: string; optional?: boolean }>;
  /** Order of values found in the data but not published: after the published ones, or all by total or label. */
  order?: 'published' | 'total-desc' | 'label';
  label(key: string, locale: 'nl' | 'en'): string;
  /** The dimension's name in the report list (region, year, target-group, language, ...). */
  name: string;
}

/** A column computed from the counted ones: a sum of some columns, or a share of one set over another. */
export type ComputedColumn =
  | { key: string; kind: 'sum'; of: readonly string[] }
  | { key: string; kind: 'share'; of: readonly string[]; over: readonly string[] };

/** A relation the published table holds by definition, checked on every cell of a column. */
export interface Identity {
  /** Row `row` equals the sum of rows `sum` in every column; it is named by the rows' labels. */
  row: string;
  sum: readonly string[];
}

export interface ReportDefinition {
  id: string;
  source: string;
  figure: string | null;
  group: ReportGroup;
  parameter: ParameterKind;
  measure: Measure;
  rows: DimensionSpec;
  columns: DimensionSpec;
  /** Computed columns, fixed or depending on the years of the scope (a total per year). */
  computed?: readonly ComputedColumn[] | ((scope: ReportScope) => readonly ComputedColumn[]);
  /** Row totals (a total per row over the counted columns) and column totals (the totals row). */
  totals: { rows: boolean; columns: boolean };
  /** Years a year report shows: 2 (the AgII comparison) unless the published table has more. */
  yearSpan?: number;
  /** The report may be filtered on temporary protection (Ukraine); the default is the published one. */
  ukraine?: { default: UkraineFilter };
  identities?: readonly Identity[];
  /** Reading the dossiers behind a figure needs this as well as reports.read. */
  drillDownPermission: Permission;
  /**
   * For tables the engine does not group itself: returns the cells directly (figure 49 reuses the
   * interpreting module's own table builder). The facts still serve the drill-down.
   */
  cells?: (tx: Tx, scope: ReportScope) => Promise<CellCount[]>;
}

/** A report the published set has but the platform cannot produce, with the reason. */
export interface UnavailableReport {
  id: string;
  source: string;
  figure: string | null;
  group: ReportGroup | 'minors' | 'inflow' | 'samenleven' | 'legal' | 'ukraine';
}

/** Σvalue and the number of facts in one cell. */
export interface CellCount {
  row: string;
  column: string;
  sum: number;
  n: number;
}
