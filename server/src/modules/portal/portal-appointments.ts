/**
 * "My appointments" (issue 6 §3): MO course sessions of the person's enrolments, MO test bookings,
 * NT2 conversations and the start of an NT2 course they are placed in, gathered from the planning
 * modules' tables (read only), as a list and as one iCalendar file. The newcomer can ask to move
 * one; the request waits in the planners' list until someone handles it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { isUniqueViolation, queryRows, withTenant, type Tx } from '../../platform/db/database';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { writeCalendar } from '../../platform/ical';
import { translate, type ServerLocale } from '../../platform/i18n/i18n';
import { can, recordAudit, scopeOf } from '../access';
import type { PortalContext, PortalLocale } from './portal-identity';
import type { AppointmentKind } from './portal-data.schema';
import type { PortalDataDeps } from './portal-trajectory';
import { appointmentEvent, appointmentView, type AppointmentRow } from './rules/appointments';

/** Titles and calendar texts come from the server catalogues (Dutch and English); the portal words the kind itself. */
const serverLocaleOf = (locale: PortalLocale): ServerLocale => (locale === 'en' ? 'en' : 'nl');

interface SourceRow {
  id: string;
  kind: AppointmentKind;
  label: string;
  name: string | null;
  provider: string | null;
  starts_at: string;
  ends_at: string | null;
  day: string | null;
  place_name: string | null;
  address: string | null;
  request_status: 'pending' | 'handled' | null;
  requested_at: string | null;
}

/**
 * Every appointment of the person, oldest first, with their latest change request. Dropped-out
 * enrolments, cancelled courses and cancelled test bookings are left out. No planned intake is
 * listed: the intake is recorded when it took place, and nothing plans it ahead yet.
 */
async function appointmentsOf(tx: Tx, personId: string, locale: ServerLocale): Promise<AppointmentRow[]> {
  const rows = await queryRows<SourceRow>(
    tx,
    sql`with appointments as (
        select s.id, 'course-session' as kind, 'mo-session' as label, c.code as name, null as provider, s.starts_at, s.ends_at, null as day,
          coalesce(s.location, c.location) as place_name, coalesce(s.location, c.location) as address
        from mo_enrolments e join mo_courses c on c.id = e.course_id join mo_sessions s on s.course_id = c.id
        where e.person_id = ${personId} and e.status <> 'dropped-out' and c.status <> 'cancelled'
      union all
        select b.id, 'test', case b.kind when 'exemption-test' then 'mo-exemption-test' else 'mo-test' end, null, null, sl.starts_at, null, null, tc.name, tc.address
        from test_bookings b join test_slots sl on sl.id = b.slot_id join test_centres tc on tc.id = sl.centre_id
        where b.person_id = ${personId} and b.status in ('booked', 'taken')
      union all
        select c.id, 'nt2-conversation', c.kind, null, null, c.starts_at, c.ends_at, null, c.location, c.location
        from nt2_conversations c where c.person_id = ${personId}
      union all
        select p.id, 'nt2-start', 'nt2-start', m.name, o.name, (sm.starts_on::timestamp at time zone 'Europe/Brussels'), null,
          to_char(sm.starts_on, 'YYYY-MM-DD'), o.name, coalesce(sm.location, m.location)
        from nt2_placements p join nt2_start_moments sm on sm.id = p.start_moment_id join nt2_modules m on m.id = sm.module_id
          join organisations o on o.id = p.provider_id
        where p.person_id = ${personId} and p.status in ('placed', 'enrolled')
      )
      select a.*, r.status as request_status, r.requested_at
      from appointments a left join lateral (
        select status, requested_at from appointment_change_requests
        where person_id = ${personId} and appointment_kind = a.kind and appointment_id = a.id order by requested_at desc limit 1
      ) r on true
      order by a.starts_at, a.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: titleOf(r, locale),
    startsAt: new Date(r.starts_at),
    endsAt: r.ends_at ? new Date(r.ends_at) : null,
    allDay: r.day !== null,
    day: r.day,
    placeName: r.place_name,
    address: r.address,
    changeRequest: r.request_status && r.requested_at ? { status: r.request_status, requestedAt: new Date(r.requested_at) } : null,
  }));
}

/** The calendar texts the planners' own calendars use, so a session reads the same in both. */
function titleOf(r: SourceRow, locale: ServerLocale): string {
  switch (r.label) {
    case 'mo-session':
      return translate(locale, 'calendar.mo-session', { code: r.name ?? '' });
    case 'mo-test':
    case 'mo-exemption-test':
      return translate(locale, `calendar.${r.label}`);
    case 'nt2-start':
      return translate(locale, 'ical.nt2-start-moment.summary', { module: r.name ?? '', provider: r.provider ?? '' });
    default:
      return translate(locale, `ical.nt2-conversation.${r.label}`);
  }
}

export async function myAppointments(deps: PortalDataDeps, ctx: PortalContext) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await appointmentsOf(tx, ctx.portal.personId, serverLocaleOf(ctx.portal.locale));
    await recordAudit(tx, ctx, { action: 'read', subjectType: 'person', subjectId: ctx.portal.personId, summary: 'portal: my appointments' });
    return { items: rows.map(appointmentView) };
  });
}

export async function myAppointmentsCalendar(deps: PortalDataDeps, ctx: PortalContext): Promise<string> {
  const locale = serverLocaleOf(ctx.portal.locale);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await appointmentsOf(tx, ctx.portal.personId, locale);
    await recordAudit(tx, ctx, { action: 'export', subjectType: 'person', subjectId: ctx.portal.personId, summary: 'portal: my appointments as iCalendar' });
    const stamp = deps.clock();
    return writeCalendar(rows.map((row) => appointmentEvent(row, stamp)), { name: translate(locale, 'portal.calendar.name') });
  });
}

/** The newcomer asks to move an appointment of their own that is still to come; one open request per appointment. */
export async function requestChange(deps: PortalDataDeps, ctx: PortalContext, appointmentId: string, input: { reason: string; preferredMoments: string }) {
  const now = deps.clock();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      // The title is kept in Dutch, as the planners read it.
      const appointment = (await appointmentsOf(tx, ctx.portal.personId, 'nl')).find((a) => a.id === appointmentId);
      if (!appointment) throw notFound('appointment');
      if (appointment.startsAt <= now) throw new AppError('conflict', { values: { reason: 'appointment-passed' } });
      const id = randomUUID();
      await tx.execute(sql`insert into appointment_change_requests (id, tenant_id, person_id, appointment_kind, appointment_id, appointment_title,
          appointment_starts_at, reason, preferred_moments, requested_at)
        values (${id}, ${ctx.actor.tenantId}, ${ctx.portal.personId}, ${appointment.kind}, ${appointment.id}, ${appointment.title},
          ${appointment.startsAt.toISOString()}, ${input.reason}, ${input.preferredMoments}, ${now.toISOString()})`);
      await recordAudit(tx, ctx, { action: 'create', subjectType: 'person', subjectId: ctx.portal.personId, summary: `portal: asked to move a ${appointment.kind}` });
      return { id, appointmentId: appointment.id, kind: appointment.kind, status: 'pending' as const, requestedAt: now.toISOString() };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { values: { reason: 'change-request-pending' } });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The planners' side

/** Course and test planners, and case workers (who plan the rest with the person), see the requests. */
function requirePlanner(ctx: ActorContext) {
  if (!can(ctx.actor, 'mo.course.manage') && !can(ctx.actor, 'dossier.guide')) throw forbidden('mo.course.manage | dossier.guide');
}

interface ChangeRequestRow {
  id: string;
  person_id: string;
  given_names: string;
  family_name: string;
  appointment_kind: AppointmentKind;
  appointment_id: string;
  appointment_title: string;
  appointment_starts_at: string;
  reason: string;
  preferred_moments: string;
  status: 'pending' | 'handled';
  requested_at: string;
  handled_by_name: string | null;
  handled_at: string | null;
  note: string | null;
}

const iso = (at: string) => new Date(at).toISOString();

function changeRequestView(r: ChangeRequestRow) {
  return {
    id: r.id,
    personId: r.person_id,
    name: `${r.given_names} ${r.family_name}`,
    appointment: { kind: r.appointment_kind, id: r.appointment_id, title: r.appointment_title, startsAt: iso(r.appointment_starts_at) },
    reason: r.reason,
    preferredMoments: r.preferred_moments,
    status: r.status,
    requestedAt: iso(r.requested_at),
    handledBy: r.handled_by_name,
    handledAt: r.handled_at ? iso(r.handled_at) : null,
    note: r.note,
  };
}

const CHANGE_REQUEST_SELECT = sql`select r.id, r.person_id, p.given_names, p.family_name, r.appointment_kind, r.appointment_id, r.appointment_title,
    r.appointment_starts_at, r.reason, r.preferred_moments, r.status, r.requested_at, u.display_name as handled_by_name, r.handled_at, r.note
  from appointment_change_requests r join persons p on p.id = r.person_id left join users u on u.id = r.handled_by`;

/** The planners' list, oldest request first: who waits longest is helped first. */
export async function listChangeRequests(deps: PortalDataDeps, ctx: ActorContext, filter: { status?: 'pending' | 'handled' | undefined; limit: number }) {
  requirePlanner(ctx);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await queryRows<ChangeRequestRow>(
      tx,
      sql`${CHANGE_REQUEST_SELECT} ${filter.status ? sql`where r.status = ${filter.status}` : sql``} order by r.requested_at, r.id limit ${filter.limit}`,
    );
    await recordAudit(tx, ctx, { action: 'search', subjectType: 'appointment-change-request', subjectId: null, summary: `listed change requests (${rows.length})` });
    return { items: rows.map(changeRequestView) };
  });
}

export async function handleChangeRequest(deps: PortalDataDeps, ctx: ActorContext, id: string, note: string) {
  requirePlanner(ctx);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const [request] = await queryRows<{ person_id: string; status: string }>(tx, sql`select person_id, status from appointment_change_requests where id = ${id} for update`);
    if (!request) throw notFound('appointment-change-request');
    if (request.status !== 'pending') throw new AppError('conflict', { values: { reason: 'change-request-handled' } });
    await tx.execute(sql`update appointment_change_requests set status = 'handled', handled_by = ${ctx.actor.userId}, handled_at = ${deps.clock().toISOString()},
      note = ${note || null} where id = ${id}`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'person', subjectId: request.person_id, summary: 'handled an appointment change request' });
    const [row] = await queryRows<ChangeRequestRow>(tx, sql`${CHANGE_REQUEST_SELECT} where r.id = ${id}`);
    return changeRequestView(row!);
  });
}
