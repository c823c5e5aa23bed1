import { z } from 'zod';
import { actorContext, clearSessionCookies, setSessionCookies, type AppDeps, type ZodApp } from '../../../platform/http/app';
import * as access from '../access.service';
import { idParams, sessionInfoResponse, sessionListResponse, signInBody, signInResponse } from '../access.schema';
import { allowedPurposes, permissionsOf } from '../roles';

const tags = ['Session'];

export function registerSessionRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/api/v1/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with e-mail, password and, when enabled, a TOTP code',
        body: signInBody,
        response: { 200: signInResponse },
        security: [],
      },
    },
    async (request, reply) => {
      const result = await access.signIn(deps, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
        ip: request.ip ?? null,
      });
      setSessionCookies(request, reply, deps.cookieSecure, result);
      return {
        token: result.token,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        mfaSetupRequired: result.mfaSetupRequired,
        user: result.user,
      };
    },
  );

  app.get(
    '/api/v1/session',
    { config: { access: 'mfa-setup' }, schema: { tags, summary: 'The signed-in user, purpose and permissions', response: { 200: sessionInfoResponse } } },
    async (request) => {
      const ctx = actorContext(request);
      const user = ctx.actor.userId ? await access.getCurrentUser(deps, ctx) : null;
      const mfaSetupRequired = request.ctx.mfaPending;
      return {
        user,
        mfaSetupRequired,
        purpose: ctx.actor.purpose,
        allowedPurposes: allowedPurposes(ctx.actor.roles),
        permissions: [...permissionsOf(ctx.actor.roles)],
      };
    },
  );

  app.delete(
    '/api/v1/session',
    { config: { access: 'mfa-setup' }, schema: { tags, summary: 'Sign out (revokes this session)', response: { 204: z.null() } } },
    async (request, reply) => {
      await access.signOut(deps, actorContext(request));
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/session/sessions',
    { schema: { tags, summary: 'My open sessions', response: { 200: sessionListResponse } } },
    async (request) => ({ items: await access.listMySessions(deps, actorContext(request)) }),
  );

  app.delete(
    '/api/v1/session/sessions/:id',
    { schema: { tags, summary: 'Revoke one of my sessions', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await access.revokeMySession(deps, actorContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/session/mfa/setup',
    {
      config: { access: 'mfa-setup' },
      schema: { tags, summary: 'Start setting up a TOTP second factor', response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) } },
    },
    async (request) => access.beginMfaSetup(deps, actorContext(request)),
  );

  app.post(
    '/api/v1/session/mfa/confirm',
    {
      config: { access: 'mfa-setup' },
      schema: {
        tags,
        summary: 'Confirm the second factor with a code from the authenticator app',
        body: z.object({ code: z.string().regex(/^\d{6}$/) }).strict(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await access.confirmMfaSetup(deps, actorContext(request), request.body.code);
      return reply.code(204).send(null);
    },
  );
}
