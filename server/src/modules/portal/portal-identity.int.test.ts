import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { newPerson, runningDossier } from '../../testing/dossier-fixtures';
import { PORTAL_IDLE_MS } from './portal-identity';

let t: TestApp;
let caseWorker: Caller;

beforeAll(async () => {
  t = await createTestApp();
  caseWorker = await t.user(['case-worker']);
});
afterAll(async () => {
  await t?.close();
});

describe('portal accounts and sessions (issue 6 §1)', () => {
  it('a case worker links a portal account; one live account per person and per e-mail', async () => {
    const person = await newPerson(caseWorker);
    const linked = await caseWorker.request('POST', `/api/v1/persons/${person.id}/portal-account`, { body: { email: 'Amina@Example.org', locale: 'ar' } });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({ personId: person.id, email: 'amina@example.org', locale: 'ar', oidcLinked: false, lastSignInAt: null });
    const again = await caseWorker.request('POST', `/api/v1/persons/${person.id}/portal-account`, { body: { email: 'other@example.org' } });
    expect(again.json()).toMatchObject({ status: 409, type: 'urn:kruispunt:problem:portal-account-exists' });
    const someoneElse = await newPerson(caseWorker);
    const sameEmail = await caseWorker.request('POST', `/api/v1/persons/${someoneElse.id}/portal-account`, { body: { email: 'amina@example.org' } });
    expect(sameEmail.json()).toMatchObject({ status: 400, errors: [{ field: 'email', code: 'portal-email-taken' }] });
    const badLocale = await caseWorker.request('POST', `/api/v1/persons/${someoneElse.id}/portal-account`, { body: { email: 'x@example.org', locale: 'xx' } });
    expect(badLocale.statusCode).toBe(400);
    const unknown = await caseWorker.request('POST', '/api/v1/persons/00000000-0000-4000-8000-00000000dead/portal-account', { body: { email: 'y@example.org' } });
    expect(unknown.statusCode).toBe(404);
    const reader = await t.user(['course-teacher']);
    expect((await reader.request('POST', `/api/v1/persons/${someoneElse.id}/portal-account`, { body: { email: 'z@example.org' } })).statusCode).toBe(403);
  });

  it('a newcomer sees only themselves; staff credentials do not open portal routes, nor portal cookies staff routes', async () => {
    const { person } = await runningDossier(caseWorker);
    const newcomer = await t.newcomer(person.id, { as: caseWorker, locale: 'uk' });
    const me = await newcomer.request('GET', '/api/v1/portal/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ locale: 'uk', dossierStatus: 'running' });
    expect((await caseWorker.request('GET', '/api/v1/portal/me')).statusCode).toBe(401);
    expect((await newcomer.request('GET', `/api/v1/persons/${person.id}`)).statusCode).toBe(401);
    const locale = await newcomer.request('PUT', '/api/v1/portal/me/locale', { body: { locale: 'prs' } });
    expect(locale.json()).toEqual({ locale: 'prs' });
    expect((await newcomer.request('GET', '/api/v1/portal/me')).json().locale).toBe('prs');
    // Writes need the CSRF header that only the portal page can read from its cookie.
    const forged = await newcomer.request('PUT', '/api/v1/portal/me/locale', { body: { locale: 'nl' }, headers: { 'x-csrf-token': 'forged' } });
    expect(forged.json()).toMatchObject({ status: 403, type: 'urn:kruispunt:problem:csrf' });
  });

  it('sessions end after 30 idle minutes, on sign-out, and when staff close the account', async () => {
    const person = await newPerson(caseWorker);
    const idle = await t.newcomer(person.id, { as: caseWorker });
    t.clock.advance(PORTAL_IDLE_MS - 60_000);
    expect((await idle.request('GET', '/api/v1/portal/me')).statusCode).toBe(200);
    t.clock.advance(PORTAL_IDLE_MS + 1000);
    expect((await idle.request('GET', '/api/v1/portal/me')).json()).toMatchObject({ status: 401, type: 'urn:kruispunt:problem:session-expired' });

    await caseWorker.request('DELETE', `/api/v1/persons/${person.id}/portal-account`);
    const second = await t.newcomer(person.id, { as: caseWorker });
    expect((await second.request('POST', '/api/v1/portal/auth/sign-out')).statusCode).toBe(204);
    expect((await second.request('GET', '/api/v1/portal/me')).statusCode).toBe(401);

    const third = await newPerson(caseWorker);
    const closed = await t.newcomer(third.id, { as: caseWorker });
    expect((await caseWorker.request('DELETE', `/api/v1/persons/${third.id}/portal-account`)).statusCode).toBe(204);
    expect((await closed.request('GET', '/api/v1/portal/me')).statusCode).toBe(401);
    expect((await caseWorker.request('GET', `/api/v1/persons/${third.id}/portal-account`)).statusCode).toBe(404);
  });
});
