import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ICS_CONTENT_TYPE } from '../../../platform/ical';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { idempotentWrite } from '../../../platform/http/idempotency';
import { notFound } from '../../../platform/errors';
import { billingCsv, monthlyBilling } from '../billing';
import { invoicesPdf, statementsPdf } from '../billing-pdf';
import { exportAssignments, interpreterFeed, issueCalendarToken, revokeCalendarToken } from '../calendar';
import { bottleneckLanguages, publishedTable } from '../figures';
import { bottleneckLanguageSchema, tableCountsSchema } from '../interpreting.schema';

const tags = ['Interpreting and translation'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });
const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const counts = tableCountsSchema;
/** The fields an invoice line and a statement line share: the assignment the charge belongs to. */
const chargeLineBase = z.object({
  assignmentId: z.uuid(),
  requestId: z.uuid(),
  date: z.string(),
  channel: z.string(),
  language: z.string(),
  kind: z.enum(['completed', 'late-cancellation']),
});
const invoiceLine = chargeLineBase.extend({
  code: z.string(),
  quantity: z.number(),
  grossCents: z.number(),
  cents: z.number(),
  funded: z.boolean(),
  ruleSetId: z.string(),
});
const invoiceSchema = z.object({
  number: z.string(),
  month: z.string(),
  organisation: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  lines: z.array(invoiceLine),
  assignments: z.number(),
  grossCents: z.number(),
  fundedCents: z.number(),
  totalCents: z.number(),
  ruleSetIds: z.array(z.string()),
});
const statementSchema = z.object({
  number: z.string(),
  month: z.string(),
  interpreter: z.object({ id: z.uuid(), name: z.string() }),
  lines: z.array(
    chargeLineBase.extend({
      minutes: z.number(),
      travelKm: z.number(),
      cents: z.number(),
      ruleSetId: z.string(),
    }),
  ),
  totalCents: z.number(),
  ruleSetIds: z.array(z.string()),
});

/** All items, or only those of the given id (none of them is a 404 for `what`). */
function selected<T>(items: T[], id: string | undefined, idOf: (item: T) => string, what: string): T[] {
  if (!id) return items;
  const found = items.filter((item) => idOf(item) === id);
  if (!found.length) throw notFound(what);
  return found;
}

function sendPdf(reply: FastifyReply, pdf: Uint8Array, filename: string) {
  return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(Buffer.from(pdf));
}

/**
 * Billing (invoices, statements, accounting CSV), the interpreter calendar feed and the desk's
 * .ics export, and the published figures. Registered after registerInterpretingRoutes.
 */
export function registerInterpretingReportRoutes(app: ZodApp, deps: AppDeps): void {
  // --- Billing (interpreting.desk)
  app.get(
    '/api/v1/interpreting/billing/invoices',
    { schema: { tags, summary: 'Monthly invoices per customer organisation, from the stored charges', querystring: monthQuery, response: { 200: z.object({ month: z.string(), items: z.array(invoiceSchema) }) } } },
    async (request) => {
      const billing = await monthlyBilling(deps, actorContext(request), request.query.month);
      return { month: billing.month, items: billing.invoices };
    },
  );
  app.get(
    '/api/v1/interpreting/billing/statements',
    { schema: { tags, summary: 'Monthly statements per interpreter, from the stored charges', querystring: monthQuery, response: { 200: z.object({ month: z.string(), items: z.array(statementSchema) }) } } },
    async (request) => {
      const billing = await monthlyBilling(deps, actorContext(request), request.query.month);
      return { month: billing.month, items: billing.statements };
    },
  );
  app.get(
    '/api/v1/interpreting/billing/invoices.pdf',
    { schema: { tags, summary: 'The month’s invoices as PDF (one page or more per invoice)', querystring: monthQuery.extend({ organisationId: z.uuid().optional() }), produces: ['application/pdf'] } },
    async (request, reply) => {
      const ctx = actorContext(request);
      const billing = await monthlyBilling(deps, ctx, request.query.month);
      const invoices = selected(billing.invoices, request.query.organisationId, (i) => i.organisation.id, 'invoice');
      return sendPdf(reply, await invoicesPdf(invoices, ctx.locale, deps.clock()), `invoices-${billing.month}.pdf`);
    },
  );
  app.get(
    '/api/v1/interpreting/billing/statements.pdf',
    { schema: { tags, summary: 'The month’s interpreter statements as PDF', querystring: monthQuery.extend({ interpreterId: z.uuid().optional() }), produces: ['application/pdf'] } },
    async (request, reply) => {
      const ctx = actorContext(request);
      const billing = await monthlyBilling(deps, ctx, request.query.month);
      const statements = selected(billing.statements, request.query.interpreterId, (s) => s.interpreter.id, 'statement');
      return sendPdf(reply, await statementsPdf(statements, ctx.locale, deps.clock()), `statements-${billing.month}.pdf`);
    },
  );
  app.get(
    '/api/v1/interpreting/billing/export.csv',
    { schema: { tags, summary: 'Accounting export: semicolon-separated, one line per charge line, euro with a decimal comma', querystring: monthQuery, produces: ['text/csv'] } },
    async (request, reply) => {
      const billing = await monthlyBilling(deps, actorContext(request), request.query.month);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="interpreting-${billing.month}.csv"`)
        .send(billingCsv(billing));
    },
  );

  // --- Calendars
  app.post(
    '/api/v1/interpreting/interpreters/:id/calendar-token',
    {
      schema: {
        tags,
        summary: '(Re)issue the secret iCalendar feed URL of an interpreter (desk, or the interpreter); the old URL stops working',
        params: z.object({ id: z.uuid() }),
        headers: idempotencyHeader,
        response: { 201: z.object({ interpreterId: z.uuid(), token: z.string(), path: z.string() }) },
      },
    },
    (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({ status: 201, body: await issueCalendarToken(deps, ctx, request.params.id) }));
    },
  );
  app.delete(
    '/api/v1/interpreting/interpreters/:id/calendar-token',
    { schema: { tags, summary: 'Revoke the interpreter’s iCalendar feed', params: z.object({ id: z.uuid() }), response: { 200: z.object({ interpreterId: z.uuid() }) } } },
    async (request) => revokeCalendarToken(deps, actorContext(request), request.params.id),
  );
  app.get(
    '/api/v1/interpreting/calendar/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An interpreter’s offered and accepted assignments as iCalendar, at the secret URL {token}.ics',
        security: [],
        params: z.object({ file: z.string().max(60) }),
        produces: [ICS_CONTENT_TYPE],
      },
    },
    async (request, reply) => {
      const token = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -4) : '';
      const ics = token ? await interpreterFeed(deps, token, request.ctx.locale) : null;
      if (ics === null) throw notFound('calendar');
      return reply.header('content-type', ICS_CONTENT_TYPE).header('cache-control', 'private, no-store').send(ics);
    },
  );
  app.get(
    '/api/v1/interpreting/assignments/export',
    {
      schema: {
        tags,
        summary: 'All offered and accepted assignments of the coming N days in one .ics (the desk’s offline copy)',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(14) }),
        produces: [ICS_CONTENT_TYPE],
      },
    },
    async (request, reply) => {
      const ics = await exportAssignments(deps, actorContext(request), request.query.days);
      return reply.header('content-type', ICS_CONTENT_TYPE).header('content-disposition', 'attachment; filename="interpreting-assignments.ics"').send(ics);
    },
  );

  // --- Figures (interpreting.figures.read)
  app.get(
    '/api/v1/interpreting/figures',
    {
      schema: {
        tags,
        summary: 'The published table (figure 49) for a year: by channel, language, sector and month',
        querystring: yearQuery,
        response: {
          200: z.object({
            year: z.number(),
            byChannel: z.record(z.string(), counts),
            byLanguage: z.array(z.object({ language: z.string(), counts })),
            bySector: z.array(z.object({ sector: z.string(), counts })),
            byMonth: z.array(z.object({ month: z.string(), counts, requestsByChannel: z.record(z.string(), z.number()) })),
          }),
        },
      },
    },
    async (request) => publishedTable(deps, actorContext(request), request.query.year),
  );
  app.get(
    '/api/v1/interpreting/figures/bottleneck-languages',
    {
      schema: {
        tags,
        summary: 'Unanswered requests per language against the registered interpreters by status',
        querystring: yearQuery,
        response: {
          200: z.object({
            year: z.number(),
            items: z.array(
              bottleneckLanguageSchema,
            ),
          }),
        },
      },
    },
    async (request) => bottleneckLanguages(deps, actorContext(request), request.query.year),
  );
}
