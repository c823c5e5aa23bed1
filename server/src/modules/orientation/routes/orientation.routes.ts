import { z } from 'zod';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { idempotentWrite } from '../../../platform/http/idempotency';
import { ICS_CONTENT_TYPE } from '../../../platform/ical';
import * as mo from '../orientation.service';
import {
  attendanceBody,
  bookBody,
  bookingIdParams,
  bookingSchema,
  centreIdParams,
  centreSchema,
  completeCourseBody,
  copyCourseBody,
  courseDetailSchema,
  courseIdParams,
  courseSchema,
  createCentreBody,
  createCourseBody,
  createSlotsBody,
  dropOutBody,
  enrolBody,
  enrolmentIdParams,
  fillBody,
  listCoursesQuery,
  listSlotsQuery,
  processEvaluationBody,
  resultBody,
  sessionIdParams,
  slotIdParams,
  slotSchema,
  waitingEntrySchema,
  waitingListQuery,
  waitingSummaryQuery,
  waitingSummarySchema,
} from '../orientation.schema';

const tags = ['Social orientation (MO)'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });

export function registerOrientationRoutes(app: ZodApp, deps: AppDeps): void {
  /** A write with an optional Idempotency-Key; `status` is what a first success answers. */
  const write = <T>(status: number, run: (ctx: ReturnType<typeof actorContext>) => Promise<T>) =>
    async (request: Parameters<typeof actorContext>[0], reply: Parameters<typeof idempotentWrite>[3]) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({ status, body: await run(ctx) }));
    };

  app.post('/api/v1/mo/courses', { schema: { tags, summary: 'Plan an MO course with its sessions', headers: idempotencyHeader, body: createCourseBody, response: { 201: courseDetailSchema } } }, (request, reply) =>
    write(201, (ctx) => mo.createCourse(deps, ctx, request.body))(request, reply),
  );

  app.get('/api/v1/mo/courses', { schema: { tags, summary: 'MO courses by language, region, date and status', querystring: listCoursesQuery, response: { 200: z.object({ items: z.array(courseSchema) }) } } }, async (request) => ({
    items: await mo.listCourses(deps, actorContext(request), request.query),
  }));

  app.get('/api/v1/mo/courses/:id', { schema: { tags, summary: 'A course with sessions, participants and attended hours', params: courseIdParams, response: { 200: courseDetailSchema } } }, async (request) =>
    mo.getCourse(deps, actorContext(request), request.params.id),
  );

  app.post(
    '/api/v1/mo/courses/:id/copies',
    { schema: { tags, summary: 'Copy a course, or plan a series of copies every few weeks', params: courseIdParams, headers: idempotencyHeader, body: copyCourseBody, response: { 201: z.object({ items: z.array(courseDetailSchema) }) } } },
    (request, reply) => write(201, async (ctx) => ({ items: await mo.copyCourse(deps, ctx, request.params.id, request.body) }))(request, reply),
  );

  app.post(
    '/api/v1/mo/courses/:id/fill',
    {
      schema: {
        tags,
        summary: 'Fill free places from the waiting list, longest wait first, same language and region',
        params: courseIdParams,
        headers: idempotencyHeader,
        body: fillBody,
        response: { 200: z.object({ enrolled: z.number(), course: courseDetailSchema }) },
      },
    },
    (request, reply) => write(200, (ctx) => mo.fillCourse(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.post(
    '/api/v1/mo/courses/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol one person; before people who waited longer only with a recorded reason',
        params: courseIdParams,
        headers: idempotencyHeader,
        body: enrolBody,
        response: { 200: courseDetailSchema },
      },
    },
    (request, reply) => write(200, (ctx) => mo.enrolPerson(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.post(
    '/api/v1/mo/courses/:id/enrolments/:enrolmentId/drop-out',
    { schema: { tags, summary: 'Drop out: back on the waiting list with the original waiting date', params: enrolmentIdParams, headers: idempotencyHeader, body: dropOutBody, response: { 200: courseDetailSchema } } },
    (request, reply) => write(200, (ctx) => mo.dropOut(deps, ctx, request.params.id, request.params.enrolmentId, request.body))(request, reply),
  );

  app.post(
    '/api/v1/mo/courses/:id/enrolments/:enrolmentId/process-evaluation',
    { schema: { tags, summary: 'The teacher’s process evaluation (from 1 March 2023)', params: enrolmentIdParams, headers: idempotencyHeader, body: processEvaluationBody, response: { 200: courseDetailSchema } } },
    (request, reply) => write(200, (ctx) => mo.recordProcessEvaluation(deps, ctx, request.params.id, request.params.enrolmentId, request.body))(request, reply),
  );

  app.put(
    '/api/v1/mo/courses/:id/sessions/:sessionId/attendance',
    { schema: { tags, summary: 'Attendance of a session (repeating it sets the same marks); attended hours go to the MO pillar', params: sessionIdParams, body: attendanceBody, response: { 200: courseDetailSchema } } },
    async (request) => mo.recordAttendance(deps, actorContext(request), request.params.id, request.params.sessionId, request.body.attendance),
  );

  app.post(
    '/api/v1/mo/courses/:id/complete',
    { schema: { tags, summary: 'End the course: every participant completes with their hours', params: courseIdParams, headers: idempotencyHeader, body: completeCourseBody, response: { 200: courseDetailSchema } } },
    (request, reply) => write(200, (ctx) => mo.completeCourse(deps, ctx, request.params.id, request.body.date))(request, reply),
  );

  app.get(
    '/api/v1/mo/waiting-list',
    { schema: { tags, summary: 'Who waits for MO, longest wait first; filter by language, region, over six months', querystring: waitingListQuery, response: { 200: z.object({ items: z.array(waitingEntrySchema) }) } } },
    async (request) => ({
      items: await mo.waitingList(deps, actorContext(request), { ...request.query, overSixMonths: request.query.overSixMonths === 'true' }),
    }),
  );

  app.get(
    '/api/v1/mo/waiting-list/summary',
    { schema: { tags, summary: 'Waiting figures per language and region, with those over six months (R-20)', querystring: waitingSummaryQuery, response: { 200: waitingSummarySchema } } },
    async (request) => mo.waitingSummary(deps, actorContext(request), request.query.horizonDays),
  );

  app.post('/api/v1/mo/test-centres', { schema: { tags, summary: 'Add a test centre with its test languages', headers: idempotencyHeader, body: createCentreBody, response: { 201: centreSchema } } }, (request, reply) =>
    write(201, (ctx) => mo.createCentre(deps, ctx, request.body))(request, reply),
  );

  app.get('/api/v1/mo/test-centres', { schema: { tags, summary: 'Test centres', response: { 200: z.object({ items: z.array(centreSchema) }) } } }, async (request) => ({
    items: await mo.listCentres(deps, actorContext(request)),
  }));

  app.post(
    '/api/v1/mo/test-centres/:id/slots',
    { schema: { tags, summary: 'Open test slots with their seats', params: centreIdParams, headers: idempotencyHeader, body: createSlotsBody, response: { 201: z.object({ items: z.array(slotSchema) }) } } },
    (request, reply) => write(201, async (ctx) => ({ items: await mo.createSlots(deps, ctx, request.params.id, request.body.slots) }))(request, reply),
  );

  app.get('/api/v1/mo/test-slots', { schema: { tags, summary: 'Test slots with free seats', querystring: listSlotsQuery, response: { 200: z.object({ items: z.array(slotSchema) }) } } }, async (request) => ({
    items: await mo.listSlots(deps, actorContext(request), { ...request.query, onlyFree: request.query.onlyFree === 'true' }),
  }));

  app.get('/api/v1/mo/test-slots/:id/bookings', { schema: { tags, summary: 'Who is booked in a slot', params: slotIdParams, response: { 200: z.object({ items: z.array(bookingSchema) }) } } }, async (request) => ({
    items: await mo.slotBookings(deps, actorContext(request), request.params.id),
  }));

  app.post(
    '/api/v1/mo/test-slots/:id/bookings',
    {
      schema: {
        tags,
        summary: 'Book the MO test or exemption test; another language than the centre’s brings a video interpreter',
        params: slotIdParams,
        headers: idempotencyHeader,
        body: bookBody,
        response: { 201: bookingSchema },
      },
    },
    (request, reply) => write(201, (ctx) => mo.bookTest(deps, ctx, request.params.id, request.body))(request, reply),
  );

  for (const status of ['cancelled', 'no-show'] as const) {
    app.post(
      `/api/v1/mo/test-bookings/:id/${status === 'cancelled' ? 'cancel' : 'no-show'}`,
      { schema: { tags, summary: status === 'cancelled' ? 'Cancel a booking (the seat is free again)' : 'Record that the person did not come', params: bookingIdParams, headers: idempotencyHeader, response: { 200: bookingSchema } } },
      (request, reply) => write(200, (ctx) => mo.cancelBooking(deps, ctx, request.params.id, status))(request, reply),
    );
  }

  app.post(
    '/api/v1/mo/test-bookings/:id/result',
    { schema: { tags, summary: 'Record the core and practical scores; the MO pillar judges them by the rules of the test date', params: bookingIdParams, headers: idempotencyHeader, body: resultBody, response: { 200: bookingSchema } } },
    (request, reply) => write(200, (ctx) => mo.recordResult(deps, ctx, request.params.id, request.body))(request, reply),
  );

  const letterSchema = z.object({
    parts: z.array(z.object({ language: z.string(), direction: z.enum(['ltr', 'rtl']), subject: z.string(), body: z.string() })).describe('Dutch first, then the person’s language if a translation exists'),
  });
  app.get('/api/v1/mo/test-bookings/:id/letter', { schema: { tags, summary: 'The test invitation in Dutch and the person’s language', params: bookingIdParams, response: { 200: letterSchema } } }, async (request) =>
    mo.testLetter(deps, actorContext(request), request.params.id),
  );
  app.get(
    '/api/v1/mo/courses/:id/enrolments/:enrolmentId/letter',
    { schema: { tags, summary: 'The enrolment letter in Dutch and the person’s language', params: enrolmentIdParams, response: { 200: letterSchema } } },
    async (request) => mo.courseLetter(deps, actorContext(request), request.params.id, request.params.enrolmentId),
  );
  app.get('/api/v1/mo/courses/:id/calendar', { schema: { tags, summary: 'The course sessions as iCalendar (text/calendar)', params: courseIdParams, produces: [ICS_CONTENT_TYPE] } }, async (request, reply) => {
    const ics = await mo.courseCalendar(deps, actorContext(request), request.params.id);
    return reply.header('content-type', ICS_CONTENT_TYPE).header('content-disposition', 'attachment; filename="course.ics"').send(ics);
  });
  app.get('/api/v1/mo/test-bookings/:id/calendar', { schema: { tags, summary: 'The test appointment as iCalendar (text/calendar)', params: bookingIdParams, produces: [ICS_CONTENT_TYPE] } }, async (request, reply) => {
    const ics = await mo.bookingCalendar(deps, actorContext(request), request.params.id);
    return reply.header('content-type', ICS_CONTENT_TYPE).header('content-disposition', 'attachment; filename="test.ics"').send(ics);
  });
}
