import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import type { Database, TenantScope } from '../../platform/db/database';
import { AppError, invalidField, notFound } from '../../platform/errors';
import * as q from './access.queries';
import {
  burnPasswordCheck,
  newToken,
  newTotpSecret,
  tokenHash,
  totpUri,
  verifyPassword,
  verifyTotp,
} from './credentials';
import { forgetCredentials, recallCredential, rememberCredential, type ValidCredential } from './credential-cache';
import { afterFailedAttempt, isLocked, LOCKOUT_POLICY } from './lockout';
import { resolvePurpose, type Actor, type Purpose, type Role } from './roles';

export type Clock = () => Date;

export interface AccessDeps {
  db: Database;
  clock: Clock;
  sessionTtlMs: number;
  /** Waits before answering a wrong password; injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

export const scopeOf = (ctx: ActorContext): TenantScope => ({
  tenantId: ctx.actor.tenantId,
  userId: ctx.actor.userId,
  purpose: ctx.actor.purpose,
});

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: 'nl' | 'en';
  organisation: { id: string; name: string; kind: 'agency' | 'partner' };
  tenantId: string;
  mfaEnabled: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  version: number;
}

export function publicUser(u: q.UserRow): PublicUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles,
    locale: u.locale,
    organisation: { id: u.organisation_id, name: u.organisation_name, kind: u.organisation_kind },
    tenantId: u.tenant_id,
    mfaEnabled: u.mfa_enabled,
    lockedUntil: u.locked_until ? new Date(u.locked_until).toISOString() : null,
    disabled: u.disabled_at !== null,
    version: u.version,
  };
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  sessionId: string;
  expiresAt: Date;
  mfaSetupRequired: boolean;
  user: PublicUser;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Sign-in with e-mail, password and, when enabled, a TOTP code. Lock-out per LOCKOUT_POLICY. */
export async function signIn(
  deps: AccessDeps,
  input: { email: string; password: string; totpCode?: string | undefined; userAgent: string | null; ip: string | null },
): Promise<SignInResult> {
  const { db, clock } = deps;
  const sleep = deps.sleep ?? defaultSleep;
  const now = clock();
  const user = await q.findUserByEmail(db.owner, input.email);
  if (!user || !user.password_hash || user.disabled_at) {
    await burnPasswordCheck(input.password);
    throw new AppError('invalid-credentials', { values: { warning: 'none' } });
  }
  if (isLocked(user.locked_until, now)) {
    throw new AppError('account-locked', { values: { minutes: minutesUntil(user.locked_until!, now) } });
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const codeNeeded = passwordOk && user.mfa_enabled;
  if (codeNeeded && !input.totpCode) throw new AppError('mfa-required');
  const codeOk = !codeNeeded || verifyTotp(user.totp_secret ?? '', input.totpCode ?? '');
  if (!passwordOk || !codeOk) {
    const outcome = afterFailedAttempt(user.failed_attempts, now);
    await q.recordFailedSignIn(db.owner, user.id, outcome.failedAttempts, outcome.lockedUntil);
    await sleep(outcome.delayMs);
    if (outcome.lockedUntil) {
      throw new AppError('account-locked', { values: { minutes: LOCKOUT_POLICY.lockMinutes } });
    }
    throw new AppError(passwordOk ? 'mfa-invalid' : 'invalid-credentials', {
      extra: { remainingAttempts: outcome.remainingAttempts },
      values: { warning: outcome.remainingAttempts === 1 ? 'last' : 'none' },
    });
  }
  await q.recordSuccessfulSignIn(db.owner, user.id);
  const token = newToken('session');
  const csrfToken = newToken('csrf');
  const sessionId = randomUUID();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs);
  const mfaSetupRequired = user.requires_mfa && !user.mfa_enabled;
  await q.insertSession(db.owner, {
    id: sessionId,
    tenantId: user.tenant_id,
    userId: user.id,
    tokenHash: tokenHash(token),
    csrfHash: tokenHash(csrfToken),
    expiresAt,
    mfaPending: mfaSetupRequired,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
    ip: input.ip,
  });
  return { token, csrfToken, sessionId, expiresAt, mfaSetupRequired, user: publicUser(user) };
}

function minutesUntil(until: string, now: Date): number {
  return Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 60_000));
}

export interface Authenticated {
  actor: Actor;
  locale: 'nl' | 'en';
  csrfTokenHash: string | null;
  mfaPending: boolean;
}

// last_seen_at is informative: write it at most once a minute, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

/** Resolves a session or API token to an actor; null when unknown, expired or revoked. */
export async function authenticate(
  deps: Pick<AccessDeps, 'db' | 'clock'>,
  token: string,
  requestedPurpose: string | undefined,
): Promise<Authenticated | null> {
  const { db, clock } = deps;
  const now = clock();
  const hash = tokenHash(token);
  let credential = recallCredential(hash, now.getTime());
  if (!credential) {
    credential = (token.startsWith('kpt_') ? await loadApiToken(db, hash, now) : await loadSession(db, hash, now)) ?? undefined;
    if (!credential) return null;
    rememberCredential(hash, credential, now.getTime());
  }
  const purpose = credential.fixedPurpose
    ? requestedPurpose && requestedPurpose !== credential.fixedPurpose
      ? null
      : (credential.fixedPurpose as Purpose)
    : resolvePurpose(credential.roles, requestedPurpose);
  if (!purpose) throw new AppError('purpose-not-allowed', { values: { purpose: requestedPurpose ?? '' } });
  return {
    actor: {
      kind: credential.kind,
      userId: credential.userId,
      tokenId: credential.tokenId,
      sessionId: credential.sessionId,
      tenantId: credential.tenantId,
      organisationId: credential.organisationId,
      roles: credential.roles,
      purpose,
    },
    locale: credential.locale,
    csrfTokenHash: credential.csrfTokenHash,
    mfaPending: credential.mfaPending,
  };
}

async function loadApiToken(db: Database, hash: string, now: Date): Promise<ValidCredential | null> {
  const apiToken = await q.findLiveApiToken(db.owner, hash, now);
  if (!apiToken) return null;
  if (!apiToken.last_used_at || now.getTime() - new Date(apiToken.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
    await q.touchApiToken(db.owner, apiToken.id, now);
  }
  return {
    kind: 'api-token',
    userId: null,
    tokenId: apiToken.id,
    sessionId: null,
    tenantId: apiToken.tenant_id,
    organisationId: apiToken.organisation_id,
    roles: apiToken.roles,
    locale: 'nl',
    csrfTokenHash: null,
    mfaPending: false,
    fixedPurpose: apiToken.purpose,
    expiresAt: apiToken.expires_at ? new Date(apiToken.expires_at).getTime() : null,
  };
}

async function loadSession(db: Database, hash: string, now: Date): Promise<ValidCredential | null> {
  const session = await q.findLiveSession(db.owner, hash, now);
  if (!session) return null;
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await q.touchSession(db.owner, session.id, now);
  }
  return {
    kind: 'user',
    userId: session.user_id,
    tokenId: null,
    sessionId: session.id,
    tenantId: session.tenant_id,
    organisationId: session.organisation_id,
    roles: session.roles,
    locale: session.locale,
    csrfTokenHash: session.csrf_token_hash,
    mfaPending: session.mfa_pending,
    fixedPurpose: null,
    expiresAt: new Date(session.expires_at).getTime(),
  };
}

export async function signOut(deps: AccessDeps, ctx: ActorContext): Promise<void> {
  if (ctx.actor.sessionId) await q.revokeSession(deps.db.owner, ctx.actor.sessionId, null, deps.clock());
  forgetCredentials();
}

export async function getCurrentUser(deps: AccessDeps, ctx: ActorContext): Promise<PublicUser> {
  const user = ctx.actor.userId ? await q.findUserById(deps.db.owner, ctx.actor.userId) : undefined;
  if (!user) throw notFound('user');
  return publicUser(user);
}

export async function listMySessions(deps: AccessDeps, ctx: ActorContext) {
  if (!ctx.actor.userId) return [];
  const rows = await q.listSessionsOfUser(deps.db.owner, ctx.actor.userId, deps.clock());
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    userAgent: r.user_agent,
    ip: r.ip,
    current: r.id === ctx.actor.sessionId,
  }));
}

export async function revokeMySession(deps: AccessDeps, ctx: ActorContext, sessionId: string): Promise<void> {
  const revoked = ctx.actor.userId && (await q.revokeSession(deps.db.owner, sessionId, ctx.actor.userId, deps.clock()));
  forgetCredentials();
  if (!revoked) throw notFound('session');
}

/** Starts TOTP set-up: a fresh secret that only becomes active once a code from it is confirmed. */
export async function beginMfaSetup(deps: AccessDeps, ctx: ActorContext) {
  const user = ctx.actor.userId ? await q.findUserById(deps.db.owner, ctx.actor.userId) : undefined;
  if (!user) throw notFound('user');
  if (user.mfa_enabled) throw new AppError('conflict', { values: { reason: 'mfa-already-enabled' } });
  const secret = newTotpSecret();
  await deps.db.owner.execute(sql`update users set totp_secret = ${secret} where id = ${user.id}`);
  return { secret, otpauthUri: totpUri(user.email, secret) };
}

export async function confirmMfaSetup(deps: AccessDeps, ctx: ActorContext, code: string): Promise<void> {
  const user = ctx.actor.userId ? await q.findUserById(deps.db.owner, ctx.actor.userId) : undefined;
  if (!user) throw notFound('user');
  if (!user.totp_secret || user.mfa_enabled) throw new AppError('conflict', { values: { reason: 'mfa-not-started' } });
  if (!verifyTotp(user.totp_secret, code)) throw invalidField('code', 'totp-invalid');
  await deps.db.owner.execute(sql`update users set mfa_enabled = true, version = version + 1 where id = ${user.id}`);
  if (ctx.actor.sessionId) await q.setMfaPending(deps.db.owner, ctx.actor.sessionId, false);
  forgetCredentials();
}

