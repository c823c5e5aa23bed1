/**
 * MO planning: courses and series, the waiting list and its figures, enrolment in waiting order,
 * attendance and process evaluation, test centres, slots and bookings. What the person achieves is
 * recorded in their dossier through the trajectory's own commands in the same transaction, so the
 * MO pillar follows from what is recorded here.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { isUniqueViolation, queryRows, withTenant, type Tx } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { translate } from '../../platform/i18n/i18n';
import { writeCalendar } from '../../platform/ical';
import { appendJournal } from '../../platform/journal';
import { renderLetter } from '../../platform/letters';
import { recordAudit, requirePermission, scopeOf, type AccessDeps } from '../access';
import { personIdentity, personLanguages } from '../persons';
import { iso6391Of, isLanguageCode } from '../persons/rules/languages';
import { belgianDate, recordInRunningDossier } from '../trajectory';
import { addDays } from '../trajectory/rules/dates';
import { ruleSetOn } from '../trajectory/rules/rule-sets';
import * as q from './orientation.queries';
import type { CreateCourseInput } from './orientation.schema';
import { attendedHours, byWaitingOrder, needsVideoInterpreter, passesOver, sessionSlot, sixMonthMark, waitingFigures, type WaitingEntry } from './rules/planning';
import type { OrientationRefusal } from './rules/refusals';

export type OrientationDeps = Pick<AccessDeps, 'db' | 'clock'>;

function refuse(refusal: OrientationRefusal, rule: string, values: Record<string, string | number> = {}): never {
  throw new AppError('rule-violation', { values: { ...values, rule, refusal }, extra: { rule, refusal } });
}

function checkLanguage(field: string, code: string) {
  if (!isLanguageCode(code)) throw new AppError('validation', { fields: [{ field, code: 'language-unknown' }] });
}

const fullName = (r: { given_names: string; family_name: string }) => `${r.given_names} ${r.family_name}`;
const latinName = (r: { given_names_latin: string; family_name_latin: string }) => `${r.given_names_latin} ${r.family_name_latin}`;

function courseView(c: q.CourseRow) {
  return {
    id: c.id,
    code: c.code,
    language: c.language,
    teacherLanguage: c.teacher_language,
    withInterpreter: c.with_interpreter,
    format: c.format,
    region: c.region,
    location: c.location,
    teacherName: c.teacher_name,
    moProfile: c.mo_profile,
    hours: Number(c.hours),
    capacity: c.capacity,
    enrolled: c.enrolled,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    seriesId: c.series_id,
    status: c.status,
    version: c.version,
  };
}

const sessionTimes = (sessions: readonly q.SessionRow[]) => sessions.map((s) => ({ id: s.id, startsAt: new Date(s.starts_at), endsAt: new Date(s.ends_at) }));

async function courseDetail(tx: Tx, id: string) {
  const course = await q.findCourse(tx, id);
  if (!course) throw notFound('course');
  const sessions = await q.findSessions(tx, id);
  const times = sessionTimes(sessions);
  const enrolments = await q.findEnrolments(tx, id);
  return {
    ...courseView(course),
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: new Date(s.starts_at).toISOString(),
      endsAt: new Date(s.ends_at).toISOString(),
      location: s.location,
      slot: sessionSlot(new Date(s.starts_at)),
    })),
    enrolments: enrolments.map((e) => ({
      id: e.id,
      personId: e.person_id,
      dossierId: e.dossier_id,
      name: fullName(e),
      nameLatin: latinName(e),
      status: e.status,
      enrolledOn: e.enrolled_on,
      endedOn: e.ended_on,
      waitingSince: e.waiting_since,
      exceptionReason: e.exception_reason,
      attendedHours: attendedHours(times, new Set(e.present_session_ids)),
      presentSessionIds: e.present_session_ids,
      processEvaluation: e.process_evaluation,
    })),
  };
}

export async function createCourse(deps: OrientationDeps, ctx: ActorContext, input: CreateCourseInput, seriesId: string | null = null) {
  requirePermission(ctx, 'mo.course.manage');
  checkLanguage('language', input.language);
  if (input.teacherLanguage) checkLanguage('teacherLanguage', input.teacherLanguage);
  const outside = input.sessions.find((s) => belgianDate(new Date(s.startsAt)) < input.startsOn || belgianDate(new Date(s.endsAt)) > input.endsOn);
  if (outside) throw new AppError('validation', { fields: [{ field: 'sessions', code: 'session-outside-course' }] });
  // without explicit hours, the course lasts what the profile needs under the rules of its start.
  const rules = ruleSetOn(input.startsOn);
  const hours = input.hours ?? (input.moProfile ? rules.mo.courseHours[input.moProfile] : rules.mo.standardCourseHours);
  const id = randomUUID();
  const code = input.code ?? `MO-${input.language.toUpperCase()}-${input.region}-${input.startsOn}-${id.slice(0, 4)}`;
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      await q.insertCourse(tx, {
        id,
        tenantId: ctx.actor.tenantId,
        code,
        language: input.language,
        teacherLanguage: input.teacherLanguage ?? input.language,
        format: input.format,
        region: input.region,
        location: input.location,
        teacherName: input.teacherName ?? null,
        moProfile: input.moProfile ?? null,
        hours,
        capacity: input.capacity,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        seriesId,
      });
      await q.insertSessions(tx, ctx.actor.tenantId, id, input.sessions.map((s) => ({ id: randomUUID(), startsAt: s.startsAt, endsAt: s.endsAt, location: s.location ?? null })));
      await recordAudit(tx, ctx, { action: 'create', subjectType: 'mo-course', subjectId: id, summary: `MO course ${code}` });
      return courseDetail(tx, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('validation', { fields: [{ field: 'code', code: 'course-code-taken' }] });
    throw error;
  }
}

/** Copies a course as a series: `count` copies, every `intervalWeeks`, sessions moved along. */
export async function copyCourse(deps: OrientationDeps, ctx: ActorContext, id: string, input: { startsOn: string; count: number; intervalWeeks: number }) {
  requirePermission(ctx, 'mo.course.manage');
  const source = await withTenant(deps.db, scopeOf(ctx), (tx) => courseDetail(tx, id));
  const seriesId = source.seriesId ?? randomUUID();
  const dayMs = 86_400_000;
  const copies = [];
  for (let i = 0; i < input.count; i++) {
    const startsOn = addDays(input.startsOn, i * input.intervalWeeks * 7);
    const shiftMs = Date.parse(startsOn) - Date.parse(source.startsOn);
    const shift = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
    copies.push(
      await createCourse(
        deps,
        ctx,
        {
          language: source.language,
          teacherLanguage: source.teacherLanguage,
          format: source.format as CreateCourseInput['format'],
          region: source.region as CreateCourseInput['region'],
          location: source.location,
          ...(source.teacherName ? { teacherName: source.teacherName } : {}),
          ...(source.moProfile ? { moProfile: source.moProfile as NonNullable<CreateCourseInput['moProfile']> } : {}),
          hours: source.hours,
          capacity: source.capacity,
          startsOn,
          endsOn: addDays(startsOn, Math.round((Date.parse(source.endsOn) - Date.parse(source.startsOn)) / dayMs)),
          sessions: source.sessions.map((s) => ({ startsAt: shift(s.startsAt), endsAt: shift(s.endsAt), ...(s.location ? { location: s.location } : {}) })),
        },
        seriesId,
      ),
    );
  }
  return copies;
}

export async function listCourses(deps: OrientationDeps, ctx: ActorContext, filter: Parameters<typeof q.listCourses>[1]) {
  // Teachers find their courses here too, to record attendance.
  requirePermission(ctx, 'mo.attendance.record');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => (await q.listCourses(tx, filter)).map(courseView));
}

export async function getCourse(deps: OrientationDeps, ctx: ActorContext, id: string) {
  requirePermission(ctx, 'mo.attendance.record');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const detail = await courseDetail(tx, id);
    await recordAudit(tx, ctx, { action: 'read', subjectType: 'mo-course', subjectId: id, summary: 'read MO course with participants' });
    return detail;
  });
}

const toEntry = (r: q.WaitingRow): WaitingEntry => ({
  personId: r.person_id,
  dossierId: r.dossier_id,
  language: r.language,
  region: r.region,
  area: r.area,
  waitingSince: r.waiting_since,
});

export async function waitingList(deps: OrientationDeps, ctx: ActorContext, filter: { language?: string | undefined; region?: string | undefined; overSixMonths?: boolean | undefined; limit: number }) {
  requirePermission(ctx, 'mo.waiting-list.read');
  const today = belgianDate(deps.clock());
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await q.waitingList(tx, { language: filter.language, region: filter.region, limit: filter.overSixMonths ? null : filter.limit });
    await recordAudit(tx, ctx, { action: 'search', subjectType: 'mo-waiting-list', subjectId: null, summary: 'read MO waiting list' });
    return rows
      .map((r) => ({ row: r, mark: sixMonthMark(toEntry(r)) }))
      .filter(({ mark }) => !filter.overSixMonths || mark < today)
      .slice(0, filter.limit)
      .map(({ row, mark }) => ({
        personId: row.person_id,
        dossierId: row.dossier_id,
        name: fullName(row),
        nameLatin: latinName(row),
        language: row.language,
        region: row.region,
        waitingSince: row.waiting_since,
        sixMonthMark: mark,
        waitedDays: Math.max(0, Math.round((Date.parse(today) - Date.parse(row.waiting_since)) / 86_400_000)),
      }));
  });
}

/** The waiting figures per language and region, always computed from the current dossiers. */
export async function waitingSummary(deps: OrientationDeps, ctx: ActorContext, horizonDays: number) {
  requirePermission(ctx, 'mo.waiting-list.read');
  const today = belgianDate(deps.clock());
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const groups = (await q.waitingCounts(tx)).map((r) => ({ language: r.language, region: r.region, area: r.area, waitingSince: r.waiting_since, count: r.count }));
    return { asOf: today, horizonDays, ...waitingFigures(groups, today, horizonDays) };
  });
}

/** Enrols one waiting person, journals it, and records the enrolment in the dossier's MO pillar. */
async function enrolEntry(tx: Tx, ctx: ActorContext, course: q.CourseRow, entry: WaitingEntry, date: string, exceptionReason: string | null, now: Date) {
  const id = randomUUID();
  await q.insertEnrolment(tx, { id, tenantId: ctx.actor.tenantId, courseId: course.id, personId: entry.personId, dossierId: entry.dossierId, enrolledOn: date, waitingSince: entry.waitingSince, exceptionReason });
  await recordInRunningDossier(tx, ctx, entry.personId, { type: 'record-mo-course', date, enrolledOn: date, attendedHours: 0 }, now);
  await appendJournal(tx, ctx, {
    dossierId: entry.dossierId,
    type: 'mo.enrolled',
    payload: { courseId: course.id, code: course.code, language: course.language, waitingSince: entry.waitingSince, ...(exceptionReason ? { exceptionReason } : {}) },
    effectiveAt: new Date(`${date}T12:00:00Z`),
  });
}

/** Locks the course for the enrolments to come; refuses a course that has ended or was cancelled. */
async function lockOpenCourse(tx: Tx, id: string): Promise<q.CourseRow> {
  const course = await q.findCourse(tx, id, true);
  if (!course) throw notFound('course');
  if (course.status === 'completed' || course.status === 'cancelled') refuse('course-not-open', 'WF-05', { status: course.status });
  return course;
}

/** Fills a course from the waiting list in order of waiting time, same language and region (WF-05, R-20). */
export async function fillCourse(deps: OrientationDeps, ctx: ActorContext, id: string, input: { date: string; count?: number | undefined }) {
  requirePermission(ctx, 'mo.course.manage');
  const now = deps.clock();
  return enrolOnce(() => withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const course = await lockOpenCourse(tx, id);
    const free = course.capacity - course.enrolled;
    const wanted = Math.min(free, input.count ?? free);
    if (wanted <= 0) refuse('course-full', 'WF-05', { capacity: course.capacity });
    const entries = (await q.waitingList(tx, { language: course.language, region: course.region, limit: wanted, lockForFill: true })).map(toEntry).sort(byWaitingOrder);
    for (const entry of entries) await enrolEntry(tx, ctx, course, entry, input.date, null, now);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'mo-course', subjectId: id, summary: `filled ${entries.length} places from the waiting list` });
    return { enrolled: entries.length, course: await courseDetail(tx, id) };
  }));
}

/** Enrols one person; taking someone before people who waited longer needs a recorded reason. */
export async function enrolPerson(deps: OrientationDeps, ctx: ActorContext, id: string, input: { date: string; personId: string; exceptionReason?: string | undefined }) {
  requirePermission(ctx, 'mo.course.manage');
  const now = deps.clock();
  // Two planners enrolling the same person at once: the second meets the one-running-enrolment index.
  return enrolOnce(() => withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const course = await lockOpenCourse(tx, id);
    if (course.enrolled >= course.capacity) refuse('course-full', 'WF-05', { capacity: course.capacity });
    const [row] = await q.waitingList(tx, { personId: input.personId, limit: 1 });
    if (!row) refuse('not-waiting-for-mo', 'WF-05');
    const entry = toEntry(row);
    const exception = input.exceptionReason ?? null;
    if (entry.language !== course.language && !exception) refuse('language-mismatch', 'WF-05', { language: entry.language, course: course.language });
    // Only who waited longer in this language is read, not the whole list.
    const longer = entry.language === course.language
      ? (await q.waitingList(tx, { language: entry.language, region: entry.region ?? undefined, before: entry, limit: null })).map(toEntry)
      : [];
    const before = passesOver(entry, longer);
    if (before.length && !exception) refuse('passes-over-waiting-list', 'R-20', { count: before.length });
    await enrolEntry(tx, ctx, course, entry, input.date, exception, now);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'mo-course', subjectId: id, summary: exception ? 'enrolled a person out of waiting order' : 'enrolled a person' });
    return courseDetail(tx, id);
  }));
}

async function enrolOnce<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) refuse('not-waiting-for-mo', 'WF-05');
    throw error;
  }
}

async function runningEnrolment(tx: Tx, courseId: string, enrolmentId: string) {
  const [enrolment] = await q.findEnrolments(tx, courseId, enrolmentId);
  if (!enrolment) throw notFound('enrolment');
  if (enrolment.status !== 'enrolled') refuse('enrolment-not-running', 'WF-05', { status: enrolment.status });
  return enrolment;
}

/** Drops a person out; they return to the waiting list with their original waiting date. */
export async function dropOut(deps: OrientationDeps, ctx: ActorContext, courseId: string, enrolmentId: string, input: { date: string; reason: string }) {
  requirePermission(ctx, 'mo.course.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const enrolment = await runningEnrolment(tx, courseId, enrolmentId);
    await tx.execute(q.endEnrolment(enrolmentId, 'dropped-out', input.date));
    await appendJournal(tx, ctx, { dossierId: enrolment.dossier_id, type: 'mo.dropped-out', payload: { courseId, reason: input.reason }, effectiveAt: new Date(`${input.date}T12:00:00Z`) });
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'mo-course', subjectId: courseId, summary: 'drop-out' });
    return courseDetail(tx, courseId);
  });
}

/** Attendance for one session; each person's attended hours go to their MO pillar at once. */
export async function recordAttendance(deps: OrientationDeps, ctx: ActorContext, courseId: string, sessionId: string, attendance: ReadonlyArray<{ enrolmentId: string; present: boolean }>) {
  requirePermission(ctx, 'mo.attendance.record');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const course = await q.findCourse(tx, courseId);
    if (!course) throw notFound('course');
    const sessions = await q.findSessions(tx, courseId);
    const session = sessions.find((s) => s.id === sessionId);
    if (!session) refuse('session-not-in-course', 'WF-05');
    if (new Date(session.starts_at) > now) refuse('session-in-future', 'WF-05');
    const date = belgianDate(new Date(session.starts_at));
    for (const mark of attendance) {
      const enrolment = await runningEnrolment(tx, courseId, mark.enrolmentId);
      await tx.execute(q.upsertAttendance(ctx.actor.tenantId, sessionId, mark.enrolmentId, mark.present));
      const [updated] = await q.findEnrolments(tx, courseId, mark.enrolmentId);
      const hours = attendedHours(sessionTimes(sessions), new Set(updated!.present_session_ids));
      await recordInRunningDossier(tx, ctx, enrolment.person_id, { type: 'record-mo-course', date: belgianDate(now) < date ? date : belgianDate(now), enrolledOn: enrolment.enrolled_on, attendedHours: hours }, now);
    }
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'mo-course', subjectId: courseId, summary: `attendance of ${date}` });
    return courseDetail(tx, courseId);
  });
}

/** The teacher's process evaluation (R-06, from 1 March 2023), into the MO pillar. */
export async function recordProcessEvaluation(deps: OrientationDeps, ctx: ActorContext, courseId: string, enrolmentId: string, input: { date: string; score: { correct: number; total: number } }) {
  requirePermission(ctx, 'mo.attendance.record');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const [enrolment] = await q.findEnrolments(tx, courseId, enrolmentId);
    if (!enrolment) throw notFound('enrolment');
    if (enrolment.status === 'dropped-out') refuse('enrolment-not-running', 'WF-05', { status: enrolment.status });
    await recordInRunningDossier(tx, ctx, enrolment.person_id, { type: 'record-mo-process-evaluation', date: input.date, score: input.score }, now);
    await tx.execute(q.setProcessEvaluation(enrolmentId, { date: input.date, ...input.score }));
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'mo-course', subjectId: courseId, summary: 'process evaluation' });
    return courseDetail(tx, courseId);
  });
}

/** Ends the course: every running enrolment is completed with its hours, into the MO pillar. */
export async function completeCourse(deps: OrientationDeps, ctx: ActorContext, courseId: string, date: string) {
  requirePermission(ctx, 'mo.course.manage');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const course = await lockOpenCourse(tx, courseId);
    if (date < course.starts_on) refuse('course-ends-before-start', 'WF-05', { startsOn: course.starts_on });
    const times = sessionTimes(await q.findSessions(tx, courseId));
    for (const enrolment of (await q.findEnrolments(tx, courseId)).filter((e) => e.status === 'enrolled')) {
      const hours = attendedHours(times, new Set(enrolment.present_session_ids));
      await tx.execute(q.endEnrolment(enrolment.id, 'completed', date));
      await recordInRunningDossier(tx, ctx, enrolment.person_id, { type: 'record-mo-course', date, enrolledOn: enrolment.enrolled_on, attendedHours: hours, completedOn: date }, now);
    }
    await tx.execute(q.setCourseStatus(courseId, 'completed'));
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'mo-course', subjectId: courseId, summary: 'course completed' });
    return courseDetail(tx, courseId);
  });
}

export async function createCentre(deps: OrientationDeps, ctx: ActorContext, input: { name: string; region: string; address: string; languages: string[] }) {
  requirePermission(ctx, 'mo.test.manage');
  input.languages.forEach((l, i) => checkLanguage(`languages.${i}`, l));
  const id = randomUUID();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      await q.insertCentre(tx, { id, tenantId: ctx.actor.tenantId, ...input, languages: [...new Set(input.languages)] });
      await recordAudit(tx, ctx, { action: 'create', subjectType: 'test-centre', subjectId: id, summary: input.name });
      return (await q.listCentres(tx)).find((c) => c.id === id)!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('validation', { fields: [{ field: 'name', code: 'centre-name-taken' }] });
    throw error;
  }
}

export async function listCentres(deps: OrientationDeps, ctx: ActorContext) {
  requirePermission(ctx, 'mo.test.manage');
  return withTenant(deps.db, scopeOf(ctx), (tx) => q.listCentres(tx));
}

const slotView = (s: q.SlotRow) => ({
  id: s.id,
  centreId: s.centre_id,
  centreName: s.centre_name,
  startsAt: new Date(s.starts_at).toISOString(),
  capacity: s.capacity,
  booked: s.booked,
  free: s.capacity - s.booked,
});

export async function createSlots(deps: OrientationDeps, ctx: ActorContext, centreId: string, slots: ReadonlyArray<{ startsAt: string; capacity: number }>) {
  requirePermission(ctx, 'mo.test.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    if (!(await q.listCentres(tx)).some((c) => c.id === centreId)) throw notFound('test-centre');
    const ids: string[] = slots.map(() => randomUUID());
    await tx.execute(q.insertSlots(ctx.actor.tenantId, centreId, slots.map((s, i) => ({ id: ids[i]!, ...s }))));
    await recordAudit(tx, ctx, { action: 'create', subjectType: 'test-centre', subjectId: centreId, summary: `${slots.length} test slots` });
    return q.listSlots(tx, { centreId, onlyFree: false, limit: 1000 }).then((rows) => rows.filter((r) => ids.includes(r.id)).map(slotView));
  });
}

export async function listSlots(deps: OrientationDeps, ctx: ActorContext, filter: Parameters<typeof q.listSlots>[1]) {
  requirePermission(ctx, 'mo.test.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => (await q.listSlots(tx, filter)).map(slotView));
}

export function bookingView(b: q.BookingRow) {
  return {
    id: b.id,
    slotId: b.slot_id,
    personId: b.person_id,
    dossierId: b.dossier_id,
    kind: b.kind,
    language: b.language,
    videoInterpreter: b.video_interpreter,
    audioSupport: b.audio_support,
    status: b.status,
    startsAt: new Date(b.starts_at).toISOString(),
    centreName: b.centre_name,
    name: `${b.given_names} ${b.family_name}`,
    nameLatin: `${b.given_names_latin} ${b.family_name_latin}`,
    result: b.result,
  };
}

/**
 * Books a seat in a test slot (R-30: a language the centre does not offer brings a video
 * interpreter). The seat is taken by one conditional update, so concurrent bookings of the last
 * seat cannot both succeed; a person has at most one open booking.
 */
export async function bookTest(deps: OrientationDeps, ctx: ActorContext, slotId: string, input: { personId: string; kind: 'test' | 'exemption-test'; language?: string | undefined; audioSupport: boolean }) {
  requirePermission(ctx, 'mo.test.manage');
  if (input.language) checkLanguage('language', input.language);
  const now = deps.clock();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const slot = await q.findSlot(tx, slotId);
      if (!slot) throw notFound('test-slot');
      if (new Date(slot.starts_at) <= now) refuse('slot-in-past', 'R-30');
      const dossier = await q.runningDossierLanguage(tx, input.personId);
      if (!dossier) refuse('no-running-dossier', 'WF-05');
      if (input.kind === 'test' && !dossier.contracted) refuse('test-needs-contract', 'WF-05');
      const language = input.language ?? dossier.language;
      if ((await q.findBookingsOfPerson(tx, input.personId)).some((b) => b.status === 'booked')) refuse('already-booked', 'R-30');
      if (!(await q.takeSeat(tx, slotId))) refuse('slot-full', 'R-30', { capacity: slot.capacity });
      const id = randomUUID();
      await tx.execute(q.insertBooking({ id, tenantId: ctx.actor.tenantId, slotId, personId: input.personId, dossierId: dossier.dossierId, kind: input.kind, language, videoInterpreter: needsVideoInterpreter(language, slot.centre_languages), audioSupport: input.audioSupport }));
      await appendJournal(tx, ctx, { dossierId: dossier.dossierId, type: 'mo.test-booked', payload: { bookingId: id, kind: input.kind, slotId, startsAt: slot.starts_at, language }, effectiveAt: now });
      await recordAudit(tx, ctx, { action: 'create', subjectType: 'test-booking', subjectId: id, summary: `booked ${input.kind}` });
      return bookingView((await q.findBooking(tx, id))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) refuse('already-booked', 'R-30');
    throw error;
  }
}

export async function cancelBooking(deps: OrientationDeps, ctx: ActorContext, id: string, status: 'cancelled' | 'no-show') {
  requirePermission(ctx, 'mo.test.manage');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const booking = await q.findBooking(tx, id, true);
    if (!booking) throw notFound('test-booking');
    if (booking.status !== 'booked') refuse('booking-not-open', 'R-30', { status: booking.status });
    if (status === 'no-show' && new Date(booking.starts_at) > now) refuse('test-not-taken-yet', 'R-30');
    await tx.execute(q.setBookingStatus(id, status));
    // A cancelled seat is free again; a no-show's seat was used up.
    if (status === 'cancelled') await q.releaseSeat(tx, booking.slot_id);
    await appendJournal(tx, ctx, { dossierId: booking.dossier_id, type: `mo.test-${status}`, payload: { bookingId: id }, effectiveAt: now });
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'test-booking', subjectId: id, summary: status });
    return bookingView((await q.findBooking(tx, id))!);
  });
}

/**
 * Records the scores of a taken test into the MO pillar; the pass decision is the trajectory's,
 * under the rule set of the test date. A failed test sends the person back to the
 * course list: the pillar is open again, so the waiting list shows them.
 */
export async function recordResult(deps: OrientationDeps, ctx: ActorContext, id: string, input: { core: { correct: number; total: number }; practical: { correct: number; total: number } }) {
  requirePermission(ctx, 'mo.test.manage');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const booking = await q.findBooking(tx, id, true);
    if (!booking) throw notFound('test-booking');
    if (booking.status !== 'booked') refuse('result-without-test', 'R-30', { status: booking.status });
    if (new Date(booking.starts_at) > now) refuse('test-not-taken-yet', 'R-30');
    const date = belgianDate(new Date(booking.starts_at));
    await recordInRunningDossier(tx, ctx, booking.person_id, { type: 'record-mo-test', date, kind: booking.kind, core: input.core, practical: input.practical }, now);
    await tx.execute(q.setBookingResult(id, input));
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'test-booking', subjectId: id, summary: 'test result' });
    return bookingView((await q.findBooking(tx, id))!);
  });
}

export async function slotBookings(deps: OrientationDeps, ctx: ActorContext, slotId: string) {
  requirePermission(ctx, 'mo.test.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    if (!(await q.findSlot(tx, slotId))) throw notFound('test-slot');
    await recordAudit(tx, ctx, { action: 'read', subjectType: 'test-slot', subjectId: slotId, summary: 'read test slot bookings' });
    return (await q.findBookingsOfSlot(tx, slotId)).map(bookingView);
  });
}

async function agencyName(tx: Tx, tenantId: string): Promise<string> {
  return (await queryRows<{ name: string }>(tx, sql`select name from organisations where id = ${tenantId}`))[0]?.name ?? '';
}

/** The invitation to a test, in Dutch and the person's language where a translation exists (§8). */
export async function testLetter(deps: OrientationDeps, ctx: ActorContext, bookingId: string) {
  requirePermission(ctx, 'mo.test.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const booking = await q.findBooking(tx, bookingId);
    if (!booking) throw notFound('test-booking');
    await recordAudit(tx, ctx, { action: 'export', subjectType: 'test-booking', subjectId: bookingId, summary: 'test letter' });
    return { parts: (await testLetterParts(tx, ctx.actor.tenantId, bookingId, await personLanguages(tx, booking.person_id)))! };
  });
}

/**
 * The test invitation in Dutch and the first of `languages` that has it, or null for an unknown
 * booking. Without a permission check: for the planner's letter above and the newcomer's portal,
 * which check who may see it.
 */
export async function testLetterParts(tx: Tx, tenantId: string, bookingId: string, languages: readonly string[]) {
  const booking = await q.findBooking(tx, bookingId);
  if (!booking) return null;
  const person = (await personIdentity(tx, booking.person_id))!;
  const slot = (await q.findSlot(tx, booking.slot_id))!;
  const centre = (await q.listCentres(tx)).find((c) => c.id === slot.centre_id)!;
  return renderLetter(
    'mo-test',
    {
      name: `${person.givenNames} ${person.familyName}`,
      start: new Date(booking.starts_at),
      centre: centre.name,
      address: centre.address,
      agency: await agencyName(tx, tenantId),
      languageCode: iso6391Of(booking.language) ?? booking.language,
      kind: booking.kind === 'exemption-test' ? 'exemption' : 'test',
      videoInterpreter: booking.video_interpreter ? 'yes' : 'no',
      audioSupport: booking.audio_support ? 'yes' : 'no',
    },
    languages,
  );
}

/** The enrolment letter for an MO course, in Dutch and the person's language where possible (§8). */
export async function courseLetter(deps: OrientationDeps, ctx: ActorContext, courseId: string, enrolmentId: string) {
  requirePermission(ctx, 'mo.course.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const [enrolment] = await q.findEnrolments(tx, courseId, enrolmentId);
    if (!enrolment) throw notFound('enrolment');
    await recordAudit(tx, ctx, { action: 'export', subjectType: 'mo-course', subjectId: courseId, summary: 'enrolment letter' });
    return { parts: (await courseLetterParts(tx, ctx.actor.tenantId, courseId, enrolmentId, await personLanguages(tx, enrolment.person_id)))! };
  });
}

/** The enrolment letter in Dutch and the first of `languages` that has it, or null; see testLetterParts. */
export async function courseLetterParts(tx: Tx, tenantId: string, courseId: string, enrolmentId: string, languages: readonly string[]) {
  const course = await q.findCourse(tx, courseId);
  const [enrolment] = await q.findEnrolments(tx, courseId, enrolmentId);
  if (!course || !enrolment) return null;
  const [first] = await q.findSessions(tx, courseId);
  return renderLetter(
    'mo-course',
    {
      name: fullName(enrolment),
      code: course.code,
      start: first ? new Date(first.starts_at) : new Date(`${course.starts_on}T09:00:00+02:00`),
      location: first?.location ?? course.location,
      agency: await agencyName(tx, tenantId),
      languageCode: iso6391Of(course.language) ?? course.language,
    },
    languages,
  );
}

/** The sessions of a course as iCalendar events (§8). */
export async function courseCalendar(deps: OrientationDeps, ctx: ActorContext, courseId: string): Promise<string> {
  requirePermission(ctx, 'mo.attendance.record');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const course = await q.findCourse(tx, courseId);
    if (!course) throw notFound('course');
    const stamp = deps.clock();
    const events = (await q.findSessions(tx, courseId)).map((s) => ({
      uid: `mo-session-${s.id}@kruispunt`,
      stamp,
      start: { kind: 'date-time' as const, at: new Date(s.starts_at) },
      end: { kind: 'date-time' as const, at: new Date(s.ends_at) },
      summary: translate(ctx.locale, 'calendar.mo-session', { code: course.code }),
      location: s.location ?? course.location,
      status: course.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
    }));
    return writeCalendar(events, { name: course.code });
  });
}

/** A test booking as an iCalendar event (§8). */
export async function bookingCalendar(deps: OrientationDeps, ctx: ActorContext, bookingId: string): Promise<string> {
  requirePermission(ctx, 'mo.test.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const booking = await q.findBooking(tx, bookingId);
    if (!booking) throw notFound('test-booking');
    const start = new Date(booking.starts_at);
    return writeCalendar([
      {
        uid: `mo-test-${booking.id}@kruispunt`,
        stamp: deps.clock(),
        start: { kind: 'date-time', at: start },
        // The MO test takes about two hours; the slot has a start time only.
        end: { kind: 'date-time', at: new Date(start.getTime() + 2 * 3_600_000) },
        summary: translate(ctx.locale, booking.kind === 'exemption-test' ? 'calendar.mo-exemption-test' : 'calendar.mo-test'),
        location: booking.centre_name,
        status: booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      },
    ]);
  });
}
