import { z } from 'zod';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { etagOf, expectedVersion } from '../../../platform/http/conditional';
import { idempotentWrite } from '../../../platform/http/idempotency';
import * as admin from '../administration.service';
import {
  apiTokenSchema,
  createOrganisationBody,
  createUserBody,
  idParams,
  issueApiTokenBody,
  organisationSchema,
  updateOrganisationBody,
  updateUserBody,
  userSchema,
} from '../access.schema';
import type { OrganisationRow } from '../access.queries';

const organisationView = (o: OrganisationRow) => ({
  id: o.id,
  tenantId: o.tenant_id,
  kind: o.kind,
  partnerType: o.partner_type,
  code: o.code,
  name: o.name,
  requiresMfa: o.requires_mfa,
});

export function registerAdministrationRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/api/v1/users',
    { schema: { tags: ['Users'], summary: 'Users of my agency', response: { 200: z.object({ items: z.array(userSchema) }) } } },
    async (request) => ({ items: await admin.listUsers(deps, actorContext(request)) }),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['Users'],
        summary: 'Create a user in an organisation of my agency',
        body: createUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => {
        const user = await admin.createUser(deps, ctx, request.body);
        return { status: 201, body: user, headers: { etag: etagOf(user.version), location: `/api/v1/users/${user.id}` } };
      });
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['Users'],
        summary: 'Change roles, name, language; disable, unlock, reset password or second factor',
        params: idParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    async (request, reply) => {
      const user = await admin.updateUser(
        deps,
        actorContext(request),
        request.params.id,
        expectedVersion(request.headers['if-match']),
        request.body,
      );
      reply.header('etag', etagOf(user.version));
      return user;
    },
  );

  app.get(
    '/api/v1/organisations',
    {
      schema: { tags: ['Organisations'], summary: 'My agency and its partner organisations', response: { 200: z.object({ items: z.array(organisationSchema) }) } },
    },
    async (request) => ({ items: (await admin.listOrganisations(deps, actorContext(request))).map(organisationView) }),
  );

  app.post(
    '/api/v1/organisations',
    { schema: { tags: ['Organisations'], summary: 'Add a partner organisation', body: createOrganisationBody, response: { 201: organisationSchema } } },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 201,
        body: organisationView(await admin.createOrganisation(deps, ctx, request.body)),
      }));
    },
  );

  app.patch(
    '/api/v1/organisations/:id',
    {
      schema: { tags: ['Organisations'], summary: 'Rename, or require a second factor', params: idParams, body: updateOrganisationBody, response: { 200: organisationSchema } },
    },
    async (request) => organisationView(await admin.updateOrganisation(deps, actorContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/api-tokens',
    { schema: { tags: ['API tokens'], summary: 'Partner API tokens of my agency', response: { 200: z.object({ items: z.array(apiTokenSchema) }) } } },
    async (request) => ({ items: await admin.listApiTokens(deps, actorContext(request)) }),
  );

  app.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'Issue a bearer token for a partner system (the secret is shown once)',
        body: issueApiTokenBody,
        response: { 201: apiTokenSchema.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 201,
        body: await admin.issueApiToken(deps, ctx, request.body),
      }));
    },
  );

  app.delete(
    '/api/v1/api-tokens/:id',
    { schema: { tags: ['API tokens'], summary: 'Revoke a token', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await admin.revokeApiToken(deps, actorContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
