import { sql } from 'drizzle-orm';
import { queryRows, textArray, type Executor } from '../../platform/db/database';
import type { Candidate } from './rules/ranking';
import type { LanguageStatus } from './rules/stv';

export interface InterpreterRow {
  id: string;
  user_id: string | null;
  name: string;
  email: string;
  phone: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  max_travel_km: number;
  active: boolean;
  languages: Array<{ language: string; variant: string; status: LanguageStatus; channels: string[] }>;
  availability: Array<{ weekday: number; starts: string; ends: string }>;
}

const INTERPRETER_COLUMNS = sql`i.id, i.user_id, i.name, i.email, i.phone, i.region, i.latitude, i.longitude, i.max_travel_km, i.active,
  coalesce((select jsonb_agg(jsonb_build_object('language', l.language, 'variant', l.variant, 'status', l.status, 'channels', l.channels)
    order by l.language, l.variant) from interpreter_languages l where l.interpreter_id = i.id), '[]') as languages,
  coalesce((select jsonb_agg(jsonb_build_object('weekday', a.weekday, 'starts', to_char(a.starts, 'HH24:MI'), 'ends', to_char(a.ends, 'HH24:MI'))
    order by a.weekday, a.starts) from interpreter_availability a where a.interpreter_id = i.id), '[]') as availability`;

export async function findInterpreter(tx: Executor, id: string, forUpdate = false): Promise<InterpreterRow | undefined> {
  if (forUpdate) await tx.execute(sql`select id from interpreters where id = ${id} for update`);
  return (await queryRows<InterpreterRow>(tx, sql`select ${INTERPRETER_COLUMNS} from interpreters i where i.id = ${id}`))[0];
}

export async function findInterpreterOfUser(tx: Executor, userId: string): Promise<InterpreterRow | undefined> {
  return (await queryRows<InterpreterRow>(tx, sql`select ${INTERPRETER_COLUMNS} from interpreters i where i.user_id = ${userId}`))[0];
}

export async function listInterpreters(tx: Executor, f: { language?: string | undefined; limit: number }): Promise<InterpreterRow[]> {
  const where = f.language ? sql`exists (select 1 from interpreter_languages l where l.interpreter_id = i.id and l.language = ${f.language})` : sql`true`;
  return queryRows<InterpreterRow>(tx, sql`select ${INTERPRETER_COLUMNS} from interpreters i where ${where} order by i.name limit ${f.limit}`);
}

export async function insertInterpreter(
  tx: Executor,
  tenantId: string,
  i: { id: string; userId: string | null; name: string; email: string; phone: string | null; region: string | null; latitude: number | null; longitude: number | null; maxTravelKm: number },
) {
  await tx.execute(sql`insert into interpreters (id, tenant_id, user_id, name, email, phone, region, latitude, longitude, max_travel_km)
    values (${i.id}, ${tenantId}, ${i.userId}, ${i.name}, ${i.email}, ${i.phone}, ${i.region}, ${i.latitude}, ${i.longitude}, ${i.maxTravelKm})`);
}

export async function replaceLanguages(tx: Executor, tenantId: string, interpreterId: string, languages: ReadonlyArray<{ language: string; variant: string; status: string; channels: readonly string[] }>) {
  await tx.execute(sql`delete from interpreter_languages where interpreter_id = ${interpreterId}`);
  for (const l of languages) {
    await tx.execute(sql`insert into interpreter_languages (tenant_id, interpreter_id, language, variant, status, channels)
      values (${tenantId}, ${interpreterId}, ${l.language}, ${l.variant}, ${l.status}, ${textArray(l.channels)})`);
  }
}

export async function replaceAvailability(tx: Executor, tenantId: string, interpreterId: string, windows: ReadonlyArray<{ weekday: number; starts: string; ends: string }>) {
  await tx.execute(sql`delete from interpreter_availability where interpreter_id = ${interpreterId}`);
  for (const w of windows) {
    await tx.execute(sql`insert into interpreter_availability (tenant_id, interpreter_id, weekday, starts, ends)
      values (${tenantId}, ${interpreterId}, ${w.weekday}, ${w.starts}::time, ${w.ends === '24:00' ? '23:59:59' : w.ends}::time)`);
  }
}

/**
 * Everyone who speaks the language, with what the ranking needs for the week around `around`:
 * absences and live assignments in a window, the month's minutes, and the year's reliability.
 */
export async function candidatesFor(tx: Executor, language: string, around: Date | null, forRequestId: string | null = null): Promise<Candidate[]> {
  const from = around ? new Date(around.getTime() - 86_400_000) : new Date(0);
  const to = around ? new Date(around.getTime() + 86_400_000) : new Date(0);
  const month = around ?? new Date();
  const rows = await queryRows<InterpreterRow & { absences: Array<{ startsAt: string; endsAt: string }>; busy: Array<{ startsAt: string; endsAt: string }>; month_minutes: number; offers: number; let_downs: number }>(
    tx,
    sql`select ${INTERPRETER_COLUMNS},
        coalesce((select jsonb_agg(jsonb_build_object('startsAt', b.starts_at, 'endsAt', b.ends_at)) from interpreter_absences b
          where b.interpreter_id = i.id and b.starts_at < ${to.toISOString()} and b.ends_at > ${from.toISOString()}), '[]') as absences,
        coalesce((select jsonb_agg(jsonb_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at)) from interpreting_assignments s
          where s.interpreter_id = i.id and s.status in ('offered', 'accepted') and s.starts_at < ${to.toISOString()} and s.ends_at > ${from.toISOString()}
            ${forRequestId ? sql`and s.request_id <> ${forRequestId}` : sql``}), '[]') as busy,
        coalesce((select sum(extract(epoch from s.ends_at - s.starts_at) / 60)::int from interpreting_assignments s
          where s.interpreter_id = i.id and s.status in ('accepted', 'completed')
            and s.starts_at >= date_trunc('month', ${month.toISOString()}::timestamptz) and s.starts_at < date_trunc('month', ${month.toISOString()}::timestamptz) + interval '1 month'), 0) as month_minutes,
        (select count(*)::int from interpreting_assignments s where s.interpreter_id = i.id and s.offered_at > now() - interval '1 year') as offers,
        (select count(*)::int from interpreting_assignments s where s.interpreter_id = i.id and s.offered_at > now() - interval '1 year'
          and (s.status = 'declined' or (s.status = 'cancelled' and exists (select 1 from interpreting_requests r where r.id = s.request_id and r.cancelled_by = 'interpreter')))) as let_downs
      from interpreters i
      where i.active and exists (select 1 from interpreter_languages l where l.interpreter_id = i.id and l.language = ${language})`,
  );
  return rows.map((r) => ({
    interpreterId: r.id,
    name: r.name,
    region: r.region,
    latitude: r.latitude,
    longitude: r.longitude,
    maxTravelKm: r.max_travel_km,
    languages: r.languages,
    availability: r.availability,
    absences: r.absences.map((a) => ({ startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt) })),
    busy: r.busy.map((b) => ({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) })),
    monthMinutes: r.month_minutes,
    offers: r.offers,
    letDowns: r.let_downs,
  }));
}

export interface RequestRow {
  id: string;
  customer_organisation_id: string;
  requested_by: string | null;
  channel: 'on-site' | 'phone' | 'video' | 'translation';
  language: string;
  variant: string;
  starts_at: string | null;
  expected_minutes: number | null;
  deadline: string | null;
  address: { street: string; houseNumber: string; postalCode: string; municipality: string } | null;
  latitude: number | null;
  longitude: number | null;
  region: string | null;
  sector: string;
  subject: string;
  sensitive: boolean;
  ukraine_crisis: boolean;
  status: 'open' | 'assigned' | 'completed' | 'not-completed' | 'not-answered';
  customer_name: string;
  document: string | null;
  outcome: string | null;
  cancelled_by: string | null;
  created_at: string;
  version: number;
  assignment: { id: string; interpreterId: string; interpreterName: string; status: string; actualMinutes: number | null; travelKm: number | null } | null;
}

const REQUEST_COLUMNS = sql`r.id, r.customer_organisation_id, r.requested_by, r.channel, r.language, r.variant, r.starts_at, r.expected_minutes,
  to_char(r.deadline, 'YYYY-MM-DD') as deadline, r.address, r.latitude, r.longitude, r.region, r.sector, r.subject,
  r.sensitive, r.ukraine_crisis, r.status, r.outcome, r.cancelled_by, r.created_at, r.version, r.document,
  (select o.name from organisations o where o.id = r.customer_organisation_id) as customer_name,
  (select jsonb_build_object('id', s.id, 'interpreterId', s.interpreter_id, 'interpreterName', i.name, 'status', s.status,
     'actualMinutes', s.actual_minutes, 'travelKm', s.travel_km)
   from interpreting_assignments s join interpreters i on i.id = s.interpreter_id
   where s.request_id = r.id order by s.created_at desc limit 1) as assignment`;

export async function findRequest(tx: Executor, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  if (forUpdate) await tx.execute(sql`select id from interpreting_requests where id = ${id} for update`);
  return (await queryRows<RequestRow>(tx, sql`select ${REQUEST_COLUMNS} from interpreting_requests r where r.id = ${id}`))[0];
}

export async function listRequests(tx: Executor, f: { customerOrganisationId: string | null; status?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number }) {
  return queryRows<RequestRow>(
    tx,
    sql`select ${REQUEST_COLUMNS} from interpreting_requests r
      where ${f.customerOrganisationId ? sql`r.customer_organisation_id = ${f.customerOrganisationId}` : sql`true`}
        ${f.status ? sql`and r.status = ${f.status}` : sql``}
        ${f.from ? sql`and coalesce(r.starts_at, r.deadline::timestamptz) >= ${f.from}::date` : sql``}
        ${f.to ? sql`and coalesce(r.starts_at, r.deadline::timestamptz) < (${f.to}::date + 1)` : sql``}
      order by coalesce(r.starts_at, r.deadline::timestamptz), r.id limit ${f.limit}`,
  );
}

export interface AssignmentRow {
  id: string;
  request_id: string;
  interpreter_id: string;
  status: string;
  starts_at: string | null;
  ends_at: string | null;
  actual_minutes: number | null;
  channel: string;
  language: string;
  variant: string;
  subject: string;
  address: RequestRow['address'];
  charge: { customerCents: number; interpreterCents: number; lines: Array<{ code: string; cents: number; quantity: number }>; ruleSetId: string } | null;
}

const ASSIGNMENT_COLUMNS = sql`s.id, s.request_id, s.interpreter_id, s.status, s.starts_at, s.ends_at, s.actual_minutes, r.channel, r.language, r.variant, r.subject,
  r.address, s.ranking->'charge' as charge`;

export async function findAssignment(tx: Executor, id: string, forUpdate = false): Promise<AssignmentRow | undefined> {
  if (forUpdate) await tx.execute(sql`select id from interpreting_assignments where id = ${id} for update`);
  return (await queryRows<AssignmentRow>(tx, sql`select ${ASSIGNMENT_COLUMNS} from interpreting_assignments s join interpreting_requests r on r.id = s.request_id where s.id = ${id}`))[0];
}

export async function assignmentsOf(tx: Executor, f: { interpreterId?: string | undefined; from: Date; to: Date; statuses: readonly string[] }) {
  return queryRows<AssignmentRow>(
    tx,
    sql`select ${ASSIGNMENT_COLUMNS} from interpreting_assignments s join interpreting_requests r on r.id = s.request_id
      where s.status = any(${textArray(f.statuses)}) ${f.interpreterId ? sql`and s.interpreter_id = ${f.interpreterId}` : sql``}
        and coalesce(s.starts_at, r.deadline::timestamptz) >= ${f.from.toISOString()} and coalesce(s.starts_at, r.deadline::timestamptz) < ${f.to.toISOString()}
      order by coalesce(s.starts_at, r.deadline::timestamptz)`,
  );
}
