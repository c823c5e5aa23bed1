/**
 * Signing in to the newcomer's portal (issue 6 §1, ADR 0013): with eID or itsme through OpenID
 * Connect (the federal authentication service), matched to the person by INSZ; or, for people
 * without those, with a one-time code e-mailed to the address staff linked. No answer tells
 * whether an address or a person has a portal account.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { ActorContext, RequestContext } from '../../platform/context';
import { queryRows, withTenant } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import type { MailTransport } from '../../platform/mail';
import { recordAudit, scopeOf, type AccessDeps } from '../access';
import { burnPasswordCheck, hashPassword, tokenHash, verifyPassword } from '../access/credentials';
import { parseInsz } from '../persons';
import type { OidcIdentity, OidcSignIn } from './oidc';
import * as identity from './portal-identity';
import { signInCodeMail } from './sign-in-mail';

/** The ways of signing in that this installation offers (server.ts builds them from the configuration). */
export interface PortalSignInDeps {
  /** The OpenID Connect provider (eID, itsme); null: that way is off. */
  oidc: OidcSignIn | null;
  /** Sends codes at once; null without an SMTP server, where no code could ever arrive. */
  mail: MailTransport | null;
}

export type SignInDeps = Pick<AccessDeps, 'db' | 'clock'> & { portalSignIn?: PortalSignInDeps | undefined };

/** The request a sign-in comes with: its context, browser and logger. */
export interface SignInRequest {
  ctx: RequestContext;
  userAgent: string | null;
  log: Pick<Logger, 'warn' | 'error'>;
}

export const LOGIN_CODE_POLICY = { validMinutes: 10, maxTries: 5, maxPerHour: 5 } as const;
const OIDC_LOGIN_MS = 10 * 60_000;
const HOUR_MS = 3600_000;

/** Where a failed OpenID Connect sign-in sends the browser: `/portal/?signInError=<code>`. */
export type OidcFailure = 'oidc-failed' | 'oidc-replayed' | 'no-portal-account';

export interface SignedIn {
  session: identity.PortalSessionTokens;
  locale: identity.PortalLocale;
}

export function signInOptions(deps: SignInDeps) {
  const oidc = deps.portalSignIn?.oidc ?? null;
  return { oidc: { enabled: oidc !== null, label: oidc?.label ?? '' }, emailCode: Boolean(deps.portalSignIn?.mail) };
}

async function signIn(deps: SignInDeps, request: SignInRequest, account: identity.PortalAccountRow, method: 'oidc' | 'email-code'): Promise<SignedIn> {
  const session = await identity.startPortalSession(deps.db, account, method, { now: deps.clock(), userAgent: request.userAgent, ip: request.ctx.ip });
  const ctx: ActorContext = { ...request.ctx, actor: identity.newcomerActor(account.tenant_id, null) };
  // The audit log has no sign-in action: a sign-in creates a session on the account.
  await withTenant(deps.db, scopeOf(ctx), (tx) =>
    recordAudit(tx, ctx, { action: 'create', subjectType: 'portal-account', subjectId: account.id, summary: `portal sign-in (${method})` }),
  );
  return { session, locale: account.locale };
}

// ---------------------------------------------------------------------------------------------
// One-time codes by e-mail

/**
 * Mails a code when a live account has this address; an unknown address is answered the same way
 * and gets nothing. The mail goes out now, not through the outbox: a code is wanted within a minute.
 */
export async function requestEmailCode(deps: SignInDeps, request: SignInRequest, input: { email: string; locale?: identity.PortalLocale | undefined }): Promise<void> {
  const account = await identity.findLiveAccountByEmail(deps.db, input.email);
  if (!account) return;
  const mail = deps.portalSignIn?.mail;
  if (!mail) {
    request.log.error('a portal sign-in code was asked for, but no SMTP server is configured (KRUISPUNT_SMTP_URL)');
    throw new AppError('mail-unavailable');
  }
  const now = deps.clock();
  const [recent] = await queryRows<{ count: number; oldest: string | null }>(
    deps.db.owner,
    sql`select count(*)::int as count, min(created_at) as oldest from portal_login_codes
      where account_id = ${account.id} and created_at > ${new Date(now.getTime() - HOUR_MS).toISOString()}`,
  );
  if (recent!.count >= LOGIN_CODE_POLICY.maxPerHour) {
    const seconds = Math.ceil((new Date(recent!.oldest!).getTime() + HOUR_MS - now.getTime()) / 1000);
    throw new AppError('too-many-requests', { headers: { 'retry-after': String(Math.max(seconds, 1)) } });
  }
  const code = String(randomInt(1_000_000)).padStart(6, '0');
  const id = randomUUID();
  // argon2, not a fast hash: a six-digit code has a million values, which a leaked table would
  // give away within the code's ten minutes if each guess cost a SHA-256.
  await deps.db.owner.execute(sql`insert into portal_login_codes (id, tenant_id, account_id, code_hash, created_at, expires_at)
    values (${id}, ${account.tenant_id}, ${account.id}, ${await hashPassword(code)}, ${now.toISOString()},
      ${new Date(now.getTime() + LOGIN_CODE_POLICY.validMinutes * 60_000).toISOString()})`);
  try {
    await mail.send(signInCodeMail(account.email, { code, minutes: LOGIN_CODE_POLICY.validMinutes }, [account.locale, ...(input.locale ? [input.locale] : [])]));
  } catch (error) {
    // A code that never arrived neither counts against the hourly limit nor replaces the last one.
    await deps.db.owner.execute(sql`delete from portal_login_codes where id = ${id}`);
    const { code: errorCode, responseCode } = error as { code?: string; responseCode?: number };
    request.log.error({ accountId: account.id, err: { code: errorCode, responseCode } }, 'portal sign-in code not sent');
    throw new AppError('mail-unavailable');
  }
  // Only the newest code works: whoever asked twice types the code of the last mail.
  await deps.db.owner.execute(sql`update portal_login_codes set expires_at = ${now.toISOString()}
    where account_id = ${account.id} and id <> ${id} and used_at is null and expires_at > ${now.toISOString()}`);
}

/** A wrong, expired, used or exhausted code, or an unknown address: one answer for all. */
export async function verifyEmailCode(deps: SignInDeps, request: SignInRequest, input: { email: string; code: string }): Promise<SignedIn> {
  const account = await identity.findLiveAccountByEmail(deps.db, input.email);
  const now = deps.clock().toISOString();
  // Each try is counted before the code is compared, so parallel guesses cannot share one try.
  const [candidate] = account
    ? await queryRows<{ id: string; code_hash: string }>(
        deps.db.owner,
        sql`update portal_login_codes set attempts = attempts + 1
          where id = (select id from portal_login_codes
            where account_id = ${account.id} and used_at is null and expires_at > ${now} and attempts < ${LOGIN_CODE_POLICY.maxTries}
            order by created_at desc limit 1)
          returning id, code_hash`,
      )
    : [];
  if (!account || !candidate) {
    // As much work as a real comparison, so the time of the answer does not tell a known address.
    await burnPasswordCheck(input.code);
    throw new AppError('login-code-invalid');
  }
  if (!(await verifyPassword(candidate.code_hash, input.code))) throw new AppError('login-code-invalid');
  const used = await queryRows(deps.db.owner, sql`update portal_login_codes set used_at = ${now} where id = ${candidate.id} and used_at is null returning id`);
  if (!used.length) throw new AppError('login-code-invalid');
  return signIn(deps, request, account, 'email-code');
}

// ---------------------------------------------------------------------------------------------
// OpenID Connect

function requireOidc(deps: SignInDeps): OidcSignIn {
  const oidc = deps.portalSignIn?.oidc;
  if (!oidc) throw notFound('oidc');
  return oidc;
}

/** The provider's URL to send the browser to; state (hashed), nonce and PKCE verifier are kept 10 minutes. */
export async function startOidcSignIn(deps: SignInDeps, request: SignInRequest, locale: identity.PortalLocale): Promise<{ ok: true; url: string } | { ok: false; reason: OidcFailure }> {
  const oidc = requireOidc(deps);
  let begun: Awaited<ReturnType<OidcSignIn['begin']>>;
  try {
    begun = await oidc.begin(locale);
  } catch (error) {
    request.log.warn({ err: oidcErrorFacts(error) }, 'OpenID Connect provider unavailable');
    return { ok: false, reason: 'oidc-failed' };
  }
  const now = deps.clock();
  await deps.db.owner.execute(sql`insert into portal_oidc_logins (state_hash, nonce, code_verifier, locale, created_at, expires_at)
    values (${tokenHash(begun.state)}, ${begun.nonce}, ${begun.codeVerifier}, ${locale}, ${now.toISOString()}, ${new Date(now.getTime() + OIDC_LOGIN_MS).toISOString()})`);
  return { ok: true, url: begun.url.href };
}

/**
 * The provider sent the browser back. The state is taken once (an unknown, used or expired state
 * is a replay); the library checks the rest. The person is found by the INSZ claim, or, when the
 * provider does not release it, by the subject remembered from an earlier sign-in.
 */
export async function completeOidcSignIn(deps: SignInDeps, request: SignInRequest, callbackQuery: URLSearchParams): Promise<({ ok: true } & SignedIn) | { ok: false; reason: OidcFailure }> {
  const fail = (reason: OidcFailure, facts: Record<string, unknown> = {}) => {
    // What went wrong, never who: no claims, no INSZ.
    request.log.warn({ reason, ...facts }, 'portal OpenID Connect sign-in refused');
    return { ok: false as const, reason };
  };
  const oidc = deps.portalSignIn?.oidc;
  const state = callbackQuery.get('state');
  if (!oidc || !state) return fail('oidc-failed', { cause: oidc ? 'no state' : 'OpenID Connect is off' });
  const now = deps.clock().toISOString();
  const [login] = await queryRows<{ nonce: string; code_verifier: string }>(
    deps.db.owner,
    sql`update portal_oidc_logins set used_at = ${now}
      where state_hash = ${tokenHash(state)} and used_at is null and expires_at > ${now}
      returning nonce, code_verifier`,
  );
  if (!login) return fail('oidc-replayed');
  let who: OidcIdentity;
  try {
    who = await oidc.finish(callbackQuery, { state, nonce: login.nonce, codeVerifier: login.code_verifier });
  } catch (error) {
    return fail('oidc-failed', { err: oidcErrorFacts(error) });
  }
  const insz = who.nationalNumber === null ? null : parseInsz(who.nationalNumber);
  const account =
    (insz?.ok ? await identity.findLiveAccountByInsz(deps.db, insz.value.normalized) : undefined) ?? (await identity.findLiveAccountByOidcSubject(deps.db, who.subject));
  if (!account) return fail('no-portal-account', { nationalNumberClaim: insz === null ? 'absent' : insz.ok ? 'valid' : 'invalid' });
  await identity.rememberOidcSubject(deps.db, account.id, who.subject);
  return { ok: true, ...(await signIn(deps, request, account, 'oidc')) };
}

/**
 * The library's errors carry the provider's response (claims included) in `cause`: only the kind
 * of error and its message go to the log.
 */
function oidcErrorFacts(error: unknown) {
  const e = error as { name?: string; code?: string; error?: string; message?: string };
  return { name: e.name, code: e.code, error: e.error, message: e.message };
}
