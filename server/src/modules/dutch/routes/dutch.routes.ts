import { z } from 'zod';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { idempotentWrite } from '../../../platform/http/idempotency';
import { isoDate } from '../../../platform/schema';
import * as dutch from '../dutch.service';
import {
  adviceTypeView,
  confirmEnrolmentBody,
  conversationListQuery,
  conversationView,
  createConversationBody,
  createModuleBody,
  createStartMomentBody,
  idParams,
  inboxQuery,
  moduleListQuery,
  moduleView,
  needsPlanQuery,
  needsPlanView,
  placeBody,
  placementListQuery,
  placementView,
  providerParams,
  providerView,
  recordAdviceBody,
  recordTestBody,
  resultBody,
  resultView,
  startMomentView,
  waitingListBody,
  writeHeaders,
} from '../dutch.schema';
import { ICS_CONTENT_TYPE } from '../../../platform/ical';

const tags = ['Dutch (NT2)'];
const calendarResponse = { produces: ['text/calendar'] };

export function registerDutchRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/api/v1/nt2/advice-types',
    { schema: { tags, summary: 'The NT2 advice types with provider kinds and length (ENT-20)', response: { 200: z.object({ items: z.array(adviceTypeView) }) } } },
    async (request) => ({ items: dutch.adviceTypes(actorContext(request)) }),
  );

  /* conversations */

  app.post(
    '/api/v1/nt2/conversations',
    {
      schema: {
        tags,
        summary: 'Plan an NT2 conversation (NT2-gesprek) or a test-only conversation (niveautest), also for a person without a trajectory',
        headers: writeHeaders,
        body: createConversationBody,
        response: { 201: conversationView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => {
        const view = await dutch.createConversation(deps, ctx, request.body);
        return { status: 201, body: view, headers: { location: `/api/v1/nt2/conversations/${view.id}` } };
      });
    },
  );

  app.get(
    '/api/v1/nt2/conversations',
    {
      schema: {
        tags,
        summary: 'NT2 conversations by appointment time, of a person or in a period',
        querystring: conversationListQuery,
        response: { 200: z.object({ items: z.array(conversationView) }) },
      },
    },
    async (request) => ({ items: await dutch.listConversations(deps, actorContext(request), request.query) }),
  );

  app.get(
    '/api/v1/nt2/conversations/:id',
    { schema: { tags, summary: 'An NT2 conversation with its tests and binding advice (the read is logged)', params: idParams, response: { 200: conversationView } } },
    async (request) => dutch.getConversation(deps, actorContext(request), request.params.id),
  );

  app.post(
    '/api/v1/nt2/conversations/:id/tests',
    {
      schema: {
        tags,
        summary: 'Record a Dutch test taken: covaar, CBE or CVO entry test, Latin script, certifying test (ENT-22)',
        params: idParams,
        headers: writeHeaders,
        body: recordTestBody,
        response: { 201: conversationView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 201,
        body: await dutch.recordTest(deps, ctx, request.params.id, request.body),
      }));
    },
  );

  app.post(
    '/api/v1/nt2/conversations/:id/advice',
    {
      schema: {
        tags,
        summary: 'End the conversation in its one binding NT2 advice (R-15) of an ENT-20 type; a second advice is refused (409)',
        params: idParams,
        headers: writeHeaders,
        body: recordAdviceBody,
        response: { 201: conversationView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 201,
        body: await dutch.recordAdvice(deps, ctx, request.params.id, request.body),
      }));
    },
  );

  app.get(
    '/api/v1/nt2/conversations/:id/calendar',
    { schema: { tags, summary: 'The conversation appointment as iCalendar (RFC 5545)', params: idParams, ...calendarResponse } },
    async (request, reply) => {
      const text = await dutch.conversationCalendar(deps, actorContext(request), request.params.id);
      reply.header('content-disposition', `attachment; filename="nt2-conversation-${request.params.id}.ics"`);
      return reply.type(ICS_CONTENT_TYPE).send(text);
    },
  );

  /* providers and their offer */

  app.get(
    '/api/v1/nt2/providers',
    { schema: { tags, summary: 'Dutch-course providers (CBE, CVO, UTC, ...); a provider user sees its own organisation', response: { 200: z.object({ items: z.array(providerView) }) } } },
    async (request) => ({ items: await dutch.listProviders(deps, actorContext(request)) }),
  );

  app.post(
    '/api/v1/nt2/providers/:providerId/modules',
    {
      schema: {
        tags,
        summary: 'Publish a module of the own offer, with the advice types it serves (ENT-20 decides which suit the provider kind)',
        params: providerParams,
        headers: writeHeaders,
        body: createModuleBody,
        response: { 201: moduleView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 201,
        body: await dutch.createModule(deps, ctx, request.params.providerId, request.body),
      }));
    },
  );

  app.post(
    '/api/v1/nt2/modules/:id/start-moments',
    {
      schema: {
        tags,
        summary: 'Add a start moment (startmoment) with its capacity to an own module',
        params: idParams,
        headers: writeHeaders,
        body: createStartMomentBody,
        response: { 201: startMomentView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 201,
        body: await dutch.createStartMoment(deps, ctx, request.params.id, request.body),
      }));
    },
  );

  app.get(
    '/api/v1/nt2/modules',
    {
      schema: {
        tags,
        summary: 'The NT2 offer: modules with their start moments and free seats, optionally for one advice type',
        querystring: moduleListQuery,
        response: { 200: z.object({ items: z.array(moduleView) }) },
      },
    },
    async (request) => ({ items: await dutch.listModules(deps, actorContext(request), request.query) }),
  );

  app.get(
    '/api/v1/nt2/start-moments/:id/calendar',
    { schema: { tags, summary: 'A start moment as an all-day iCalendar event (RFC 5545)', params: idParams, ...calendarResponse } },
    async (request, reply) => {
      const text = await dutch.startMomentCalendar(deps, actorContext(request), request.params.id);
      reply.header('content-disposition', `attachment; filename="nt2-start-moment-${request.params.id}.ics"`);
      return reply.type(ICS_CONTENT_TYPE).send(text);
    },
  );

  app.get(
    '/api/v1/nt2/providers/:providerId/calendar',
    {
      schema: {
        tags,
        summary: 'All start moments of a provider as one iCalendar feed',
        params: providerParams,
        querystring: z.object({ from: isoDate.optional() }),
        ...calendarResponse,
      },
    },
    async (request, reply) => {
      const text = await dutch.providerCalendar(deps, actorContext(request), request.params.providerId, request.query.from);
      reply.header('content-disposition', `attachment; filename="nt2-start-moments.ics"`);
      return reply.type(ICS_CONTENT_TYPE).send(text);
    },
  );

  /* placements */

  app.post(
    '/api/v1/nt2/placements',
    {
      schema: {
        tags,
        summary: 'Place a person in a start moment that fits the binding advice (R-15); full (409) and double placements (409) are refused',
        headers: writeHeaders,
        body: placeBody,
        response: { 201: placementView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => {
        const view = await dutch.place(deps, ctx, request.body);
        return { status: 201, body: view, headers: { location: `/api/v1/nt2/placements/${view.id}` } };
      });
    },
  );

  app.post(
    '/api/v1/nt2/providers/:providerId/waiting-list',
    {
      schema: {
        tags,
        summary: 'Put a person on the provider waiting list under the binding advice (counted as demand in the needs plan)',
        params: providerParams,
        headers: writeHeaders,
        body: waitingListBody,
        response: { 201: placementView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 201,
        body: await dutch.putOnWaitingList(deps, ctx, request.params.providerId, request.body),
      }));
    },
  );

  app.get(
    '/api/v1/nt2/placements',
    {
      schema: {
        tags,
        summary: 'Placements and waiting entries, of a person or all (for the consultant)',
        querystring: placementListQuery,
        response: { 200: z.object({ items: z.array(placementView) }) },
      },
    },
    async (request) => ({ items: await dutch.listPlacements(deps, actorContext(request), request.query) }),
  );

  app.get(
    '/api/v1/nt2/provider-inbox',
    {
      schema: {
        tags,
        summary: 'Incoming placements and waiting entries of the own provider organisation only, with who is placed',
        querystring: inboxQuery,
        response: { 200: z.object({ items: z.array(placementView) }) },
      },
    },
    async (request) => ({ items: await dutch.providerInbox(deps, actorContext(request), request.query) }),
  );

  app.post(
    '/api/v1/nt2/placements/:id/enrolment',
    {
      schema: {
        tags,
        summary: 'Confirm the enrolment (inschrijving); recorded in the running dossier (record-nt2-enrolment) in the same transaction',
        params: idParams,
        headers: writeHeaders,
        body: confirmEnrolmentBody,
        response: { 200: placementView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 200,
        body: await dutch.confirmEnrolment(deps, ctx, request.params.id, request.body),
      }));
    },
  );

  app.post(
    '/api/v1/nt2/placements/:id/results',
    {
      schema: {
        tags,
        summary: 'Report a level result or the standardised A2 test (R-13); it reaches the NT2 pillar of the running dossier',
        params: idParams,
        headers: writeHeaders,
        body: resultBody,
        response: { 201: resultView },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 201,
        body: await dutch.recordResult(deps, ctx, request.params.id, request.body),
      }));
    },
  );

  /* needs plan */

  app.get(
    '/api/v1/nt2/needs-plan',
    {
      schema: {
        tags,
        summary: 'NT2 needs plan: open demand (unplaced advices, waiting persons) against planned seats by quarter, region and advice type',
        querystring: needsPlanQuery,
        response: { 200: needsPlanView },
      },
    },
    async (request) => dutch.needsPlan(deps, actorContext(request), request.query),
  );
}
