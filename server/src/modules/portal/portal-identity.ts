/**
 * Who is signed in to the newcomer's portal (klantenportaal): portal accounts, linked by staff to
 * one person, and their sessions. A newcomer is not a staff user (ADR 0013): the actor of a portal
 * request has no roles, acts for the purpose `own-data` and carries the person it may see, taken
 * from the session and never from the URL.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, withTenant, type Database, type Executor } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import type { ActorContext, RequestContext } from '../../platform/context';
import { recordAudit, requirePermission, scopeOf, type AccessDeps, type Actor } from '../access';
import { newToken, tokenHash } from '../access/credentials';

export const PORTAL_LOCALES = ['nl', 'en', 'fr', 'ar', 'prs', 'ps', 'ti', 'uk', 'ru', 'so', 'tr', 'es'] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];

/** A portal session ends after this long without a request… */
export const PORTAL_IDLE_MS = 30 * 60_000;
/** …and after this long in all, however busy. */
export const PORTAL_ABSOLUTE_MS = 8 * 3600_000;
// Writing last_seen_at at every request would turn every read into a write.
const TOUCH_INTERVAL_MS = 60_000;

/** What a portal request knows beyond the actor: whose portal this is. */
export interface PortalIdentity {
  accountId: string;
  personId: string;
  locale: PortalLocale;
}

export type PortalContext = ActorContext & { portal: PortalIdentity };

export interface PortalAccountRow {
  id: string;
  tenant_id: string;
  person_id: string;
  email: string;
  locale: PortalLocale;
  oidc_subject: string | null;
  created_at: string;
  last_sign_in_at: string | null;
  disabled_at: string | null;
}

const ACCOUNT_COLUMNS = sql`id, tenant_id, person_id, email, locale, oidc_subject, created_at, last_sign_in_at, disabled_at`;

export function accountView(a: PortalAccountRow) {
  return {
    id: a.id,
    personId: a.person_id,
    email: a.email,
    locale: a.locale,
    oidcLinked: a.oidc_subject !== null,
    createdAt: new Date(a.created_at).toISOString(),
    lastSignInAt: a.last_sign_in_at ? new Date(a.last_sign_in_at).toISOString() : null,
  };
}

/** The live account of a person, if any. */
export async function findAccountOfPerson(tx: Executor, personId: string): Promise<PortalAccountRow | undefined> {
  return (await queryRows<PortalAccountRow>(tx, sql`select ${ACCOUNT_COLUMNS} from portal_accounts where person_id = ${personId} and disabled_at is null`))[0];
}

/**
 * Account look-ups before anyone is signed in (an e-mail for a code, a person for an OpenID Connect
 * subject): the tenant is not known yet, so they run as the owner, reading only live accounts.
 */
export async function findLiveAccountByEmail(db: Database, email: string): Promise<PortalAccountRow | undefined> {
  return (await queryRows<PortalAccountRow>(db.owner, sql`select ${ACCOUNT_COLUMNS} from portal_accounts where lower(email) = lower(${email}) and disabled_at is null`))[0];
}

export async function findLiveAccountById(db: Database, id: string): Promise<PortalAccountRow | undefined> {
  return (await queryRows<PortalAccountRow>(db.owner, sql`select ${ACCOUNT_COLUMNS} from portal_accounts where id = ${id} and disabled_at is null`))[0];
}

/** The live account of the person with this INSZ (11 digits), whichever agency holds the person. */
export async function findLiveAccountByInsz(db: Database, insz: string): Promise<PortalAccountRow | undefined> {
  return (
    await queryRows<PortalAccountRow>(
      db.owner,
      sql`select ${ACCOUNT_COLUMNS} from portal_accounts
        where person_id in (select id from persons where insz = ${insz} and merged_into_id is null) and disabled_at is null`,
    )
  )[0];
}

export async function findLiveAccountByOidcSubject(db: Database, subject: string): Promise<PortalAccountRow | undefined> {
  return (await queryRows<PortalAccountRow>(db.owner, sql`select ${ACCOUNT_COLUMNS} from portal_accounts where oidc_subject = ${subject} and disabled_at is null`))[0];
}

/**
 * Remembers who the OpenID Connect provider said this was, to know them again without the INSZ
 * claim. The INSZ decides: an older account that held the same subject (a person since merged)
 * lets go of it.
 */
export async function rememberOidcSubject(db: Database, accountId: string, subject: string): Promise<void> {
  await db.owner.execute(sql`update portal_accounts set oidc_subject = null, version = version + 1 where oidc_subject = ${subject} and id <> ${accountId}`);
  await db.owner.execute(sql`update portal_accounts set oidc_subject = ${subject}, version = version + 1 where id = ${accountId} and oidc_subject is distinct from ${subject}`);
}

// ---------------------------------------------------------------------------------------------
// Staff: linking a person to a portal account

function requireLivePerson(tx: Executor, personId: string) {
  return queryRows<{ id: string }>(tx, sql`select id from persons where id = ${personId} and merged_into_id is null`).then((rows) => {
    if (!rows.length) throw notFound('person');
  });
}

/** A case worker opens the portal for a person: the e-mail receives sign-in codes. */
export async function linkAccount(deps: Pick<AccessDeps, 'db' | 'clock'>, ctx: ActorContext, personId: string, input: { email: string; locale: PortalLocale }) {
  requirePermission(ctx, 'dossier.guide');
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      await requireLivePerson(tx, personId);
      if (await findAccountOfPerson(tx, personId)) throw new AppError('portal-account-exists');
      const id = randomUUID();
      await tx.execute(sql`insert into portal_accounts (id, tenant_id, person_id, email, locale, created_by, created_at)
        values (${id}, ${ctx.actor.tenantId}, ${personId}, ${input.email.toLowerCase()}, ${input.locale}, ${ctx.actor.userId}, ${deps.clock().toISOString()})`);
      await recordAudit(tx, ctx, { action: 'create', subjectType: 'person', subjectId: personId, summary: 'portal account opened' });
      return accountView((await findAccountOfPerson(tx, personId))!);
    });
  } catch (error) {
    // The e-mail is the sign-in name: two live accounts cannot share it (also across agencies).
    if (isUniqueViolation(error, 'portal_accounts_email_key')) throw new AppError('validation', { fields: [{ field: 'email', code: 'portal-email-taken' }] });
    if (isUniqueViolation(error, 'portal_accounts_person_key')) throw new AppError('portal-account-exists');
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: unknown };
  if (e?.code === '23505' && (e.constraint === constraint || e.message?.includes(constraint))) return true;
  return e?.cause ? isUniqueViolation(e.cause, constraint) : false;
}

export async function getAccount(deps: Pick<AccessDeps, 'db'>, ctx: ActorContext, personId: string) {
  requirePermission(ctx, 'dossier.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    await requireLivePerson(tx, personId);
    const account = await findAccountOfPerson(tx, personId);
    if (!account) throw notFound('portal-account');
    return accountView(account);
  });
}

/** Closes the portal for the person: the account is disabled and its sessions end at once. */
export async function disableAccount(deps: Pick<AccessDeps, 'db' | 'clock'>, ctx: ActorContext, personId: string) {
  requirePermission(ctx, 'dossier.guide');
  const now = deps.clock().toISOString();
  await withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const account = await findAccountOfPerson(tx, personId);
    if (!account) throw notFound('portal-account');
    await tx.execute(sql`update portal_accounts set disabled_at = ${now}, version = version + 1 where id = ${account.id}`);
    await tx.execute(sql`update portal_sessions set revoked_at = ${now} where account_id = ${account.id} and revoked_at is null`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'person', subjectId: personId, summary: 'portal account closed' });
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface PortalSessionTokens {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session for an account that has just proven who it is (OpenID Connect or an e-mail code). */
export async function startPortalSession(
  db: Database,
  account: Pick<PortalAccountRow, 'id' | 'tenant_id'>,
  method: 'oidc' | 'email-code',
  meta: { now: Date; userAgent: string | null; ip: string | null },
): Promise<PortalSessionTokens> {
  const token = newToken('portal');
  const csrfToken = newToken('csrf');
  const expiresAt = new Date(meta.now.getTime() + PORTAL_ABSOLUTE_MS);
  await db.owner.execute(sql`insert into portal_sessions (id, tenant_id, account_id, token_hash, csrf_token_hash, method, created_at, last_seen_at, expires_at, user_agent, ip)
    values (${randomUUID()}, ${account.tenant_id}, ${account.id}, ${tokenHash(token)}, ${tokenHash(csrfToken)}, ${method}, ${meta.now.toISOString()},
      ${meta.now.toISOString()}, ${expiresAt.toISOString()}, ${meta.userAgent?.slice(0, 300) ?? null}, ${meta.ip})`);
  await db.owner.execute(sql`update portal_accounts set last_sign_in_at = ${meta.now.toISOString()} where id = ${account.id}`);
  return { token, csrfToken, expiresAt };
}

/** A newcomer acting in their own portal: no roles, the purpose `own-data`. */
export function newcomerActor(tenantId: string, sessionId: string | null): Actor {
  return {
    kind: 'newcomer',
    userId: null,
    tokenId: null,
    sessionId,
    tenantId,
    // The agency's own organisation shares the tenant's id; the newcomer acts within it.
    organisationId: tenantId,
    roles: [],
    purpose: 'own-data',
  };
}

export interface PortalCredential {
  actor: Actor;
  portal: PortalIdentity;
  csrfTokenHash: string;
}

/** The live session behind a portal cookie, or null when it is unknown, revoked, idle too long or too old. */
export async function authenticatePortal(db: Database, token: string, now: Date): Promise<PortalCredential | null> {
  const [session] = await queryRows<{ id: string; tenant_id: string; account_id: string; person_id: string; locale: PortalLocale; csrf_token_hash: string; last_seen_at: string }>(
    db.owner,
    sql`select s.id, s.tenant_id, s.account_id, a.person_id, a.locale, s.csrf_token_hash, s.last_seen_at
      from portal_sessions s join portal_accounts a on a.id = s.account_id
      where s.token_hash = ${tokenHash(token)} and s.revoked_at is null and s.expires_at > ${now.toISOString()}
        and s.last_seen_at > ${new Date(now.getTime() - PORTAL_IDLE_MS).toISOString()} and a.disabled_at is null`,
  );
  if (!session) return null;
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await db.owner.execute(sql`update portal_sessions set last_seen_at = ${now.toISOString()} where id = ${session.id}`);
  }
  return {
    actor: newcomerActor(session.tenant_id, session.id),
    portal: { accountId: session.account_id, personId: session.person_id, locale: session.locale },
    csrfTokenHash: session.csrf_token_hash,
  };
}

export async function endPortalSession(db: Database, ctx: PortalContext, now: Date): Promise<void> {
  if (ctx.actor.sessionId) await db.owner.execute(sql`update portal_sessions set revoked_at = ${now.toISOString()} where id = ${ctx.actor.sessionId}`);
}

// ---------------------------------------------------------------------------------------------
// The newcomer about themselves

export async function me(deps: Pick<AccessDeps, 'db'>, ctx: PortalContext) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const [row] = await queryRows<{ given_names: string; family_name: string; status: string | null }>(
      tx,
      sql`select p.given_names, p.family_name,
          (select d.status from dossiers d where d.person_id = p.id order by d.created_at desc limit 1) as status
        from persons p where p.id = ${ctx.portal.personId}`,
    );
    if (!row) throw notFound('person');
    return { givenName: row.given_names, familyName: row.family_name, locale: ctx.portal.locale, dossierStatus: row.status };
  });
}

export async function setLocale(deps: Pick<AccessDeps, 'db'>, ctx: PortalContext, locale: PortalLocale) {
  await withTenant(deps.db, scopeOf(ctx), (tx) => tx.execute(sql`update portal_accounts set locale = ${locale}, version = version + 1 where id = ${ctx.portal.accountId}`));
  return { locale };
}

/** The portal context of a request that passed the portal guard (platform/http/app.ts). */
export function portalContextOf(ctx: RequestContext): PortalContext {
  if (!ctx.actor || !ctx.portal) throw new AppError('unauthenticated');
  return ctx as PortalContext;
}
