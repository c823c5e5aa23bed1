/**
 * Test support for the portal's API tests: multipart bodies, and a person with one appointment of
 * each kind, planned through the planning modules' own API (an MO course session, an MO test, an
 * NT2 conversation with its binding advice, and the start of the NT2 course they are placed in).
 */
import type { Caller, TestApp } from '../../testing/test-app';

/** A multipart/form-data body with one file part (field `file` unless said otherwise). */
export function multipart(file: { name: string; bytes: Buffer; type?: string }, field = 'file') {
  const boundary = `----kruispunt${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function ok(res: { statusCode: number; body: string; json(): any }, status: number) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

export interface Planners {
  planner: Caller;
  consultant: Caller;
  provider: { id: string; user: Caller; moduleId: string; startMomentId: string };
  centreId: string;
}

/** The planners of one agency, a test centre and an NT2 provider with a module starting on 20 April 2026. */
export async function planners(t: TestApp, code = 'cvo-portal'): Promise<Planners> {
  const planner = await t.user(['course-planner']);
  const consultant = await t.user(['dutch-learning-consultant']);
  const org = await ok(await t.admin.request('POST', '/api/v1/organisations', { body: { code, name: 'CVO Portaal', partnerType: 'dutch-course-provider' } }), 201);
  const user = await t.user(['course-provider'], { organisationId: org.id });
  const module = await ok(
    await user.request('POST', `/api/v1/nt2/providers/${org.id}/modules`, { body: { name: 'NT2 richtgraad 1', providerKind: 'CVO', adviceTypes: ['cvo-standard'], level: '1.1', location: 'Kouter 1, 9000 Gent', region: 'OV' } }),
    201,
  );
  const moment = await ok(await user.request('POST', `/api/v1/nt2/modules/${module.id}/start-moments`, { body: { startsOn: '2026-04-20', capacity: 10 } }), 201);
  const centre = await ok(
    await planner.request('POST', '/api/v1/mo/test-centres', { body: { name: `Testcentrum ${code}`, region: 'OV', address: 'Stationsstraat 1, 9300 Aalst', languages: ['nl', 'ar', 'en'] } }),
    201,
  );
  return { planner, consultant, provider: { id: org.id, user, moduleId: module.id, startMomentId: moment.id }, centreId: centre.id };
}

export interface Planned {
  courseId: string;
  sessionIds: string[];
  bookingId: string;
  enrolmentId: string;
  conversationId: string;
  placementId: string;
}

/** Plans one appointment of each kind for a person with a running contract (the clock stands on 2 March 2026). */
export async function planAppointments(p: Planners, personId: string): Promise<Planned> {
  const course = await ok(
    await p.planner.request('POST', '/api/v1/mo/courses', {
      body: {
        language: 'ar',
        format: 'classroom',
        region: 'OV',
        location: 'Vrijheidstraat 3, 9300 Aalst',
        teacherName: 'Leen Leerkracht',
        moProfile: 'not-working',
        capacity: 12,
        startsOn: '2026-03-09',
        endsOn: '2026-06-30',
        sessions: [
          { startsAt: '2026-03-10T08:00:00Z', endsAt: '2026-03-10T11:00:00Z' },
          { startsAt: '2026-03-12T17:00:00Z', endsAt: '2026-03-12T20:00:00Z', location: 'Bibliotheek, Graanmarkt 2, 9300 Aalst' },
        ],
      },
    }),
    201,
  );
  const enrolled = await ok(
    await p.planner.request('POST', `/api/v1/mo/courses/${course.id}/enrolments`, { body: { date: '2026-03-02', personId, exceptionReason: 'Testpersoon van het portaal' } }),
    200,
  );
  const [slot] = (await ok(await p.planner.request('POST', `/api/v1/mo/test-centres/${p.centreId}/slots`, { body: { slots: [{ startsAt: '2026-03-20T08:00:00Z', capacity: 5 }] } }), 201)).items;
  const booking = await ok(await p.planner.request('POST', `/api/v1/mo/test-slots/${slot.id}/bookings`, { body: { personId, kind: 'exemption-test' } }), 201);
  const conversation = await ok(
    await p.consultant.request('POST', '/api/v1/nt2/conversations', {
      body: { personId, kind: 'nt2-gesprek', startsAt: '2026-02-20T08:30:00Z', endsAt: '2026-02-20T09:30:00Z', location: 'Kouter 1, 9000 Gent' },
    }),
    201,
  );
  await ok(await p.consultant.request('POST', `/api/v1/nt2/conversations/${conversation.id}/advice`, { body: { adviceType: 'cvo-standard', advisedOn: '2026-02-20' } }), 201);
  const placement = await ok(await p.consultant.request('POST', '/api/v1/nt2/placements', { body: { personId, startMomentId: p.provider.startMomentId } }), 201);
  return {
    courseId: course.id,
    sessionIds: course.sessions.map((s: { id: string }) => s.id),
    enrolmentId: enrolled.enrolments.find((e: { personId: string }) => e.personId === personId).id,
    bookingId: booking.id,
    conversationId: conversation.id,
    placementId: placement.id,
  };
}
