import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { noRetryOnProblem } from './queryHelpers';
import type { Items } from './types';
import type { z } from 'zod';
import type { Deadline, DeadlineStatus, FollowUpItem, Severity } from '../../../server/src/modules/trajectory/dossier/evaluate';
import type { DossierStatus, Infringement, Period } from '../../../server/src/modules/trajectory/dossier/state';
import type { PillarStatus } from '../../../server/src/modules/trajectory/rules/pillars';
import type {
  caseloadItemSchema,
  certificateSummarySchema,
  dossierListItemSchema,
  DossierView as ServerDossierView,
  notificationSchema,
  timelineEntrySchema,
} from '../../../server/src/modules/trajectory/trajectory.schema';

/** Types and queries of the trajectory API (issue 3): dossiers, timeline, caseload, notifications. */

// The response types come from the server's own definitions (type-only imports: erased from the
// bundle), so the web app and the API cannot drift apart.
export type { Deadline, DeadlineStatus, DossierStatus, FollowUpItem, Infringement, Period, PillarStatus, Severity };

export type Pillar = NonNullable<ServerDossierView['evaluation']['pillars']>['mo'];
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

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

/** The API's dossier, with the recorded facts typed as far as the page reads them. */
export type DossierView = Omit<ServerDossierView, 'state'> & { state: DossierState };

export type DossierListItem = z.infer<typeof dossierListItemSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type CaseloadItem = z.infer<typeof caseloadItemSchema>;

export interface CaseloadPage {
  items: CaseloadItem[];
  next: string | null;
}

export type Notification = z.infer<typeof notificationSchema>;

export type CaseloadFilter = 'me' | 'unassigned' | 'all';

export const trajectoryKeys = {
  personDossiers: (personId: string) => ['dossiers', 'of-person', personId] as const,
  dossier: (id: string, asOf: string | undefined) => ['dossiers', 'detail', id, asOf ?? 'today'] as const,
  dossierAll: (id: string) => ['dossiers', 'detail', id] as const,
  timeline: (id: string) => ['dossiers', 'timeline', id] as const,
  caseload: (filter: CaseloadFilter) => ['dossiers', 'caseload', filter] as const,
  notifications: ['notifications'] as const,
};

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
