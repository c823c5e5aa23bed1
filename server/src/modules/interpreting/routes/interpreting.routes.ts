import { z } from 'zod';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { idempotentWrite } from '../../../platform/http/idempotency';
import * as stv from '../interpreting.service';
import {
  absenceBody,
  assignmentSchema,
  cancelBody,
  candidatesSchema,
  completeBody,
  createInterpreterBody,
  createRequestBody,
  idParams,
  interpreterSchema,
  listRequestsQuery,
  notAnsweredBody,
  offerBody,
  requestSchema,
  respondBody,
} from '../interpreting.schema';

const tags = ['Interpreting and translation'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });
const chargeSchema = z.object({
  customerCents: z.number(),
  interpreterCents: z.number(),
  lines: z.array(z.object({ code: z.string(), cents: z.number(), quantity: z.number() })),
  ruleSetId: z.string(),
});

export function registerInterpretingRoutes(app: ZodApp, deps: AppDeps): void {
  const write = <T>(status: number, run: (ctx: ReturnType<typeof actorContext>) => Promise<T>) =>
    async (request: Parameters<typeof actorContext>[0], reply: Parameters<typeof idempotentWrite>[3]) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({ status, body: await run(ctx) }));
    };

  app.post('/api/v1/interpreting/interpreters', { schema: { tags, summary: 'Register an interpreter with languages, statuses, channels and availability', headers: idempotencyHeader, body: createInterpreterBody, response: { 201: interpreterSchema } } }, (request, reply) =>
    write(201, (ctx) => stv.createInterpreter(deps, ctx, request.body))(request, reply),
  );
  app.get(
    '/api/v1/interpreting/interpreters',
    { schema: { tags, summary: 'The interpreter register', querystring: z.object({ language: z.string().min(2).max(3).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }), response: { 200: z.object({ items: z.array(interpreterSchema) }) } } },
    async (request) => ({ items: await stv.listInterpreters(deps, actorContext(request), request.query) }),
  );
  app.post(
    '/api/v1/interpreting/interpreters/:id/absences',
    { schema: { tags, summary: 'Record an absence (desk, or the interpreter themself)', params: idParams, headers: idempotencyHeader, body: absenceBody, response: { 201: z.object({ interpreterId: z.uuid(), startsAt: z.string(), endsAt: z.string() }) } } },
    (request, reply) => write(201, (ctx) => stv.addAbsence(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.post('/api/v1/interpreting/requests', { schema: { tags, summary: 'Request interpreting (on site, phone, video) or a translation', headers: idempotencyHeader, body: createRequestBody, response: { 201: requestSchema } } }, (request, reply) =>
    write(201, (ctx) => stv.createRequest(deps, ctx, request.body))(request, reply),
  );
  app.get('/api/v1/interpreting/requests', { schema: { tags, summary: 'Requests: a customer sees its own, the desk all', querystring: listRequestsQuery, response: { 200: z.object({ items: z.array(requestSchema) }) } } }, async (request) => ({
    items: await stv.listRequests(deps, actorContext(request), request.query),
  }));
  app.get('/api/v1/interpreting/requests/:id', { schema: { tags, summary: 'One request with its status in the published table', params: idParams, response: { 200: requestSchema } } }, async (request) =>
    stv.getRequest(deps, actorContext(request), request.params.id),
  );
  app.get('/api/v1/interpreting/requests/:id/candidates', { schema: { tags, summary: 'Interpreters ranked for the request, with the reasons; phone and video alternatives', params: idParams, response: { 200: candidatesSchema } } }, async (request) =>
    stv.candidates(deps, actorContext(request), request.params.id),
  );
  app.post('/api/v1/interpreting/requests/:id/offer', { schema: { tags, summary: 'Offer the request to an interpreter (overlaps refused, also under concurrency)', params: idParams, headers: idempotencyHeader, body: offerBody, response: { 200: requestSchema } } }, (request, reply) =>
    write(200, (ctx) => stv.offer(deps, ctx, request.params.id, request.body.interpreterId))(request, reply),
  );
  app.post('/api/v1/interpreting/requests/:id/cancel', { schema: { tags, summary: 'Cancel; on time or late by the rules of the date (STV-08)', params: idParams, headers: idempotencyHeader, body: cancelBody, response: { 200: requestSchema } } }, (request, reply) =>
    write(200, (ctx) => stv.cancelRequest(deps, ctx, request.params.id, request.body.travelKm))(request, reply),
  );
  app.post('/api/v1/interpreting/requests/:id/not-answered', { schema: { tags, summary: 'Close a request nobody could take, with the reason', params: idParams, headers: idempotencyHeader, body: notAnsweredBody, response: { 200: requestSchema } } }, (request, reply) =>
    write(200, (ctx) => stv.markNotAnswered(deps, ctx, request.params.id, request.body.reason))(request, reply),
  );
  app.post('/api/v1/interpreting/assignments/:id/respond', { schema: { tags, summary: 'The interpreter accepts or declines an offer', params: idParams, headers: idempotencyHeader, body: respondBody, response: { 200: assignmentSchema } } }, (request, reply) =>
    write(200, (ctx) => stv.respond(deps, ctx, request.params.id, request.body.accept))(request, reply),
  );
  app.post('/api/v1/interpreting/assignments/:id/withdraw', { schema: { tags, summary: 'The interpreter can no longer do an accepted assignment: it is cancelled and the request goes back to the desk (STV-10)', params: idParams, headers: idempotencyHeader, response: { 200: assignmentSchema } } }, (request, reply) =>
    write(200, (ctx) => stv.withdrawAssignment(deps, ctx, request.params.id))(request, reply),
  );
  app.post(
    '/api/v1/interpreting/assignments/:id/complete',
    { schema: { tags, summary: 'Record the actual duration and travel; the charge follows the rules of the date', params: idParams, headers: idempotencyHeader, body: completeBody, response: { 200: z.object({ assignment: assignmentSchema, charge: chargeSchema }) } } },
    (request, reply) => write(200, (ctx) => stv.complete(deps, ctx, request.params.id, request.body))(request, reply),
  );
  app.get('/api/v1/interpreting/my-assignments', { schema: { tags, summary: 'The interpreter’s own offers and assignments', response: { 200: z.object({ interpreter: interpreterSchema, items: z.array(assignmentSchema) }) } } }, async (request) =>
    stv.myAssignments(deps, actorContext(request)),
  );
}
