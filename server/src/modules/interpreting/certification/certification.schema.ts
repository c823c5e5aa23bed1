import { z } from 'zod';
import { isoDate, plainText } from '../../../platform/schema';
import { ADVICES } from './rules';

const language = z.string().trim().toLowerCase().min(2).max(3).describe('ISO 639-1 or 639-3 code');
const variant = plainText(60).describe('Variant of the language, e.g. Levantine for Arabic; empty for none');
const passFail = z.enum(['passed', 'failed']);
const languageKey = z.object({ language, variant: variant.optional() }).strict();
/** Channels a certified interpreter works in; translation needs its own qualification (STV-15). */
export const interpretingChannel = z.enum(['on-site', 'phone', 'video']);

export const candidateIdParams = z.object({ id: z.uuid() });
export const moduleIdParams = z.object({ id: z.uuid(), moduleId: z.uuid() });
export const examIdParams = z.object({ id: z.uuid(), examId: z.uuid() });

export const createCandidateBody = z
  .object({
    name: plainText(200).min(2),
    email: z.email().max(254),
    phone: plainText(40).optional(),
    languages: z.array(languageKey).min(1).max(10),
    /** An interpreter already in the register who follows the track for another language. */
    interpreterId: z.uuid().optional(),
  })
  .strict();
export type CreateCandidateInput = z.infer<typeof createCandidateBody>;

export const addLanguageBody = languageKey;

export const infoSessionBody = z
  .object({ attendedOn: isoDate, dutchProof: z.enum(['b2-certificate', 'dutch-test']).describe('B2 Dutch proof, or the Dutch test at an AgII office (STV-12)') })
  .strict();

export const entryTestBody = z
  .object({ language, variant: variant.optional(), takenOn: isoDate, languagePart: passFail.describe('Language knowledge test'), basicSkillsPart: passFail.describe('Basic skills test') })
  .strict();

export const admissionBody = z.object({ admittedOn: isoDate }).strict();

export const moduleBody = z
  .object({
    kind: z.enum(['module-1', 'module-2', 'continuous', 'remediation']),
    name: plainText(200).optional(),
    startsOn: isoDate,
    /** Module I and II default to the hours of the rule set of the start date (STV-12). */
    requiredHours: z.number().positive().max(1000).optional(),
    remediationOfModule: z.uuid().optional().describe('The failed module this remediation makes up'),
    remediationOfExam: z.uuid().optional().describe('The failed exam whose feedback talk advised remediation (R-28)'),
  })
  .strict()
  .refine((m) => (m.kind === 'remediation') === (m.remediationOfModule !== undefined || m.remediationOfExam !== undefined) && !(m.remediationOfModule && m.remediationOfExam), {
    params: { code: 'certification-remediation-target' },
    path: ['kind'],
  })
  .refine((m) => m.requiredHours !== undefined || m.kind === 'module-1' || m.kind === 'module-2', { params: { code: 'certification-hours-required' }, path: ['requiredHours'] });
export type ModuleInput = z.infer<typeof moduleBody>;

export const attendanceBody = z.object({ attendedHours: z.number().min(0).max(1000) }).strict();
export const moduleResultBody = z.object({ result: passFail, decidedOn: isoDate }).strict();

export const examBody = z
  .object({
    language,
    variant: variant.optional(),
    heldOn: isoDate,
    jury: z
      .object({
        chair: plainText(200).min(2).describe('Chair, of the certification service'),
        masterRepresentative: plainText(200).min(2).describe('Representative of the master programme'),
        assessors: z.array(plainText(200).min(2)).min(1).max(2).describe('One or two foreign-language assessors'),
      })
      .strict(),
  })
  .strict();

export const examResultBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('held'), decidedOn: isoDate, rolePlay1: passFail, rolePlay2: passFail }).strict(),
  z.object({ outcome: z.literal('cancelled'), decidedOn: isoDate }).strict(),
]);
export type ExamResultInput = z.infer<typeof examResultBody>;

export const feedbackTalkBody = z.object({ heldOn: isoDate, advice: z.enum(ADVICES).describe('Binding advice (R-28)'), note: plainText(2000).optional() }).strict();

export const certificateBody = z
  .object({ language, variant: variant.optional(), issuedOn: isoDate, channels: z.array(interpretingChannel).min(1).max(3) })
  .strict();

export const listCandidatesQuery = z.object({
  search: plainText(100).min(2).optional().describe('Part of the name or e-mail'),
  language: language.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const stage = z.enum([
  'info-session-due',
  'entry-test-due',
  'entry-test-exhausted',
  'admission-due',
  'in-training',
  'exam-due',
  'exam-planned',
  'feedback-talk-due',
  'remediation-due',
  'retake-allowed',
  'stopped',
  'certificate-due',
  'certified',
]);

const languageView = z.object({ language: z.string(), variant: z.string(), stage, entryTestAttempts: z.number(), entryTestAttemptsAllowed: z.number() });

export const candidateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  interpreterId: z.uuid().nullable(),
  infoSession: z.object({ attendedOn: z.string(), dutchProof: z.string() }).nullable(),
  admittedOn: z.string().nullable(),
  trainingComplete: z.boolean(),
  languages: z.array(languageView),
  version: z.number(),
});

export const candidateDetailSchema = candidateSchema.extend({
  entryTests: z.array(
    z.object({ id: z.uuid(), language: z.string(), variant: z.string(), attempt: z.number(), takenOn: z.string(), languagePart: z.string(), basicSkillsPart: z.string(), passed: z.boolean() }),
  ),
  modules: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      name: z.string().nullable(),
      startsOn: z.string(),
      requiredHours: z.number(),
      attendedHours: z.number(),
      result: z.string().nullable(),
      decidedOn: z.string().nullable(),
      remediationOfModule: z.uuid().nullable(),
      remediationOfExam: z.uuid().nullable(),
    }),
  ),
  exams: z.array(
    z.object({
      id: z.uuid(),
      language: z.string(),
      variant: z.string(),
      heldOn: z.string(),
      jury: z.object({ chair: z.string(), masterRepresentative: z.string(), assessors: z.array(z.string()) }),
      status: z.string(),
      rolePlay1: z.string().nullable(),
      rolePlay2: z.string().nullable(),
      decidedOn: z.string().nullable(),
      feedbackTalk: z.object({ id: z.uuid(), heldOn: z.string(), advice: z.string(), note: z.string().nullable() }).nullable(),
    }),
  ),
  certificates: z.array(z.object({ id: z.uuid(), language: z.string(), variant: z.string(), issuedOn: z.string(), channels: z.array(z.string()), examId: z.uuid(), interpreterId: z.uuid() })),
  nextSteps: z
    .array(
      z.object({
        step: z.string(),
        language: z.string().optional(),
        variant: z.string().optional(),
        module: z.string().optional(),
        moduleId: z.uuid().optional(),
        examId: z.uuid().optional(),
      }),
    )
    .describe('What the rules allow today'),
});
