import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningDossier } from '../../testing/dossier-fixtures';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let worker: Caller;
let planner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2024-09-02T08:00:00Z');
  worker = await t.user(['case-worker']);
  planner = await t.user(['course-planner']);
});
afterAll(async () => {
  await t?.close();
});

const dossierOf = async (id: string) => (await worker.request('GET', `/api/v1/dossiers/${id}`)).json();

async function course(body: Record<string, unknown> = {}) {
  const res = await planner.request('POST', '/api/v1/mo/courses', {
    body: {
      language: 'ti',
      teacherLanguage: 'nl',
      format: 'classroom',
      region: 'OV',
      location: 'Aalst, Stationsstraat 1',
      moProfile: 'not-working',
      capacity: 2,
      startsOn: '2024-08-26',
      endsOn: '2024-11-29',
      sessions: [
        { startsAt: '2024-08-26T07:00:00Z', endsAt: '2024-08-26T10:00:00Z' },
        { startsAt: '2024-08-28T16:00:00Z', endsAt: '2024-08-28T19:00:00Z' },
        { startsAt: '2024-09-09T07:00:00Z', endsAt: '2024-09-09T10:00:00Z' },
      ],
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`course: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('MO courses and the waiting list (issue 4 §1–3)', () => {
  let early: Awaited<ReturnType<typeof runningDossier>>;
  let middle: Awaited<ReturnType<typeof runningDossier>>;
  let late: Awaited<ReturnType<typeof runningDossier>>;
  let courseId: string;

  beforeAll(async () => {
    // Tigrinya keeps this test's list apart from other tests' people.
    early = await runningDossier(worker, { signedOn: '2024-01-10', language: 'ti' });
    middle = await runningDossier(worker, { signedOn: '2024-03-01', language: 'ti' });
    late = await runningDossier(worker, { signedOn: '2024-05-02', language: 'ti' });
  });

  it('plans a course with the profile’s hours (R-05), an interpreter when the teacher speaks another language, and day/evening sessions', async () => {
    const c = await course();
    courseId = c.id;
    expect(c).toMatchObject({ hours: 60, withInterpreter: true, capacity: 2, enrolled: 0 });
    expect(c.sessions.map((s: { slot: string }) => s.slot)).toEqual(['day', 'evening', 'day']);
    const copies = await planner.request('POST', `/api/v1/mo/courses/${c.id}/copies`, { body: { startsOn: '2024-12-02', count: 3, intervalWeeks: 4 } });
    expect(copies.statusCode).toBe(201);
    const series = copies.json().items;
    expect(series.map((s: { startsOn: string }) => s.startsOn)).toEqual(['2024-12-02', '2024-12-30', '2025-01-27']);
    expect(new Set(series.map((s: { seriesId: string }) => s.seriesId)).size).toBe(1);
    expect(series[0].sessions[0].startsAt).toBe('2024-12-02T07:00:00.000Z');
  });

  it('lists who waits in waiting order with the six-month figures (R-20), always current', async () => {
    const list = (await planner.request('GET', '/api/v1/mo/waiting-list?language=ti')).json().items;
    expect(list.map((e: { dossierId: string }) => e.dossierId)).toEqual([early.dossier.id, middle.dossier.id, late.dossier.id]);
    expect(list[0]).toMatchObject({ waitingSince: '2024-01-10', sixMonthMark: '2024-07-10', region: 'OV' });
    // On 2 Sep 2024 the contracts of 10 Jan and 1 Mar are past six months; 2 May passes it on 2 Nov.
    const summary = (await planner.request('GET', '/api/v1/mo/waiting-list/summary?horizonDays=90')).json();
    const ti = summary.groups.find((g: { language: string }) => g.language === 'ti');
    expect(ti).toMatchObject({ waiting: 3, overSixMonths: 2, passingWithinHorizon: 1, oldestWaitingSince: '2024-01-10' });
    expect(summary.overSixMonths).toBeGreaterThanOrEqual(2);
    const over = (await planner.request('GET', '/api/v1/mo/waiting-list?language=ti&overSixMonths=true')).json().items;
    expect(over.map((e: { dossierId: string }) => e.dossierId)).toEqual([early.dossier.id, middle.dossier.id]);
  });

  it('taking someone before people who waited longer needs a recorded reason', async () => {
    const skip = await planner.request('POST', `/api/v1/mo/courses/${courseId}/enrolments`, { body: { date: '2024-09-02', personId: late.person.id } });
    expect(skip.statusCode).toBe(422);
    expect(skip.json()).toMatchObject({ rule: 'R-20', refusal: 'passes-over-waiting-list' });
    expect(skip.json().detail).toContain('2');
    const ok = await planner.request('POST', `/api/v1/mo/courses/${courseId}/enrolments`, {
      body: { date: '2024-09-02', personId: late.person.id, exceptionReason: 'Kan enkel overdag, andere cursussen zijn avondcursussen' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().enrolments[0]).toMatchObject({ personId: late.person.id, exceptionReason: expect.stringContaining('overdag') });
    expect((await dossierOf(late.dossier.id)).state.mo.course).toMatchObject({ enrolledOn: '2024-09-02', attendedHours: 0 });
  });

  it('fills the free places in waiting order and refuses over capacity', async () => {
    const filled = await planner.request('POST', `/api/v1/mo/courses/${courseId}/fill`, { body: { date: '2024-09-02' } });
    expect(filled.json().enrolled).toBe(1);
    expect(filled.json().course.enrolments.map((e: { personId: string }) => e.personId)).toContain(early.person.id);
    const full = await planner.request('POST', `/api/v1/mo/courses/${courseId}/enrolments`, { body: { date: '2024-09-02', personId: middle.person.id } });
    expect(full.json()).toMatchObject({ status: 422, refusal: 'course-full' });
    const list = (await planner.request('GET', '/api/v1/mo/waiting-list?language=ti')).json().items;
    expect(list.map((e: { dossierId: string }) => e.dossierId)).toEqual([middle.dossier.id]);
    const enrolment = filled.json().course.enrolments[0];
    const letter = (await planner.request('GET', `/api/v1/mo/courses/${courseId}/enrolments/${enrolment.id}/letter`)).json();
    expect(letter.parts[0].subject).toContain(filled.json().course.code);
    expect(letter.parts[0].body).toContain('in het Tigrinya');
    const ics = (await planner.request('GET', `/api/v1/mo/courses/${courseId}/calendar`)).body;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('attendance feeds the attended hours into the MO pillar; a drop-out returns with the original waiting date', async () => {
    const detail = (await planner.request('GET', `/api/v1/mo/courses/${courseId}`)).json();
    const [first, second, future] = detail.sessions;
    const earlyEnrolment = detail.enrolments.find((e: { personId: string }) => e.personId === early.person.id);
    const lateEnrolment = detail.enrolments.find((e: { personId: string }) => e.personId === late.person.id);
    const teacher = await t.user(['course-teacher']);
    for (const session of [first, second]) {
      const res = await teacher.request('PUT', `/api/v1/mo/courses/${courseId}/sessions/${session.id}/attendance`, {
        body: { attendance: [{ enrolmentId: earlyEnrolment.id, present: true }, { enrolmentId: lateEnrolment.id, present: session === first }] },
      });
      expect(res.statusCode).toBe(200);
    }
    const tooEarly = await teacher.request('PUT', `/api/v1/mo/courses/${courseId}/sessions/${future.id}/attendance`, { body: { attendance: [{ enrolmentId: earlyEnrolment.id, present: true }] } });
    expect(tooEarly.json().refusal).toBe('session-in-future');
    expect((await dossierOf(early.dossier.id)).state.mo.course.attendedHours).toBe(6);
    expect((await dossierOf(late.dossier.id)).state.mo.course.attendedHours).toBe(3);

    const out = await planner.request('POST', `/api/v1/mo/courses/${courseId}/enrolments/${lateEnrolment.id}/drop-out`, { body: { date: '2024-09-02', reason: 'Verhuist naar het buitenland' } });
    expect(out.statusCode).toBe(200);
    const list = (await planner.request('GET', '/api/v1/mo/waiting-list?language=ti')).json().items;
    expect(list.find((e: { dossierId: string }) => e.dossierId === late.dossier.id)).toMatchObject({ waitingSince: '2024-05-02' });
  });

  it('the course end completes every participant with their hours in the MO pillar', async () => {
    const done = await planner.request('POST', `/api/v1/mo/courses/${courseId}/complete`, { body: { date: '2024-09-02' } });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('completed');
    expect((await dossierOf(early.dossier.id)).state.mo.course).toMatchObject({ attendedHours: 6, completedOn: '2024-09-02' });
    const again = await planner.request('POST', `/api/v1/mo/courses/${courseId}/fill`, { body: { date: '2024-09-02' } });
    expect(again.json().refusal).toBe('course-not-open');
  });
});

describe('MO tests in test centres (issue 4 §4)', () => {
  let centreId: string;

  beforeAll(async () => {
    const centre = await planner.request('POST', '/api/v1/mo/test-centres', {
      body: { name: 'Testcentrum Aalst', region: 'OV', address: 'Stationsstraat 1, 9300 Aalst', languages: ['nl', 'ar', 'en', 'fr'] },
    });
    expect(centre.statusCode).toBe(201);
    centreId = centre.json().id;
  });

  const slot = async (startsAt: string, capacity: number) => {
    const res = await planner.request('POST', `/api/v1/mo/test-centres/${centreId}/slots`, { body: { slots: [{ startsAt, capacity }] } });
    expect(res.statusCode).toBe(201);
    return res.json().items[0] as { id: string };
  };

  it('books with a video interpreter for a language the centre lacks; refuses double booking and a full slot', async () => {
    const s = await slot('2024-09-20T08:00:00Z', 1);
    const a = await runningDossier(worker, { language: 'prs' });
    const b = await runningDossier(worker, { language: 'ar' });
    const booked = await planner.request('POST', `/api/v1/mo/test-slots/${s.id}/bookings`, { body: { personId: a.person.id, kind: 'exemption-test' } });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ language: 'prs', videoInterpreter: true, status: 'booked' });
    const twice = await planner.request('POST', `/api/v1/mo/test-slots/${s.id}/bookings`, { body: { personId: a.person.id, kind: 'exemption-test' } });
    expect(twice.json()).toMatchObject({ status: 422, refusal: 'already-booked' });
    const full = await planner.request('POST', `/api/v1/mo/test-slots/${s.id}/bookings`, { body: { personId: b.person.id, kind: 'test' } });
    expect(full.json()).toMatchObject({ status: 422, refusal: 'slot-full' });
    const cancelled = await planner.request('POST', `/api/v1/mo/test-bookings/${booked.json().id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    const now = await planner.request('POST', `/api/v1/mo/test-slots/${s.id}/bookings`, { body: { personId: b.person.id, kind: 'test' } });
    expect(now.json()).toMatchObject({ language: 'ar', videoInterpreter: false });
  });

  it('records results only for a test taken; the pillar judges them by the test date; a failure returns the person to the course list', async () => {
    const s = await slot('2024-09-25T08:00:00Z', 5);
    const pass = await runningDossier(worker, { language: 'ar' });
    const fail = await runningDossier(worker, { language: 'ar' });
    const bookings = [];
    for (const p of [pass, fail]) bookings.push((await planner.request('POST', `/api/v1/mo/test-slots/${s.id}/bookings`, { body: { personId: p.person.id, kind: 'exemption-test' } })).json());
    const early = await planner.request('POST', `/api/v1/mo/test-bookings/${bookings[0].id}/result`, { body: { core: { correct: 10, total: 11 }, practical: { correct: 28, total: 30 } } });
    expect(early.json()).toMatchObject({ status: 422, refusal: 'test-not-taken-yet' });
    t.clock.now = new Date('2024-09-26T08:00:00Z');
    // Sessions last eight hours: after the jump in time the staff sign in again.
    planner = await t.user(['course-planner']);
    worker = await t.user(['case-worker']);
    const passed = await planner.request('POST', `/api/v1/mo/test-bookings/${bookings[0].id}/result`, { body: { core: { correct: 10, total: 11 }, practical: { correct: 28, total: 30 } } });
    expect(passed.json()).toMatchObject({ status: 'taken', result: { core: { correct: 10 } } });
    expect((await dossierOf(pass.dossier.id)).evaluation.pillars.mo.status).toBe('exempted');
    // 8/11 core is below the 80 % exemption cut-off of 2024: not exempted, so still waiting for a course.
    await planner.request('POST', `/api/v1/mo/test-bookings/${bookings[1].id}/result`, { body: { core: { correct: 8, total: 11 }, practical: { correct: 28, total: 30 } } });
    expect((await dossierOf(fail.dossier.id)).evaluation.pillars.mo.status).toBe('not-started');
    const list = (await planner.request('GET', '/api/v1/mo/waiting-list?language=ar&limit=1000')).json().items.map((e: { dossierId: string }) => e.dossierId);
    expect(list).toContain(fail.dossier.id);
    expect(list).not.toContain(pass.dossier.id);
    const twice = await planner.request('POST', `/api/v1/mo/test-bookings/${bookings[0].id}/result`, { body: { core: { correct: 1, total: 11 }, practical: { correct: 1, total: 30 } } });
    expect(twice.json()).toMatchObject({ status: 422, refusal: 'result-without-test' });
  });

  it('concurrent bookings of the last seats never over-fill the slot', async () => {
    const s = await slot('2024-10-15T08:00:00Z', 5);
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await runningDossier(worker, { language: 'ar' }));
    const results = await Promise.all(
      people.map((p) => planner.request('POST', `/api/v1/mo/test-slots/${s.id}/bookings`, { body: { personId: p.person.id, kind: 'test' } })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 422).every((r) => r.json().refusal === 'slot-full')).toBe(true);
    const slots = (await planner.request('GET', `/api/v1/mo/test-slots?centreId=${centreId}&from=2024-10-15&to=2024-10-15`)).json().items;
    expect(slots[0]).toMatchObject({ capacity: 5, booked: 5, free: 0 });
    expect((await planner.request('GET', `/api/v1/mo/test-slots/${s.id}/bookings`)).json().items).toHaveLength(5);
  });

  it('refuses bad input with specific problems', async () => {
    const bad = await planner.request('POST', '/api/v1/mo/courses', {
      body: { language: 'zz9', format: 'classroom', region: 'OV', location: 'x y', capacity: 0, startsOn: '2024-10-01', endsOn: '2024-09-01' },
    });
    expect(bad.statusCode).toBe(400);
    const unknownLanguage = await planner.request('POST', '/api/v1/mo/test-centres', { body: { name: 'X centre', region: 'OV', address: 'Straat 1', languages: ['qqq'] } });
    expect(unknownLanguage.json().errors[0]).toMatchObject({ field: 'languages.0', code: 'language-unknown' });
    const caseWorkerCannot = await worker.request('POST', '/api/v1/mo/test-centres', { body: { name: 'Y centre', region: 'OV', address: 'Straat 1', languages: ['nl'] } });
    expect(caseWorkerCannot.statusCode).toBe(403);
  });

  it('produces the test letter in Dutch and the person’s language, and the appointments as iCalendar (§8)', async () => {
    const s = await slot('2024-10-20T08:00:00Z', 3);
    const p = await runningDossier(worker, { language: 'ar', person: { motherTongue: 'ar', contactLanguages: ['fr'] } });
    const booking = (await planner.request('POST', `/api/v1/mo/test-slots/${s.id}/bookings`, { body: { personId: p.person.id, kind: 'test', audioSupport: true } })).json();
    const letter = (await planner.request('GET', `/api/v1/mo/test-bookings/${booking.id}/letter`)).json();
    expect(letter.parts.map((part: { language: string; direction: string }) => [part.language, part.direction])).toEqual([
      ['nl', 'ltr'],
      ['ar', 'rtl'],
    ]);
    expect(letter.parts[0].body).toContain('Testcentrum Aalst');
    expect(letter.parts[0].body).toContain('voorgelezen');
    const ics = await planner.request('GET', `/api/v1/mo/test-bookings/${booking.id}/calendar`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.body).toContain('DTSTART:20241020T080000Z');
    expect(ics.body).toContain('SUMMARY:Test maatschappelijke oriëntatie');
  });
});
