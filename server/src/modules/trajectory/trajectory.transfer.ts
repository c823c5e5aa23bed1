/**
 * Overdracht — a person who moves into another agency's area keeps one dossier: it moves with its
 * history to that agency instead of being closed (WF-10), and the receiving agency is notified.
 *
 * Moving rows between tenants is the one thing row-level security exists to prevent, so this runs
 * as the schema owner, in one transaction, after the sending agency's own (RLS-checked) read has
 * proven that the caller may see the dossier and that its version is current.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { queryRows, withTenant } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { appendJournal } from '../../platform/journal';
import { recordAudit, requirePermission, scopeOf } from '../access';
import { decide, RuleRefusal } from './dossier/decide';
import * as q from './trajectory.queries';
import { belgianDate, deriveDossier, type TrajectoryDeps } from './trajectory.service';

export async function transferDossier(
  deps: TrajectoryDeps,
  ctx: ActorContext,
  dossierId: string,
  expectedVersion: number,
  input: { date: string; toAgency: string; reason: string },
): Promise<{ dossierId: string; toAgency: string }> {
  requirePermission(ctx, 'dossier.guide');
  const today = belgianDate(deps.clock());
  const [target] = await queryRows<{ id: string }>(deps.db.owner, sql`select id from organisations where kind = 'agency' and code = ${input.toAgency}`);
  if (!target) throw notFound('agency');
  if (target.id === ctx.actor.tenantId) throw new AppError('validation', { fields: [{ field: 'toAgency', code: 'same-agency' }] });

  const row = await withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const found = await q.findDossier(tx, dossierId, true);
    if (!found) throw notFound('dossier');
    if (found.version !== expectedVersion) throw new AppError('version-conflict', { extra: { currentVersion: found.version } });
    // The same checks as any command (open dossier, dates), with a closure as the stand-in.
    try {
      decide(found.state, { type: 'record-change-of-circumstances', date: input.date, change: 'address' }, {
        today,
        person: { birthDate: null },
        profiles: [],
        certificateNumber: () => '',
        newId: () => '',
      });
    } catch (error) {
      if (error instanceof RuleRefusal) {
        throw new AppError('rule-violation', { values: { ...error.values, rule: error.rule, refusal: error.refusal }, extra: { rule: error.rule, refusal: error.refusal } });
      }
      throw error;
    }
    return found;
  });

  const from = ctx.actor.tenantId;
  const to = target.id;
  // Running infringements lose their basis with the move (R-21: address change).
  const state = structuredClone(row.state);
  for (const infringement of state.infringements) {
    if (infringement.status === 'detected' || infringement.status === 'notice-sent' || infringement.status === 'handed-over') {
      infringement.status = 'annulled';
      infringement.annulled = { on: input.date, change: 'address' };
    }
  }
  state.caseWorkerId = null;
  const derived = deriveDossier(state, today);
  await deps.db.owner.transaction(async (tx) => {
    const moved = await queryRows<{ id: string }>(
      tx,
      sql`update dossiers set tenant_id = ${to}, state = ${JSON.stringify(state)}::jsonb, case_worker_id = null,
          follow_up = ${JSON.stringify(derived.followUp)}::jsonb, next_due_on = ${derived.nextDueOn}::date, urgency = ${derived.urgency},
          computed_on = ${today}::date, version = version + 1, updated_at = now()
        where id = ${dossierId} and tenant_id = ${from} and version = ${expectedVersion} returning id`,
    );
    if (!moved.length) throw new AppError('version-conflict');
    await tx.execute(sql`update persons set tenant_id = ${to}, version = version + 1, updated_at = now() where id = ${row.person_id} and tenant_id = ${from}`);
    await tx.execute(sql`update person_search_terms set tenant_id = ${to} where person_id = ${row.person_id} and tenant_id = ${from}`);
    await tx.execute(sql`update certificates set tenant_id = ${to} where dossier_id = ${dossierId} and tenant_id = ${from}`);
    // The journal is append-only: the receiving agency gets a copy of the history; the sender keeps its own.
    await tx.execute(sql`insert into journal_entries (tenant_id, dossier_id, entry_type, schema_version, payload, actor_user_id, actor_token_id,
        purpose, effective_at, recorded_at, request_id)
      select ${to}, dossier_id, entry_type, schema_version, payload || jsonb_build_object('copiedFromAgency', ${from}::text), actor_user_id,
        actor_token_id, purpose, effective_at, recorded_at, request_id
      from journal_entries where tenant_id = ${from} and dossier_id in (${dossierId}, ${row.person_id}) order by id`);
    const entry = { dossierId, type: 'dossier.transferred', payload: { fromAgency: from, toAgency: input.toAgency, reason: input.reason }, effectiveAt: new Date(`${input.date}T12:00:00Z`) };
    await appendJournal(tx, ctx, entry);
    await appendJournal(tx, { ...ctx, actor: { ...ctx.actor, tenantId: to } }, entry);
    await tx.execute(sql`insert into dossier_transfers (id, tenant_id, dossier_id, from_tenant_id, to_tenant_id, transferred_on, reason, created_by)
      values (${randomUUID()}, ${from}, ${dossierId}, ${from}, ${to}, ${input.date}::date, ${input.reason}, ${ctx.actor.userId})`);
    await tx.execute(sql`insert into notifications (id, tenant_id, kind, dossier_id, payload)
      values (${randomUUID()}, ${to}, 'dossier-transferred-in', ${dossierId},
        ${JSON.stringify({ fromAgency: from, personId: row.person_id, date: input.date, reason: input.reason })}::jsonb)`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'dossier', subjectId: dossierId, summary: `transferred to ${input.toAgency}` });
  });
  return { dossierId, toAgency: input.toAgency };
}

export async function listNotifications(deps: TrajectoryDeps, ctx: ActorContext, unreadOnly: boolean) {
  requirePermission(ctx, 'dossier.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await queryRows<{ id: string; kind: string; dossier_id: string | null; payload: Record<string, unknown>; created_at: string; read_at: string | null }>(
      tx,
      sql`select id, kind, dossier_id, payload, created_at, read_at from notifications
        ${unreadOnly ? sql`where read_at is null` : sql``} order by created_at desc limit 100`,
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      dossierId: r.dossier_id,
      payload: r.payload,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    }));
  });
}

export async function markNotificationRead(deps: TrajectoryDeps, ctx: ActorContext, id: string): Promise<void> {
  requirePermission(ctx, 'dossier.read');
  await withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await queryRows<{ id: string }>(tx, sql`update notifications set read_at = coalesce(read_at, now()), read_by = coalesce(read_by, ${ctx.actor.userId}) where id = ${id} returning id`);
    if (!rows.length) throw notFound('notification');
  });
}
