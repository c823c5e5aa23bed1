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
 * Everyone who speaks the language, with what qualifying needs for the day around `around`: the
 * language rows, the weekly windows, and absences and live assignments in that window. Each part is
 * one query over all speakers (not a sub-query per interpreter), so a language with a thousand
 * speakers costs a few index scans. The statistics come separately, for the qualified only.
 */
export async function candidatePool(tx: Executor, language: string, around: Date | null, forRequestId: string | null = null): Promise<Candidate[]> {
  const from = (around ? new Date(around.getTime() - 86_400_000) : new Date(0)).toISOString();
  const to = (around ? new Date(around.getTime() + 86_400_000) : new Date(0)).toISOString();
  const speakers = sql`select l.interpreter_id from interpreter_languages l where l.language = ${language}`;
  const [people, windows, absences, busy] = await Promise.all([
    queryRows<{ id: string; name: string; region: string | null; latitude: number | null; longitude: number | null; max_travel_km: number; variant: string; status: LanguageStatus; channels: string[] }>(
      tx,
      sql`select i.id, i.name, i.region, i.latitude, i.longitude, i.max_travel_km, l.variant, l.status, l.channels
        from interpreter_languages l join interpreters i on i.id = l.interpreter_id where l.language = ${language} and i.active`,
    ),
    queryRows<{ interpreter_id: string; weekday: number; starts: string; ends: string }>(
      tx,
      sql`select interpreter_id, weekday, to_char(starts, 'HH24:MI') as starts, to_char(ends, 'HH24:MI') as ends
        from interpreter_availability where interpreter_id in (${speakers})`,
    ),
    around
      ? queryRows<{ interpreter_id: string; starts_at: string; ends_at: string }>(
          tx,
          sql`select interpreter_id, starts_at, ends_at from interpreter_absences
            where interpreter_id in (${speakers}) and starts_at < ${to} and ends_at > ${from}`,
        )
      : Promise.resolve([]),
    around
      ? queryRows<{ interpreter_id: string; starts_at: string; ends_at: string }>(
          tx,
          sql`select interpreter_id, starts_at, ends_at from interpreting_assignments
            where interpreter_id in (${speakers}) and status in ('offered', 'accepted') and starts_at < ${to} and ends_at > ${from}
              ${forRequestId ? sql`and request_id <> ${forRequestId}` : sql``}`,
        )
      : Promise.resolve([]),
  ]);
  const pool = new Map<string, Candidate>();
  for (const p of people) {
    let c = pool.get(p.id);
    if (!c) {
      c = { interpreterId: p.id, name: p.name, region: p.region, latitude: p.latitude, longitude: p.longitude, maxTravelKm: p.max_travel_km, languages: [], availability: [], absences: [], busy: [], monthMinutes: 0, offers: 0, letDowns: 0 };
      pool.set(p.id, c);
    }
    (c.languages as Candidate['languages'][number][]).push({ language, variant: p.variant, status: p.status, channels: p.channels });
  }
  for (const w of windows) (pool.get(w.interpreter_id)?.availability as Candidate['availability'][number][] | undefined)?.push({ weekday: w.weekday, starts: w.starts, ends: w.ends });
  for (const a of absences) (pool.get(a.interpreter_id)?.absences as Candidate['absences'][number][] | undefined)?.push({ startsAt: new Date(a.starts_at), endsAt: new Date(a.ends_at) });
  for (const b of busy) (pool.get(b.interpreter_id)?.busy as Candidate['busy'][number][] | undefined)?.push({ startsAt: new Date(b.starts_at), endsAt: new Date(b.ends_at) });
  return [...pool.values()];
}

/** The ranking's statistics for the given interpreters: minutes of the month, offers and let-downs of the last year. */
export async function candidateStats(tx: Executor, ids: readonly string[], month: Date): Promise<Map<string, Pick<Candidate, 'monthMinutes' | 'offers' | 'letDowns'>>> {
  const stats = new Map<string, Pick<Candidate, 'monthMinutes' | 'offers' | 'letDowns'>>(ids.map((id) => [id, { monthMinutes: 0, offers: 0, letDowns: 0 }]));
  if (!ids.length) return stats;
  const list = sql`${textArray(ids)}::uuid[]`;
  const [minutes, reliability] = await Promise.all([
    queryRows<{ interpreter_id: string; minutes: number }>(
      tx,
      sql`select interpreter_id, sum(extract(epoch from ends_at - starts_at) / 60)::int as minutes from interpreting_assignments
        where interpreter_id = any(${list}) and status in ('accepted', 'completed')
          and starts_at >= date_trunc('month', ${month.toISOString()}::timestamptz) and starts_at < date_trunc('month', ${month.toISOString()}::timestamptz) + interval '1 month'
        group by interpreter_id`,
    ),
    queryRows<{ interpreter_id: string; offers: number; let_downs: number }>(
      tx,
      sql`select s.interpreter_id, count(*)::int as offers,
          count(*) filter (where s.status = 'declined' or (s.status = 'cancelled'
            and exists (select 1 from interpreting_requests r where r.id = s.request_id and r.cancelled_by = 'interpreter')))::int as let_downs
        from interpreting_assignments s
        where s.interpreter_id = any(${list}) and s.offered_at > now() - interval '1 year'
        group by s.interpreter_id`,
    ),
  ]);
  for (const m of minutes) stats.get(m.interpreter_id)!.monthMinutes = m.minutes;
  for (const r of reliability) Object.assign(stats.get(r.interpreter_id)!, { offers: r.offers, letDowns: r.let_downs });
  return stats;
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
