import { z } from 'zod';
import { withTenant } from '../../../platform/db/database';
import { invalidField } from '../../../platform/errors';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { scopeOf } from '../access.service';
import { auditEventSchema, auditExportQuery } from '../access.schema';
import { requirePermission } from '../administration.service';
import { auditEventView, listEventsInPeriod, recordAudit } from '../audit';

/** An export is for a bounded period; larger spans are exported in parts. */
export const MAX_EXPORT_DAYS = 366;
const EXPORT_ROW_LIMIT = 500_000;

const CSV_COLUMNS = ['id', 'occurredAt', 'actorUserId', 'actorName', 'actorToken', 'organisation', 'roles', 'purpose', 'action', 'subjectType', 'subjectId', 'summary'] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be run as a formula by spreadsheet programs (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function registerAuditRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags: ['Audit'],
        summary: 'Export the audit log for a period (JSON or CSV); the export itself is logged',
        querystring: auditExportQuery,
        response: { 200: z.union([z.object({ items: z.array(auditEventSchema) }), z.string()]) },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      requirePermission(ctx, 'audit.export');
      const from = new Date(`${request.query.from}T00:00:00Z`);
      const to = new Date(`${request.query.to}T00:00:00Z`);
      to.setUTCDate(to.getUTCDate() + 1);
      if (to <= from) throw invalidField('query.to', 'period-ends-before-start');
      if ((to.getTime() - from.getTime()) / 86_400_000 > MAX_EXPORT_DAYS) {
        throw invalidField('query.to', 'period-too-long', { maximum: MAX_EXPORT_DAYS });
      }
      const items = await withTenant(deps.db, scopeOf(ctx), async (tx) => {
        const rows = await listEventsInPeriod(tx, from, to, EXPORT_ROW_LIMIT);
        await recordAudit(tx, ctx, {
          action: 'export',
          subjectType: 'audit-log',
          subjectId: null,
          summary: `exported audit log ${request.query.from}..${request.query.to} (${rows.length} events)`,
        });
        return rows.map(auditEventView);
      });
      if (request.query.format === 'json') return { items };
      const lines = [CSV_COLUMNS.join(',')].concat(
        items.map((e) =>
          [e.id, e.occurredAt, e.actor.userId, e.actor.displayName, e.actor.tokenName, e.actor.organisationName, e.actor.roles.join(' '), e.purpose, e.action, e.subjectType, e.subjectId, e.summary]
            .map(csvCell)
            .join(','),
        ),
      );
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${request.query.from}-${request.query.to}.csv"`);
      return `${lines.join('\r\n')}\r\n`;
    },
  );
}
