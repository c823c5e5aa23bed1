import { sql, type SQL } from 'drizzle-orm';
import { queryRows, textArray, type Executor } from '../../platform/db/database';

export interface CourseRow {
  id: string;
  code: string;
  language: string;
  teacher_language: string;
  with_interpreter: boolean;
  format: string;
  region: string;
  location: string;
  teacher_name: string | null;
  mo_profile: string | null;
  hours: string;
  capacity: number;
  enrolled: number;
  starts_on: string;
  ends_on: string;
  series_id: string | null;
  status: string;
  version: number;
}

const COURSE_COLUMNS = sql`c.id, c.code, c.language, c.teacher_language, c.with_interpreter, c.format, c.region, c.location, c.teacher_name,
  c.mo_profile, c.hours::text as hours, c.capacity,
  (select count(*)::int from mo_enrolments e where e.course_id = c.id and e.status <> 'dropped-out') as enrolled,
  to_char(c.starts_on, 'YYYY-MM-DD') as starts_on, to_char(c.ends_on, 'YYYY-MM-DD') as ends_on, c.series_id, c.status, c.version`;

export async function insertCourse(
  tx: Executor,
  c: { id: string; tenantId: string; code: string; language: string; teacherLanguage: string; format: string; region: string; location: string;
    teacherName: string | null; moProfile: string | null; hours: number; capacity: number; startsOn: string; endsOn: string; seriesId: string | null },
) {
  await tx.execute(sql`insert into mo_courses (id, tenant_id, code, language, teacher_language, with_interpreter, format, region, location,
      teacher_name, mo_profile, hours, capacity, starts_on, ends_on, series_id)
    values (${c.id}, ${c.tenantId}, ${c.code}, ${c.language}, ${c.teacherLanguage}, ${c.language !== c.teacherLanguage}, ${c.format}, ${c.region},
      ${c.location}, ${c.teacherName}, ${c.moProfile}, ${c.hours}, ${c.capacity}, ${c.startsOn}::date, ${c.endsOn}::date, ${c.seriesId})`);
}

export async function insertSessions(tx: Executor, tenantId: string, courseId: string, sessions: ReadonlyArray<{ id: string; startsAt: string; endsAt: string; location: string | null }>) {
  if (!sessions.length) return;
  await tx.execute(sql`insert into mo_sessions (id, tenant_id, course_id, starts_at, ends_at, location)
    select s.id, ${tenantId}, ${courseId}, s.starts_at, s.ends_at, s.location
    from jsonb_to_recordset(${JSON.stringify(sessions.map((s) => ({ id: s.id, starts_at: s.startsAt, ends_at: s.endsAt, location: s.location })))}::jsonb)
      as s(id uuid, starts_at timestamptz, ends_at timestamptz, location text)`);
}

export async function findCourse(tx: Executor, id: string, forUpdate = false): Promise<CourseRow | undefined> {
  // The enrolled count is a subquery, so the lock is taken on the course row alone.
  if (forUpdate) await tx.execute(sql`select id from mo_courses where id = ${id} for update`);
  return (await queryRows<CourseRow>(tx, sql`select ${COURSE_COLUMNS} from mo_courses c where c.id = ${id}`))[0];
}

export async function listCourses(tx: Executor, f: { language?: string | undefined; region?: string | undefined; from?: string | undefined; status?: string | undefined; limit: number }) {
  const where: SQL[] = [sql`true`];
  if (f.language) where.push(sql`c.language = ${f.language}`);
  if (f.region) where.push(sql`c.region = ${f.region}`);
  if (f.from) where.push(sql`c.ends_on >= ${f.from}::date`);
  if (f.status) where.push(sql`c.status = ${f.status}`);
  return queryRows<CourseRow>(tx, sql`select ${COURSE_COLUMNS} from mo_courses c where ${sql.join(where, sql` and `)} order by c.starts_on, c.code limit ${f.limit}`);
}

export interface SessionRow {
  id: string;
  starts_at: string;
  ends_at: string;
  location: string | null;
}

export async function findSessions(tx: Executor, courseId: string): Promise<SessionRow[]> {
  return queryRows<SessionRow>(tx, sql`select id, starts_at, ends_at, location from mo_sessions where course_id = ${courseId} order by starts_at`);
}

export interface EnrolmentRow {
  id: string;
  course_id: string;
  person_id: string;
  dossier_id: string;
  status: string;
  enrolled_on: string;
  ended_on: string | null;
  waiting_since: string;
  exception_reason: string | null;
  process_evaluation: { date: string; correct: number; total: number } | null;
  given_names: string;
  family_name: string;
  given_names_latin: string;
  family_name_latin: string;
  present_session_ids: string[];
}

export async function findEnrolments(tx: Executor, courseId: string, enrolmentId: string | null = null): Promise<EnrolmentRow[]> {
  return queryRows<EnrolmentRow>(
    tx,
    sql`select e.id, e.course_id, e.person_id, e.dossier_id, e.status, to_char(e.enrolled_on, 'YYYY-MM-DD') as enrolled_on,
        to_char(e.ended_on, 'YYYY-MM-DD') as ended_on, to_char(e.waiting_since, 'YYYY-MM-DD') as waiting_since, e.exception_reason,
        e.process_evaluation, p.given_names, p.family_name, p.given_names_latin, p.family_name_latin,
        coalesce((select array_agg(a.session_id::text) from mo_attendance a where a.enrolment_id = e.id and a.present), '{}') as present_session_ids
      from mo_enrolments e join persons p on p.id = e.person_id
      where e.course_id = ${courseId} ${enrolmentId ? sql`and e.id = ${enrolmentId}` : sql``}
      order by e.waiting_since, e.id`,
  );
}

export interface WaitingRow {
  person_id: string;
  dossier_id: string;
  language: string;
  region: string | null;
  area: 'flanders' | 'brussels';
  waiting_since: string;
  given_names: string;
  family_name: string;
  given_names_latin: string;
  family_name_latin: string;
}

/**
 * The MO waiting list: running contracts whose MO pillar is neither completed nor exempted (as the
 * rules last derived it) and who have no running enrolment. The language is the chosen MO language,
 * else the intake language; the wait counts from the contract date (R-20).
 */
type WaitingFilter = {
  language?: string | undefined;
  region?: string | undefined;
  personId?: string | undefined;
  /** Only those before this place in the waiting order (contract date, then dossier id). */
  before?: { waitingSince: string; dossierId: string } | undefined;
};

function waitingWhere(f: WaitingFilter): SQL {
  const where: SQL[] = [
    sql`d.status in ('running', 'suspended') and d.contract_signed_on is not null`,
    sql`coalesce(d.pillars #>> '{mo,status}', 'not-started') not in ('completed', 'exempted', 'not-required')`,
    sql`not exists (select 1 from mo_enrolments e where e.person_id = d.person_id and e.status = 'enrolled')`,
  ];
  if (f.language) where.push(sql`d.mo_language = ${f.language}`);
  if (f.region) where.push(sql`p.region = ${f.region}`);
  if (f.personId) where.push(sql`d.person_id = ${f.personId}`);
  if (f.before) where.push(sql`(d.contract_signed_on, d.id) < (${f.before.waitingSince}::date, ${f.before.dossierId}::uuid)`);
  return sql.join(where, sql` and `);
}

/**
 * `lockForFill` locks the chosen dossiers and skips those another transaction holds, so two
 * planners filling courses of the same language at once take different people.
 */
export async function waitingList(tx: Executor, f: WaitingFilter & { limit: number | null; lockForFill?: boolean }) {
  return queryRows<WaitingRow>(
    tx,
    sql`select d.person_id, d.id as dossier_id, d.mo_language as language, p.region, d.area, to_char(d.contract_signed_on, 'YYYY-MM-DD') as waiting_since,
        p.given_names, p.family_name, p.given_names_latin, p.family_name_latin
      from dossiers d join persons p on p.id = d.person_id
      where ${waitingWhere(f)}
      order by d.contract_signed_on, d.id ${f.limit ? sql`limit ${f.limit}` : sql``} ${f.lockForFill ? sql`for update of d skip locked` : sql``}`,
  );
}

/** The waiting list counted per language, region, area and contract date: what the figures need, in few rows. */
export async function waitingCounts(tx: Executor) {
  return queryRows<{ language: string; region: string | null; area: 'flanders' | 'brussels'; waiting_since: string; count: number }>(
    tx,
    sql`select d.mo_language as language, p.region, d.area, to_char(d.contract_signed_on, 'YYYY-MM-DD') as waiting_since, count(*)::int as count
      from dossiers d join persons p on p.id = d.person_id
      where ${waitingWhere({})}
      group by 1, 2, 3, 4`,
  );
}

export async function insertEnrolment(tx: Executor, e: { id: string; tenantId: string; courseId: string; personId: string; dossierId: string; enrolledOn: string; waitingSince: string; exceptionReason: string | null }) {
  await tx.execute(sql`insert into mo_enrolments (id, tenant_id, course_id, person_id, dossier_id, enrolled_on, waiting_since, exception_reason)
    values (${e.id}, ${e.tenantId}, ${e.courseId}, ${e.personId}, ${e.dossierId}, ${e.enrolledOn}::date, ${e.waitingSince}::date, ${e.exceptionReason})`);
}

export interface CentreRow {
  id: string;
  name: string;
  region: string;
  address: string;
  languages: string[];
}

export async function insertCentre(tx: Executor, c: CentreRow & { tenantId: string }) {
  await tx.execute(sql`insert into test_centres (id, tenant_id, name, region, address, languages)
    values (${c.id}, ${c.tenantId}, ${c.name}, ${c.region}, ${c.address}, ${textArray(c.languages)})`);
}

export async function listCentres(tx: Executor): Promise<CentreRow[]> {
  return queryRows<CentreRow>(tx, sql`select id, name, region, address, languages from test_centres order by name`);
}

export interface SlotRow {
  id: string;
  centre_id: string;
  centre_name: string;
  centre_languages: string[];
  starts_at: string;
  capacity: number;
  booked: number;
}

const SLOT_COLUMNS = sql`s.id, s.centre_id, c.name as centre_name, c.languages as centre_languages, s.starts_at, s.capacity, s.booked`;

export async function findSlot(tx: Executor, id: string): Promise<SlotRow | undefined> {
  return (await queryRows<SlotRow>(tx, sql`select ${SLOT_COLUMNS} from test_slots s join test_centres c on c.id = s.centre_id where s.id = ${id}`))[0];
}

export async function listSlots(tx: Executor, f: { centreId?: string | undefined; from?: string | undefined; to?: string | undefined; onlyFree: boolean; limit: number }) {
  const where: SQL[] = [sql`true`];
  if (f.centreId) where.push(sql`s.centre_id = ${f.centreId}`);
  if (f.from) where.push(sql`s.starts_at >= ${f.from}::date`);
  if (f.to) where.push(sql`s.starts_at < (${f.to}::date + 1)`);
  if (f.onlyFree) where.push(sql`s.booked < s.capacity`);
  return queryRows<SlotRow>(tx, sql`select ${SLOT_COLUMNS} from test_slots s join test_centres c on c.id = s.centre_id where ${sql.join(where, sql` and `)} order by s.starts_at, c.name limit ${f.limit}`);
}

/** Takes one seat if one is free, atomically: concurrent bookings of the last seat cannot both succeed. */
export async function takeSeat(tx: Executor, slotId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(tx, sql`update test_slots set booked = booked + 1 where id = ${slotId} and booked < capacity returning id`);
  return rows.length === 1;
}

export async function releaseSeat(tx: Executor, slotId: string) {
  await tx.execute(sql`update test_slots set booked = booked - 1 where id = ${slotId} and booked > 0`);
}

export interface BookingRow {
  id: string;
  slot_id: string;
  person_id: string;
  dossier_id: string;
  kind: 'test' | 'exemption-test';
  language: string;
  video_interpreter: boolean;
  audio_support: boolean;
  status: string;
  result: { core: { correct: number; total: number }; practical: { correct: number; total: number } } | null;
  starts_at: string;
  centre_name: string;
  given_names: string;
  family_name: string;
  given_names_latin: string;
  family_name_latin: string;
}

const BOOKING_FROM = sql`select b.id, b.slot_id, b.person_id, b.dossier_id, b.kind, b.language, b.video_interpreter, b.audio_support, b.status, b.result,
    s.starts_at, c.name as centre_name, p.given_names, p.family_name, p.given_names_latin, p.family_name_latin
  from test_bookings b join test_slots s on s.id = b.slot_id join test_centres c on c.id = s.centre_id join persons p on p.id = b.person_id`;

export async function findBooking(tx: Executor, id: string, forUpdate = false): Promise<BookingRow | undefined> {
  return (await queryRows<BookingRow>(tx, sql`${BOOKING_FROM} where b.id = ${id} ${forUpdate ? sql`for update of b` : sql``}`))[0];
}

export async function findBookingsOfPerson(tx: Executor, personId: string) {
  return queryRows<BookingRow>(tx, sql`${BOOKING_FROM} where b.person_id = ${personId} order by s.starts_at desc`);
}

export async function findBookingsOfSlot(tx: Executor, slotId: string) {
  return queryRows<BookingRow>(tx, sql`${BOOKING_FROM} where b.slot_id = ${slotId} and b.status <> 'cancelled' order by b.created_at`);
}

export const endEnrolment = (id: string, status: 'completed' | 'dropped-out', date: string) =>
  sql`update mo_enrolments set status = ${status}, ended_on = ${date}::date where id = ${id}`;

export const upsertAttendance = (tenantId: string, sessionId: string, enrolmentId: string, present: boolean) =>
  sql`insert into mo_attendance (tenant_id, session_id, enrolment_id, present) values (${tenantId}, ${sessionId}, ${enrolmentId}, ${present})
    on conflict (session_id, enrolment_id) do update set present = excluded.present, recorded_at = now()`;

export const setProcessEvaluation = (id: string, evaluation: { date: string; correct: number; total: number }) =>
  sql`update mo_enrolments set process_evaluation = ${JSON.stringify(evaluation)}::jsonb where id = ${id}`;

export const setCourseStatus = (id: string, status: string) => sql`update mo_courses set status = ${status}, version = version + 1 where id = ${id}`;

export const insertSlots = (tenantId: string, centreId: string, slots: ReadonlyArray<{ id: string; startsAt: string; capacity: number }>) =>
  sql`insert into test_slots (id, tenant_id, centre_id, starts_at, capacity)
    select s.id, ${tenantId}, ${centreId}, s.starts_at, s.capacity
    from jsonb_to_recordset(${JSON.stringify(slots.map((s) => ({ id: s.id, starts_at: s.startsAt, capacity: s.capacity })))}::jsonb)
      as s(id uuid, starts_at timestamptz, capacity int)`;

/** The person's running dossier, whether it has a contract, and their MO language. */
export async function runningDossierLanguage(tx: Executor, personId: string): Promise<{ dossierId: string; contracted: boolean; language: string } | undefined> {
  const rows = await queryRows<{ id: string; contracted: boolean; language: string | null }>(
    tx,
    sql`select id, contract_signed_on is not null as contracted, coalesce(state #>> '{decision,moLanguage}', state #>> '{intake,language}') as language
      from dossiers where person_id = ${personId} and status not in ('closed', 'transferred')`,
  );
  const row = rows[0];
  return row ? { dossierId: row.id, contracted: row.contracted, language: row.language ?? 'nl' } : undefined;
}

export const insertBooking = (b: { id: string; tenantId: string; slotId: string; personId: string; dossierId: string; kind: string; language: string; videoInterpreter: boolean; audioSupport: boolean }) =>
  sql`insert into test_bookings (id, tenant_id, slot_id, person_id, dossier_id, kind, language, video_interpreter, audio_support)
    values (${b.id}, ${b.tenantId}, ${b.slotId}, ${b.personId}, ${b.dossierId}, ${b.kind}, ${b.language}, ${b.videoInterpreter}, ${b.audioSupport})`;

export const setBookingStatus = (id: string, status: string) => sql`update test_bookings set status = ${status} where id = ${id}`;

export const setBookingResult = (id: string, result: unknown) =>
  sql`update test_bookings set status = 'taken', result = ${JSON.stringify(result)}::jsonb where id = ${id}`;
