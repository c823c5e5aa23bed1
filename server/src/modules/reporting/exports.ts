/**
 * A report as a file: CSV for Belgian spreadsheets (platform/csv.ts) and XLSX (exceljs). Both hold
 * the same table as the JSON answer — title, parameters, the header, the rows with their totals, the
 * totals row, then the counting rule — so a figure reads the same wherever it is opened.
 */
import ExcelJS from 'exceljs';
import { csvDecimal, csvDocument, csvField } from '../../platform/csv';
import { translate, type ServerLocale } from '../../platform/i18n/i18n';
import { columnLabel } from './dimensions';
import type { ReportView } from './reporting.service';

/** The table as rows of cells: header, body, totals. Numbers stay numbers; a missing total is empty. */
function grid(view: ReportView, locale: ServerLocale): Array<Array<string | number | null>> {
  const withRowTotals = view.rows.some((r) => r.total !== null) || (view.totals?.total ?? null) !== null;
  const header = [translate(locale, `report.dimension.${view.rowDimension}`), ...view.columns.map((c) => c.label), ...(withRowTotals ? [columnLabel('total', locale)] : [])];
  const line = (label: string, cells: Record<string, number>, total: number | null) => [label, ...view.columns.map((c) => cells[c.key] ?? 0), ...(withRowTotals ? [total] : [])];
  return [
    header,
    ...view.rows.map((r) => line(r.label, r.cells, r.total)),
    ...(view.totals ? [line(columnLabel('total', locale), view.totals.cells, view.totals.total)] : []),
  ];
}

function heading(view: ReportView, locale: ServerLocale): string[] {
  const parameters = Object.entries(view.parameters).map(([k, v]) => `${k}=${v}`).join(', ');
  return [`${view.id} · ${view.title}`, view.description, translate(locale, 'report.export.parameters', { parameters, generatedAt: view.generatedAt, database: view.database })];
}

export function reportCsv(view: ReportView, locale: ServerLocale): string {
  const text = (s: string) => [csvField(s)];
  const lines: string[][] = [
    ...heading(view, locale).map(text),
    [],
    ...grid(view, locale).map((cells) => cells.map((c) => (typeof c === 'number' ? csvField(csvDecimal(c), false) : csvField(c ?? '')))),
    [],
    text(translate(locale, 'report.export.rule', { rule: view.countingRule })),
  ];
  return csvDocument(lines);
}

/** Number formats: counts as integers, averages with one decimal, shares as percentages. */
const FORMAT = { count: '#,##0', sum: '#,##0', share: '0.0%', average: '0.0' } as const;

export async function reportXlsx(view: ReportView, locale: ServerLocale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kruispunt';
  workbook.created = new Date(view.generatedAt);
  const sheet = workbook.addWorksheet(view.id);
  for (const line of heading(view, locale)) sheet.addRow([line]);
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([]);
  const rows = grid(view, locale);
  const first = sheet.rowCount + 1;
  for (const cells of rows) sheet.addRow(cells);
  sheet.getRow(first).font = { bold: true };
  if (view.totals) sheet.getRow(sheet.rowCount).font = { bold: true };
  view.columns.forEach((c, i) => {
    sheet.getColumn(i + 2).numFmt = view.unit === 'average' && c.kind !== 'share' ? FORMAT.average : FORMAT[c.kind];
  });
  sheet.getColumn(view.columns.length + 2).numFmt = view.unit === 'average' ? FORMAT.average : FORMAT.count;
  sheet.getColumn(1).width = 32;
  sheet.addRow([]);
  sheet.addRow([translate(locale, 'report.export.rule', { rule: view.countingRule })]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
