/**
 * MO for the demo population, as the planners and teachers work with orientation.service.ts: the
 * waiting list per region, language and track (alfa courses for illiterate clients), filled into
 * courses in waiting order (`byWaitingOrder`) every Monday once a group is big enough or has waited
 * long; attendance per session, completion and the process evaluation into the MO pillar through
 * the trajectory's commands; test centres with slots, bookings and results. Courses, enrolments
 * and bookings are written in their final state once they are over (or at the end).
 */
import { attendedHours, byWaitingOrder, needsVideoInterpreter } from '../../orientation/rules/planning';
import { statusOn } from '../../trajectory/dossier/state';
import { ruleSetOn } from '../../trajectory/rules/rule-sets';
import { belgianInstant, isoOf, weekdayOf, type Day } from './calendar';
import { MO, MO_TEST_LANGUAGES, REGION_TOWNS } from './model';
import { DEMO_REGIONS, type DemoRegion } from './published';
import type { StaffMember } from './staff';
import { later, type Client, type World } from './world';

const TEST_CORE = 11;
const TEST_PRACTICAL = 30;
const CONTACT_LANGUAGE_AFTER_DAYS = 365;
const SLOT_TIMES = [[9, 0], [13, 30]] as const;

export interface MoHooks {
  /** The course is over for the client (completed): the trajectory decides what comes next. */
  courseCompleted(client: Client): void;
  /** A test result is in the dossier. */
  testTaken(client: Client): void;
}

interface Waiting {
  client: Client;
  waitingSince: string;
  /** The day the person (re)joined the list: how long a group has waited for a course, after a failed test too. */
  joined: Day;
  /** Enrolled in a course of another language, with the reason (enrolPerson's exception). */
  exceptionReason?: string;
}

interface Enrolment {
  id: string;
  client: Client;
  dossierId: string;
  enrolledOn: string;
  waitingSince: string;
  exceptionReason: string | null;
  status: 'enrolled' | 'completed' | 'dropped-out';
  endedOn: string | null;
  present: Set<string>;
  processEvaluation: { date: string; correct: number; total: number } | null;
}

interface Course {
  id: string;
  code: string;
  region: DemoRegion;
  language: string;
  teacherLanguage: string;
  track: 'standard' | 'alfa';
  format: string;
  location: string;
  teacher: StaffMember;
  hours: number;
  start: Day;
  end: Day;
  sessions: Array<{ id: string; day: Day; startsAt: Date; endsAt: Date }>;
  enrolments: Enrolment[];
  attendance: Array<Record<string, unknown>>;
  completed: boolean;
  createdAt: string;
}

interface Centre {
  id: string;
  name: string;
  region: DemoRegion;
  staff: StaffMember;
}

interface Booking {
  id: string;
  client: Client;
  dossierId: string;
  kind: 'test' | 'exemption-test';
  language: string;
  status: 'booked' | 'taken' | 'no-show' | 'cancelled';
  result: { core: { correct: number; total: number }; practical: { correct: number; total: number } } | null;
  createdAt: string;
}

interface Slot {
  id: string;
  key: string;
  centre: Centre;
  day: Day;
  startsAt: string;
  capacity: number;
  booked: number;
  bookings: Booking[];
}

const CENTRES: Readonly<Record<DemoRegion, readonly string[]>> = {
  PA: ['Mechelen', 'Turnhout'],
  BR: ['Brussel'],
  LI: ['Hasselt'],
  OV: ['Aalst', 'Sint-Niklaas'],
  VB: ['Leuven', 'Vilvoorde'],
  WV: ['Brugge', 'Kortrijk'],
};

export class MoPlanner {
  private readonly pools = new Map<string, Map<Client, Waiting>>();
  private readonly running = new Set<Course>();
  private readonly centres: Record<DemoRegion, Centre[]>;
  private readonly slots = new Map<string, Slot>();
  private readonly formAt: number;
  private readonly coursesPerWeek: number;

  constructor(
    private readonly world: World,
    private readonly hooks: MoHooks,
  ) {
    // Small populations form smaller groups, or nobody would ever start.
    this.formAt = Math.max(6, Math.round(MO.formAt * Math.min(1, world.scale * 5)));
    this.coursesPerWeek = Math.max(1, Math.round(MO.coursesPerRegionWeek * world.scale));
    const createdAt = world.recordedAt(isoOf(world.today));
    this.centres = {} as Record<DemoRegion, Centre[]>;
    for (const region of DEMO_REGIONS) {
      this.centres[region] = CENTRES[region].map((town) => {
        const id = world.ids.uuid();
        const name = `Testcentrum ${town}`;
        world.sink.add('test_centres', { id, name, region, address: `Stationsstraat 1, ${town}`, languages: [...MO_TEST_LANGUAGES], created_at: createdAt });
        return { id, name, region, staff: world.staff.member('test-centre-staff', world.tenantId, 'testcentrum', region) };
      });
    }
  }

  /** Puts a client with a contract and an open MO pillar on the waiting list (the contract date counts, R-20). */
  join(client: Client): void {
    const contract = client.dossier?.state.contract;
    if (!contract || client.mo.pool || client.mo.enrolled) return;
    const track = client.traits.literacy === 'illiterate' ? 'alfa' : 'standard';
    this.enter(`${client.region}|${client.person.language}|${track}`, { client, waitingSince: contract.signedOn, joined: this.world.today });
  }

  /** Takes a client off the list and out of a running course (the dossier closed). */
  leave(client: Client): void {
    if (client.mo.pool) this.pools.get(client.mo.pool)?.delete(client);
    client.mo.pool = undefined;
    for (const course of this.running) {
      const enrolment = course.enrolments.find((e) => e.client === client && e.status === 'enrolled');
      if (enrolment) this.dropOut(course, enrolment, 'dossier afgesloten');
    }
  }

  private enter(key: string, waiting: Waiting): void {
    let pool = this.pools.get(key);
    if (!pool) this.pools.set(key, (pool = new Map()));
    pool.set(waiting.client, waiting);
    waiting.client.mo.pool = key;
  }

  /**
   * Monday: waiting groups that are big enough, or have waited long enough, become courses starting
   * in two weeks; a region has teachers and rooms for a few new courses a week, and the groups that
   * waited longest get them first (the rest wait: the six-month figure of R-20).
   */
  weekly(): void {
    const today = this.world.today;
    const date = isoOf(today);
    const candidates: Array<{ region: DemoRegion; language: string; track: 'standard' | 'alfa'; group: Waiting[]; since: Day }> = [];
    for (const [key, pool] of this.pools) {
      const eligible = [...pool.values()].filter((w) => this.canEnrol(w.client, date));
      if (!eligible.length) continue;
      eligible.sort((a, b) => byWaitingOrder(this.entry(a), this.entry(b)));
      const since = Math.min(...eligible.map((w) => w.joined));
      const waitedDays = today - since;
      const [region, language, track] = key.split('|') as [DemoRegion, string, 'standard' | 'alfa'];
      if (eligible.length === 1 && waitedDays > CONTACT_LANGUAGE_AFTER_DAYS && language !== 'en' && language !== 'fr') {
        // Alone in this language for a year: a course in a contact language, as an exception.
        pool.delete(eligible[0]!.client);
        this.enter(`${region}|${region === 'BR' ? 'fr' : 'en'}|standard`, { ...eligible[0]!, joined: today, exceptionReason: 'Geen groep in de eigen taal: cursus in de contacttaal' });
        continue;
      }
      const minimum = MO.formAfterWeeks.reduce((n, [weeks, size]) => (waitedDays >= weeks * 7 ? Math.min(n, size) : n), this.formAt);
      for (let queue = eligible; queue.length >= minimum; ) {
        candidates.push({ region, language, track, group: queue.slice(0, MO.capacity), since });
        queue = queue.slice(MO.capacity);
        if (queue.length < this.formAt) break;
      }
    }
    candidates.sort((a, b) => a.since - b.since);
    const started = new Map<DemoRegion, number>();
    for (const c of candidates) {
      const n = started.get(c.region) ?? 0;
      if (n >= this.coursesPerWeek) continue;
      started.set(c.region, n + 1);
      this.openCourse(c.region, c.language, c.track, c.group);
    }
  }

  private entry(w: Waiting) {
    return { personId: w.client.person.id, dossierId: w.client.dossier!.id, language: '', region: w.client.region, area: w.client.dossier!.state.area, waitingSince: w.waitingSince };
  }

  private canEnrol(client: Client, date: string): boolean {
    const dossier = client.dossier;
    return !!dossier?.open && statusOn(dossier.state, date) !== 'suspended' && !client.mo.booked;
  }

  private openCourse(region: DemoRegion, language: string, track: 'standard' | 'alfa', group: Waiting[]): void {
    const world = this.world;
    const rng = world.rng;
    const fill = world.today;
    const start = fill + 14;
    const hours = track === 'alfa' ? 84 : 60;
    const evening = rng.chance(0.2);
    const weekdays = evening ? [2, 4] : [1, 3];
    const sessions: Course['sessions'] = [];
    for (let day = start; sessions.length < hours / MO.sessionHours; day++) {
      if (!weekdays.includes(weekdayOf(day))) continue;
      const startsAt = belgianInstant(day, evening ? 18 : 9);
      sessions.push({ id: world.ids.uuid(), day, startsAt: new Date(startsAt), endsAt: new Date(Date.parse(startsAt) + MO.sessionHours * 3_600_000) });
    }
    const withInterpreter = (MO.withInterpreter.languages as readonly string[]).includes(language) && rng.chance(MO.withInterpreter.share);
    const id = world.ids.uuid();
    const startsOn = isoOf(start);
    const town = rng.pick(REGION_TOWNS[region]);
    const course: Course = {
      id,
      code: `MO-${language.toUpperCase()}-${region}-${startsOn}-${id.slice(0, 4)}`,
      region,
      language,
      teacherLanguage: withInterpreter ? 'nl' : language,
      track,
      format: rng.weighted(MO.formats),
      location: `AgII-leslokaal ${town}`,
      teacher: world.staff.take(world.staff.teachers, region),
      hours,
      start,
      end: sessions.at(-1)!.day,
      sessions,
      enrolments: [],
      attendance: [],
      completed: false,
      createdAt: world.recordedAt(isoOf(fill)),
    };
    const planner = world.staff.take(world.staff.planners, region);
    const date = isoOf(fill);
    for (const waiting of group) this.enrol(course, waiting, planner, date);
    if (!course.enrolments.length) return;
    this.running.add(course);
    for (const session of sessions) world.agenda.plan(session.day, () => this.session(course, session));
    world.agenda.plan(course.end, () => this.complete(course));
  }

  /** enrolEntry: the enrolment, its record in the MO pillar, and the journal entry. */
  private enrol(course: Course, waiting: Waiting, planner: StaffMember, date: string): void {
    const world = this.world;
    const client = waiting.client;
    const dossier = client.dossier!;
    if (!world.book.run(dossier, { type: 'record-mo-course', date, enrolledOn: date, attendedHours: 0 }, planner, date)) return;
    this.pools.get(client.mo.pool!)?.delete(client);
    client.mo.pool = undefined;
    client.mo.enrolled = true;
    course.enrolments.push({
      id: world.ids.uuid(),
      client,
      dossierId: dossier.id,
      enrolledOn: date,
      waitingSince: waiting.waitingSince,
      exceptionReason: waiting.exceptionReason ?? null,
      status: 'enrolled',
      endedOn: null,
      present: new Set(),
      processEvaluation: null,
    });
    world.book.journal(
      dossier,
      'mo.enrolled',
      { courseId: course.id, code: course.code, language: course.language, waitingSince: waiting.waitingSince, ...(waiting.exceptionReason ? { exceptionReason: waiting.exceptionReason } : {}) },
      planner,
      `${date}T12:00:00.000Z`,
      world.recordedAt(date),
    );
  }

  /** recordAttendance: presence per enrolment, the attended hours into the MO pillar at once. */
  private session(course: Course, session: Course['sessions'][number]): void {
    const world = this.world;
    const date = isoOf(session.day);
    const recordedAt = world.recordedAt(date);
    for (const enrolment of course.enrolments) {
      if (enrolment.status !== 'enrolled') continue;
      if (world.rng.chance(MO.dropOut / course.sessions.length)) {
        this.dropOut(course, enrolment, 'stopt met de cursus');
        continue;
      }
      const present = world.rng.chance(enrolment.client.traits.presence);
      if (present) enrolment.present.add(session.id);
      course.attendance.push({ session_id: session.id, enrolment_id: enrolment.id, present, recorded_at: recordedAt });
      world.book.run(
        enrolment.client.dossier!,
        { type: 'record-mo-course', date, enrolledOn: enrolment.enrolledOn, attendedHours: attendedHours(course.sessions, enrolment.present) },
        course.teacher,
        date,
      );
    }
  }

  /** dropOut: the person returns to the waiting list with the original waiting date. */
  private dropOut(course: Course, enrolment: Enrolment, reason: string): void {
    const world = this.world;
    const date = isoOf(world.today);
    enrolment.status = 'dropped-out';
    enrolment.endedOn = date;
    const client = enrolment.client;
    client.mo.enrolled = false;
    const planner = world.staff.take(world.staff.planners, course.region);
    world.book.journal(client.dossier!, 'mo.dropped-out', { courseId: course.id, reason }, planner, `${date}T12:00:00.000Z`, world.recordedAt(date));
    if (client.dossier?.open) this.join(client);
  }

  /** completeCourse, then the teacher's process evaluation where the rules have it. */
  private complete(course: Course): void {
    const world = this.world;
    const date = isoOf(course.end);
    const planner = world.staff.take(world.staff.planners, course.region);
    for (const enrolment of course.enrolments) {
      if (enrolment.status !== 'enrolled') continue;
      const client = enrolment.client;
      const dossier = client.dossier!;
      enrolment.status = 'completed';
      enrolment.endedOn = date;
      client.mo.enrolled = false;
      world.book.run(dossier, { type: 'record-mo-course', date, enrolledOn: enrolment.enrolledOn, attendedHours: attendedHours(course.sessions, enrolment.present), completedOn: date }, planner, date);
      if (ruleSetOn(date, dossier.state.area).mo.assessmentWeights) {
        const score = { correct: world.rng.int(6, 10), total: 10 };
        if (world.book.run(dossier, { type: 'record-mo-process-evaluation', date, score }, course.teacher, date)) enrolment.processEvaluation = { date, ...score };
      }
      this.hooks.courseCompleted(client);
    }
    course.completed = true;
    this.running.delete(course);
    this.writeCourse(course);
  }

  /**
   * bookTest: a seat in the next slot with room at a test centre of the region from `fromDay` on
   * a video interpreter for a language the centre does not offer).
   */
  bookTest(client: Client, kind: 'test' | 'exemption-test', fromDay: Day): void {
    const world = this.world;
    const dossier = client.dossier;
    if (!dossier?.open || client.mo.booked) return;
    const slot = this.freeSlot(world.rng.pick(this.centres[client.region]), fromDay);
    const date = isoOf(world.today);
    const booking: Booking = { id: world.ids.uuid(), client, dossierId: dossier.id, kind, language: client.person.language, status: 'booked', result: null, createdAt: world.recordedAt(date) };
    slot.booked += 1;
    slot.bookings.push(booking);
    client.mo.booked = true;
    if (client.mo.pool) this.pools.get(client.mo.pool)?.delete(client);
    client.mo.pool = undefined;
    world.book.journal(dossier, 'mo.test-booked', { bookingId: booking.id, kind, slotId: slot.id, startsAt: slot.startsAt, language: booking.language }, slot.centre.staff, booking.createdAt, booking.createdAt);
    world.agenda.plan(slot.day, () => this.take(slot, booking));
  }

  /** The first slot with a seat from `fromDay` on: Tuesdays and Thursdays at 9:00 and 13:30, opened when first needed. */
  private freeSlot(centre: Centre, fromDay: Day): Slot {
    for (let day = fromDay; ; day++) {
      const weekday = weekdayOf(day);
      if (weekday !== 2 && weekday !== 4) continue;
      for (const [hour, minute] of SLOT_TIMES) {
        const key = `${centre.id}|${day}|${hour}`;
        let slot = this.slots.get(key);
        if (!slot) {
          slot = { id: this.world.ids.uuid(), key, centre, day, startsAt: belgianInstant(day, hour, minute), capacity: 12, booked: 0, bookings: [] };
          this.slots.set(key, slot);
          const created = slot;
          // The day after the test, when every result of the slot is in.
          this.world.agenda.plan(day + 1, () => this.closeSlot(created));
        }
        if (slot.booked < slot.capacity) return slot;
      }
    }
  }

  /** The test day: no-show, cancellation (dossier closed meanwhile) or the scores into the MO pillar. */
  private take(slot: Slot, booking: Booking): void {
    const world = this.world;
    const client = booking.client;
    client.mo.booked = false;
    const date = isoOf(slot.day);
    const dossier = client.dossier;
    if (!dossier?.open || statusOn(dossier.state, date) === 'suspended') {
      booking.status = 'cancelled';
      slot.booked -= 1;
      world.book.journal({ id: booking.dossierId }, 'mo.test-cancelled', { bookingId: booking.id }, slot.centre.staff, slot.startsAt, slot.startsAt);
      return;
    }
    if (world.rng.chance(MO.noShow)) {
      booking.status = 'no-show';
      world.book.journal(dossier, 'mo.test-no-show', { bookingId: booking.id }, slot.centre.staff, slot.startsAt, slot.startsAt);
      later(world, world.rng.int(14, 40), () => this.bookTest(client, booking.kind, world.today + 7));
      return;
    }
    const k = client.traits.knowledge - (booking.kind === 'exemption-test' ? 0.04 : 0);
    const binomial = (n: number, p: number) => Array.from({ length: n }, () => world.rng.chance(p)).filter(Boolean).length;
    const core = { correct: binomial(TEST_CORE, Math.min(0.99, k)), total: TEST_CORE };
    const practical = { correct: binomial(TEST_PRACTICAL, Math.min(0.99, k + 0.02)), total: TEST_PRACTICAL };
    if (!world.book.run(dossier, { type: 'record-mo-test', date, kind: booking.kind, core, practical }, slot.centre.staff, date)) return;
    booking.status = 'taken';
    booking.result = { core, practical };
    this.hooks.testTaken(client);
  }

  private closeSlot(slot: Slot): void {
    this.writeSlot(slot);
    this.slots.delete(slot.key);
  }

  private writeSlot(slot: Slot): void {
    const sink = this.world.sink;
    sink.add('test_slots', { id: slot.id, centre_id: slot.centre.id, starts_at: slot.startsAt, capacity: slot.capacity, booked: slot.booked });
    for (const b of slot.bookings) {
      sink.add('test_bookings', {
        id: b.id,
        slot_id: slot.id,
        person_id: b.client.person.id,
        dossier_id: b.dossierId,
        kind: b.kind,
        language: b.language,
        video_interpreter: needsVideoInterpreter(b.language, MO_TEST_LANGUAGES),
        audio_support: b.client.traits.literacy === 'illiterate' || b.client.traits.literacy === 'low-literate',
        status: b.status,
        result: b.result,
        created_at: b.createdAt,
      });
    }
  }

  private writeCourse(course: Course): void {
    const sink = this.world.sink;
    sink.add('mo_courses', {
      id: course.id,
      code: course.code,
      language: course.language,
      teacher_language: course.teacherLanguage,
      with_interpreter: course.language !== course.teacherLanguage,
      format: course.format,
      region: course.region,
      location: course.location,
      teacher_name: course.teacher.name,
      teacher_user_id: course.teacher.userId,
      mo_profile: course.track === 'alfa' ? 'illiterate' : null,
      hours: course.hours,
      capacity: MO.capacity,
      starts_on: isoOf(course.start),
      ends_on: isoOf(course.end),
      status: course.completed ? 'completed' : 'planned',
      version: course.completed ? 2 : 1,
      created_at: course.createdAt,
    });
    for (const s of course.sessions) sink.add('mo_sessions', { id: s.id, course_id: course.id, starts_at: s.startsAt.toISOString(), ends_at: s.endsAt.toISOString(), location: null });
    for (const e of course.enrolments) {
      sink.add('mo_enrolments', {
        id: e.id,
        course_id: course.id,
        person_id: e.client.person.id,
        dossier_id: e.dossierId,
        status: e.status,
        enrolled_on: e.enrolledOn,
        ended_on: e.endedOn,
        waiting_since: e.waitingSince,
        exception_reason: e.exceptionReason,
        process_evaluation: e.processEvaluation,
        created_at: course.createdAt,
      });
    }
    for (const a of course.attendance) sink.add('mo_attendance', a);
  }

  /** The end of the generation: running courses and future slots are written as they stand. */
  finish(): void {
    for (const course of this.running) this.writeCourse(course);
    this.running.clear();
    for (const slot of this.slots.values()) this.writeSlot(slot);
    this.slots.clear();
  }

  /** People waiting now, and how many of them for more than six months (for the summary). */
  waiting(): { waiting: number; overSixMonths: number } {
    const today = this.world.today;
    let waiting = 0;
    let over = 0;
    for (const pool of this.pools.values()) {
      for (const w of pool.values()) {
        waiting += 1;
        if (today - Date.parse(w.waitingSince) / 86_400_000 > 182) over += 1;
      }
    }
    return { waiting, overSixMonths: over };
  }
}
