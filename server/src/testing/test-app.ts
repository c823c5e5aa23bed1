import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { bootstrapAdministrator, createAgencyAdministrator } from '../modules/access/administration.service';
import type { UploadSettings } from '../platform/config';
import type { Database } from '../platform/db/database';
import { buildApp, type AppDeps, type ZodApp } from '../platform/http/app';
import { findLiveAccountById, startPortalSession } from '../modules/portal/portal-identity';
import type { PortalSignInDeps } from '../modules/portal/portal-sign-in';
import { composeInsz } from '../modules/persons/rules/insz';
import { registerRoutes } from '../platform/server';
import { createTestDatabase } from './test-database';

export const AGII = '00000000-0000-4000-8000-000000000001';
export const ATLAS = '00000000-0000-4000-8000-000000000002';
export const ADMIN = { email: 'admin@agii.test', password: 'correct horse battery staple' };
export const PASSWORD = 'a long enough password';

/** A settable clock, so tests move time instead of sleeping. */
export class TestClock {
  constructor(public now = new Date('2026-03-02T09:00:00Z')) {}
  readonly read = () => new Date(this.now);
  advance(ms: number) {
    this.now = new Date(this.now.getTime() + ms);
  }
}

export interface Caller {
  token: string;
  userId: string;
  request(method: string, url: string, opts?: { body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/** A newcomer in their portal: the portal cookies and the CSRF header go with every request. */
export interface PortalCaller {
  accountId: string;
  personId: string;
  request(method: string, url: string, opts?: { body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: ZodApp;
  db: Database;
  clock: TestClock;
  admin: Caller;
  /** An admin of the Antwerp agency, for tenancy tests. */
  signIn(email: string, password: string, totpCode?: string): Promise<LightMyRequestResponse>;
  caller(email: string, password: string): Promise<Caller>;
  /** A first administrator of another agency, created the operator's way. */
  agencyAdmin(agencyCode: string): Promise<Caller>;
  /** Creates a user through the API (as the AgII admin unless another admin is given) and signs it in. */
  user(roles: string[], opts?: { organisationId?: string; as?: Caller; email?: string }): Promise<Caller>;
  /**
   * A newcomer signed in to the portal: a case worker (`as`, or a new one) links an account to the
   * person through the API, and a session starts as after a correct e-mail code.
   */
  newcomer(personId: string, opts?: { as?: Caller; email?: string; locale?: string }): Promise<PortalCaller>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The portal's OpenID Connect provider and mail (by default neither: those sign-ins are off). */
  portalSignIn?: PortalSignInDeps;
  /** Newcomers' uploads: size limit and virus scanner (by default 10 MB and no scanner). */
  uploads?: UploadSettings;
  /** A read replica the management reports read from (by default none: they read the primary). */
  replica?: Database;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { db, drop } = await createTestDatabase();
  const clock = new TestClock();
  const deps: AppDeps = {
    db,
    clock: clock.read,
    sessionTtlMs: 8 * 3600_000,
    sleep: async () => undefined,
    webDist: null,
    cookieSecure: false,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...(options.portalSignIn ? { portalSignIn: options.portalSignIn } : {}),
    ...(options.uploads ? { uploads: options.uploads } : {}),
    ...(options.replica ? { replica: options.replica } : {}),
  };
  await bootstrapAdministrator(deps, ADMIN);
  const app = await buildApp(deps);
  registerRoutes(app, deps);
  await app.ready();

  const signIn = (email: string, password: string, totpCode?: string) =>
    app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password, ...(totpCode ? { totpCode } : {}) } });

  const caller = async (email: string, password: string): Promise<Caller> => {
    const res = await signIn(email, password);
    if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.body}`);
    const { token, user } = res.json();
    return {
      token,
      userId: user.id,
      request: (method, url, opts = {}) =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { authorization: `Bearer ${token}`, ...opts.headers },
          ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
        }),
    };
  };

  const admin = await caller(ADMIN.email, ADMIN.password);
  let counter = 0;
  const user: TestApp['user'] = async (roles, opts = {}) => {
    const email = opts.email ?? `${roles[0]}-${++counter}-${randomUUID().slice(0, 6)}@test.be`;
    const res = await (opts.as ?? admin).request('POST', '/api/v1/users', {
      body: { email, displayName: `Test ${roles.join(' ')}`, organisationId: opts.organisationId ?? AGII, roles, password: PASSWORD },
    });
    if (res.statusCode !== 201) throw new Error(`user creation failed: ${res.body}`);
    return caller(email, PASSWORD);
  };

  const agencyAdmin = async (agencyCode: string) => {
    const email = `admin-${agencyCode}-${randomUUID().slice(0, 6)}@test.be`;
    await createAgencyAdministrator(deps, { agencyCode, email, displayName: `Admin ${agencyCode}`, password: PASSWORD });
    return caller(email, PASSWORD);
  };

  const newcomer: TestApp['newcomer'] = async (personId, opts = {}) => {
    const staff = opts.as ?? (await user(['case-worker']));
    const email = opts.email ?? `newcomer-${++counter}-${randomUUID().slice(0, 6)}@example.org`;
    const res = await staff.request('POST', `/api/v1/persons/${personId}/portal-account`, { body: { email, locale: opts.locale ?? 'nl' } });
    if (res.statusCode !== 201) throw new Error(`portal account failed: ${res.body}`);
    const account = await findLiveAccountById(db, res.json().id);
    const session = await startPortalSession(db, account!, 'email-code', { now: clock.read(), userAgent: 'test', ip: null });
    return {
      accountId: account!.id,
      personId,
      request: (method, url, requestOpts = {}) =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { cookie: `kp_portal=${session.token}; kp_portal_csrf=${session.csrfToken}`, 'x-csrf-token': session.csrfToken, ...requestOpts.headers },
          ...(requestOpts.body !== undefined ? { payload: requestOpts.body as object } : {}),
        }),
    };
  };

  return {
    app,
    db,
    clock,
    admin,
    newcomer,
    agencyAdmin,
    signIn,
    caller,
    user,
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** A valid INSZ for a birth date and sequence (check digits per the register's modulo-97 rule). */
export function makeInsz(birthDate: string, sequence: number): string {
  return composeInsz(birthDate, sequence);
}
