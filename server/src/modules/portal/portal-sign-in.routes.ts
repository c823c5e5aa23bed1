import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { setPortalCookies, type AppDeps, type ZodApp } from '../../platform/http/app';
import { portalLocaleSchema } from './portal-identity.routes';
import { LOGIN_CODE_POLICY, completeOidcSignIn, requestEmailCode, signInOptions, startOidcSignIn, verifyEmailCode, type OidcFailure, type SignInRequest } from './portal-sign-in';

const tags = ['Newcomer portal'];
// Nobody is signed in yet: these routes are open, and a leftover cookie is ignored.
const open = { access: 'public' as const };
const email = z.email().max(254);
const redirect = z.null().describe('302 Found, with Location');

const signInRequest = (request: FastifyRequest): SignInRequest => ({ ctx: request.ctx, userAgent: request.headers['user-agent'] ?? null, log: request.log });
const signInErrorUrl = (reason: OidcFailure) => `/portal/?signInError=${reason}`;

/** The newcomer signs in: eID or itsme through OpenID Connect, or a one-time code by e-mail. */
export function registerPortalSignInRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/api/v1/portal/auth/options',
    {
      config: open,
      schema: {
        tags,
        summary: 'The ways of signing in this installation offers',
        security: [],
        response: { 200: z.object({ oidc: z.object({ enabled: z.boolean(), label: z.string() }), emailCode: z.boolean() }) },
      },
    },
    async () => signInOptions(deps),
  );

  app.post(
    '/api/v1/portal/auth/email-code',
    {
      config: open,
      schema: {
        tags,
        summary:
          `E-mail a ${LOGIN_CODE_POLICY.validMinutes}-minute one-time code to a portal account’s address. Always 202, whether the address is known or not; ` +
          `429 too-many-requests after ${LOGIN_CODE_POLICY.maxPerHour} codes in an hour, 503 mail-unavailable when the mail server fails`,
        security: [],
        body: z
          .object({
            email,
            locale: portalLocaleSchema.optional().describe('The language the portal is shown in; the mail is in the account’s language, and in this one too when it differs'),
          })
          .strict(),
        response: { 202: z.object({ sent: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await requestEmailCode(deps, signInRequest(request), request.body);
      return reply.code(202).send({ sent: true as const });
    },
  );

  app.post(
    '/api/v1/portal/auth/email-code/verify',
    {
      config: open,
      schema: {
        tags,
        summary: `Sign in with the e-mailed code: sets the portal cookies. A wrong, expired or used code, or the ${LOGIN_CODE_POLICY.maxTries + 1}th try, is 401 login-code-invalid`,
        security: [],
        body: z.object({ email, code: z.string().regex(/^\d{6}$/) }).strict(),
        response: { 200: z.object({ locale: portalLocaleSchema }) },
      },
    },
    async (request, reply) => {
      const { session, locale } = await verifyEmailCode(deps, signInRequest(request), request.body);
      setPortalCookies(request, reply, deps.cookieSecure, session);
      return { locale };
    },
  );

  app.get(
    '/api/v1/portal/auth/oidc/start',
    {
      config: open,
      schema: {
        tags,
        summary: 'Sign in with eID or itsme: redirects to the OpenID Connect provider (404 when none is configured)',
        security: [],
        querystring: z.object({ locale: portalLocaleSchema.default('nl') }),
        response: { 302: redirect },
      },
    },
    async (request, reply) => {
      const started = await startOidcSignIn(deps, signInRequest(request), request.query.locale);
      return reply.redirect(started.ok ? started.url : signInErrorUrl(started.reason));
    },
  );

  app.get(
    '/api/v1/portal/auth/oidc/callback',
    {
      config: open,
      schema: {
        tags,
        summary:
          'Where the provider sends the browser back: sets the portal cookies and redirects to /portal/, or to /portal/?signInError=oidc-failed|oidc-replayed|no-portal-account',
        security: [],
        // The provider may add parameters of its own (iss, session_state): all go to the token check as sent.
        querystring: z.looseObject({ state: z.string().optional(), code: z.string().optional(), error: z.string().optional() }),
        response: { 302: redirect },
      },
    },
    async (request, reply) => {
      const query = new URL(request.url, 'http://callback.invalid').searchParams;
      const result = await completeOidcSignIn(deps, signInRequest(request), query);
      if (!result.ok) return reply.redirect(signInErrorUrl(result.reason));
      setPortalCookies(request, reply, deps.cookieSecure, result.session);
      return reply.redirect('/portal/');
    },
  );
}
