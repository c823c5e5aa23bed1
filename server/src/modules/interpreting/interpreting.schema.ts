import { z } from 'zod';
import { isoDate, plainText } from '../../platform/schema';
import { CHANNELS, LANGUAGE_STATUSES } from './rules/stv';

const language = z.string().trim().toLowerCase().min(2).max(3).describe('ISO 639-1 or 639-3 code');
const variant = z.string().trim().max(40).default('').describe('Variant, e.g. "levantine" for Arabic; empty = the language in general');
const instant = z.iso.datetime({ offset: true });
const latitude = z.number().min(49).max(52).describe('WGS84, Belgium');
const longitude = z.number().min(2).max(7);
const region = z.enum(['PA', 'ANT', 'GNT', 'BR', 'LI', 'OV', 'VB', 'WV']).describe('Werkingsgebied (PA: Provincie Antwerpen outside the city)');

export const interpreterLanguageInput = z
  .object({ language, variant, status: z.enum(LANGUAGE_STATUSES), channels: z.array(z.enum(CHANNELS)).min(1) })
  .strict();

export const createInterpreterBody = z
  .object({
    name: plainText(200).min(2),
    email: z.email().max(320),
    phone: z.string().trim().regex(/^\+?[0-9 ()./-]{6,25}$/).optional(),
    region: region.optional(),
    latitude: latitude.optional(),
    longitude: longitude.optional(),
    maxTravelKm: z.number().int().min(0).max(500).default(60),
    languages: z.array(interpreterLanguageInput).min(1).max(20),
    availability: z
      .array(z.object({ weekday: z.number().int().min(1).max(7), starts: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), ends: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/) }).strict())
      .max(50)
      .default([]),
    /** A user of the agency with the interpreter role: the portal account. */
    userId: z.uuid().optional(),
  })
  .strict();

export const interpreterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  region: z.string().nullable(),
  maxTravelKm: z.number(),
  active: z.boolean(),
  userId: z.uuid().nullable(),
  languages: z.array(z.object({ language: z.string(), variant: z.string(), status: z.enum(LANGUAGE_STATUSES), channels: z.array(z.string()) })),
  availability: z.array(z.object({ weekday: z.number(), starts: z.string(), ends: z.string() })),
});

export const absenceBody = z
  .object({ startsAt: instant, endsAt: instant, reason: plainText(300).optional() })
  .strict()
  .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), { params: { code: 'end-before-start' }, path: ['endsAt'] });

export const createRequestBody = z
  .object({
    channel: z.enum(CHANNELS),
    language,
    variant,
    startsAt: instant.optional(),
    /** Expected duration; more than 8 hours is not one assignment. */
    expectedMinutes: z.number().int().min(15).max(480).optional(),
    deadline: isoDate.optional().describe('Translations: the date the translation is needed'),
    document: plainText(300).optional().describe('Translations: what is to be translated'),
    words: z.number().int().min(1).max(200_000).optional(),
    address: z
      .object({ street: plainText(200).min(1), houseNumber: z.string().trim().min(1).max(15), postalCode: z.string().regex(/^[1-9][0-9]{3}$/), municipality: plainText(100).min(1) })
      .strict()
      .optional(),
    latitude: latitude.optional(),
    longitude: longitude.optional(),
    region: region.optional(),
    sector: z.enum(['health', 'education', 'welfare', 'public-service', 'justice-police', 'integration', 'employment', 'housing', 'other']),
    subject: plainText(300).min(2),
    sensitive: z.boolean(),
    ukraineCrisis: z.boolean().default(false),
    /** The desk may request for a customer organisation; customers always request for their own. */
    customerOrganisationId: z.uuid().optional(),
  })
  .strict();
export type CreateRequestInput = z.infer<typeof createRequestBody>;

export const requestSchema = z.object({
  id: z.uuid(),
  customerOrganisationId: z.uuid(),
  customerName: z.string(),
  channel: z.enum(CHANNELS),
  language: z.string(),
  variant: z.string(),
  startsAt: z.string().nullable(),
  expectedMinutes: z.number().nullable(),
  deadline: z.string().nullable(),
  document: z.string().nullable(),
  address: z.string().nullable(),
  sector: z.string(),
  subject: z.string(),
  sensitive: z.boolean(),
  ukraineCrisis: z.boolean(),
  shortNotice: z.boolean(),
  status: z.enum(['open', 'assigned', 'completed', 'not-completed', 'not-answered']),
  outcome: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  tableRow: z.enum(['completed', 'not-completed', 'not-answered-unavailable', 'not-answered-other', 'in-progress']),
  assignment: z
    .object({ id: z.uuid(), interpreterId: z.uuid(), interpreterName: z.string(), status: z.string(), actualMinutes: z.number().nullable() })
    .nullable(),
  version: z.number(),
});

export const idParams = z.object({ id: z.uuid() });
export const listRequestsQuery = z.object({
  status: z.enum(['open', 'assigned', 'completed', 'not-completed', 'not-answered']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const candidatesSchema = z.object({
  ranked: z.array(
    z.object({
      interpreterId: z.uuid(),
      name: z.string(),
      score: z.number(),
      status: z.string(),
      distanceKm: z.number().nullable(),
      reasons: z.array(z.object({ code: z.string(), points: z.number(), value: z.number().optional() })),
    }),
  ),
  excluded: z.record(z.string(), z.number()),
  /** When nobody can come on site: how many could do it by phone or video. */
  alternatives: z.array(z.object({ channel: z.enum(['phone', 'video']), candidates: z.number() })),
});

export const offerBody = z.object({ interpreterId: z.uuid() }).strict();
export const respondBody = z.object({ accept: z.boolean() }).strict();
export const cancelBody = z.object({ travelKm: z.number().min(0).max(300).default(0).describe('Kilometres already driven, if the interpreter was en route') }).strict();
export const notAnsweredBody = z.object({ reason: z.enum(['interpreter-unavailable', 'language-unavailable', 'other']) }).strict();
export const completeBody = z
  .object({
    actualMinutes: z.number().int().min(1).max(720).describe('Interpreted time in minutes; more than 12 hours is refused as absurd'),
    travelKm: z.number().min(0).max(300).default(0),
    waitingMinutes: z.number().int().min(0).max(240).default(0),
  })
  .strict();
export const assignmentSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  interpreterId: z.uuid(),
  status: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  channel: z.string(),
  language: z.string(),
  variant: z.string(),
  subject: z.string(),
  address: z.string().nullable(),
  actualMinutes: z.number().nullable(),
  charge: z
    .object({ customerCents: z.number(), interpreterCents: z.number(), lines: z.array(z.object({ code: z.string(), cents: z.number(), quantity: z.number() })), ruleSetId: z.string() })
    .nullable()
    .describe('What the assignment costs and pays, once completed or cancelled late'),
});

/** The counts of one row of the published STV table (figure 49). */
export const tableCountsSchema = z.object({
  requests: z.number(),
  answered: z.number(),
  completed: z.number(),
  notCompleted: z.number(),
  cancelledOnTime: z.number(),
  cancelledLate: z.number(),
  notAnswered: z.number(),
  interpreterOrLanguageUnavailable: z.number(),
  otherReason: z.number(),
  inProgress: z.number(),
});

/** One row of the bottleneck-language view: unanswered requests against the registered interpreters. */
export const bottleneckLanguageSchema = z.object({
  language: z.string(),
  requests: z.number(),
  notAnswered: z.number(),
  unavailable: z.number(),
  unavailableShare: z.number(),
  interpreters: z.record(z.string(), z.number()),
  unavailablePerInterpreter: z.number().nullable(),
});
