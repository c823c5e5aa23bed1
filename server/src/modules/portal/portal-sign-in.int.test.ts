/**
 * The newcomer’s sign-in (issue 6 §1) against real servers: an OpenID Connect provider
 * (oidc-provider, with its development login and consent pages driven over HTTP like a browser)
 * and an SMTP server (smtp-server) that receives the code mails nodemailer sends. Both come from
 * the shared test support (server/src/testing), which the browser tests use too.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database';
import { smtpTransport, type MailTransport } from '../../platform/mail';
import { ATLAS, createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { newPerson } from '../../testing/dossier-fixtures';
import { unusedLoopbackPort } from '../../testing/loopback';
import { signInAtProvider as signInAtTestProvider, startOidcTestProvider, type OidcTestProvider } from '../../testing/oidc-test-provider';
import { mailText, startSmtpTestInbox, type SmtpTestInbox } from '../../testing/smtp-test-inbox';
import { oidcSignIn } from './oidc';
import { LOGIN_CODE_POLICY } from './portal-sign-in';
import { portalSignInCleanupJob } from './portal-sign-in.jobs';

const PUBLIC_URL = 'http://kruispunt.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/portal/auth/oidc/callback`;

let t: TestApp;
let caseWorker: Caller;
let provider: OidcTestProvider;
let smtp: SmtpTestInbox;
/** The provider's people: login → the claims it releases (egovNRN carries the INSZ, as at the federal service). */
let providerPeople: OidcTestProvider['people'];
let inbox: SmtpTestInbox['mails'];
let mailServerUp = true;

beforeAll(async () => {
  provider = await startOidcTestProvider({ redirectUris: [REDIRECT_URI] });
  providerPeople = provider.people;
  smtp = await startSmtpTestInbox();
  inbox = smtp.mails;
  const up = await smtpTransport(smtp.url, 'Kruispunt <no-reply@kruispunt.test>');
  // A port nobody listens on: the mail server "down".
  const down = await smtpTransport(`smtp://127.0.0.1:${await unusedLoopbackPort()}`, 'Kruispunt <no-reply@kruispunt.test>');
  const mail: MailTransport = { kind: 'smtp', send: (message) => (mailServerUp ? up : down).send(message) };
  const oidc = oidcSignIn({
    issuer: provider.issuer,
    clientId: provider.client.clientId,
    clientSecret: provider.client.clientSecret,
    redirectUri: REDIRECT_URI,
    scope: 'openid profile egovnrn',
    nationalNumberClaim: 'egovNRN',
    acrValues: null,
    label: 'itsme / eID',
  });
  t = await createTestApp({ portalSignIn: { oidc, mail } });
  caseWorker = await t.user(['case-worker']);
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
  await smtp?.close();
});

/** A person with an INSZ and, unless `linked` is false, a portal account. */
async function newcomer(opts: { as?: Caller; linked?: boolean; locale?: string } = {}) {
  const staff = opts.as ?? caseWorker;
  const person = (await newPerson(staff)) as { id: string; insz: string };
  const email = `newcomer-${randomUUID().slice(0, 8)}@example.org`;
  if (opts.linked !== false) {
    const res = await staff.request('POST', `/api/v1/persons/${person.id}/portal-account`, { body: { email, locale: opts.locale ?? 'nl' } });
    expect(res.statusCode).toBe(201);
  }
  return { person, email, staff };
}

function portalCookies(res: LightMyRequestResponse): string | null {
  const session = res.cookies.find((c) => c.name === 'kp_portal');
  const csrf = res.cookies.find((c) => c.name === 'kp_portal_csrf');
  return session && csrf ? `kp_portal=${session.value}; kp_portal_csrf=${csrf.value}` : null;
}

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie } });

async function signInAudits(accountId: string) {
  return queryRows<{ action: string; purpose: string; summary: string }>(
    t.db.owner,
    sql`select action, purpose, summary from audit_events where subject_type = 'portal-account' and subject_id = ${accountId} order by id`,
  );
}

async function accountOf(staff: Caller, personId: string) {
  return (await staff.request('GET', `/api/v1/persons/${personId}/portal-account`)).json() as { id: string; oidcLinked: boolean };
}

describe('sign-in options', () => {
  it('offers OpenID Connect with its label and e-mail codes when both are configured', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal/auth/options' });
    expect(res.json()).toEqual({ oidc: { enabled: true, label: 'itsme / eID' }, emailCode: true });
  });
});

// ---------------------------------------------------------------------------------------------

/** The provider's pages driven over HTTP like a browser; returns where it sends the browser back. */
const signInAtProvider = (authorizationUrl: string, login: string | null) => signInAtTestProvider(authorizationUrl, login, REDIRECT_URI);

async function startOidc(locale = 'ar') {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/portal/auth/oidc/start?locale=${locale}` });
  expect(res.statusCode).toBe(302);
  return res.headers.location as string;
}

const callBack = (url: URL) => t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });

function expectSignInError(res: LightMyRequestResponse, code: string) {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/portal/?signInError=${code}`);
  expect(portalCookies(res)).toBeNull();
}

describe('OpenID Connect sign-in (eID, itsme) against a real provider', () => {
  it('signs in the person whose INSZ the provider releases, in another agency too, and remembers the subject', async () => {
    const atlasWorker = await t.user(['case-worker'], { as: await t.agencyAdmin('atlas'), organisationId: ATLAS });
    const { person, staff } = await newcomer({ as: atlasWorker, locale: 'ar' });
    providerPeople.set('amina', { egovNRN: person.insz, given_name: 'Amina' });

    const authorization = new URL(await startOidc('ar'));
    expect(authorization.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: provider.client.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid profile egovnrn',
      code_challenge_method: 'S256',
      ui_locales: 'ar',
    });
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();

    const returned = await signInAtProvider(authorization.href, 'amina');
    const res = await callBack(returned);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/portal/');
    const cookie = portalCookies(res)!;
    expect((await me(cookie)).json()).toMatchObject({ givenName: 'Amina', locale: 'ar' });

    const account = await accountOf(staff, person.id);
    expect(account.oidcLinked).toBe(true);
    expect(await signInAudits(account.id)).toEqual([{ action: 'create', purpose: 'own-data', summary: 'portal sign-in (oidc)' }]);

    // Without the INSZ claim the provider's subject, remembered at the first sign-in, still finds the account.
    providerPeople.set('amina', { given_name: 'Amina' });
    const again = await callBack(await signInAtProvider(await startOidc(), 'amina'));
    expect(again.headers.location).toBe('/portal/');
    expect((await me(portalCookies(again)!)).statusCode).toBe(200);
  });

  it('refuses a tampered, a replayed and an expired state, and a tampered code', async () => {
    const { person } = await newcomer();
    providerPeople.set('bilal', { egovNRN: person.insz });
    const returned = await signInAtProvider(await startOidc(), 'bilal');

    const tampered = new URL(returned);
    tampered.searchParams.set('state', `${returned.searchParams.get('state')}x`);
    expectSignInError(await callBack(tampered), 'oidc-replayed');

    const first = await callBack(returned);
    expect(first.headers.location).toBe('/portal/');
    expectSignInError(await callBack(returned), 'oidc-replayed');

    const late = await signInAtProvider(await startOidc(), 'bilal');
    t.clock.advance(10 * 60_000 + 1000);
    expectSignInError(await callBack(late), 'oidc-replayed');

    const forgedCode = await signInAtProvider(await startOidc(), 'bilal');
    forgedCode.searchParams.set('code', 'a-code-the-provider-never-issued');
    expectSignInError(await callBack(forgedCode), 'oidc-failed');
  });

  it('finds no portal account for a person without one, nor for a closed account', async () => {
    const { person: unlinked } = await newcomer({ linked: false });
    providerPeople.set('chen', { egovNRN: unlinked.insz });
    expectSignInError(await callBack(await signInAtProvider(await startOidc(), 'chen')), 'no-portal-account');

    const { person: closed } = await newcomer();
    expect((await caseWorker.request('DELETE', `/api/v1/persons/${closed.id}/portal-account`)).statusCode).toBe(204);
    providerPeople.set('dara', { egovNRN: closed.insz });
    expectSignInError(await callBack(await signInAtProvider(await startOidc(), 'dara')), 'no-portal-account');

    providerPeople.set('nobody', {});
    expectSignInError(await callBack(await signInAtProvider(await startOidc(), 'nobody')), 'no-portal-account');
  });

  it('sends the browser back with oidc-failed when the person cancels at the provider', async () => {
    const returned = await signInAtProvider(await startOidc(), null);
    expect(returned.searchParams.get('error')).toBe('access_denied');
    expectSignInError(await callBack(returned), 'oidc-failed');
  });
});

// ---------------------------------------------------------------------------------------------

const requestCode = (email: string, locale?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/portal/auth/email-code', payload: { email, ...(locale ? { locale } : {}) } });
const verifyCode = (email: string, code: string) => t.app.inject({ method: 'POST', url: '/api/v1/portal/auth/email-code/verify', payload: { email, code } });

/** Asks for a code and reads it from the mail that arrived. */
async function mailedCode(email: string, locale?: string): Promise<{ code: string; text: string }> {
  const before = inbox.length;
  const res = await requestCode(email, locale);
  expect(res.statusCode).toBe(202);
  expect(res.json()).toEqual({ sent: true });
  expect(inbox.length).toBe(before + 1);
  const mail = inbox[inbox.length - 1]!;
  expect(mail.to).toBe(email);
  const text = mailText(mail.raw);
  return { code: /\b(\d{6})\b/.exec(text)![1]!, text };
}

function expectCodeRefused(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(401);
  expect(res.json()).toMatchObject({ type: 'urn:kruispunt:problem:login-code-invalid', title: 'Code werkt niet' });
  expect(portalCookies(res)).toBeNull();
}

const anotherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('one-time codes by e-mail through a real SMTP server', () => {
  it('mails a code in the account’s language and the portal’s; the code signs in once', async () => {
    const { person, email } = await newcomer({ locale: 'uk' });
    const { code, text } = await mailedCode(email, 'nl');
    expect(text).toContain('Ваш код для входу');
    expect(text).toContain('Je code om aan te melden');
    expect(text).toContain(`${LOGIN_CODE_POLICY.validMinutes}`);

    const res = await verifyCode(email.toUpperCase(), code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ locale: 'uk' });
    expect((await me(portalCookies(res)!)).json()).toMatchObject({ locale: 'uk' });
    const account = await accountOf(caseWorker, person.id);
    expect(await signInAudits(account.id)).toEqual([{ action: 'create', purpose: 'own-data', summary: 'portal sign-in (email-code)' }]);

    expectCodeRefused(await verifyCode(email, code));
  });

  it('refuses a wrong code, but the right one still works within five tries', async () => {
    const { email } = await newcomer();
    const { code } = await mailedCode(email);
    expectCodeRefused(await verifyCode(email, anotherCode(code)));
    expect((await verifyCode(email, code)).statusCode).toBe(200);
  });

  it('refuses a code after ten minutes', async () => {
    const { email } = await newcomer();
    const { code } = await mailedCode(email);
    t.clock.advance(LOGIN_CODE_POLICY.validMinutes * 60_000 + 1000);
    expectCodeRefused(await verifyCode(email, code));
  });

  it('five wrong tries kill the code', async () => {
    const { email } = await newcomer();
    const { code } = await mailedCode(email);
    for (let i = 0; i < LOGIN_CODE_POLICY.maxTries; i += 1) expectCodeRefused(await verifyCode(email, anotherCode(code)));
    expectCodeRefused(await verifyCode(email, code));
  });

  it('a new code replaces the older one, which stays dead when the new one dies', async () => {
    const { email } = await newcomer();
    const older = await mailedCode(email);
    const newer = await mailedCode(email);
    const wrong = older.code === newer.code ? anotherCode(newer.code) : older.code;
    expectCodeRefused(await verifyCode(email, wrong));
    expect((await verifyCode(email, newer.code)).statusCode).toBe(200);

    const first = await mailedCode(email);
    const second = await mailedCode(email);
    for (let i = 0; i < LOGIN_CODE_POLICY.maxTries; i += 1) expectCodeRefused(await verifyCode(email, anotherCode(second.code)));
    if (first.code !== second.code) expectCodeRefused(await verifyCode(email, first.code));
  });

  it('sends at most five codes an hour to an account', async () => {
    const { email } = await newcomer();
    for (let i = 0; i < LOGIN_CODE_POLICY.maxPerHour; i += 1) await mailedCode(email);
    const before = inbox.length;
    const refused = await requestCode(email);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ type: 'urn:kruispunt:problem:too-many-requests' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(inbox.length).toBe(before);
    t.clock.advance(3600_000);
    await mailedCode(email);
  });

  it('answers an unknown address like a known one, and mails nothing', async () => {
    const before = inbox.length;
    const res = await requestCode(`unknown-${randomUUID().slice(0, 8)}@example.org`, 'fr');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: true });
    expect(inbox.length).toBe(before);
    expectCodeRefused(await verifyCode('unknown@example.org', '123456'));
  });

  it('says so when the mail server is down (503), still 202 for an unknown address; the lost code is not kept', async () => {
    const { person, email } = await newcomer();
    mailServerUp = false;
    try {
      const res = await requestCode(email);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ type: 'urn:kruispunt:problem:mail-unavailable' });
      expect((await requestCode('nobody-here@example.org')).statusCode).toBe(202);
    } finally {
      mailServerUp = true;
    }
    const account = await accountOf(caseWorker, person.id);
    expect(await queryRows(t.db.owner, sql`select id from portal_login_codes where account_id = ${account.id}`)).toEqual([]);
    const { code } = await mailedCode(email);
    expect((await verifyCode(email, code)).statusCode).toBe(200);
  });

  it('refuses a code that is not six digits as invalid input', async () => {
    const res = await verifyCode('someone@example.org', '12a456');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'code' }] });
  });
});

describe('retention of sign-in traces', () => {
  it('the nightly clean-up removes old codes, old OpenID Connect sign-ins and long-ended sessions, and keeps current ones', async () => {
    const { person } = await newcomer();
    const { id: accountId } = await accountOf(caseWorker, person.id);
    const [account] = await queryRows<{ tenant_id: string }>(t.db.owner, sql`select tenant_id from portal_accounts where id = ${accountId}`);
    const tenant = account!.tenant_id;
    const [oldCode, newCode, oldSession, newSession] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await t.db.owner.execute(sql`insert into portal_login_codes (id, tenant_id, account_id, code_hash, created_at, expires_at) values
      (${oldCode}, ${tenant}, ${accountId}, 'x', '2020-01-01T09:00:00Z', '2020-01-01T09:10:00Z'),
      (${newCode}, ${tenant}, ${accountId}, 'x', now(), now() + interval '10 minutes')`);
    await t.db.owner.execute(sql`insert into portal_oidc_logins (state_hash, nonce, code_verifier, locale, created_at, expires_at) values
      (${`old-${oldCode}`}, 'n', 'v', 'nl', '2020-01-01T09:00:00Z', '2020-01-01T09:10:00Z'),
      (${`new-${newCode}`}, 'n', 'v', 'nl', now(), now() + interval '10 minutes')`);
    await t.db.owner.execute(sql`insert into portal_sessions (id, tenant_id, account_id, token_hash, csrf_token_hash, method, created_at, last_seen_at, expires_at) values
      (${oldSession}, ${tenant}, ${accountId}, ${`old-${oldSession}`}, 'c', 'oidc', '2020-01-01T09:00:00Z', '2020-01-01T09:05:00Z', '2020-01-01T17:00:00Z'),
      (${newSession}, ${tenant}, ${accountId}, ${`new-${newSession}`}, 'c', 'oidc', now(), now(), now() + interval '8 hours')`);

    await portalSignInCleanupJob(t.db).handler({});

    const left = (table: 'portal_login_codes' | 'portal_sessions') =>
      queryRows<{ id: string }>(t.db.owner, sql`select id from ${sql.identifier(table)} where id in (${oldCode}, ${newCode}, ${oldSession}, ${newSession}) order by created_at`);
    expect(await left('portal_login_codes')).toEqual([{ id: newCode }]);
    expect(await left('portal_sessions')).toEqual([{ id: newSession }]);
    const logins = await queryRows<{ state_hash: string }>(t.db.owner, sql`select state_hash from portal_oidc_logins where state_hash in (${`old-${oldCode}`}, ${`new-${newCode}`})`);
    expect(logins).toEqual([{ state_hash: `new-${newCode}` }]);
  });
});
