import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppDeps, type ZodApp } from '../../platform/http/app';
import { registerRoutes } from '../../platform/server';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { bootstrapAdministrator } from './administration.service';

let database: TestDatabase;
let app: ZodApp;
let deps: AppDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => new Date(), sessionTtlMs: 3600_000, webDist: null, cookieSecure: false, logger: pino({ level: 'silent' }) };
  app = await buildApp(deps);
  registerRoutes(app, deps);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('first start without a configured administrator (issue 2 §1)', () => {
  it('prints a one-time set-up link that creates the first administrator once', async () => {
    const first = await bootstrapAdministrator(deps, null);
    expect(first.created).toBe('setup-token');
    const token = first.created === 'setup-token' ? first.token : '';
    const body = { token, email: 'first@agii.test', displayName: 'First Admin', password: 'a long first password' };
    const weak = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ field: 'password', code: 'too-short' });
    const created = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json().roles).toEqual(['administrator']);
    const again = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, email: 'second@agii.test' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().type).toBe('urn:kruispunt:problem:setup-token-invalid');
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: body.email, password: body.password } });
    expect(signIn.statusCode).toBe(200);
    // Once a user exists, a restart neither creates an administrator nor prints a new link.
    expect((await bootstrapAdministrator(deps, { email: 'other@agii.test', password: 'another long password' })).created).toBe('nothing');
  });
});
