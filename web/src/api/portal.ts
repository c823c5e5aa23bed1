import { useIdempotentWrite, useItemsQuery } from './queryHelpers';

/**
 * The staff side of the newcomer portal (issue 6): the tasks of a dossier and their review, the
 * participation catalogue, and the newcomers' requests to move an appointment. Shapes as in
 * server/src/modules/portal/portal-data.schema.ts.
 */

export const TASK_KINDS = ['register-employment-service', 'upload-participation-proof', 'choose-participation-activity', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskStatus = 'open' | 'submitted' | 'accepted' | 'rejected';

export interface PortalTaskFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  /** Checked by the virus scanner (false when no scanner is configured). */
  scanned: boolean;
  uploadedAt: string;
}

export interface PortalTask {
  id: string;
  personId: string;
  dossierId: string;
  kind: TaskKind;
  title: string | null;
  dueDate: string | null;
  status: TaskStatus;
  /** The last reason a submission was rejected. */
  rejectionReason: string | null;
  files: PortalTaskFile[];
  activity: { id: string; name: string } | null;
  /** What the newcomer wrote when submitting. */
  note: string | null;
  submittedAt: string | null;
  /** Participation hours accepted. */
  hours: number | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

export interface ParticipationActivity {
  id: string;
  name: string;
  organisation: string;
  hours: number;
  place: string | null;
  language: string | null;
  active: boolean;
}

export const APPOINTMENT_KINDS = ['intake', 'course-session', 'test', 'nt2-conversation', 'nt2-start'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export type ChangeRequestStatus = 'pending' | 'handled';

export interface ChangeRequest {
  id: string;
  personId: string;
  name: string;
  appointment: { kind: AppointmentKind; id: string; title: string; startsAt: string };
  reason: string;
  preferredMoments: string;
  status: ChangeRequestStatus;
  requestedAt: string;
  handledBy: string | null;
  handledAt: string | null;
  note: string | null;
}

export type ReviewInput = { decision: 'accept'; hours?: number; date?: string } | { decision: 'reject'; reason: string };

export const portalKeys = {
  all: ['portal'] as const,
  /** Under 'dossiers': a review records in the dossier, so the dossier and its tasks are read again together. */
  dossierTasks: (dossierId: string) => ['dossiers', 'portal-tasks', dossierId] as const,
  activities: ['portal', 'participation-activities'] as const,
  changeRequestsAll: ['portal', 'change-requests'] as const,
  changeRequests: (status: ChangeRequestStatus | 'all') => ['portal', 'change-requests', status] as const,
};

const enc = encodeURIComponent;

export function useDossierPortalTasks(dossierId: string, enabled = true) {
  return useItemsQuery<PortalTask>(portalKeys.dossierTasks(dossierId), `/dossiers/${enc(dossierId)}/portal-tasks`, { enabled });
}

/** The download address of a file the newcomer uploaded (always sent as an attachment). */
export function taskFileUrl(taskId: string, fileId: string): string {
  return `/api/v1/portal-tasks/${enc(taskId)}/files/${enc(fileId)}`;
}

export function useGiveTask(dossierId: string, onSuccess?: (task: PortalTask) => void) {
  return useIdempotentWrite<{ kind: TaskKind; title?: string; dueDate?: string }, PortalTask>(
    portalKeys.dossierTasks(dossierId),
    (body) => ({ path: `/dossiers/${enc(dossierId)}/portal-tasks`, body }),
    onSuccess,
  );
}

/** Accept or reject a submitted task; accepting may record a result in the dossier, so every dossier query is read again. */
export function useReviewTask(taskId: string, onSuccess?: (task: PortalTask, input: ReviewInput) => void) {
  return useIdempotentWrite<ReviewInput, PortalTask>(['dossiers'], (body) => ({ path: `/portal-tasks/${enc(taskId)}/review`, body }), onSuccess);
}

export function useParticipationActivities(enabled = true) {
  return useItemsQuery<ParticipationActivity>(portalKeys.activities, '/participation-activities', { enabled });
}

export interface ActivityInput {
  name: string;
  organisation: string;
  hours: number;
  place?: string;
  language?: string;
  active: boolean;
}

export function useAddActivity(onSuccess?: (activity: ParticipationActivity) => void) {
  return useIdempotentWrite<ActivityInput, ParticipationActivity>(portalKeys.activities, (body) => ({ path: '/participation-activities', body }), onSuccess);
}

export function useChangeRequests(status: ChangeRequestStatus | 'all', enabled = true) {
  const query = status === 'all' ? '?limit=500' : `?status=${status}&limit=500`;
  return useItemsQuery<ChangeRequest>(portalKeys.changeRequests(status), `/appointment-change-requests${query}`, { enabled });
}

export function useHandleChangeRequest(id: string, onSuccess?: (request: ChangeRequest) => void) {
  return useIdempotentWrite<{ note: string }, ChangeRequest>(portalKeys.changeRequestsAll, (body) => ({ path: `/appointment-change-requests/${enc(id)}/handle`, body }), onSuccess);
}
