/**
 * Resilience of the interpreter work (PAIN-10: the freelancer portal was down for weeks after the
 * December 2022 cyber attack): an interpreter subscribes their own calendar app to a secret
 * iCalendar feed of their offered and accepted assignments, and the desk can take all assignments
 * of the coming days in one .ics file. Both keep working from a copy when the portal does not.
 *
 * The feed URL carries a random token; only its SHA-256 hash is stored (interpreters.calendar_token_hash).
 * Issuing a new token replaces the old one (the old URL stops working). The feed holds what the
 * interpreter needs to get there (time, channel, language, address) and not the subject of the
 * conversation: calendar apps copy feeds to their own clouds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { queryRows, withTenant, type Database } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { translate, type ServerLocale } from '../../platform/i18n/i18n';
import { nextDay, writeCalendar, type IcsEvent } from '../../platform/ical';
import { can, recordAudit, requirePermission, scopeOf } from '../access';
import * as q from './interpreting.queries';
import type { InterpretingDeps } from './interpreting.service';

export const CALENDAR_PATH = '/api/v1/interpreting/calendar';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const calendarTokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** (Re)issues the interpreter's feed token: the desk, or the interpreter themself. Returns the token once. */
export async function issueCalendarToken(deps: InterpretingDeps, ctx: ActorContext, interpreterId: string): Promise<{ interpreterId: string; token: string; path: string }> {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const interpreter = await q.findInterpreter(tx, interpreterId, true);
    if (!interpreter) throw notFound('interpreter');
    if (!can(ctx.actor, 'interpreting.desk') && !(can(ctx.actor, 'interpreting.assignment.self') && interpreter.user_id === ctx.actor.userId)) {
      throw forbidden('interpreting.desk');
    }
    const token = randomBytes(32).toString('base64url');
    await tx.execute(sql`update interpreters set calendar_token_hash = ${calendarTokenHash(token)}, version = version + 1 where id = ${interpreterId}`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreter', subjectId: interpreterId, summary: 'calendar feed token issued' });
    return { interpreterId, token, path: `${CALENDAR_PATH}/${token}.ics` };
  });
}

/** Stops the feed (a lost phone, a leaked URL). */
export async function revokeCalendarToken(deps: InterpretingDeps, ctx: ActorContext, interpreterId: string): Promise<{ interpreterId: string }> {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const interpreter = await q.findInterpreter(tx, interpreterId, true);
    if (!interpreter) throw notFound('interpreter');
    if (!can(ctx.actor, 'interpreting.desk') && !(can(ctx.actor, 'interpreting.assignment.self') && interpreter.user_id === ctx.actor.userId)) {
      throw forbidden('interpreting.desk');
    }
    await tx.execute(sql`update interpreters set calendar_token_hash = null, version = version + 1 where id = ${interpreterId}`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreter', subjectId: interpreterId, summary: 'calendar feed token revoked' });
    return { interpreterId };
  });
}

interface FeedRow {
  id: string;
  status: string;
  starts_at: string | null;
  ends_at: string | null;
  deadline: string | null;
  channel: string;
  language: string;
  variant: string;
  address: q.RequestRow['address'];
  interpreter_name: string;
}

function eventOf(row: FeedRow, locale: ServerLocale, stamp: Date, withInterpreter: boolean): IcsEvent {
  const t = (id: string, values?: Record<string, string | number>) => translate(locale, `interpreting.calendar.${id}`, values);
  const what = {
    language: row.variant ? `${row.language.toUpperCase()} (${row.variant})` : row.language.toUpperCase(),
    channel: translate(locale, `interpreting.billing.channel.${row.channel}`),
  };
  const summary = withInterpreter ? t('summary-desk', { ...what, interpreter: row.interpreter_name }) : t('summary', what);
  const timed = row.starts_at && row.ends_at;
  const deadline = row.deadline ?? new Date(row.starts_at ?? stamp).toISOString().slice(0, 10);
  return {
    uid: `interpreting-${row.id}@kruispunt`,
    stamp,
    start: timed ? { kind: 'date-time', at: new Date(row.starts_at!) } : { kind: 'date', on: deadline },
    end: timed ? { kind: 'date-time', at: new Date(row.ends_at!) } : { kind: 'date', on: nextDay(deadline) },
    summary,
    description: t(`status.${row.status === 'offered' ? 'offered' : 'accepted'}`),
    location: row.address ? `${row.address.street} ${row.address.houseNumber}, ${row.address.postalCode} ${row.address.municipality}` : undefined,
    status: row.status === 'offered' ? 'TENTATIVE' : 'CONFIRMED',
  };
}

const FEED_COLUMNS = sql`s.id, s.status, s.starts_at, s.ends_at, to_char(r.deadline, 'YYYY-MM-DD') as deadline, r.channel, r.language, r.variant, r.address, i.name as interpreter_name`;

/**
 * The public feed: the token is the credential. Looked up as the owner (no session, so no tenant
 * yet); every query then filters on the interpreter's tenant and id. Null when the token is unknown.
 */
export async function interpreterFeed(deps: { db: Database; clock: () => Date }, token: string, locale: ServerLocale): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const [interpreter] = await queryRows<{ id: string; tenant_id: string; name: string }>(
    deps.db.owner,
    sql`select id, tenant_id, name from interpreters where calendar_token_hash = ${calendarTokenHash(token)} and active`,
  );
  if (!interpreter) return null;
  const now = deps.clock();
  const rows = await queryRows<FeedRow>(
    deps.db.owner,
    sql`select ${FEED_COLUMNS} from interpreting_assignments s join interpreting_requests r on r.id = s.request_id join interpreters i on i.id = s.interpreter_id
      where s.tenant_id = ${interpreter.tenant_id} and s.interpreter_id = ${interpreter.id} and s.status in ('offered', 'accepted')
        and coalesce(s.starts_at, r.deadline::timestamptz) >= ${new Date(now.getTime() - 30 * 86_400_000).toISOString()}
        and coalesce(s.starts_at, r.deadline::timestamptz) < ${new Date(now.getTime() + 400 * 86_400_000).toISOString()}
      order by coalesce(s.starts_at, r.deadline::timestamptz), s.id`,
  );
  return writeCalendar(
    rows.map((r) => eventOf(r, locale, now, false)),
    { name: translate(locale, 'interpreting.calendar.name', { name: interpreter.name }) },
  );
}

/** The desk's offline copy: every offered and accepted assignment of the coming `days` days in one .ics. */
export async function exportAssignments(deps: InterpretingDeps, ctx: ActorContext, days: number): Promise<string> {
  requirePermission(ctx, 'interpreting.desk');
  const now = deps.clock();
  const rows = await withTenant(deps.db, scopeOf(ctx), (tx) =>
    queryRows<FeedRow>(
      tx,
      sql`select ${FEED_COLUMNS} from interpreting_assignments s join interpreting_requests r on r.id = s.request_id join interpreters i on i.id = s.interpreter_id
        where s.status in ('offered', 'accepted')
          and coalesce(s.ends_at, r.deadline::timestamptz + interval '1 day') > ${now.toISOString()}
          and coalesce(s.starts_at, r.deadline::timestamptz) < ${new Date(now.getTime() + days * 86_400_000).toISOString()}
        order by coalesce(s.starts_at, r.deadline::timestamptz), s.id`,
    ),
  );
  return writeCalendar(
    rows.map((r) => eventOf(r, ctx.locale, now, true)),
    { name: translate(ctx.locale, 'interpreting.calendar.desk-name') },
  );
}
