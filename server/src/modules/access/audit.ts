import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { queryRows, textArray, type Executor } from '../../platform/db/database';

export const AUDIT_ACTIONS = ['read', 'search', 'create', 'update', 'merge', 'unmerge', 'link', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Appends one audit event in the caller's transaction. The summary is a curated description
 * ("read person", "changed address"), never the personal data itself.
 */
export async function recordAudit(
  tx: Executor,
  ctx: ActorContext,
  event: { action: AuditAction; subjectType: string; subjectId: string | null; summary: string },
): Promise<void> {
  const a = ctx.actor;
  await tx.execute(sql`insert into audit_events (tenant_id, actor_user_id, actor_token_id, actor_organisation_id, actor_roles,
      purpose, action, subject_type, subject_id, summary, request_id, ip)
    values (${a.tenantId}, ${a.userId}, ${a.tokenId}, ${a.organisationId}, ${textArray(a.roles)}, ${a.purpose},
      ${event.action}, ${event.subjectType}, ${event.subjectId}, ${event.summary}, ${ctx.requestId}, ${ctx.ip})`);
}

export interface AuditEventRow {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_display_name: string | null;
  actor_token_id: string | null;
  actor_token_name: string | null;
  actor_organisation_id: string | null;
  actor_organisation_name: string | null;
  actor_roles: string[];
  purpose: string;
  action: AuditAction;
  subject_type: string;
  subject_id: string | null;
  summary: string;
  request_id: string | null;
}

const EVENT_SELECT = sql`select e.id::text as id, e.occurred_at, e.actor_user_id, u.display_name as actor_display_name,
    e.actor_token_id, t.name as actor_token_name, e.actor_organisation_id, o.name as actor_organisation_name,
    e.actor_roles, e.purpose, e.action, e.subject_type, e.subject_id, e.summary, e.request_id
  from audit_events e
  left join users u on u.id = e.actor_user_id
  left join api_tokens t on t.id = e.actor_token_id
  left join organisations o on o.id = e.actor_organisation_id`;

export async function listSubjectAccess(ex: Executor, subjectType: string, subjectId: string, limit: number, before: string | null) {
  return listAccessToSubjects(ex, { [subjectType]: [subjectId] }, limit, before);
}

/**
 * Events about any of several subjects (ids per subject type), newest first: a person's whole
 * file for "who looked at my data" in the portal. `excludePurpose` leaves out one purpose, such as
 * the person's own use of their portal.
 */
export async function listAccessToSubjects(
  ex: Executor,
  subjects: Readonly<Record<string, readonly string[]>>,
  limit: number,
  before: string | null,
  excludePurpose: string | null = null,
) {
  const matches = Object.entries(subjects)
    .filter(([, ids]) => ids.length > 0)
    .map(([type, ids]) => sql`(e.subject_type = ${type} and e.subject_id = any(${textArray(ids)}::uuid[]))`);
  if (!matches.length) return [];
  return queryRows<AuditEventRow>(
    ex,
    sql`${EVENT_SELECT} where (${sql.join(matches, sql` or `)})
      ${excludePurpose ? sql`and e.purpose <> ${excludePurpose}` : sql``}
      ${before ? sql`and e.id < ${before}::bigint` : sql``}
      order by e.id desc limit ${limit}`,
  );
}

export async function listEventsInPeriod(ex: Executor, from: Date, to: Date, limit: number) {
  return queryRows<AuditEventRow>(
    ex,
    sql`${EVENT_SELECT} where e.occurred_at >= ${from.toISOString()} and e.occurred_at < ${to.toISOString()}
      order by e.id limit ${limit}`,
  );
}

export function auditEventView(e: AuditEventRow) {
  return {
    id: e.id,
    occurredAt: new Date(e.occurred_at).toISOString(),
    actor: {
      userId: e.actor_user_id,
      displayName: e.actor_display_name,
      tokenName: e.actor_token_name,
      organisationName: e.actor_organisation_name,
      roles: e.actor_roles,
    },
    purpose: e.purpose,
    action: e.action,
    subjectType: e.subject_type,
    subjectId: e.subject_id,
    summary: e.summary,
  };
}
