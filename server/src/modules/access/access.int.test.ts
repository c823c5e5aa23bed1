import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from './credentials';
import { AGII, ADMIN, PASSWORD, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('sign-in (issue 2 §3)', () => {
  it('returns a session token and sets httpOnly session and readable CSRF cookies', async () => {
    const res = await t.signIn(ADMIN.email, ADMIN.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^kps_/);
    expect(body.user.roles).toEqual(['administrator']);
    const cookies = res.cookies;
    const session = cookies.find((c) => c.name === 'kp_session')!;
    const csrf = cookies.find((c) => c.name === 'kp_csrf')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.value).toBe(body.csrfToken);
  });

  it('refuses a wrong password with problem+json and does not say whether the e-mail exists', async () => {
    const wrong = await t.signIn(ADMIN.email, 'not the password');
    const unknown = await t.signIn('nobody@agii.test', 'not the password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().type).toBe('urn:kruispunt:problem:invalid-credentials');
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks the account after five wrong passwords, tells the user plainly, and unlocks after the lock time', async () => {
    const user = await t.user(['case-worker']);
    const email = (await user.request('GET', '/api/v1/session')).json().user.email;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await t.signIn(email, 'wrong password'));
    expect(answers.slice(0, 4).map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    expect(answers[3]!.json().remainingAttempts).toBe(1);
    expect(answers[4]!.statusCode).toBe(423);
    expect(answers[4]!.json().detail).toMatch(/vergrendeld/);
    // Even the right password is refused while locked, and the message says for how long.
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'accept-language': 'en' }, payload: { email, password: PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().detail).toMatch(/locked; try again in 15 minutes/);
    t.clock.advance(16 * 60_000);
    expect((await t.signIn(email, PASSWORD)).statusCode).toBe(200);
  });

  it('an administrator can unlock a locked account', async () => {
    const user = await t.user(['case-worker']);
    const me = (await user.request('GET', '/api/v1/session')).json().user;
    for (let i = 0; i < 5; i++) await t.signIn(me.email, 'wrong password');
    expect((await t.signIn(me.email, PASSWORD)).statusCode).toBe(423);
    const listed = (await t.admin.request('GET', '/api/v1/users')).json().items.find((u: { id: string }) => u.id === me.id);
    expect(listed.lockedUntil).not.toBeNull();
    const unlock = await t.admin.request('PATCH', `/api/v1/users/${me.id}`, { body: { unlock: true }, headers: { 'if-match': `"${listed.version}"` } });
    expect(unlock.statusCode).toBe(200);
    expect((await t.signIn(me.email, PASSWORD)).statusCode).toBe(200);
  });
});

describe('sessions: cookies need CSRF, bearer tokens do not, sessions expire and can be revoked', () => {
  it('a cookie-authenticated write without X-CSRF-Token is refused; with it, it passes', async () => {
    const res = await t.signIn(ADMIN.email, ADMIN.password);
    const { csrfToken, token } = res.json();
    const cookie = `kp_session=${token}`;
    const body = { code: 'test-partner-csrf', name: 'Partner', partnerType: 'other' };
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie }, payload: body });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toBe('urn:kruispunt:problem:csrf');
    const accepted = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie, 'x-csrf-token': csrfToken }, payload: body });
    expect(accepted.statusCode).toBe(201);
    // A read with the cookie alone is fine, and so is signing in again while the cookie is still there.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { cookie }, payload: { email: ADMIN.email, password: ADMIN.password } });
    expect(again.statusCode).toBe(200);
  });

  it('expires sessions after their lifetime', async () => {
    // Its own platform: moving the clock nine hours would end every other test's sessions.
    const own = await createTestApp();
    try {
      const user = await own.user(['manager']);
      expect((await user.request('GET', '/api/v1/session')).statusCode).toBe(200);
      own.clock.advance(9 * 3600_000);
      const expired = await user.request('GET', '/api/v1/session');
      expect(expired.statusCode).toBe(401);
      expect(expired.json().type).toBe('urn:kruispunt:problem:unauthenticated');
    } finally {
      await own.close();
    }
  });

  it('lists my sessions and revokes one; a signed-out token no longer works', async () => {
    const email = `revoker-${Date.now()}@test.be`;
    await t.user(['manager'], { email });
    const a = await t.caller(email, PASSWORD);
    const b = await t.caller(email, PASSWORD);
    const list = (await a.request('GET', '/api/v1/session/sessions')).json().items;
    expect(list.length).toBeGreaterThanOrEqual(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect((await a.request('DELETE', `/api/v1/session/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await b.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await a.request('DELETE', '/api/v1/session')).statusCode).toBe(204);
    expect((await a.request('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('refuses requests without credentials, and a purpose the role does not allow', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/persons?q=x' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().type).toBe('urn:kruispunt:problem:unauthenticated');
    // Credentials are checked before the input: an anonymous caller learns nothing from validation.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/persons' })).statusCode).toBe(401);
    const worker = await t.user(['case-worker']);
    const res = await worker.request('GET', '/api/v1/persons?q=abc', { headers: { 'x-purpose': 'enforcement' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('urn:kruispunt:problem:purpose-not-allowed');
  });
});

describe('TOTP second factor', () => {
  it('once set up, sign-in needs a valid code', async () => {
    const email = `mfa-${Date.now()}@test.be`;
    const user = await t.user(['case-worker'], { email });
    const setup = await user.request('POST', '/api/v1/session/mfa/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toContain('otpauth://totp/');
    expect((await user.request('POST', '/api/v1/session/mfa/confirm', { body: { code: '000000' } })).statusCode).toBe(400);
    expect((await user.request('POST', '/api/v1/session/mfa/confirm', { body: { code: totpCode(secret) } })).statusCode).toBe(204);
    const noCode = await t.signIn(email, PASSWORD);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().type).toBe('urn:kruispunt:problem:mfa-required');
    const badCode = await t.signIn(email, PASSWORD, '123456');
    expect(badCode.json().type).toBe('urn:kruispunt:problem:mfa-invalid');
    const ok = await t.signIn(email, PASSWORD, totpCode(secret));
    expect(ok.statusCode).toBe(200);
  });

  it('an organisation that requires it confines new sessions to setting it up', async () => {
    const org = await t.admin.request('POST', '/api/v1/organisations', {
      body: { code: `strict-${Date.now()}`, name: 'Strict partner', partnerType: 'social-services', requiresMfa: true },
    });
    expect(org.statusCode).toBe(201);
    const email = `strict-${Date.now()}@test.be`;
    await t.admin.request('POST', '/api/v1/users', {
      body: { email, displayName: 'Strict', organisationId: org.json().id, roles: ['partner-user'], password: PASSWORD },
    });
    const signIn = await t.signIn(email, PASSWORD);
    expect(signIn.json().mfaSetupRequired).toBe(true);
    const token = signIn.json().token;
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/persons?q=abc', headers: auth })).statusCode).toBe(403);
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/session/mfa/setup', headers: auth });
    const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/session/mfa/confirm', headers: auth, payload: { code: totpCode(setup.json().secret) } });
    expect(confirm.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/persons?q=abc', headers: auth })).statusCode).toBe(200);
  });
});

describe('user administration', () => {
  it('creates users with roles and refuses a duplicate e-mail with a field error', async () => {
    const body = { email: `dup-${Date.now()}@test.be`, displayName: 'Dup', organisationId: AGII, roles: ['case-worker'], password: PASSWORD };
    expect((await t.admin.request('POST', '/api/v1/users', { body })).statusCode).toBe(201);
    const again = await t.admin.request('POST', '/api/v1/users', { body });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: 'email', code: 'email-taken' });
  });

  it('requires If-Match on updates and refuses a stale version with 409', async () => {
    const worker = await t.user(['case-worker']);
    const noMatch = await t.admin.request('PATCH', `/api/v1/users/${worker.userId}`, { body: { displayName: 'X' } });
    expect(noMatch.statusCode).toBe(428);
    const first = await t.admin.request('PATCH', `/api/v1/users/${worker.userId}`, { body: { roles: ['case-worker', 'intake-officer'] }, headers: { 'if-match': '"1"' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await t.admin.request('PATCH', `/api/v1/users/${worker.userId}`, { body: { displayName: 'Y' }, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('urn:kruispunt:problem:version-conflict');
    // New roles end the old sessions.
    expect((await worker.request('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('only administrators manage users', async () => {
    const worker = await t.user(['case-worker']);
    const res = await worker.request('GET', '/api/v1/users');
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('urn:kruispunt:problem:forbidden');
  });

  it('a disabled user cannot sign in', async () => {
    const email = `disabled-${Date.now()}@test.be`;
    const worker = await t.user(['case-worker'], { email });
    expect((await t.admin.request('PATCH', `/api/v1/users/${worker.userId}`, { body: { disabled: true }, headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
    expect((await t.signIn(email, PASSWORD)).statusCode).toBe(401);
  });
});

describe('partner API tokens', () => {
  it('are issued once, bound to organisation and purpose, used as bearer without CSRF, and revocable', async () => {
    const issued = await t.admin.request('POST', '/api/v1/api-tokens', {
      body: { name: 'VDAB koppeling', organisationId: AGII, purpose: 'trajectory-guidance', roles: ['case-worker'] },
    });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    expect(token).toMatch(/^kpt_/);
    const list = (await t.admin.request('GET', '/api/v1/api-tokens')).json().items;
    expect(list.find((x: { id: string }) => x.id === id)).not.toHaveProperty('token');
    const auth = { authorization: `Bearer ${token}` };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: auth, payload: { givenNames: 'Token', familyName: 'Test' } });
    expect(created.statusCode).toBe(201);
    expect((await t.admin.request('DELETE', `/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/persons?q=token', headers: auth })).statusCode).toBe(401);
  });

  it('refuses a purpose that the roles do not allow', async () => {
    const res = await t.admin.request('POST', '/api/v1/api-tokens', {
      body: { name: 'bad', organisationId: AGII, purpose: 'enforcement', roles: ['case-worker'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('purpose');
  });
});
