import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { isUniqueViolation, queryRows, textArray, withTenant } from '../../platform/db/database';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors';
import * as q from './access.queries';
import { scopeOf, publicUser, type AccessDeps, type PublicUser } from './access.service';
import { forgetCredentials } from './credential-cache';
import { hashPassword, newToken, tokenHash } from './credentials';
import { can, ROLE_PURPOSES, type Permission, type Purpose, type Role } from './roles';

/** The one choke point for permission checks in services. */
export function requirePermission(ctx: ActorContext, permission: Permission): void {
  if (!can(ctx.actor, permission)) throw forbidden(permission);
}

const AGII_TENANT = '00000000-0000-4000-8000-000000000001';

export async function listUsers(deps: AccessDeps, ctx: ActorContext): Promise<PublicUser[]> {
  requirePermission(ctx, 'user.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => (await q.listUsers(tx)).map(publicUser));
}

export interface NewUser {
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  password: string;
  locale: 'nl' | 'en';
}

export async function createUser(deps: AccessDeps, ctx: ActorContext, input: NewUser): Promise<PublicUser> {
  requirePermission(ctx, 'user.manage');
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  try {
    await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      // Under row-level security an organisation of another tenant is simply not found.
      const organisation = await q.findOrganisation(tx, input.organisationId);
      if (!organisation) throw invalidField('organisationId', 'unknown-organisation');
      await q.insertUser(tx, {
        id,
        tenantId: organisation.tenant_id,
        organisationId: organisation.id,
        email: input.email.toLowerCase(),
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
        locale: input.locale,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('email', 'email-taken');
    throw error;
  }
  return publicUser((await q.findUserById(deps.db.owner, id))!);
}

export interface UserChange {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  locale?: 'nl' | 'en' | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
  unlock?: boolean | undefined;
  resetMfa?: boolean | undefined;
}

/** Changes a user; `expectedVersion` comes from If-Match so a stale edit is refused, not applied. */
export async function updateUser(
  deps: AccessDeps,
  ctx: ActorContext,
  userId: string,
  expectedVersion: number,
  change: UserChange,
): Promise<PublicUser> {
  requirePermission(ctx, 'user.manage');
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  const now = deps.clock();
  await withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const current = await q.findUserById(tx, userId);
    if (!current) throw notFound('user');
    if (current.version !== expectedVersion) {
      throw new AppError('version-conflict', { extra: { currentVersion: current.version } });
    }
    if (change.disabled && userId === ctx.actor.userId) throw invalidField('disabled', 'cannot-disable-self');
    if (change.roles && userId === ctx.actor.userId && !change.roles.includes('administrator')) {
      throw invalidField('roles', 'cannot-drop-own-admin');
    }
    await tx.execute(sql`update users set
        display_name = coalesce(${change.displayName ?? null}, display_name),
        roles = ${change.roles ? textArray(change.roles) : sql`roles`},
        locale = coalesce(${change.locale ?? null}, locale),
        disabled_at = ${change.disabled === undefined ? sql`disabled_at` : change.disabled ? sql`${now.toISOString()}::timestamptz` : sql`null`},
        password_hash = coalesce(${passwordHash ?? null}, password_hash),
        failed_attempts = ${change.unlock ? sql`0` : sql`failed_attempts`},
        locked_until = ${change.unlock ? sql`null` : sql`locked_until`},
        mfa_enabled = ${change.resetMfa ? sql`false` : sql`mfa_enabled`},
        totp_secret = ${change.resetMfa ? sql`null` : sql`totp_secret`},
        version = version + 1, updated_at = now()
      where id = ${userId}`);
    // A disabled account, a new password or new roles end the sessions that were opened before.
    if (change.disabled || change.password || change.roles || change.resetMfa) {
      await q.revokeAllSessionsOfUser(tx, userId, now);
    }
  });
  forgetCredentials();
  return publicUser((await q.findUserById(deps.db.owner, userId))!);
}

export async function listOrganisations(deps: AccessDeps, ctx: ActorContext) {
  return withTenant(deps.db, scopeOf(ctx), (tx) => q.listOrganisations(tx));
}

export async function createOrganisation(
  deps: AccessDeps,
  ctx: ActorContext,
  input: { code: string; name: string; partnerType: string; requiresMfa: boolean },
) {
  requirePermission(ctx, 'organisation.manage');
  const id = randomUUID();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      await tx.execute(sql`insert into organisations (id, tenant_id, kind, partner_type, code, name, requires_mfa)
        values (${id}, ${ctx.actor.tenantId}, 'partner', ${input.partnerType}, ${input.code}, ${input.name}, ${input.requiresMfa})`);
      return (await q.findOrganisation(tx, id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('code', 'code-taken');
    throw error;
  }
}

export async function updateOrganisation(deps: AccessDeps, ctx: ActorContext, id: string, input: { name?: string | undefined; requiresMfa?: boolean | undefined }) {
  requirePermission(ctx, 'organisation.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`update organisations set name = coalesce(${input.name ?? null}, name), requires_mfa = coalesce(${input.requiresMfa ?? null}, requires_mfa)
        where id = ${id} returning id`,
    );
    if (!rows.length) throw notFound('organisation');
    return (await q.findOrganisation(tx, id))!;
  });
}

export function apiTokenView(t: q.ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    organisationId: t.organisation_id,
    purpose: t.purpose as Purpose,
    roles: t.roles,
    createdAt: new Date(t.created_at).toISOString(),
    expiresAt: t.expires_at ? new Date(t.expires_at).toISOString() : null,
    revokedAt: t.revoked_at ? new Date(t.revoked_at).toISOString() : null,
    lastUsedAt: t.last_used_at ? new Date(t.last_used_at).toISOString() : null,
  };
}

export async function listApiTokens(deps: AccessDeps, ctx: ActorContext) {
  requirePermission(ctx, 'api-token.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => (await q.listApiTokens(tx)).map(apiTokenView));
}

/** Issues a partner API token; the secret is shown once and only its hash is kept. */
export async function issueApiToken(
  deps: AccessDeps,
  ctx: ActorContext,
  input: { name: string; organisationId: string; purpose: Purpose; roles: Role[]; expiresAt?: string | undefined },
) {
  requirePermission(ctx, 'api-token.manage');
  const badRole = input.roles.find((r) => !(ROLE_PURPOSES[r] as readonly Purpose[]).includes(input.purpose));
  if (badRole) throw invalidField('purpose', 'purpose-not-allowed-for-role', { role: badRole });
  if (input.roles.includes('administrator')) throw invalidField('roles', 'token-cannot-administer');
  const token = newToken('apiToken');
  const id = randomUUID();
  const issued = await withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const organisation = await q.findOrganisation(tx, input.organisationId);
    if (!organisation) throw invalidField('organisationId', 'unknown-organisation');
    await tx.execute(sql`insert into api_tokens (id, tenant_id, organisation_id, name, purpose, roles, token_hash, created_by, expires_at)
      values (${id}, ${organisation.tenant_id}, ${organisation.id}, ${input.name}, ${input.purpose}, ${textArray(input.roles)},
        ${tokenHash(token)}, ${ctx.actor.userId}, ${input.expiresAt ?? null})`);
    return (await q.findApiToken(tx, id))!;
  });
  return { ...apiTokenView(issued), token };
}

export async function revokeApiToken(deps: AccessDeps, ctx: ActorContext, id: string): Promise<void> {
  requirePermission(ctx, 'api-token.manage');
  const now = deps.clock();
  await withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`update api_tokens set revoked_at = coalesce(revoked_at, ${now.toISOString()}::timestamptz) where id = ${id} returning id`,
    );
    if (!rows.length) throw notFound('api-token');
  });
  forgetCredentials();
}

/**
 * First start: the configured administrator is created in the Flemish agency, or, without one, a
 * one-time set-up link is returned for the console. Does nothing once any user exists.
 */
export async function bootstrapAdministrator(
  deps: AccessDeps,
  admin: { email: string; password: string } | null,
): Promise<{ created: 'admin' } | { created: 'setup-token'; token: string } | { created: 'nothing' }> {
  if ((await q.countUsers(deps.db.owner)) > 0) return { created: 'nothing' };
  if (admin) {
    await createAgencyAdministrator(deps, { agencyCode: 'agii', email: admin.email, displayName: 'Administrator', password: admin.password });
    return { created: 'admin' };
  }
  const token = newToken('setup');
  const expires = new Date(deps.clock().getTime() + 24 * 3600_000);
  await deps.db.owner.execute(sql`insert into setup_tokens (token_hash, expires_at) values (${tokenHash(token)}, ${expires.toISOString()})`);
  return { created: 'setup-token', token };
}

/**
 * Creates an administrator in an agency (tenant) as the schema owner: the operator's way to give a
 * new agency its first administrator (`npm run kruispunt -- create-admin`), who then manages the rest.
 */
export async function createAgencyAdministrator(
  deps: Pick<AccessDeps, 'db'>,
  input: { agencyCode: string; email: string; displayName: string; password: string },
): Promise<PublicUser> {
  return createAgencyUser(deps, { ...input, roles: ['administrator'] });
}

/** A user of an agency created by the operator (command line, demo data), outside any request. */
export async function createAgencyUser(
  deps: Pick<AccessDeps, 'db'>,
  input: { agencyCode: string; email: string; displayName: string; password: string; roles: Role[] },
): Promise<PublicUser> {
  const agencies = await queryRows<{ id: string }>(deps.db.owner, sql`select id from organisations where kind = 'agency' and code = ${input.agencyCode}`);
  const agency = agencies[0];
  if (!agency) throw invalidField('agency', 'unknown-organisation');
  const id = randomUUID();
  try {
    await q.insertUser(deps.db.owner, {
      id,
      tenantId: agency.id,
      organisationId: agency.id,
      email: input.email.toLowerCase(),
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      roles: input.roles,
      locale: 'nl',
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('email', 'email-taken');
    throw error;
  }
  return publicUser((await q.findUserById(deps.db.owner, id))!);
}

/** Redeems the one-time set-up link: creates the first administrator, once. */
export async function completeSetup(
  deps: AccessDeps,
  input: { token: string; email: string; displayName: string; password: string },
): Promise<PublicUser> {
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await deps.db.owner.transaction(async (tx) => {
    const used = await queryRows<{ token_hash: string }>(
      tx,
      sql`update setup_tokens set used_at = now()
        where token_hash = ${tokenHash(input.token)} and used_at is null and expires_at > ${deps.clock().toISOString()}
        returning token_hash`,
    );
    if (!used.length || (await q.countUsers(tx)) > 0) throw new AppError('setup-token-invalid');
    await q.insertUser(tx, {
      id,
      tenantId: AGII_TENANT,
      organisationId: AGII_TENANT,
      email: input.email.toLowerCase(),
      displayName: input.displayName,
      passwordHash,
      roles: ['administrator'],
      locale: 'nl',
    });
  });
  return publicUser((await q.findUserById(deps.db.owner, id))!);
}
