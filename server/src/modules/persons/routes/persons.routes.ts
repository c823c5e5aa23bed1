import { z } from 'zod';
import { auditEventSchema } from '../../access';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { etagOf, expectedVersion } from '../../../platform/http/conditional';
import { idempotentWrite } from '../../../platform/http/idempotency';
import * as persons from '../persons.service';
import {
  accessLogQuery,
  createPersonBody,
  mergeBody,
  personIdParams,
  personSchema,
  personSummarySchema,
  searchPersonsQuery,
  unmergeBody,
  updatePersonBody,
} from '../persons.schema';

const tags = ['Persons'];
const ifMatchHeader = z.object({ 'if-match': z.string().optional().describe('The version from the ETag, e.g. "3"') });

export function registerPersonRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/api/v1/persons',
    {
      schema: {
        tags,
        summary: 'Register a person (possible duplicates are answered with 409 and the candidates)',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: createPersonBody,
        response: { 201: personSchema },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => {
        const person = await persons.createPerson(deps, ctx, request.body);
        return { status: 201, body: person, headers: { etag: etagOf(person.version), location: `/api/v1/persons/${person.id}` } };
      });
    },
  );

  app.get(
    '/api/v1/persons',
    {
      schema: {
        tags,
        summary: 'Find persons by name (any script or transliteration), INSZ or birth date',
        querystring: searchPersonsQuery,
        response: { 200: z.object({ items: z.array(personSummarySchema) }) },
      },
    },
    async (request) => ({ items: await persons.searchPersons(deps, actorContext(request), request.query.q, request.query.limit) }),
  );

  app.get(
    '/api/v1/persons/:id',
    { schema: { tags, summary: 'One person (the read is logged)', params: personIdParams, response: { 200: personSchema } } },
    async (request, reply) => {
      const person = await persons.getPerson(deps, actorContext(request), request.params.id);
      reply.header('etag', etagOf(person.version));
      return person;
    },
  );

  app.patch(
    '/api/v1/persons/:id',
    {
      schema: {
        tags,
        summary: 'Change a person; If-Match with the last seen version is required (409 when stale)',
        params: personIdParams,
        headers: ifMatchHeader,
        body: updatePersonBody,
        response: { 200: personSchema },
      },
    },
    async (request, reply) => {
      const person = await persons.updatePerson(
        deps,
        actorContext(request),
        request.params.id,
        expectedVersion(request.headers['if-match']),
        request.body,
      );
      reply.header('etag', etagOf(person.version));
      return person;
    },
  );

  app.get(
    '/api/v1/persons/:id/access-log',
    {
      schema: {
        tags,
        summary: 'Who read or changed this person, with organisation, role and purpose',
        params: personIdParams,
        querystring: accessLogQuery,
        response: { 200: z.object({ items: z.array(auditEventSchema) }) },
      },
    },
    async (request) => ({
      items: await persons.personAccessLog(deps, actorContext(request), request.params.id, request.query.limit, request.query.before ?? null),
    }),
  );

  app.post(
    '/api/v1/persons/:id/merge',
    {
      schema: { tags, summary: 'Merge this duplicate into another person (reversible)', params: personIdParams, body: mergeBody, response: { 200: personSchema } },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 200,
        body: await persons.mergePerson(deps, ctx, request.params.id, request.body.intoId, request.body.reason),
      }));
    },
  );

  app.post(
    '/api/v1/persons/:id/unmerge',
    { schema: { tags, summary: 'Undo the merge of this person', params: personIdParams, body: unmergeBody, response: { 200: personSchema } } },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 200,
        body: await persons.unmergePerson(deps, ctx, request.params.id, request.body.reason),
      }));
    },
  );
}
