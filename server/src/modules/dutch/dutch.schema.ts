import { z } from 'zod';
import { isoDate, plainText } from '../../platform/schema';
import { ADVICE_TYPE_IDS, PROVIDER_KINDS } from './rules/advice';
import { PLACEMENT_STATUSES } from './rules/placement';

const cefr = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
const aptitude = z.enum(['slow', 'average', 'fast']).describe('Taal-leervermogen: expected learning speed (ENT-19)');
const dateTime = z.iso.datetime({ offset: true });

export const CONVERSATION_KINDS = ['nt2-gesprek', 'niveautest'] as const;
/** ENT-22: the Dutch tests taken in or after a conversation. */
export const TEST_KINDS = [
  'covaar', // cognitive aptitude test (covaartest)
  'cbe-entry', // CBE-instaptest: reading and writing
  'cvo-entry', // CVO-instaptest: level already reached
  'latin-script', // test Latijns schrift
  'certifying-pre-screening', // pre-screening CT
  'certifying-a1-a2', // CT A1-2
  'certifying-b1-b2', // CT B1-2
  'home-language-dutch', // Thuistaal Nederlands (Brussels)
] as const;

export const adviceTypeSchema = z.enum(ADVICE_TYPE_IDS).describe('An advice type of ENT-20 (see GET /api/v1/nt2/advice-types)');

export const adviceTypeView = z.object({
  id: adviceTypeSchema,
  label: z.string(),
  providers: z.array(z.enum(PROVIDER_KINDS)),
  length: z.object({ amount: z.number().int(), unit: z.enum(['lesson-periods', 'hours']) }).nullable(),
  targetLevel: z.string().nullable(),
  noFollowUp: z.boolean(),
  source: z.string(),
});

export const idParams = z.object({ id: z.uuid() });
export const providerParams = z.object({ providerId: z.uuid() });
export const writeHeaders = z.object({ 'idempotency-key': z.string().optional() });

export const createConversationBody = z
  .object({
    personId: z.uuid(),
    kind: z.enum(CONVERSATION_KINDS).describe('nt2-gesprek (wants lessons) or niveautest (only wants a test)'),
    startsAt: dateTime,
    endsAt: dateTime,
    location: plainText(300).optional(),
    region: plainText(20).optional().describe('Werkingsgebied; defaults to the region of the person'),
    temporaryProtection: z.boolean().default(false),
    note: plainText(2000).optional(),
  })
  .strict()
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), { params: { code: 'nt2-end-before-start' }, path: ['endsAt'] });

export const recordTestBody = z
  .object({
    kind: z.enum(TEST_KINDS),
    takenOn: isoDate,
    location: plainText(300).optional(),
    remote: z.boolean().default(false),
    passed: z.boolean().nullable().default(null),
    level: cefr.nullable().default(null).describe('CEFR level reached or shown'),
    learningAptitude: aptitude.optional().describe('Only for the covaar test'),
    result: plainText(500).optional().describe('Score or remark as the test reports it'),
    certificateIssued: z.boolean().default(false),
  })
  .strict()
  .refine((b) => b.learningAptitude === undefined || b.kind === 'covaar', { params: { code: 'nt2-aptitude-only-covaar' }, path: ['learningAptitude'] });

export const recordAdviceBody = z
  .object({
    adviceType: adviceTypeSchema,
    advisedOn: isoDate,
    learningAptitude: aptitude.optional(),
    note: plainText(2000).optional(),
  })
  .strict();

export const testView = z.object({
  id: z.uuid(),
  kind: z.enum(TEST_KINDS),
  takenOn: z.string(),
  location: z.string().nullable(),
  remote: z.boolean(),
  passed: z.boolean().nullable(),
  level: cefr.nullable(),
  learningAptitude: aptitude.nullable(),
  result: z.string().nullable(),
  certificateIssued: z.boolean(),
});

export const adviceView = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  personId: z.uuid(),
  adviceType: adviceTypeSchema,
  label: z.string(),
  length: z.object({ amount: z.number().int(), unit: z.enum(['lesson-periods', 'hours']) }).nullable(),
  advisedOn: z.string(),
  region: z.string().nullable(),
  note: z.string().nullable(),
});

export const conversationView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: z.enum(CONVERSATION_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  region: z.string().nullable(),
  consultantId: z.uuid().nullable(),
  temporaryProtection: z.boolean(),
  learningAptitude: aptitude.nullable(),
  note: z.string().nullable(),
  runningDossierId: z.uuid().nullable(),
  tests: z.array(testView),
  advice: adviceView.nullable(),
});
export type ConversationView = z.infer<typeof conversationView>;

export const conversationListQuery = z.object({
  personId: z.uuid().optional(),
  from: isoDate.optional().describe('Appointments starting on or after this day'),
  to: isoDate.optional().describe('Appointments starting before the end of this day'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const providerView = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const createModuleBody = z
  .object({
    name: plainText(200).min(1),
    providerKind: z.enum(PROVIDER_KINDS).describe('CBE, CVO, UTC or other (Syntra, VDAB NT2): decides which advice types the module may serve'),
    adviceTypes: z.array(adviceTypeSchema).min(1).max(10),
    level: plainText(50).min(1).describe('Module or level, e.g. "1.1" or "A1"'),
    location: plainText(300).min(1),
    region: plainText(20).optional(),
  })
  .strict();

export const createStartMomentBody = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate.optional(),
    capacity: z.number().int().min(1).max(1000),
    location: plainText(300).optional().describe('When not at the module location'),
  })
  .strict()
  .refine((b) => !b.endsOn || b.endsOn >= b.startsOn, { params: { code: 'nt2-end-before-start' }, path: ['endsOn'] });

export const startMomentView = z.object({
  id: z.uuid(),
  moduleId: z.uuid(),
  providerId: z.uuid(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  capacity: z.number().int(),
  taken: z.number().int(),
  free: z.number().int(),
  location: z.string(),
});

export const moduleView = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  providerKind: z.enum(PROVIDER_KINDS),
  name: z.string(),
  adviceTypes: z.array(adviceTypeSchema),
  level: z.string(),
  location: z.string(),
  region: z.string().nullable(),
  startMoments: z.array(startMomentView),
});
export type ModuleView = z.infer<typeof moduleView>;

export const moduleListQuery = z.object({
  providerId: z.uuid().optional(),
  adviceType: adviceTypeSchema.optional().describe('Only modules serving this advice type'),
  from: isoDate.optional().describe('Only start moments on or after this day'),
});

export const placeBody = z
  .object({
    personId: z.uuid(),
    startMomentId: z.uuid(),
  })
  .strict();

export const waitingListBody = z.object({ personId: z.uuid(), moduleId: z.uuid().optional() }).strict();

const personBrief = z.object({
  id: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  givenNamesLatin: z.string().nullable(),
  familyNameLatin: z.string().nullable(),
  birthDate: z.string().nullable(),
});

export const placementView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  person: personBrief.optional().describe('Who is placed (in the provider inbox)'),
  adviceId: z.uuid(),
  adviceType: adviceTypeSchema,
  providerId: z.uuid(),
  moduleId: z.uuid().nullable(),
  startMomentId: z.uuid().nullable(),
  startsOn: z.string().nullable(),
  status: z.enum(PLACEMENT_STATUSES),
  placedAt: z.string(),
  enrolledOn: z.string().nullable(),
  regularParticipation: z.boolean().nullable(),
  runningDossierId: z.uuid().nullable().describe('The dossier the enrolment and results were recorded in, when the person has one'),
});
export type PlacementView = z.infer<typeof placementView>;

export const placementListQuery = z.object({
  personId: z.uuid().optional(),
  status: z.enum(PLACEMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const inboxQuery = z.object({
  status: z.enum(PLACEMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const confirmEnrolmentBody = z
  .object({ enrolledOn: isoDate, regularParticipation: z.boolean().optional() })
  .strict();

export const resultBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level'), date: isoDate, oral: cefr.nullable(), written: cefr.nullable() }).strict(),
  z
    .object({
      kind: z.literal('standardised-test'),
      date: isoDate,
      passedSkills: z.array(z.enum(['reading', 'writing', 'listening', 'speaking'])).max(4),
    })
    .strict(),
]);
export type ResultBody = z.infer<typeof resultBody>;

export const resultView = z.object({
  id: z.uuid(),
  placementId: z.uuid(),
  kind: z.enum(['level', 'standardised-test']),
  date: z.string(),
  oral: cefr.nullable(),
  written: cefr.nullable(),
  passedSkills: z.array(z.string()).nullable(),
  runningDossierId: z.uuid().nullable(),
});
export type ResultView = z.infer<typeof resultView>;

export const needsPlanQuery = z.object({
  from: isoDate.optional().describe('First day counted (default: first day of the current quarter)'),
  to: isoDate.optional().describe('Last day counted (default: one year after from)'),
  region: plainText(20).optional(),
});

export const needsPlanRow = z.object({
  quarter: z.string().describe('YYYY-Qn: of the advice or waiting date for demand, of the start moment for capacity'),
  region: z.string().nullable(),
  adviceType: adviceTypeSchema,
  unplacedAdvices: z.number().int().describe('Binding advices with no placement or waiting entry since'),
  waiting: z.number().int().describe('Persons on a provider waiting list'),
  demand: z.number().int(),
  startMoments: z.number().int(),
  plannedSeats: z.number().int(),
  takenSeats: z.number().int(),
  freeSeats: z.number().int(),
  gap: z.number().int().describe('demand minus free seats: positive means too little offer (PAIN-17)'),
});

export const needsPlanView = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(needsPlanRow),
  totals: z.object({ demand: z.number().int(), freeSeats: z.number().int(), plannedSeats: z.number().int() }),
});
export type NeedsPlanView = z.infer<typeof needsPlanView>;
