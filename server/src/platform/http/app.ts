import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { authenticate } from '../../modules/access/access.service';
import type { AccessDeps } from '../../modules/access/access.service';
import { tokenHash } from '../../modules/access/credentials';
import { authenticatePortal } from '../../modules/portal/portal-identity';
import type { PortalSignInDeps } from '../../modules/portal/portal-sign-in';
import type { UploadSettings } from '../config';
import type { ActorContext, RequestContext } from '../context';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { negotiateLocale } from '../i18n/i18n';
import { sendProblem } from './problem';

export type ZodApp = FastifyInstance<any, any, any, Logger, ZodTypeProvider>;

/**
 * How a route is reached: `public` needs nobody; `user` (the default) needs a live staff session or
 * token; `portal` needs a newcomer's portal session (its own cookie, never a staff credential).
 */
export type RouteAccess = 'public' | 'user' | 'mfa-setup' | 'portal';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface AppDeps extends AccessDeps {
  webDist: string | null;
  /** The read replica (DATABASE_REPLICA_URL) that management reports read from; absent: they read `db`. */
  replica?: Database;
  /** The newcomer's portal (portal/dist), served at /portal/. */
  portalDist?: string | null;
  /** How newcomers sign in to the portal: OpenID Connect and the mail for one-time codes. */
  portalSignIn?: PortalSignInDeps;
  /** Newcomers' uploads: size limit and virus scanner (default: 10 MB, no scanner). */
  uploads?: UploadSettings;
  trustProxy?: boolean;
  cookieSecure: 'auto' | boolean;
  logger: Logger;
}

export const SESSION_COOKIE = 'kp_session';
export const CSRF_COOKIE = 'kp_csrf';
export const PORTAL_COOKIE = 'kp_portal';
export const PORTAL_CSRF_COOKIE = 'kp_portal_csrf';
export const BODY_LIMIT_BYTES = 256 * 1024;
const DOCS_PREFIX = '/api/v1/docs';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The context of an authenticated route; routes declared `public` must not call this. */
export function actorContext(request: FastifyRequest): ActorContext {
  if (!request.ctx.actor) throw new AppError('unauthenticated');
  return request.ctx as ActorContext;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated');
  return match[1]!;
}

async function authenticateRequest(deps: AppDeps, request: FastifyRequest): Promise<void> {
  const access = request.routeOptions.config.access ?? 'user';
  // Public routes (sign-in, set-up, the OpenAPI document) act for nobody: a leftover cookie is ignored.
  if (access === 'public') return;
  if (access === 'portal') return authenticatePortalRequest(deps, request);
  const bearer = bearerToken(request);
  const token = bearer ?? request.cookies[SESSION_COOKIE];
  if (!token) throw new AppError('unauthenticated');
  const purposeHeader = request.headers['x-purpose'];
  const result = await authenticate(deps, token, typeof purposeHeader === 'string' ? purposeHeader : undefined);
  if (!result) throw new AppError(bearer ? 'unauthenticated' : 'session-expired');
  // Cookies are sent by the browser on its own; a bearer token is not, so only cookies need CSRF proof.
  if (!bearer && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || tokenHash(sent) !== result.csrfTokenHash) throw new AppError('csrf');
  }
  if (result.mfaPending && access === 'user') throw new AppError('forbidden', { values: { permission: 'mfa-setup' } });
  request.ctx.actor = result.actor;
  request.ctx.mfaPending = result.mfaPending;
  if (!request.headers['accept-language']) request.ctx.locale = result.locale;
}

/** Portal routes take the portal cookie only: a staff session or API token does not open them. */
async function authenticatePortalRequest(deps: AppDeps, request: FastifyRequest): Promise<void> {
  const token = request.cookies[PORTAL_COOKIE];
  if (!token) throw new AppError('unauthenticated');
  const result = await authenticatePortal(deps.db, token, deps.clock());
  if (!result) throw new AppError('session-expired');
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || tokenHash(sent) !== result.csrfTokenHash) throw new AppError('csrf');
  }
  request.ctx.actor = result.actor;
  request.ctx.portal = result.portal;
}

export async function buildApp(deps: AppDeps): Promise<ZodApp> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    trustProxy: deps.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: any other body is refused with 415 instead of reaching validation as a string.
  app.removeContentTypeParser(['text/plain']);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kruispunt API',
        version: '1',
        description:
          'The civic-integration platform API. Every web page uses it; partner systems too. Errors are application/problem+json. ' +
          'Authenticate with the session cookie (plus X-CSRF-Token on writes) or `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX });

  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = {
      requestId: request.id,
      locale: negotiateLocale(request.headers['accept-language']),
      ip: request.ip ?? null,
      actor: null,
      mfaPending: false,
    };
    reply.header('X-Request-Id', request.id);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    // Who asks is settled before the body is read or validated: no credentials, no validation detail.
    // The reference page (/api/v1/docs) is public documentation; everything else under /api/v1 is guarded.
    const guarded = request.url.startsWith('/api/v1/') && !request.url.startsWith(`${DOCS_PREFIX}/`) && request.url !== DOCS_PREFIX;
    if (guarded && request.routeOptions.url) await authenticateRequest(deps, request);
  });
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) => {
    const portalDist = deps.portalDist;
    if (request.method === 'GET' && request.url.startsWith('/portal') && portalDist && existsSync(join(portalDist, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html', portalDist);
    }
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && deps.webDist;
    if (wantsPage && existsSync(join(deps.webDist!, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(request, reply, new AppError('not-found', { values: { what: request.url } }));
  });

  if (deps.webDist && existsSync(deps.webDist)) {
    await app.register(fastifyStatic, { root: deps.webDist, wildcard: false, index: 'index.html', preCompressed: false });
  }
  if (deps.portalDist && existsSync(deps.portalDist)) {
    // Built with .gz and .br beside each file (portal/vite.config.ts): phones on weak networks get them compressed.
    await app.register(fastifyStatic, { root: deps.portalDist, prefix: '/portal/', wildcard: false, index: 'index.html', preCompressed: true, decorateReply: false });
  }

  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  return app;
}

/** Sets the session and CSRF cookies after a sign-in. */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  cookieSecure: 'auto' | boolean,
  session: { token: string; csrfToken: string; expiresAt: Date },
): void {
  const secure = cookieSecure === 'auto' ? request.protocol === 'https' : cookieSecure;
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expiresAt });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, expires: session.expiresAt });
}

/** Sets the portal session and its CSRF cookie after a newcomer signed in. */
export function setPortalCookies(request: FastifyRequest, reply: FastifyReply, cookieSecure: 'auto' | boolean, session: { token: string; csrfToken: string; expiresAt: Date }): void {
  const secure = cookieSecure === 'auto' ? request.protocol === 'https' : cookieSecure;
  // Lax, not strict: the OpenID Connect provider sends the browser back here with a top-level redirect.
  reply.setCookie(PORTAL_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expiresAt });
  reply.setCookie(PORTAL_CSRF_COOKIE, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, expires: session.expiresAt });
}

export function clearPortalCookies(reply: FastifyReply): void {
  reply.clearCookie(PORTAL_COOKIE, { path: '/' });
  reply.clearCookie(PORTAL_CSRF_COOKIE, { path: '/' });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export type { Database };
