/**
 * Management reports (issue 7): the catalogue, one report as its published table, and the facts
 * behind a figure. Reading needs `reports.read`; the dossiers behind a figure also need the
 * definition's drill-down permission. Every run is audited once, with the parameters only.
 */
import type { ActorContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { translate, type ServerLocale } from '../../platform/i18n/i18n';
import { requirePermission } from '../access';
import { belgianDate } from '../trajectory';
import { findReport, REPORTS, UNAVAILABLE_REPORTS } from './catalogue';
import { columnLabel } from './dimensions';
import { cellFacts, countCells, type CellFilter, type FactCursor } from './engine';
import { resolveScope, type NormalisedParameters, type ReportQuery } from './parameters';
import { auditFigures, readFigures, type ReadDatabase, type ReportingDeps } from './read-database';
import { UKRAINE_FILTERS, type ComputedColumn, type ReportDefinition, type ReportScope, type SubjectType, type UnavailableReport } from './report-types';
import { assembleTable, type AssembledTable } from './table';

const sourceText = (locale: ServerLocale, r: { id: string; figure: string | null }) =>
  translate(locale, r.id.startsWith('A') ? 'report.source.atlas' : 'report.source.agii', { figure: r.figure ?? '–' });

export function listReports(ctx: ActorContext) {
  requirePermission(ctx, 'reports.read');
  const locale = ctx.locale;
  return [
    ...REPORTS.map((r) => ({
      id: r.id,
      source: r.source,
      figure: r.figure,
      title: translate(locale, `report.${r.id}.title`),
      description: sourceText(locale, r),
      parameter: r.parameter,
      rowDimension: r.rows.name,
      columnDimension: r.columns.name,
      filters: r.ukraine ? [{ id: 'ukraine' as const, values: [...UKRAINE_FILTERS], default: r.ukraine.default }] : [],
      available: true,
      unavailableReason: null,
    })),
    ...UNAVAILABLE_REPORTS.map((r) => ({
      id: r.id,
      source: r.source,
      figure: r.figure,
      title: translate(locale, `report.${r.id}.title`),
      description: sourceText(locale, r),
      parameter: null,
      rowDimension: null,
      columnDimension: null,
      filters: [],
      available: false,
      unavailableReason: translate(locale, `report.unavailable.${r.group}`),
    })),
  ];
}

function definitionOf(id: string, locale: ServerLocale): ReportDefinition {
  const found = findReport(id);
  if (!found) throw notFound('report');
  if ('unavailable' in found) throw unavailable(found.unavailable, locale);
  return found.definition;
}

const unavailable = (r: UnavailableReport, locale: ServerLocale) =>
  new AppError('report-unavailable', { values: { id: r.id, reason: translate(locale, `report.unavailable.${r.group}`) } });

const computedOf = (def: ReportDefinition, scope: ReportScope): readonly ComputedColumn[] =>
  typeof def.computed === 'function' ? def.computed(scope) : (def.computed ?? []);

/** A computed column's header: "Totaal", "Aandeel plicht", "Totaal 2023". */
function computedLabel(def: ReportDefinition, key: string, locale: ServerLocale): string {
  const [base = key, year] = key.split(':');
  const label = base.endsWith('-share')
    ? translate(locale, 'report.column.share', { of: def.columns.label(base.slice(0, -'-share'.length), locale) })
    : columnLabel(base, locale);
  return year ? `${label} ${year}` : label;
}

function tableOf(def: ReportDefinition, scope: ReportScope, locale: ServerLocale, cells: Parameters<typeof assembleTable>[1]): AssembledTable {
  const axis = (d: ReportDefinition['rows']) => d.values(scope).map((v) => ({ ...v, label: d.label(v.key, locale) }));
  return assembleTable(
    {
      rows: axis(def.rows),
      columns: axis(def.columns),
      computed: computedOf(def, scope).map((c) => ({ ...c, label: computedLabel(def, c.key, locale) })),
      totals: def.totals,
      aggregate: def.measure.aggregate ?? 'sum',
      rowOrder: def.rows.order,
      columnOrder: def.columns.order,
      identities: def.identities,
      identityDetail: ({ broken, missingRow }) =>
        missingRow
          ? translate(locale, 'report.identity.missing-row', { row: def.rows.label(missingRow, locale) })
          : broken.length
            ? translate(locale, 'report.identity.broken', { columns: broken.join(', ') })
            : translate(locale, 'report.identity.holds'),
      labelOf: { row: (key) => def.rows.label(key, locale), column: (key) => def.columns.label(key, locale) },
    },
    cells,
  );
}

export interface ReportView extends AssembledTable {
  id: string;
  source: string;
  figure: string | null;
  title: string;
  description: string;
  parameters: NormalisedParameters;
  rowDimension: string;
  columnDimension: string;
  unit: 'count' | 'average';
  countingRule: string;
  database: ReadDatabase;
  generatedAt: string;
}

const summaryOf = (id: string, parameters: NormalisedParameters) =>
  `report ${id} ${Object.entries(parameters).map(([k, v]) => `${k}=${v}`).join(' ')}`.trim();

function scopeFor(deps: ReportingDeps, ctx: ActorContext, def: ReportDefinition, query: ReportQuery) {
  return resolveScope(def.parameter, query, { today: belgianDate(deps.clock()), tenantId: ctx.actor.tenantId, yearSpan: def.yearSpan, ukraine: def.ukraine });
}

/** One report as its published table, computed now from the journal and the modules' records. */
export async function runReport(deps: ReportingDeps, ctx: ActorContext, id: string, query: ReportQuery, use: 'read' | 'export' = 'read'): Promise<ReportView> {
  requirePermission(ctx, 'reports.read');
  const def = definitionOf(id, ctx.locale);
  const { scope, parameters } = scopeFor(deps, ctx, def, query);
  const { value: cells, database } = await readFigures(deps, ctx, (tx) => countCells(tx, def, scope));
  await auditFigures(deps, ctx, use, summaryOf(def.id, parameters));
  return {
    id: def.id,
    source: def.source,
    figure: def.figure,
    title: translate(ctx.locale, `report.${def.id}.title`),
    description: sourceText(ctx.locale, def),
    parameters,
    rowDimension: def.rows.name,
    columnDimension: def.columns.name,
    unit: def.measure.aggregate === 'average' ? 'average' : 'count',
    ...tableOf(def, scope, ctx.locale, cells),
    countingRule: translate(ctx.locale, `report.${def.id}.rule`),
    database,
    generatedAt: deps.clock().toISOString(),
  };
}

export interface DrillDownQuery extends ReportQuery {
  row?: string | undefined;
  column?: string | undefined;
  limit: number;
  after?: string | undefined;
}

export interface DrillDownItem {
  subjectType: SubjectType;
  subjectId: string;
  dossierId: string | null;
  personId: string | null;
  name: string | null;
  region: string;
  date: string;
  detail: string | null;
}

function decodeCursor(cursor: string): FactCursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (/^\d{4}-\d{2}-\d{2}$/.test(c.day) && typeof c.factId === 'string' && c.factId.length <= 64) return { day: c.day, factId: c.factId };
  } catch {
    // falls through to the validation problem
  }
  throw new AppError('validation', { fields: [{ field: 'query.after', code: 'cursor-invalid' }] });
}

const encodeCursor = (c: FactCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/**
 * Which facts a cell holds: a row key, a counted column, or a sum column (its counted columns);
 * omitted means all. A key the table does not have is a validation problem, as is a share.
 */
function cellFilter(def: ReportDefinition, scope: ReportScope, table: AssembledTable, query: DrillDownQuery): CellFilter {
  const problems = [];
  if (query.row !== undefined && !table.rows.some((r) => r.key === query.row)) problems.push({ field: 'query.row', code: 'report-unknown-row', values: { value: query.row } });
  const column = query.column === undefined ? undefined : table.columns.find((c) => c.key === query.column);
  if (query.column !== undefined && !column) problems.push({ field: 'query.column', code: 'report-unknown-column', values: { value: query.column } });
  if (column?.kind === 'share') problems.push({ field: 'query.column', code: 'report-cell-not-a-count', values: { value: column.key } });
  if (problems.length) throw new AppError('validation', { fields: problems });
  const computed = column && column.kind !== 'count' ? computedOf(def, scope).find((c) => c.key === column.key) : undefined;
  return {
    rows: query.row === undefined ? null : [query.row],
    columns: !column ? null : column.kind === 'count' ? [column.key] : (computed?.of ?? table.columns.filter((c) => c.kind === 'count').map((c) => c.key)),
  };
}

/** The dossiers (or courses, persons, requests) behind a figure, a page at a time. */
export async function drillDown(deps: ReportingDeps, ctx: ActorContext, id: string, query: DrillDownQuery): Promise<{ items: DrillDownItem[]; total: number; next: string | null; database: ReadDatabase }> {
  requirePermission(ctx, 'reports.read');
  const def = definitionOf(id, ctx.locale);
  requirePermission(ctx, def.drillDownPermission);
  const { row: _row, column: _column, limit, after, ...reportQuery } = query;
  const { scope, parameters } = scopeFor(deps, ctx, def, reportQuery);
  const cursor = after ? decodeCursor(after) : null;
  const { value: page, database } = await readFigures(deps, ctx, async (tx) => {
    const table = tableOf(def, scope, ctx.locale, await countCells(tx, def, scope));
    const filter = cellFilter(def, scope, table, query);
    return cellFacts(tx, def, scope, filter, { after: cursor, limit });
  });
  await auditFigures(deps, ctx, 'search', `${summaryOf(def.id, parameters)} drill-down row=${query.row ?? '*'} column=${query.column ?? '*'} (${page.total} facts)`);
  const last = page.facts.at(-1);
  return {
    items: page.facts.map((f) => ({
      subjectType: def.measure.subject,
      subjectId: f.subject_id,
      dossierId: f.dossier_id,
      personId: f.person_id,
      name: f.name,
      region: f.region,
      date: f.day,
      detail: f.detail,
    })),
    total: page.total,
    next: page.facts.length === limit && last ? encodeCursor({ day: last.day, factId: last.fact_id }) : null,
    database,
  };
}
