/**
 * One schema per request and response of the portal's data part (issue 6 §2–§6): they validate the
 * request, type the handler and are the OpenAPI document. The API contract with the portal web is
 * /work/notes/portal-contract.md; fields beyond it are additions the web may ignore.
 */
import { z } from 'zod';
import { isoDate, plainText } from '../../platform/schema';
import { DOSSIER_STATUSES } from '../trajectory/dossier/state';
import { PORTAL_PILLAR_STATES, PORTAL_PILLARS } from './rules/trajectory-view';
import { UPLOAD_TYPES } from './uploads';

export const idParams = z.object({ id: z.uuid() });
export const dossierParams = z.object({ dossierId: z.uuid() });
export const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// §2 My trajectory

export const TEAM_ROLES = ['case-worker', 'nt2-consultant', 'course-teacher', 'interpreting', 'other'] as const;

export const trajectorySchema = z.object({
  status: z.enum(DOSSIER_STATUSES).nullable().describe('null: no dossier yet'),
  contractSignedOn: z.string().nullable(),
  pillars: z.array(
    z.object({
      pillar: z.enum(PORTAL_PILLARS),
      state: z.enum(PORTAL_PILLAR_STATES),
      detail: z.string().nullable().describe('A code the portal words, e.g. waiting-for-course, course-enrolled, test-passed'),
      progress: z.object({ done: z.number(), required: z.number() }).nullable().describe('Hours done of hours needed (MO course, participation)'),
    }),
  ),
  nextSteps: z.array(z.object({ code: z.string(), pillar: z.enum(PORTAL_PILLARS).nullable(), dueDate: z.string().nullable() })),
  missingForCertificate: z.array(z.string()).describe('Codes, e.g. mo-test, nt2-a2, work-registration, participation-hours'),
  team: z.array(
    z.object({
      role: z.enum(TEAM_ROLES),
      name: z.string(),
      organisation: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// §3 My appointments

export const APPOINTMENT_KINDS = ['intake', 'course-session', 'test', 'nt2-conversation', 'nt2-start'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export const appointmentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(APPOINTMENT_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  allDay: z.boolean().describe('A day without a time (the start of an NT2 course): startsAt is midnight in Belgium'),
  place: z.object({ name: z.string(), address: z.string().nullable() }).nullable(),
  mapUrl: z.string().nullable(),
  changeRequest: z.object({ status: z.enum(['pending', 'handled']), requestedAt: z.string() }).nullable(),
});
export type AppointmentView = z.infer<typeof appointmentSchema>;

export const changeRequestBody = z
  .object({ reason: plainText(500).min(1), preferredMoments: plainText(500).default('') })
  .strict();

export const changeRequestSchema = z.object({
  id: z.uuid(),
  appointmentId: z.uuid(),
  kind: z.enum(APPOINTMENT_KINDS),
  status: z.enum(['pending', 'handled']),
  requestedAt: z.string(),
});

export const staffChangeRequestSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  appointment: z.object({ kind: z.enum(APPOINTMENT_KINDS), id: z.uuid(), title: z.string(), startsAt: z.string() }),
  reason: z.string(),
  preferredMoments: z.string(),
  status: z.enum(['pending', 'handled']),
  requestedAt: z.string(),
  handledBy: z.string().nullable(),
  handledAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const changeRequestQuery = z.object({
  status: z.enum(['pending', 'handled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const handleBody = z.object({ note: plainText(1000).default('') }).strict();

// ---------------------------------------------------------------------------------------------
// §4 My tasks

export const TASK_KINDS = ['register-employment-service', 'upload-participation-proof', 'choose-participation-activity', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ['open', 'submitted', 'accepted', 'rejected'] as const;

export const fileSchema = z.object({ id: z.uuid(), name: z.string(), size: z.number(), contentType: z.enum(UPLOAD_TYPES) });

export const taskSchema = z.object({
  id: z.uuid(),
  kind: z.enum(TASK_KINDS),
  title: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  rejectionReason: z.string().nullable().describe('Why the case worker rejected it, while it is rejected'),
  files: z.array(fileSchema),
  activity: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const staffTaskSchema = taskSchema.extend({
  personId: z.uuid(),
  dossierId: z.uuid(),
  rejectionReason: z.string().nullable().describe('The last reason a submission was rejected'),
  note: z.string().nullable().describe('What the newcomer wrote when submitting'),
  submittedAt: z.string().nullable(),
  hours: z.number().nullable().describe('Participation hours accepted'),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(fileSchema.extend({ sha256: z.string(), scanned: z.boolean().describe('Checked by the virus scanner'), uploadedAt: z.string() })),
});

export const createTaskBody = z
  .object({
    kind: z.enum(TASK_KINDS),
    title: plainText(200).min(1).optional().describe('What to do, in the case worker’s words (required for kind other)'),
    dueDate: isoDate.optional(),
  })
  .strict()
  .refine((t) => t.kind !== 'other' || t.title !== undefined, { params: { code: 'required' }, path: ['title'] });

export const submitTaskBody = z
  .object({
    activityId: z.uuid().optional().describe('The chosen activity (for choose-participation-activity and upload-participation-proof)'),
    note: plainText(1000).optional(),
  })
  .strict();

export const reviewBody = z
  .object({
    decision: z.enum(['accept', 'reject']),
    reason: plainText(1000).min(1).optional().describe('Required to reject: the newcomer reads it'),
    hours: z.number().positive().max(200).optional().describe('Accepting a proof of participation: the hours it proves (recorded in the dossier)'),
    date: isoDate.optional().describe('When it happened (registration, activity); default the day the newcomer submitted'),
  })
  .strict()
  .refine((r) => r.decision === 'accept' || r.reason !== undefined, { params: { code: 'required' }, path: ['reason'] });
export type ReviewInput = z.infer<typeof reviewBody>;

export const activitySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisation: z.string(),
  hours: z.number(),
  place: z.string().nullable(),
  language: z.string().nullable(),
});

export const staffActivitySchema = activitySchema.extend({ active: z.boolean() });

export const activityBody = z
  .object({
    name: plainText(200).min(1),
    organisation: plainText(200).min(1),
    hours: z.number().positive().max(500),
    place: plainText(300).min(1).optional(),
    language: z.string().trim().min(2).max(3).optional().describe('ISO 639 code of the language spoken in the activity'),
    active: z.boolean().default(true),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// §5 My documents

export const DOCUMENT_KINDS = ['contract', 'personal-plan', 'certificate', 'letter'] as const;

export const documentSchema = z.object({
  id: z.string().describe('Use as GET /documents/{id}.pdf'),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string().describe('The Dutch title'),
  issuedOn: z.string(),
});

export const documentParams = z.object({
  id: z.string().regex(/^(contract|personal-plan|certificate|mo-course-letter|mo-test-letter)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
});

// ---------------------------------------------------------------------------------------------
// §6 Who looked at my data

export const accessLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.string().regex(/^\d{1,19}$/).optional().describe('The id of the last entry of the previous page'),
});

export const accessLogSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      organisation: z.string(),
      role: z.string().describe('The main role, a code the portal words'),
      roles: z.array(z.string()),
      purpose: z.string().describe('A purpose code (doelbinding), e.g. trajectory-guidance'),
      action: z.string(),
      what: z.string().describe('What was looked at or changed: person, dossier, nt2-conversation, nt2-placement, test-booking'),
      summary: z.string().describe('The log’s short description, in English'),
    }),
  ),
  next: z.string().nullable().describe('Pass as before= for the next page; null at the end'),
});
