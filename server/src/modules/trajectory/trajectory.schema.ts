import { z } from 'zod';
import { isoDate } from '../../platform/schema';
import { PILLAR_STATUSES } from './rules/pillars';
import { dossierCommand, signUpCommand } from './dossier/commands';
import { DEADLINE_KINDS, DEADLINE_STATUSES, FOLLOW_UP_REASONS, SEVERITIES } from './dossier/evaluate';
import { CERTIFICATE_KINDS, DOSSIER_STATUSES } from './dossier/state';

const pillarStatus = z.enum(PILLAR_STATUSES);
const pillar = z.object({ status: pillarStatus, missing: z.array(z.string()) });

export const deadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  rule: z.string(),
  dueOn: z.string(),
  shiftedDays: z.number(),
  metOn: z.string().nullable(),
  status: z.enum(DEADLINE_STATUSES),
  infringementId: z.string().optional(),
});

export const followUpItemSchema = z.object({
  reason: z.enum(FOLLOW_UP_REASONS).describe('A deadline kind, or what the pillars or the intake ask for now'),
  nextAction: z.string(),
  dueOn: z.string(),
  severity: z.enum(SEVERITIES),
  rule: z.string(),
  infringementId: z.string().optional(),
});

export const dossierStatusSchema = z.enum(DOSSIER_STATUSES);

export const certificateSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(CERTIFICATE_KINDS),
  number: z.string(),
  issuedOn: z.string(),
  ruleSetId: z.string(),
});

export const dossierSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  version: z.number().int(),
  status: dossierStatusSchema,
  caseWorkerId: z.uuid().nullable(),
  state: z
    .looseObject({ area: z.enum(['flanders', 'brussels']), status: dossierStatusSchema })
    .describe('The recorded facts of the dossier (sign-up, intake, decision, contract, PIP, pillar results, periods, infringements, closure).'),
  evaluation: z.object({
    asOf: z.string(),
    ruleSetId: z.string().nullable().describe('Rule set of the contract date (R-03); null before the contract'),
    pillars: z.object({ mo: pillar, nt2: pillar, work: pillar, participation: pillar }).nullable(),
    certificate: z.object({ canIssue: z.boolean(), missing: z.array(z.string()) }).nullable(),
    deadlines: z.array(deadlineSchema),
    followUp: z.array(followUpItemSchema),
  }),
  certificates: z.array(certificateSummarySchema),
  allowedActions: z.array(z.string()).describe('Commands the caller may take now'),
});
export type DossierView = z.infer<typeof dossierSchema>;

export const dossierIdParams = z.object({ id: z.uuid() });
export const personDossiersParams = z.object({ personId: z.uuid() });
export const signUpBody = signUpCommand.omit({ type: true }).extend({ area: signUpCommand.shape.area.optional() }).strict();
export const commandBody = dossierCommand;
export const dossierQuery = z.object({ asOf: isoDate.optional().describe('Evaluate pillars and deadlines on this date (default today)') });

export const dossierListItemSchema = z.object({
  id: z.uuid(),
  status: dossierStatusSchema,
  signedUpOn: z.string(),
  contractSignedOn: z.string().nullable(),
  targetGroup: z.string().nullable(),
  closure: z.object({ date: z.string(), reason: z.string(), note: z.string().optional() }).nullable(),
  version: z.number().int(),
});

export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  actor: z.string().nullable(),
  purpose: z.string(),
  effectiveAt: z.string(),
  recordedAt: z.string(),
});

export const caseloadQuery = z.object({
  caseWorker: z.union([z.uuid(), z.literal('me'), z.literal('unassigned'), z.literal('all')]).default('me'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().max(400).optional(),
});

export const caseloadItemSchema = z.object({
  dossierId: z.uuid(),
  personId: z.uuid(),
  status: z.string(),
  caseWorkerId: z.uuid().nullable(),
  targetGroup: z.string().nullable(),
  person: z.object({
    givenNames: z.string(),
    familyName: z.string(),
    givenNamesLatin: z.string().nullable(),
    familyNameLatin: z.string().nullable(),
    birthDate: z.string().nullable(),
  }),
  urgency: z.number().int(),
  nextDueOn: z.string().nullable(),
  followUp: z.array(followUpItemSchema),
});

export const transferBody = z
  .object({
    date: isoDate,
    toAgency: z.enum(['agii', 'atlas', 'in-gent', 'bon']),
    reason: z.string().trim().min(3).max(1000),
  })
  .strict();

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  dossierId: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
