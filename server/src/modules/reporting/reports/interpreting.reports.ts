/**
 * Social interpreting and translation: figure 49 of the AgII figures report 2023 [001] and the
 * Atlas yearly request count [000]. Figure 49's cells are the interpreting module's own published
 * table (figures.ts: counted once there, its identities asserted there); this file lays it out and
 * lists the requests behind a cell with the same classification (tableRow).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database';
import { CHANNELS, publishedTableIn, tableRow, type TableCounts, type TableRow } from '../../interpreting';
import { agencyRow, codedAxis, yearAxis } from '../dimensions';
import type { CellCount, DimensionSpec, FactRow, Measure, ReportDefinition, ReportScope } from '../report-types';
import { belgianDay, dayStart } from '../reporting.queries';

/** Figure 49's rows in the published order, with the field of the module's counts each shows. */
const STV_ROWS = {
  'requests': 'requests',
  'answered': 'answered',
  'completed': 'completed',
  'not-completed': 'notCompleted',
  'not-answered': 'notAnswered',
  'unavailable': 'interpreterOrLanguageUnavailable',
  'other-reason': 'otherReason',
  'in-progress': 'inProgress',
} as const satisfies Record<string, keyof TableCounts>;
type StvRow = keyof typeof STV_ROWS;

/** The rows of figure 49 a request of each table row counts in (the rows nest). */
const ROWS_OF: Record<TableRow, readonly StvRow[]> = {
  'completed': ['requests', 'answered', 'completed'],
  'not-completed': ['requests', 'answered', 'not-completed'],
  'not-answered-unavailable': ['requests', 'not-answered', 'unavailable'],
  'not-answered-other': ['requests', 'not-answered', 'other-reason'],
  'in-progress': ['requests', 'in-progress'],
};

/** Requests made in the period (Belgian time), one fact each; the customer's region where given. */
const requestFacts = (scope: ReportScope) =>
  sql`select r.id::text as fact_id, r.id::text as subject_id, null::uuid as dossier_id, null::uuid as person_id, ${belgianDay(sql`r.created_at`)} as day,
      coalesce(r.region, 'unknown') as region, r.ukraine_crisis as temporary_protection, 1 as value, r.channel, r.status, r.outcome,
      concat(r.language, ' · ', r.sector) as detail
    from interpreting_requests r where r.created_at >= ${dayStart(scope.from)} and r.created_at < (${dayStart(scope.to)} + interval '1 day')`;

const tableRowOf = (f: FactRow) => tableRow({ status: String(f.status), outcome: (f.outcome as string | null) ?? null });

/** Each request in every nested row of figure 49 it counts in, classified by the module's own tableRow. */
const byStvRow = (facts: FactRow[]) => facts.flatMap((f) => ROWS_OF[tableRowOf(f)].map((row) => ({ ...f, stv_row: row })));

const requests: Measure = { subject: 'interpreting-request', facts: requestFacts };
const figure49: Measure = { ...requests, refine: byStvRow };
/**
 * Requests grouped by status and outcome (key `status:outcome`, 'unknown' for no outcome), and
 * whether a group counts as answered (completed or not completed) by the module's own tableRow:
 * the answered rate's parts, counted in SQL and classified per group rather than per request.
 */
export const statusOutcomeAxis: DimensionSpec = { name: 'status-outcome', attribute: ['status', 'outcome'], values: () => [], order: 'label', label: (key) => key };
export function answeredGroup(key: string): boolean {
  const [status = '', outcome = 'unknown'] = key.split(':');
  return ROWS_OF[tableRow({ status, outcome: outcome === 'unknown' ? null : outcome })].includes('answered');
}

/** Figure 49's cells from the module's own table for the year (its identities were asserted there). */
async function figure49Cells(tx: Tx, scope: ReportScope): Promise<CellCount[]> {
  const table = await publishedTableIn(tx, Number(scope.years.at(-1)));
  return CHANNELS.flatMap((channel) =>
    (Object.keys(STV_ROWS) as StvRow[]).map((row) => {
      const n = table.byChannel[channel][STV_ROWS[row]];
      return { row, column: channel, sum: n, n };
    }),
  );
}

export const INTERPRETING_REPORTS: readonly ReportDefinition[] = [
  {
    id: 'B49',
    source: 'RPT-B49',
    figure: 'Fig. 49',
    group: 'interpreting',
    parameter: 'year',
    yearSpan: 1,
    rows: codedAxis('request-outcome', 'stv_row', 'report.stv', Object.keys(STV_ROWS)),
    columns: codedAxis('channel', 'channel', 'report.channel', CHANNELS),
    // The rows nest (answered = completed + not completed), so a column total would count requests twice.
    totals: { rows: true, columns: false },
    identities: [
      { row: 'requests', sum: ['answered', 'not-answered', 'in-progress'] },
      { row: 'answered', sum: ['completed', 'not-completed'] },
      { row: 'not-answered', sum: ['unavailable', 'other-reason'] },
    ],
    measure: figure49,
    cells: figure49Cells,
    drillDownPermission: 'interpreting.figures.read',
  },
  {
    id: 'A16',
    source: 'RPT-A16',
    figure: null,
    group: 'interpreting',
    parameter: 'year',
    yearSpan: 4,
    rows: agencyRow,
    columns: yearAxis,
    totals: { rows: false, columns: false },
    measure: requests,
    drillDownPermission: 'interpreting.figures.read',
  },
];

/** Measures the dashboards and KPIs reuse. */
export const INTERPRETING_MEASURES = { requests };
