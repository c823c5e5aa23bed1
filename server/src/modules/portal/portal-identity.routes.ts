import { z } from 'zod';
import { actorContext, clearPortalCookies, type AppDeps, type ZodApp } from '../../platform/http/app';
import { idempotentWrite } from '../../platform/http/idempotency';
import * as identity from './portal-identity';

const tags = ['Newcomer portal'];
const personParams = z.object({ personId: z.uuid() });
export const portalLocaleSchema = z.enum(identity.PORTAL_LOCALES);
const accountSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  email: z.string(),
  locale: portalLocaleSchema,
  oidcLinked: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
const portal = { access: 'portal' as const };

/** Staff linking a person to the portal, and the signed-in newcomer about themselves. */
export function registerPortalIdentityRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/api/v1/persons/:personId/portal-account',
    {
      schema: {
        tags,
        summary: 'Open the portal for a person: their e-mail receives one-time sign-in codes; eID or itsme sign-in matches the person by INSZ',
        params: personParams,
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: z.object({ email: z.email().max(254), locale: portalLocaleSchema.default('nl') }).strict(),
        response: { 201: accountSchema },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({ status: 201, body: await identity.linkAccount(deps, ctx, request.params.personId, request.body) }));
    },
  );
  app.get('/api/v1/persons/:personId/portal-account', { schema: { tags, summary: 'The person’s portal account', params: personParams, response: { 200: accountSchema } } }, async (request) =>
    identity.getAccount(deps, actorContext(request), request.params.personId),
  );
  app.delete('/api/v1/persons/:personId/portal-account', { schema: { tags, summary: 'Close the person’s portal account and end its sessions', params: personParams } }, async (request, reply) => {
    await identity.disableAccount(deps, actorContext(request), request.params.personId);
    return reply.code(204).send();
  });

  app.get(
    '/api/v1/portal/me',
    {
      config: portal,
      schema: {
        tags,
        summary: 'The signed-in newcomer: name, portal language and the state of their trajectory',
        response: { 200: z.object({ givenName: z.string(), familyName: z.string(), locale: portalLocaleSchema, dossierStatus: z.string().nullable() }) },
      },
    },
    async (request) => identity.me(deps, identity.portalContextOf(request.ctx)),
  );
  app.put(
    '/api/v1/portal/me/locale',
    { config: portal, schema: { tags, summary: 'The portal language (also of e-mails and document summaries)', body: z.object({ locale: portalLocaleSchema }).strict(), response: { 200: z.object({ locale: portalLocaleSchema }) } } },
    async (request) => identity.setLocale(deps, identity.portalContextOf(request.ctx), request.body.locale),
  );
  app.post('/api/v1/portal/auth/sign-out', { config: portal, schema: { tags, summary: 'Sign out of the portal' } }, async (request, reply) => {
    await identity.endPortalSession(deps.db, identity.portalContextOf(request.ctx), deps.clock());
    clearPortalCookies(reply);
    return reply.code(204).send();
  });
}
