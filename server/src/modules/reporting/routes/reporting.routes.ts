import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { belgianDate } from '../../trajectory';
import { dataQuality } from '../data-quality';
import { interpretingDashboard, moDashboard, regionsDashboard } from '../dashboards.service';
import { reportCsv, reportXlsx } from '../exports';
import { kpiTrend, listKpis } from '../kpis';
import { drillDown, listReports, runReport, type ReportView } from '../reporting.service';
import * as s from '../reporting.schema';

const tags = ['Management figures'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileName = (view: ReportView, extension: string) =>
  `report-${view.id}-${Object.values(view.parameters).join('-')}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');

/** The caller's context in the language the export asks for (`lang`), and the report's own parameters. */
function exportContext(request: FastifyRequest & { query: z.infer<typeof s.reportExportQuery> }) {
  const { lang, ...query } = request.query;
  const ctx = actorContext(request);
  return { ctx: lang ? { ...ctx, locale: lang } : ctx, query };
}

const attach = (reply: FastifyReply, type: string, name: string, body: string | Buffer) =>
  reply.type(type).header('content-disposition', `attachment; filename="${name}"`).send(body);

/** Management reports, their exports and drill-down, dashboards, KPI trends and the data-quality view (issue 7). */
export function registerReportingRoutes(app: ZodApp, deps: AppDeps): void {
  app.get('/api/v1/reports', { schema: { tags, summary: 'The report catalogue: the published tables, with the ones the platform cannot produce and why', response: { 200: s.reportListResponse } } }, async (request) => ({
    items: listReports(actorContext(request)),
  }));

  app.get(
    '/api/v1/reports/:id',
    { schema: { tags, summary: 'A report as its published table, computed now, with totals, shares and the counting rule', params: s.reportIdParams, querystring: s.reportQuery, response: { 200: s.reportResponse } } },
    async (request) => runReport(deps, actorContext(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/reports/:id.csv',
    { schema: { tags, summary: 'The same table as CSV (semicolons, decimal comma, UTF-8)', params: s.reportIdParams, querystring: s.reportExportQuery, produces: ['text/csv'] } },
    async (request, reply) => {
      const { ctx, query } = exportContext(request);
      const view = await runReport(deps, ctx, request.params.id, query, 'export');
      return attach(reply, 'text/csv; charset=utf-8', fileName(view, 'csv'), reportCsv(view, ctx.locale));
    },
  );

  app.get(
    '/api/v1/reports/:id.xlsx',
    { schema: { tags, summary: 'The same table as an Excel workbook', params: s.reportIdParams, querystring: s.reportExportQuery, produces: [XLSX_TYPE] } },
    async (request, reply) => {
      const { ctx, query } = exportContext(request);
      const view = await runReport(deps, ctx, request.params.id, query, 'export');
      return attach(reply, XLSX_TYPE, fileName(view, 'xlsx'), await reportXlsx(view, ctx.locale));
    },
  );

  app.get(
    '/api/v1/reports/:id/drill-down',
    {
      schema: {
        tags,
        summary: 'The dossiers (or persons, courses, requests) behind a figure: a cell, a row, a column or the total; needs the dossier permission too',
        params: s.reportIdParams,
        querystring: s.drillDownQuery,
        response: { 200: s.drillDownResponse },
      },
    },
    async (request) => drillDown(deps, actorContext(request), request.params.id, request.query),
  );

  app.get('/api/v1/dashboards/mo', { schema: { tags, summary: 'MO dashboard: waiting (and over six months), courses starting, test pass rates', querystring: s.moDashboardQuery, response: { 200: s.moDashboardResponse } } }, async (request) => {
    const year = belgianDate(deps.clock()).slice(0, 4);
    return moDashboard(deps, actorContext(request), { from: request.query.from ?? `${year}-01-01`, to: request.query.to ?? `${year}-12-31` });
  });

  app.get('/api/v1/dashboards/regions', { schema: { tags, summary: 'Regional dashboard: the year’s key figures per region', querystring: s.regionsDashboardQuery, response: { 200: s.regionsDashboardResponse } } }, async (request) =>
    regionsDashboard(deps, actorContext(request), request.query.year),
  );

  app.get(
    '/api/v1/dashboards/interpreting',
    { schema: { tags, summary: 'Interpreting dashboard: figure 49 by channel and month, answered rate, bottleneck languages', querystring: s.interpretingDashboardQuery, response: { 200: s.interpretingDashboardResponse } } },
    async (request) => interpretingDashboard(deps, actorContext(request), request.query.year),
  );

  app.get('/api/v1/kpis', { schema: { tags, summary: 'The key figures that have a trend', response: { 200: s.kpiListResponse } } }, async (request) => ({ items: listKpis(actorContext(request)) }));

  app.get(
    '/api/v1/kpis/:id/trend',
    { schema: { tags, summary: 'A key figure per month or year', params: s.kpiParams, querystring: s.kpiTrendQuery, response: { 200: s.kpiTrendResponse } } },
    async (request) => kpiTrend(deps, actorContext(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/data-quality',
    { schema: { tags, summary: 'Records that break a counting rule or an identity, by check, with examples', querystring: s.dataQualityQuery, response: { 200: s.dataQualityResponse } } },
    async (request) => dataQuality(deps, actorContext(request), request.query.year),
  );
}
