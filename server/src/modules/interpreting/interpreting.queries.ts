import { sql } from 'drizzle-orm';
import { queryRows, textArray, type Executor } from '../../platform/db/database';
import type { Candidate } from './rules/ranking';
import type { LanguageStatus } from './rules/stv';
import type { SyntheticAssignment, SyntheticInterpreter, SyntheticRequest } from './synthetic';

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

type Period = [startsAt: string, endsAt: string];

/**
 * Everyone who speaks the language, with what qualifying needs for the day around `around`: the
 * language rows, the weekly windows, and absences and live assignments in that window. One query:
 * each part is grouped over all speakers at once (not a sub-query per interpreter) and comes back as
 * a JSON array on the speaker's row, so a language with a thousand speakers is a thousand rows to
 * read rather than several thousand (bench/interpreting.ts).
 */
export async function candidatePool(tx: Executor, language: string, around: Date | null, forRequestId: string | null = null): Promise<Candidate[]> {
  const from = (around ? new Date(around.getTime() - 86_400_000) : new Date(0)).toISOString();
  const to = (around ? new Date(around.getTime() + 86_400_000) : new Date(0)).toISOString();
  const rows = await queryRows<{
    id: string; name: string; region: string | null; latitude: number | null; longitude: number | null; max_travel_km: number;
    variant: string; status: LanguageStatus; channels: string[];
    windows: Array<[weekday: number, starts: string, ends: string]> | null; absences: Period[] | null; busy: Period[] | null;
  }>(
    tx,
    sql`with speakers as (select interpreter_id, variant, status, channels from interpreter_languages where language = ${language}),
      windows as (
        select interpreter_id, json_agg(json_build_array(weekday, to_char(starts, 'HH24:MI'), to_char(ends, 'HH24:MI'))) as windows
        from interpreter_availability where interpreter_id in (select interpreter_id from speakers) group by interpreter_id),
      absences as (
        select interpreter_id, json_agg(json_build_array(starts_at, ends_at)) as absences
        from interpreter_absences where interpreter_id in (select interpreter_id from speakers) and starts_at < ${to} and ends_at > ${from}
        group by interpreter_id),
      busy as (
        select interpreter_id, json_agg(json_build_array(starts_at, ends_at)) as busy
        from interpreting_assignments
        where interpreter_id in (select interpreter_id from speakers) and status in ('offered', 'accepted') and starts_at is not null
          and tstzrange(starts_at, ends_at) && tstzrange(${from}, ${to})
          ${forRequestId ? sql`and request_id <> ${forRequestId}` : sql``}
        group by interpreter_id)
    select i.id, i.name, i.region, i.latitude, i.longitude, i.max_travel_km, s.variant, s.status, s.channels, w.windows, a.absences, b.busy
    from speakers s join interpreters i on i.id = s.interpreter_id
      left join windows w on w.interpreter_id = i.id left join absences a on a.interpreter_id = i.id left join busy b on b.interpreter_id = i.id
    where i.active`,
  );
  const period = ([startsAt, endsAt]: Period) => ({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) });
  const pool = new Map<string, Candidate>();
  for (const p of rows) {
    let c = pool.get(p.id);
    if (!c) {
      c = {
        interpreterId: p.id, name: p.name, region: p.region, latitude: p.latitude, longitude: p.longitude, maxTravelKm: p.max_travel_km, languages: [],
        availability: (p.windows ?? []).map(([weekday, starts, ends]) => ({ weekday, starts, ends })),
        absences: (p.absences ?? []).map(period),
        busy: around ? (p.busy ?? []).map(period) : [],
        monthMinutes: 0, offers: 0, letDowns: 0,
      };
      pool.set(p.id, c);
    }
    (c.languages as Candidate['languages'][number][]).push({ language, variant: p.variant, status: p.status, channels: p.channels });
  }
  return [...pool.values()];
}

/**
 * The ranking's statistics for the given interpreters, from the monthly counts (migration 0013):
 * minutes of the Belgian month of `month`, and offers and let-downs of that month and the twelve
 * before it.
 */
export async function candidateStats(tx: Executor, ids: readonly string[], month: Date): Promise<Map<string, Pick<Candidate, 'monthMinutes' | 'offers' | 'letDowns'>>> {
  const stats = new Map<string, Pick<Candidate, 'monthMinutes' | 'offers' | 'letDowns'>>(ids.map((id) => [id, { monthMinutes: 0, offers: 0, letDowns: 0 }]));
  if (!ids.length) return stats;
  const rows = await queryRows<{ interpreter_id: string; minutes: number; offers: number; let_downs: number }>(
    tx,
    sql`select interpreter_id, coalesce(sum(minutes) filter (where month = m.current), 0)::int as minutes,
        sum(offers)::int as offers, sum(let_downs)::int as let_downs
      from interpreter_month_stats, (select interpreter_month_of(${month.toISOString()}::timestamptz) as current) m
      where interpreter_id = any(${textArray(ids)}::uuid[]) and month between (m.current - interval '12 months')::date and m.current
      group by interpreter_id`,
  );
  for (const r of rows) Object.assign(stats.get(r.interpreter_id)!, { monthMinutes: r.minutes, offers: r.offers, letDowns: r.let_downs });
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

// ---------------------------------------------------------------------------------------------
// Bulk loads of synthetic data (the benchmarks, the demo population): whole registers and years of
// requests, `BULK_BATCH` rows a statement. The month statistics follow by their trigger.

const BULK_BATCH = 5000;
const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function bulkInsert(ex: Executor, rows: readonly object[], statement: (json: string) => ReturnType<typeof sql>) {
  for (let i = 0; i < rows.length; i += BULK_BATCH) await ex.execute(statement(JSON.stringify(rows.slice(i, i + BULK_BATCH))));
}

/** Interpreters with their languages, weekly windows and absences; e-mail on example.be, numbered phone. */
export async function insertSyntheticRegister(ex: Executor, tenantId: string, interpreters: readonly SyntheticInterpreter[], createdAt: Date) {
  await bulkInsert(
    ex,
    interpreters.map((i) => ({ id: i.id, name: i.name, n: i.number, region: i.town.region, lat: i.lat, lon: i.lon, km: i.maxTravelKm })),
    (json) => sql`insert into interpreters (id, tenant_id, name, email, phone, region, latitude, longitude, max_travel_km, active, created_at)
      select x.id, ${tenantId}, x.name, 'tolk' || x.n || '@example.be', '+32 470 ' || lpad(x.n::text, 6, '0'), x.region, x.lat, x.lon, x.km, true, ${createdAt.toISOString()}
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, name text, n int, region text, lat float8, lon float8, km int)`,
  );
  await bulkInsert(
    ex,
    interpreters.flatMap((i) => i.languages.map((l) => ({ i: i.id, ...l }))),
    (json) => sql`insert into interpreter_languages (tenant_id, interpreter_id, language, variant, status, channels)
      select ${tenantId}, x.i, x.language, x.variant, x.status, x.channels
      from jsonb_to_recordset(${json}::jsonb) as x(i uuid, language text, variant text, status text, channels text[])`,
  );
  await bulkInsert(
    ex,
    interpreters.flatMap((i) => i.availability.map((a) => ({ i: i.id, ...a }))),
    (json) => sql`insert into interpreter_availability (tenant_id, interpreter_id, weekday, starts, ends)
      select ${tenantId}, x.i, x.weekday, x.starts, x.ends from jsonb_to_recordset(${json}::jsonb) as x(i uuid, weekday int, starts time, ends time)`,
  );
  await insertSyntheticAbsences(ex, tenantId, interpreters);
}

/** The interpreters' absences (ids derived from interpreter, start and place in the list, so loading the same ones twice fails loudly). */
export async function insertSyntheticAbsences(ex: Executor, tenantId: string, interpreters: readonly SyntheticInterpreter[]) {
  await bulkInsert(
    ex,
    interpreters.flatMap((i) => i.absences.map((a, k) => ({ i: i.id, k, s: isoOrNull(a.startsAt), e: isoOrNull(a.endsAt) }))),
    (json) => sql`insert into interpreter_absences (id, tenant_id, interpreter_id, starts_at, ends_at, reason)
      select md5(x.i::text || x.s::text || x.k)::uuid, ${tenantId}, x.i, x.s, x.e, 'verlof' from jsonb_to_recordset(${json}::jsonb) as x(i uuid, k int, s timestamptz, e timestamptz)`,
  );
}

/** Requests as createRequest and the later steps leave them (on-site ones with an address), then their assignments. */
export async function insertSyntheticRequests(ex: Executor, tenantId: string, requests: readonly SyntheticRequest[], assignments: readonly SyntheticAssignment[]) {
  await bulkInsert(
    ex,
    requests.map((r) => ({
      id: r.id, customer: r.customer, channel: r.channel, language: r.language, variant: r.variant, s: isoOrNull(r.startsAt), minutes: r.minutes, deadline: r.deadline,
      lat: r.lat, lon: r.lon, region: r.region, town: r.town.name, postal: r.town.postalCode, sector: r.sector, sensitive: r.sensitive, ukraine: r.ukraine, status: r.status, outcome: r.outcome, by: r.cancelledBy,
      closed: isoOrNull(r.closedAt), created: isoOrNull(r.createdAt),
    })),
    (json) => sql`insert into interpreting_requests (id, tenant_id, customer_organisation_id, channel, language, variant, starts_at, expected_minutes, deadline, words,
        address, latitude, longitude, region, sector, subject, sensitive, ukraine_crisis, status, outcome, cancelled_by, closed_at, created_at)
      select x.id, ${tenantId}, x.customer, x.channel, x.language, x.variant, x.s, x.minutes, x.deadline, case when x.channel = 'translation' then 1200 end,
        case when x.channel = 'on-site' then jsonb_build_object('street', 'Stationsstraat', 'houseNumber', '1', 'postalCode', x.postal, 'municipality', x.town) end,
        x.lat, x.lon, x.region, x.sector, 'Gesprek ' || x.sector || ' (' || x.language || ')', x.sensitive, x.ukraine, x.status, x.outcome, x.by, x.closed, x.created
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, customer uuid, channel text, language text, variant text, s timestamptz, minutes int, deadline date,
        lat float8, lon float8, region text, town text, postal text, sector text, sensitive bool, ukraine bool, status text, outcome text, by text, closed timestamptz, created timestamptz)`,
  );
  await bulkInsert(
    ex,
    assignments.map((a) => ({
      id: a.id, r: a.request, i: a.interpreter, status: a.status, s: isoOrNull(a.startsAt), e: isoOrNull(a.endsAt), o: isoOrNull(a.offeredAt),
      responded: isoOrNull(a.respondedAt), actual: a.actualMinutes, by: a.cancelledBy,
    })),
    (json) => sql`insert into interpreting_assignments (id, tenant_id, request_id, interpreter_id, status, starts_at, ends_at, offered_at, responded_at, actual_minutes, cancelled_by, created_at)
      select x.id, ${tenantId}, x.r, x.i, x.status, x.s, x.e, x.o, x.responded, x.actual, x.by, x.o
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, r uuid, i uuid, status text, s timestamptz, e timestamptz, o timestamptz, responded timestamptz, actual int, by text)`,
  );
}
