import { z } from 'zod';
import { isoDate, plainText } from '../../platform/schema';

const language = z.string().trim().toLowerCase().min(2).max(3).describe('ISO 639-1 or 639-3 code');
const region = z.enum(['PA', 'ANT', 'GNT', 'BR', 'LI', 'OV', 'VB', 'WV']).describe('Operating region (werkingsgebied; PA: Provincie Antwerpen outside the city)');
const score = z
  .object({ correct: z.number().int().min(0).max(1000), total: z.number().int().min(1).max(1000) })
  .strict()
  .refine((s) => s.correct <= s.total, { params: { code: 'score-above-total' }, path: ['correct'] });

export const sessionInput = z
  .object({ startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }), location: plainText(200).optional() })
  .strict()
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { params: { code: 'end-before-start' }, path: ['endsAt'] });

export const createCourseBody = z
  .object({
    code: plainText(40).min(2).optional(),
    language,
    /** The teacher's language; a different course language means the course runs with an interpreter. */
    teacherLanguage: language.optional(),
    format: z.enum(['classroom', 'digital', 'hybrid', 'blended', 'self-study']),
    region,
    location: plainText(200).min(2),
    teacherName: plainText(200).optional(),
    moProfile: z.enum(['higher-education', 'working', 'not-working', 'illiterate']).optional(),
    /** Course hours; by default those of the profile in the rule set of the start date. */
    hours: z.number().positive().max(500).optional(),
    capacity: z.number().int().min(1).max(200),
    startsOn: isoDate,
    endsOn: isoDate,
    sessions: z.array(sessionInput).max(200).default([]),
  })
  .strict()
  .refine((c) => c.endsOn >= c.startsOn, { params: { code: 'end-before-start' }, path: ['endsOn'] });
export type CreateCourseInput = z.infer<typeof createCourseBody>;

export const copyCourseBody = z
  .object({
    startsOn: isoDate.describe('Start of the first copy; sessions keep their weekday and time offsets'),
    count: z.number().int().min(1).max(26).default(1).describe('How many copies (a series)'),
    intervalWeeks: z.number().int().min(1).max(52).default(4),
  })
  .strict();

export const courseIdParams = z.object({ id: z.uuid() });

export const courseSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  language: z.string(),
  teacherLanguage: z.string(),
  withInterpreter: z.boolean(),
  format: z.string(),
  region: z.string(),
  location: z.string(),
  teacherName: z.string().nullable(),
  moProfile: z.string().nullable(),
  hours: z.number(),
  capacity: z.number(),
  enrolled: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  seriesId: z.uuid().nullable(),
  status: z.string(),
  version: z.number(),
});

export const sessionSchema = z.object({ id: z.uuid(), startsAt: z.string(), endsAt: z.string(), location: z.string().nullable(), slot: z.enum(['day', 'evening', 'weekend']) });

export const enrolmentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  dossierId: z.uuid(),
  name: z.string(),
  nameLatin: z.string(),
  status: z.string(),
  enrolledOn: z.string(),
  endedOn: z.string().nullable(),
  waitingSince: z.string(),
  exceptionReason: z.string().nullable(),
  attendedHours: z.number(),
  presentSessionIds: z.array(z.uuid()).describe('Sessions the person attended'),
  processEvaluation: z.object({ date: z.string(), correct: z.number(), total: z.number() }).nullable(),
});

export const courseDetailSchema = courseSchema.extend({ sessions: z.array(sessionSchema), enrolments: z.array(enrolmentSchema) });

export const listCoursesQuery = z.object({
  language: language.optional(),
  region: region.optional(),
  from: isoDate.optional(),
  status: z.enum(['planned', 'running', 'completed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const waitingListQuery = z.object({
  language: language.optional(),
  region: region.optional(),
  overSixMonths: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const waitingEntrySchema = z.object({
  personId: z.uuid(),
  dossierId: z.uuid(),
  name: z.string(),
  nameLatin: z.string(),
  language: z.string(),
  region: z.string().nullable(),
  waitingSince: z.string(),
  sixMonthMark: z.string(),
  waitedDays: z.number(),
});

export const waitingSummaryQuery = z.object({ horizonDays: z.coerce.number().int().min(1).max(365).default(60) });
export const waitingSummarySchema = z.object({
  asOf: z.string(),
  total: z.number(),
  overSixMonths: z.number().describe('Waiting more than six months after the contract (R-20; target under 1,000)'),
  horizonDays: z.number(),
  groups: z.array(
    z.object({
      language: z.string(),
      region: z.string().nullable(),
      waiting: z.number(),
      overSixMonths: z.number(),
      passingWithinHorizon: z.number(),
      longestWaitDays: z.number(),
      averageWaitDays: z.number(),
      oldestWaitingSince: z.string().nullable(),
    }),
  ),
});

export const fillBody = z.object({ date: isoDate, count: z.number().int().min(1).max(200).optional() }).strict();
export const enrolBody = z
  .object({ date: isoDate, personId: z.uuid(), exceptionReason: plainText(1000).min(3).optional() })
  .strict();
export const enrolmentIdParams = z.object({ id: z.uuid(), enrolmentId: z.uuid() });
export const dropOutBody = z.object({ date: isoDate, reason: plainText(1000).min(3) }).strict();
export const attendanceBody = z
  .object({ attendance: z.array(z.object({ enrolmentId: z.uuid(), present: z.boolean() }).strict()).min(1).max(200) })
  .strict();
export const sessionIdParams = z.object({ id: z.uuid(), sessionId: z.uuid() });
export const processEvaluationBody = z.object({ date: isoDate, score }).strict();
export const completeCourseBody = z.object({ date: isoDate }).strict();

export const createCentreBody = z
  .object({ name: plainText(200).min(2), region, address: plainText(300).min(3), languages: z.array(language).min(1).max(60) })
  .strict();
export const centreSchema = z.object({ id: z.uuid(), name: z.string(), region: z.string(), address: z.string(), languages: z.array(z.string()) });
export const centreIdParams = z.object({ id: z.uuid() });
export const createSlotsBody = z
  .object({ slots: z.array(z.object({ startsAt: z.iso.datetime({ offset: true }), capacity: z.number().int().min(1).max(500) }).strict()).min(1).max(500) })
  .strict();
export const slotSchema = z.object({ id: z.uuid(), centreId: z.uuid(), centreName: z.string(), startsAt: z.string(), capacity: z.number(), booked: z.number(), free: z.number() });
export const listSlotsQuery = z.object({
  centreId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  onlyFree: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const slotIdParams = z.object({ id: z.uuid() });
export const bookBody = z
  .object({
    personId: z.uuid(),
    kind: z.enum(['test', 'exemption-test']),
    /** Test language; default the person's MO language. */
    language: language.optional(),
    audioSupport: z.boolean().default(false),
  })
  .strict();
export const bookingSchema = z.object({
  id: z.uuid(),
  slotId: z.uuid(),
  personId: z.uuid(),
  dossierId: z.uuid(),
  kind: z.string(),
  language: z.string(),
  videoInterpreter: z.boolean(),
  audioSupport: z.boolean(),
  status: z.string(),
  startsAt: z.string(),
  centreName: z.string(),
  name: z.string(),
  nameLatin: z.string(),
  result: z.object({ core: z.object({ correct: z.number(), total: z.number() }), practical: z.object({ correct: z.number(), total: z.number() }) }).nullable(),
});
export const bookingIdParams = z.object({ id: z.uuid() });
export const resultBody = z.object({ core: score, practical: score }).strict();
