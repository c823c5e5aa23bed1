import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { noRetryOnProblem, queryString as query, useIdempotentWrite, useItemsQuery } from './queryHelpers';
import type { Items } from './types';
import type { z } from 'zod';
import type { AdviceType, ProviderKind } from '../../../server/src/modules/dutch/rules/advice';
import type { PlacementStatus } from '../../../server/src/modules/dutch/rules/placement';
import type {
  adviceTypeView,
  adviceView,
  CONVERSATION_KINDS,
  ConversationView,
  createConversationBody,
  createModuleBody,
  createStartMomentBody,
  ModuleView,
  NeedsPlanView,
  needsPlanRow,
  PlacementView,
  providerView,
  recordAdviceBody,
  recordTestBody,
  ResultBody,
  ResultView,
  startMomentView,
  testView,
  TEST_KINDS,
} from '../../../server/src/modules/dutch/dutch.schema';

/** Types and queries of the NT2 API (issue 4): conversations, tests, advice, offer, placements, needs plan. */

// The types come from the server's own schemas (type-only imports: erased from the bundle).
export type { AdviceType, ConversationView, ModuleView, NeedsPlanView, PlacementStatus, PlacementView, ProviderKind, ResultBody, ResultView };
export type AdviceTypeInfo = z.infer<typeof adviceTypeView>;
export type Advice = z.infer<typeof adviceView>;
export type Nt2Test = z.infer<typeof testView>;
export type StartMoment = z.infer<typeof startMomentView>;
export type Provider = z.infer<typeof providerView>;
export type NeedsPlanRow = z.infer<typeof needsPlanRow>;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];
export type TestKind = (typeof TEST_KINDS)[number];
export type CreateConversationInput = z.input<typeof createConversationBody>;
export type RecordTestInput = z.input<typeof recordTestBody>;
export type RecordAdviceInput = z.input<typeof recordAdviceBody>;
export type CreateModuleInput = z.input<typeof createModuleBody>;
export type CreateStartMomentInput = z.input<typeof createStartMomentBody>;
export type Cefr = NonNullable<Nt2Test['level']>;
export type Aptitude = NonNullable<Nt2Test['learningAptitude']>;

/** The same lists as the server's enums (these are values, so they cannot be type-only imports). */
export const CONVERSATION_KIND_IDS = ['nt2-gesprek', 'niveautest'] as const satisfies readonly ConversationKind[];
export const TEST_KIND_IDS = [
  'covaar',
  'cbe-entry',
  'cvo-entry',
  'latin-script',
  'certifying-pre-screening',
  'certifying-a1-a2',
  'certifying-b1-b2',
  'home-language-dutch',
] as const satisfies readonly TestKind[];
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const satisfies readonly Cefr[];
export const APTITUDES = ['slow', 'average', 'fast'] as const satisfies readonly Aptitude[];
export const PROVIDER_KIND_IDS = ['CBE', 'CVO', 'UTC', 'other'] as const satisfies readonly ProviderKind[];
export const SKILLS = ['reading', 'writing', 'listening', 'speaking'] as const;
export type Skill = (typeof SKILLS)[number];

export const nt2Keys = {
  all: ['nt2'] as const,
  adviceTypes: (locale: string) => ['nt2', 'advice-types', locale] as const,
  conversations: (filter: { personId?: string; from?: string }) => ['nt2', 'conversations', 'list', filter] as const,
  conversation: (id: string) => ['nt2', 'conversations', 'detail', id] as const,
  modules: (filter: { adviceType?: string; providerId?: string; from?: string }) => ['nt2', 'modules', filter] as const,
  providers: ['nt2', 'providers'] as const,
  placements: (personId: string) => ['nt2', 'placements', personId] as const,
  inbox: ['nt2', 'inbox'] as const,
  needsPlan: (filter: NeedsPlanFilter) => ['nt2', 'needs-plan', filter] as const,
};

export function useAdviceTypes(locale: string, enabled = true) {
  return useQuery({
    queryKey: nt2Keys.adviceTypes(locale),
    queryFn: ({ signal }) => api.get<Items<AdviceTypeInfo>>('/nt2/advice-types', signal),
    select: (d) => d.items,
    staleTime: Infinity,
    enabled,
  });
}

export function useConversations(filter: { personId?: string; from?: string }, enabled = true) {
  return useItemsQuery<ConversationView>(nt2Keys.conversations(filter), `/nt2/conversations${query({ ...filter, limit: '200' })}`, { enabled });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: nt2Keys.conversation(id),
    queryFn: ({ signal }) => api.get<ConversationView>(`/nt2/conversations/${encodeURIComponent(id)}`, signal),
    retry: noRetryOnProblem,
  });
}

export function useModules(filter: { adviceType?: string; providerId?: string; from?: string }, enabled = true) {
  return useItemsQuery<ModuleView>(nt2Keys.modules(filter), `/nt2/modules${query(filter)}`, { enabled });
}

export function useProviders(enabled = true) {
  return useItemsQuery<Provider>(nt2Keys.providers, '/nt2/providers', { staleTime: 5 * 60_000, enabled });
}

export function usePersonPlacements(personId: string, enabled = true) {
  return useItemsQuery<PlacementView>(nt2Keys.placements(personId), `/nt2/placements?personId=${encodeURIComponent(personId)}`, { enabled });
}

export function useProviderInbox(enabled = true) {
  return useItemsQuery<PlacementView>(nt2Keys.inbox, '/nt2/provider-inbox?limit=500', { enabled });
}

export interface NeedsPlanFilter {
  from?: string;
  to?: string;
  region?: string;
}

export function useNeedsPlan(filter: NeedsPlanFilter) {
  return useQuery({
    queryKey: nt2Keys.needsPlan(filter),
    queryFn: ({ signal }) => api.get<NeedsPlanView>(`/nt2/needs-plan${query({ ...filter })}`, signal),
    retry: noRetryOnProblem,
  });
}

/**
 * A write to the NT2 API with an Idempotency-Key that stays the same while the form is retried with
 * the same input (a double click or a retry after a lost answer does not act twice), then refreshes
 * every NT2 read.
 */
export function useNt2Write<TInput, TResult>(toRequest: (input: TInput) => { method?: string; path: string; body: unknown }, onSuccess?: (result: TResult, input: TInput) => void) {
  return useIdempotentWrite<TInput, TResult>(nt2Keys.all, toRequest, onSuccess);
}

/** Download links (the browser sends the session cookie; the server answers text/calendar). */
export const calendarUrl = {
  conversation: (id: string) => `/api/v1/nt2/conversations/${encodeURIComponent(id)}/calendar`,
  startMoment: (id: string) => `/api/v1/nt2/start-moments/${encodeURIComponent(id)}/calendar`,
  provider: (providerId: string, from?: string) => `/api/v1/nt2/providers/${encodeURIComponent(providerId)}/calendar${from ? `?from=${from}` : ''}`,
};

/** A datetime-local value (browser time) as an ISO instant with offset, as the API wants it. */
export function localToIso(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
