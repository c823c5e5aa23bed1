import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, isApiError } from './client';
import type { Items } from './types';

/** Types and queries of the trajectory API (issue 3): dossiers, timeline, caseload, notifications. */

export type DossierStatus = 'signed-up' | 'intake-done' | 'running' | 'suspended' | 'closed' | 'transferred';
export type PillarStatus = 'not-required' | 'optional' | 'not-started' | 'in-progress' | 'failed' | 'overdue' | 'completed' | 'exempted';
export type Severity = 'overdue' | 'due-soon' | 'upcoming';
export type DeadlineStatus = 'met' | 'met-late' | 'open' | 'overdue' | 'paused';

export interface Pillar {
  status: PillarStatus;
  missing: string[];
}

export interface Deadline {
  kind: string;
  rule: string;
  dueOn: string;
  shiftedDays: number;
  metOn: string | null;
  status: DeadlineStatus;
  infringementId?: string;
}

export interface FollowUpItem {
  reason: string;
  nextAction: string;
  dueOn: string;
  severity: Severity;
  rule: string;
  infringementId?: string;
}

export interface CertificateSummary {
  id: string;
  kind: string;
  number: string;
  issuedOn: string;
  ruleSetId: string;
}

export interface Infringement {
  id: string;
  kind: string;
  description: string;
  detectedOn: string;
  status: 'detected' | 'notice-sent' | 'complied' | 'handed-over' | 'annulled';
  notice?: { sentOn: string; complyBy: string };
}

export interface Period {
  id: string;
  kind: string;
  reason: string;
  from: string;
  to: string;
  endedOn?: string;
  certificateNumber: string;
}

/** The recorded facts, as far as the page reads them (the API documents the state as a loose object). */
export interface DossierState {
  area: 'flanders' | 'brussels';
  status: DossierStatus;
  signUp: { date: string; channel: string; referrer?: string; letterSentOn?: string };
  intake: {
    date: string;
    literacy: string;
    education: { level: string; diplomaAbroad: boolean };
    digitalSkills: { score: number; level: 'none' | 'basic' | 'sufficient' };
    targetGroupProposal: { group: string; codes: string[]; ruleSetId: string | null };
    proposedProfileId: string;
  } | null;
  decision: { date: string; targetGroup: string; overrideReason?: string; profileId: string; brusselsTrack?: string } | null;
  contract: { signedOn: string; ruleSetId: string; obligated: boolean; participationAddendum: boolean } | null;
  pip: { updatedOn: string; goals: string[]; steps: Array<{ description: string; dueOn?: string; done: boolean }> } | null;
  situation: { working: boolean; studying: boolean; allowedToWork: boolean };
  periods: Period[];
  infringements: Infringement[];
  closure: { date: string; reason: string; note?: string } | null;
  [key: string]: unknown;
}

export interface DossierView {
  id: string;
  personId: string;
  version: number;
  status: DossierStatus;
  caseWorkerId: string | null;
  state: DossierState;
  evaluation: {
    asOf: string;
    ruleSetId: string | null;
    pillars: { mo: Pillar; nt2: Pillar; work: Pillar; participation: Pillar } | null;
    certificate: { canIssue: boolean; missing: string[] } | null;
    deadlines: Deadline[];
    followUp: FollowUpItem[];
  };
  certificates: CertificateSummary[];
  allowedActions: string[];
}

export interface DossierListItem {
  id: string;
  status: DossierStatus;
  signedUpOn: string;
  contractSignedOn: string | null;
  targetGroup: string | null;
  closure: { date: string; reason: string; note?: string } | null;
  version: number;
}

export interface TimelineEntry {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  actor: string | null;
  purpose: string;
  effectiveAt: string;
  recordedAt: string;
}

export interface CaseloadItem {
  dossierId: string;
  personId: string;
  status: string;
  caseWorkerId: string | null;
  targetGroup: string | null;
  person: { givenNames: string; familyName: string; givenNamesLatin: string | null; familyNameLatin: string | null; birthDate: string | null };
  urgency: number;
  nextDueOn: string | null;
  followUp: FollowUpItem[];
}

export interface CaseloadPage {
  items: CaseloadItem[];
  next: string | null;
}

export interface Notification {
  id: string;
  kind: string;
  dossierId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export type CaseloadFilter = 'me' | 'unassigned' | 'all';

export const trajectoryKeys = {
  personDossiers: (personId: string) => ['dossiers', 'of-person', personId] as const,
  dossier: (id: string, asOf: string | undefined) => ['dossiers', 'detail', id, asOf ?? 'today'] as const,
  dossierAll: (id: string) => ['dossiers', 'detail', id] as const,
  timeline: (id: string) => ['dossiers', 'timeline', id] as const,
  caseload: (filter: CaseloadFilter) => ['dossiers', 'caseload', filter] as const,
  notifications: ['notifications'] as const,
};

const noRetryOnProblem = (count: number, error: unknown) => !isApiError(error) && count < 2;

export function usePersonDossiers(personId: string, enabled = true) {
  return useQuery({
    queryKey: trajectoryKeys.personDossiers(personId),
    queryFn: ({ signal }) => api.get<Items<DossierListItem>>(`/persons/${encodeURIComponent(personId)}/dossiers`, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useDossier(id: string, asOf?: string) {
  return useQuery({
    queryKey: trajectoryKeys.dossier(id, asOf),
    queryFn: ({ signal }) =>
      api.get<DossierView>(`/dossiers/${encodeURIComponent(id)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`, signal),
    retry: noRetryOnProblem,
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: trajectoryKeys.timeline(id),
    queryFn: ({ signal }) => api.get<Items<TimelineEntry>>(`/dossiers/${encodeURIComponent(id)}/timeline`, signal),
    select: (d) => d.items,
  });
}

export function useCaseload(filter: CaseloadFilter, limit = 25) {
  return useInfiniteQuery({
    queryKey: trajectoryKeys.caseload(filter),
    queryFn: ({ signal, pageParam }) =>
      api.get<CaseloadPage>(
        `/caseload?caseWorker=${filter}&limit=${limit}${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: trajectoryKeys.notifications,
    queryFn: ({ signal }) => api.get<Items<Notification>>('/notifications', signal),
    select: (d) => d.items,
    enabled,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

/** Today's date in Belgium (the server judges "in the future" by that calendar). */
export function belgianToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}
