/**
 * Dossieracties — every change to a trajectory dossier is one of these commands. The same schema
 * validates the HTTP request, types the decision function, documents the API, and is the step
 * format of the JSON scenarios, so a scenario replays exactly what the API would do.
 */
import { z } from 'zod';
import { isoDate, plainText } from '../../../platform/schema';
import { EXEMPTION_REASONS, SUSPENSION_REASONS } from '../rules/rule-sets';

const score = z
  .object({ correct: z.number().int().min(0).max(1000), total: z.number().int().min(1).max(1000) })
  .strict()
  .refine((s) => s.correct <= s.total, { params: { code: 'score-above-total' }, path: ['correct'] });

const cefr = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
const note = plainText(2000);

export const SIGN_UP_CHANNELS = ['invitation-letter', 'spontaneous', 'partner-referral', 'municipality-notification'] as const;
export const LITERACY = ['literate-latin', 'literate-other-script', 'low-literate', 'illiterate'] as const;
export const EDUCATION_LEVELS = ['none', 'primary', 'secondary', 'higher'] as const;
export const TARGET_GROUPS = ['verplicht', 'rechthebbend', 'onbepaald', 'geen-doelgroep', 'tijdelijke-bescherming'] as const;
export const CLOSURE_REASONS = ['certificate', 'left-target-group', 'moved-out-of-area', 'exempted', 'deceased', 'other'] as const;
export const INFRINGEMENT_KINDS = [
  'late-sign-up',
  'contract-not-signed',
  'irregular-participation',
  'late-work-registration',
  'stopped-without-reason',
] as const;
export const CIRCUMSTANCE_CHANGES = ['address', 'residence-status', 'target-group'] as const;

/** Aanmelding (WF-02, ENT-02): opens the dossier. */
export const signUpCommand = z
  .object({
    type: z.literal('sign-up'),
    date: isoDate,
    channel: z.enum(SIGN_UP_CHANNELS),
    /** Verwijzer: the partner organisation that referred the person (required for partner referrals). */
    referrer: plainText(200).min(1).optional(),
    /** Date the (registered) invitation letter was sent: starts the sign-up term (FL-DL-02). */
    letterSentOn: isoDate.optional(),
    area: z.enum(['flanders', 'brussels']),
  })
  .strict();

/** The facts the target-group proposal needs; the birth date comes from the person record. */
const targetGroupFacts = z
  .object({
    firstInscriptionDate: isoDate.optional(),
    register: z.enum(['population', 'foreigners', 'waiting', 'none']).optional(),
    nationality: z.enum(['belgian', 'eu', 'non-eu']).optional(),
    residence: z
      .enum(['asylum-seeker', 'temporary-protection', 'short-stay', 'residence-over-3-months', 'other-legal-stay', 'no-legal-stay', 'diplomat'])
      .optional(),
    firstResidenceTitle: z.boolean().optional(),
    bornAbroad: z.boolean().optional(),
    parentBornAbroad: z.boolean().optional(),
    ministerOfReligion: z.boolean().optional(),
    permanentlyUnable: z.boolean().optional(),
    compulsorySchoolingCompleted: z.boolean().optional(),
    priorLegalStayYears: z.number().min(0).max(100).optional(),
    brusselsExemption: z.boolean().optional(),
  })
  .strict();
export type TargetGroupFactsInput = z.infer<typeof targetGroupFacts>;

/** Trajectbepaling (WF-02): the intake interview and what it established. */
export const recordIntakeCommand = z
  .object({
    type: z.literal('record-intake'),
    date: isoDate,
    /** ISO 639 code of the language the interview was held in (mother tongue or contact language). */
    language: z.string().trim().min(2).max(3),
    interpreterUsed: z.boolean(),
    mode: z.enum(['physical', 'digital', 'group']).default('physical'),
    education: z
      .object({ level: z.enum(EDUCATION_LEVELS), diplomaAbroad: z.boolean().default(false), description: plainText(500).optional() })
      .strict(),
    workHistory: plainText(2000).default(''),
    working: z.boolean(),
    studying: z.boolean(),
    allowedToWork: z.boolean(),
    literacy: z.enum(LITERACY),
    /** Short screening (WF-02 step 4): each answer 0 = cannot, 1 = with help, 2 = alone. */
    digitalSkills: z
      .object({
        hasDevice: z.boolean(),
        hasInternet: z.boolean(),
        answers: z
          .object({
            smartphone: z.number().int().min(0).max(2),
            email: z.number().int().min(0).max(2),
            onlineForms: z.number().int().min(0).max(2),
            videoCall: z.number().int().min(0).max(2),
          })
          .strict(),
      })
      .strict(),
    family: z
      .object({ partner: z.boolean(), children: z.number().int().min(0).max(30), childcareNeeded: z.boolean().default(false) })
      .strict(),
    goals: z.array(plainText(300).min(1)).max(20).default([]),
    targetGroupFacts,
  })
  .strict();

/** The officer confirms or overrides the proposed target group and profile (WF-02 steps 3 and 6). */
export const decideIntakeCommand = z
  .object({
    type: z.literal('decide-intake'),
    date: isoDate,
    targetGroup: z.enum(TARGET_GROUPS),
    /** Required when the target group differs from the proposal. */
    overrideReason: plainText(1000).min(3).optional(),
    profileId: z.string().trim().min(1).max(50),
    /** Brussels: Dutch- or French-language track. */
    brusselsTrack: z.enum(['dutch', 'french']).optional(),
    /** MO-taal: the language the person follows the MO course in (ISO 639); default the intake language. */
    moLanguage: z.string().trim().min(2).max(3).optional(),
  })
  .strict();

/** Inburgeringscontract (WF-03). */
export const signContractCommand = z
  .object({
    type: z.literal('sign-contract'),
    /** When it was recorded; the contract may have been signed earlier on paper. */
    date: isoDate,
    signedOn: isoDate,
    /** Addendum for entitled persons about the participation track (ENT-06, from 2023). */
    participationAddendum: z.boolean().default(false),
  })
  .strict();

/** Persoonlijk inburgeringsplan (ENT-07): replaced whole on every update. */
export const updatePipCommand = z
  .object({
    type: z.literal('update-pip'),
    date: isoDate,
    goals: z.array(plainText(300).min(1)).min(1).max(20),
    steps: z
      .array(z.object({ description: plainText(300).min(1), dueOn: isoDate.optional(), done: z.boolean().default(false) }).strict())
      .max(50)
      .default([]),
  })
  .strict();

/** Work and study situation changes (they decide whether participation is mandatory, FL-DL-10). */
export const recordSituationCommand = z
  .object({
    type: z.literal('record-situation'),
    date: isoDate,
    working: z.boolean(),
    studying: z.boolean(),
    allowedToWork: z.boolean(),
  })
  .strict();

export const recordMoCourseCommand = z
  .object({
    type: z.literal('record-mo-course'),
    date: isoDate,
    enrolledOn: isoDate,
    attendedHours: z.number().min(0).max(500),
    regularParticipation: z.boolean().optional(),
    completedOn: isoDate.optional(),
  })
  .strict();

export const recordMoTestCommand = z
  .object({
    type: z.literal('record-mo-test'),
    date: isoDate,
    kind: z.enum(['test', 'exemption-test']),
    core: score,
    practical: score,
  })
  .strict();

export const recordMoProcessEvaluationCommand = z
  .object({ type: z.literal('record-mo-process-evaluation'), date: isoDate, score })
  .strict();

export const recordNt2EnrolmentCommand = z
  .object({
    type: z.literal('record-nt2-enrolment'),
    date: isoDate,
    provider: plainText(200).min(1),
    regularParticipation: z.boolean().optional(),
  })
  .strict();

export const recordNt2ResultCommand = z
  .object({ type: z.literal('record-nt2-result'), date: isoDate, oral: cefr.nullable(), written: cefr.nullable() })
  .strict();

export const recordNt2StandardisedTestCommand = z
  .object({
    type: z.literal('record-nt2-standardised-test'),
    date: isoDate,
    passedSkills: z.array(z.enum(['reading', 'writing', 'listening', 'speaking'])).max(4),
  })
  .strict();

export const recordWorkRegistrationCommand = z
  .object({ type: z.literal('record-work-registration'), date: isoDate, registeredOn: isoDate })
  .strict();

export const recordParticipationCommand = z
  .object({
    type: z.literal('record-participation'),
    date: isoDate,
    activity: plainText(300).min(1),
    hours: z.number().positive().max(200),
  })
  .strict();

export const recordDiplomaRecognitionCommand = z
  .object({ type: z.literal('record-diploma-recognition-request'), date: isoDate, note: note.optional() })
  .strict();

export const recordLimitedLearningCapacityCommand = z
  .object({ type: z.literal('record-limited-learning-capacity'), date: isoDate, basis: plainText(1000).min(3) })
  .strict();

/** Opschorting, uitstel van aanmelding or uitstel van ondertekening (WF-09, FL-SU-02..04). */
export const startSuspensionCommand = z
  .object({
    type: z.literal('start-suspension'),
    date: isoDate,
    kind: z.enum(['suspension', 'postponement-sign-up', 'postponement-contract']),
    reason: z.enum(SUSPENSION_REASONS),
    proofReceivedOn: isoDate,
    proof: plainText(500).min(3),
    from: isoDate,
    to: isoDate,
  })
  .strict();

export const endSuspensionCommand = z.object({ type: z.literal('end-suspension'), date: isoDate }).strict();

/** Vrijstelling: a trajectory is permanently impossible. Closes the dossier. */
export const grantExemptionCommand = z
  .object({
    type: z.literal('grant-exemption'),
    date: isoDate,
    reason: z.enum(EXEMPTION_REASONS),
    proof: plainText(500).min(3),
  })
  .strict();

/** Inburgeringsattest, bewijs van regelmatige deelname or verklaring van geleverde inspanning. */
export const issueCertificateCommand = z
  .object({
    type: z.literal('issue-certificate'),
    date: isoDate,
    kind: z.enum(['civic-integration', 'regular-participation', 'declaration-of-effort']),
  })
  .strict();

export const closeDossierCommand = z
  .object({
    type: z.literal('close'),
    date: isoDate,
    reason: z.enum(CLOSURE_REASONS),
    note: note.optional(),
  })
  .strict();

/** Changed data that can remove the basis of an infringement. */
export const recordChangeCommand = z
  .object({
    type: z.literal('record-change-of-circumstances'),
    date: isoDate,
    change: z.enum(CIRCUMSTANCE_CHANGES),
    note: note.optional(),
  })
  .strict();

export const recordInfringementCommand = z
  .object({
    type: z.literal('record-infringement'),
    date: isoDate,
    kind: z.enum(INFRINGEMENT_KINDS),
    description: plainText(2000).min(3),
  })
  .strict();

export const sendNoticeCommand = z
  .object({ type: z.literal('send-notice-of-default'), date: isoDate, infringementId: z.string().min(1).max(40) })
  .strict();

export const recordComplianceCommand = z
  .object({ type: z.literal('record-compliance'), date: isoDate, infringementId: z.string().min(1).max(40), note: note.optional() })
  .strict();

export const handOverCommand = z
  .object({
    type: z.literal('hand-over-to-enforcement'),
    date: isoDate,
    infringementId: z.string().min(1).max(40),
    evidence: z.array(plainText(500).min(3)).min(1).max(50),
  })
  .strict();

export const assignCaseWorkerCommand = z
  .object({ type: z.literal('assign-case-worker'), date: isoDate, caseWorkerId: z.uuid().nullable() })
  .strict();

/** Every command after the sign-up, as one discriminated union. */
export const dossierCommand = z.discriminatedUnion('type', [
  recordIntakeCommand,
  decideIntakeCommand,
  signContractCommand,
  updatePipCommand,
  recordSituationCommand,
  recordMoCourseCommand,
  recordMoTestCommand,
  recordMoProcessEvaluationCommand,
  recordNt2EnrolmentCommand,
  recordNt2ResultCommand,
  recordNt2StandardisedTestCommand,
  recordWorkRegistrationCommand,
  recordParticipationCommand,
  recordDiplomaRecognitionCommand,
  recordLimitedLearningCapacityCommand,
  startSuspensionCommand,
  endSuspensionCommand,
  grantExemptionCommand,
  issueCertificateCommand,
  closeDossierCommand,
  recordChangeCommand,
  recordInfringementCommand,
  sendNoticeCommand,
  recordComplianceCommand,
  handOverCommand,
  assignCaseWorkerCommand,
]);
export type SignUpCommand = z.infer<typeof signUpCommand>;
export type DossierCommand = z.infer<typeof dossierCommand>;
export type DossierCommandType = DossierCommand['type'];
export type CommandOf<T extends DossierCommandType> = Extract<DossierCommand, { type: T }>;
