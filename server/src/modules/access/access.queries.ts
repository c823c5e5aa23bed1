import { sql } from 'drizzle-orm';
import { queryRows, textArray, type Executor } from '../../platform/db/database';
import type { Role } from './roles';

export interface UserRow {
  id: string;
  tenant_id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  roles: Role[];
  locale: 'nl' | 'en';
  totp_secret: string | null;
  mfa_enabled: boolean;
  failed_attempts: number;
  locked_until: string | null;
  disabled_at: string | null;
  version: number;
  created_at: string;
  requires_mfa: boolean;
  organisation_name: string;
  organisation_kind: 'agency' | 'partner';
}

const USER_COLUMNS = sql`u.id, u.tenant_id, u.organisation_id, u.email, u.display_name, u.password_hash, u.roles, u.locale,
  u.totp_secret, u.mfa_enabled, u.failed_attempts, u.locked_until, u.disabled_at, u.version, u.created_at,
  o.requires_mfa, o.name as organisation_name, o.kind as organisation_kind`;

export async function findUserByEmail(ex: Executor, email: string): Promise<UserRow | undefined> {
  const rows = await queryRows<UserRow>(
    ex,
    sql`select ${USER_COLUMNS} from users u join organisations o on o.id = u.organisation_id where lower(u.email) = lower(${email})`,
  );
  return rows[0];
}

export async function findUserById(ex: Executor, id: string): Promise<UserRow | undefined> {
  const rows = await queryRows<UserRow>(
    ex,
    sql`select ${USER_COLUMNS} from users u join organisations o on o.id = u.organisation_id where u.id = ${id}`,
  );
  return rows[0];
}

export async function listUsers(ex: Executor): Promise<UserRow[]> {
  return queryRows<UserRow>(
    ex,
    sql`select ${USER_COLUMNS} from users u join organisations o on o.id = u.organisation_id order by u.display_name, u.email`,
  );
}

export async function countUsers(ex: Executor): Promise<number> {
  const rows = await queryRows<{ n: number }>(ex, sql`select count(*)::int as n from users`);
  return rows[0]?.n ?? 0;
}

export async function insertUser(
  ex: Executor,
  u: { id: string; tenantId: string; organisationId: string; email: string; displayName: string; passwordHash: string | null; roles: Role[]; locale: string },
): Promise<void> {
  await ex.execute(sql`insert into users (id, tenant_id, organisation_id, email, display_name, password_hash, roles, locale)
    values (${u.id}, ${u.tenantId}, ${u.organisationId}, ${u.email}, ${u.displayName}, ${u.passwordHash},
      ${textArray(u.roles)}, ${u.locale})`);
}

export async function recordFailedSignIn(ex: Executor, userId: string, failedAttempts: number, lockedUntil: Date | null) {
  await ex.execute(sql`update users set failed_attempts = ${failedAttempts},
    locked_until = ${lockedUntil ? lockedUntil.toISOString() : null}::timestamptz where id = ${userId}`);
}

export async function recordSuccessfulSignIn(ex: Executor, userId: string) {
  await ex.execute(sql`update users set failed_attempts = 0, locked_until = null where id = ${userId} and (failed_attempts <> 0 or locked_until is not null)`);
}

export interface SessionRow {
  id: string;
  tenant_id: string;
  user_id: string;
  csrf_token_hash: string;
  expires_at: string;
  last_seen_at: string;
  mfa_pending: boolean;
}

export async function insertSession(
  ex: Executor,
  s: { id: string; tenantId: string; userId: string; tokenHash: string; csrfHash: string; expiresAt: Date; mfaPending: boolean; userAgent: string | null; ip: string | null },
) {
  await ex.execute(sql`insert into sessions (id, tenant_id, user_id, token_hash, csrf_token_hash, expires_at, mfa_pending, user_agent, ip)
    values (${s.id}, ${s.tenantId}, ${s.userId}, ${s.tokenHash}, ${s.csrfHash}, ${s.expiresAt.toISOString()}, ${s.mfaPending}, ${s.userAgent}, ${s.ip})`);
}

/** The live session behind a token, with its user, or nothing when revoked, expired or disabled. */
export async function findLiveSession(ex: Executor, tokenHash: string, now: Date) {
  const rows = await queryRows<SessionRow & { roles: Role[]; organisation_id: string; locale: 'nl' | 'en' }>(
    ex,
    sql`select s.id, s.tenant_id, s.user_id, s.csrf_token_hash, s.expires_at, s.last_seen_at, s.mfa_pending,
        u.roles, u.organisation_id, u.locale
      from sessions s join users u on u.id = s.user_id
      where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > ${now.toISOString()}
        and u.disabled_at is null`,
  );
  return rows[0];
}

export async function touchSession(ex: Executor, sessionId: string, now: Date) {
  await ex.execute(sql`update sessions set last_seen_at = ${now.toISOString()} where id = ${sessionId}`);
}

export async function listSessionsOfUser(ex: Executor, userId: string, now: Date) {
  return queryRows<{ id: string; created_at: string; expires_at: string; last_seen_at: string; user_agent: string | null; ip: string | null }>(
    ex,
    sql`select id, created_at, expires_at, last_seen_at, user_agent, ip from sessions
      where user_id = ${userId} and revoked_at is null and expires_at > ${now.toISOString()} order by created_at desc`,
  );
}

export async function revokeSession(ex: Executor, sessionId: string, userId: string | null, now: Date): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`update sessions set revoked_at = ${now.toISOString()}
      where id = ${sessionId} and revoked_at is null ${userId ? sql`and user_id = ${userId}` : sql``} returning id`,
  );
  return rows.length > 0;
}

export async function revokeAllSessionsOfUser(ex: Executor, userId: string, now: Date) {
  await ex.execute(sql`update sessions set revoked_at = ${now.toISOString()} where user_id = ${userId} and revoked_at is null`);
}

export async function setMfaPending(ex: Executor, sessionId: string, pending: boolean) {
  await ex.execute(sql`update sessions set mfa_pending = ${pending} where id = ${sessionId}`);
}

export interface ApiTokenRow {
  id: string;
  tenant_id: string;
  organisation_id: string;
  name: string;
  purpose: string;
  roles: Role[];
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

const API_TOKEN_COLUMNS = sql`id, tenant_id, organisation_id, name, purpose, roles, created_at, expires_at, revoked_at, last_used_at`;

export async function findLiveApiToken(ex: Executor, tokenHash: string, now: Date): Promise<ApiTokenRow | undefined> {
  const rows = await queryRows<ApiTokenRow>(
    ex,
    sql`select ${API_TOKEN_COLUMNS} from api_tokens where token_hash = ${tokenHash} and revoked_at is null
        and (expires_at is null or expires_at > ${now.toISOString()})`,
  );
  return rows[0];
}

export async function touchApiToken(ex: Executor, id: string, now: Date) {
  await ex.execute(sql`update api_tokens set last_used_at = ${now.toISOString()} where id = ${id}`);
}

export async function listApiTokens(ex: Executor): Promise<ApiTokenRow[]> {
  return queryRows<ApiTokenRow>(ex, sql`select ${API_TOKEN_COLUMNS} from api_tokens order by created_at desc`);
}

export async function findApiToken(ex: Executor, id: string): Promise<ApiTokenRow | undefined> {
  const rows = await queryRows<ApiTokenRow>(ex, sql`select ${API_TOKEN_COLUMNS} from api_tokens where id = ${id}`);
  return rows[0];
}

export interface OrganisationRow {
  id: string;
  tenant_id: string;
  kind: 'agency' | 'partner';
  partner_type: string | null;
  code: string;
  name: string;
  requires_mfa: boolean;
}

export async function listOrganisations(ex: Executor): Promise<OrganisationRow[]> {
  return queryRows<OrganisationRow>(
    ex,
    sql`select id, tenant_id, kind, partner_type, code, name, requires_mfa from organisations order by kind, name`,
  );
}

export async function findOrganisation(ex: Executor, id: string): Promise<OrganisationRow | undefined> {
  const rows = await queryRows<OrganisationRow>(
    ex,
    sql`select id, tenant_id, kind, partner_type, code, name, requires_mfa from organisations where id = ${id}`,
  );
  return rows[0];
}
