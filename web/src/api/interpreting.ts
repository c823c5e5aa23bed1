import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assignmentSchema,
  candidatesSchema,
  createInterpreterBody,
  createRequestBody,
  interpreterSchema,
  requestSchema,
} from '../../../server/src/modules/interpreting/interpreting.schema';
import type { Charge, Channel, LanguageStatus } from '../../../server/src/modules/interpreting/rules/stv';
import { api } from './client';
import { noRetryOnProblem, queryString as query, useIdempotentWrite, useItemsQuery } from './queryHelpers';

/** Types and queries of the interpreting and translation API (issue 5): register, requests, matching, portal. */

// The types come from the server's own schemas (type-only imports: erased from the bundle).
export type { Channel, Charge, LanguageStatus };
export type InterpretingRequest = z.infer<typeof requestSchema>;
export type RequestStatus = InterpretingRequest['status'];
export type TableRow = InterpretingRequest['tableRow'];
export type Candidates = z.infer<typeof candidatesSchema>;
export type RankedCandidate = Candidates['ranked'][number];
export type Interpreter = z.infer<typeof interpreterSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type CreateRequestInput = z.input<typeof createRequestBody>;
export type CreateInterpreterInput = z.input<typeof createInterpreterBody>;
export type Sector = CreateRequestInput['sector'];
export type InterpretingRegion = NonNullable<CreateRequestInput['region']>;
export interface MyAssignments {
  interpreter: Interpreter;
  items: Assignment[];
}
export interface CompleteResult {
  assignment: Assignment;
  charge: Charge;
}

/** The same lists as the server's enums (values, so they cannot be type-only imports). */
export const CHANNEL_IDS = ['on-site', 'phone', 'video', 'translation'] as const satisfies readonly Channel[];
export const LANGUAGE_STATUS_IDS = ['certified', 'sworn', 'in-training', 'crisis', 'language-helper'] as const satisfies readonly LanguageStatus[];
export const SECTOR_IDS = [
  'health',
  'education',
  'welfare',
  'public-service',
  'justice-police',
  'integration',
  'employment',
  'housing',
  'other',
] as const satisfies readonly Sector[];
export const INTERPRETING_REGIONS = ['PA', 'ANT', 'GNT', 'BR', 'LI', 'OV', 'VB', 'WV'] as const satisfies readonly InterpretingRegion[];
export const REQUEST_STATUS_IDS = ['open', 'assigned', 'completed', 'not-completed', 'not-answered'] as const satisfies readonly RequestStatus[];
export const NOT_ANSWERED_REASONS = ['interpreter-unavailable', 'language-unavailable', 'other'] as const;
export type NotAnsweredReason = (typeof NOT_ANSWERED_REASONS)[number];

export const interpretingKeys = {
  all: ['interpreting'] as const,
  requests: (status: string) => ['interpreting', 'requests', status] as const,
  candidates: (id: string) => ['interpreting', 'candidates', id] as const,
  interpreters: ['interpreting', 'interpreters'] as const,
  mine: ['interpreting', 'my-assignments'] as const,
};

export function useInterpretingRequests(status = '', enabled = true) {
  return useItemsQuery<InterpretingRequest>(interpretingKeys.requests(status), `/interpreting/requests${query({ status, limit: 500 })}`, { enabled });
}

export function useCandidates(requestId: string | null) {
  return useQuery({
    queryKey: interpretingKeys.candidates(requestId ?? ''),
    queryFn: ({ signal }) => api.get<Candidates>(`/interpreting/requests/${encodeURIComponent(requestId ?? '')}/candidates`, signal),
    enabled: requestId !== null,
    retry: noRetryOnProblem,
  });
}

export function useInterpreters(enabled = true) {
  return useItemsQuery<Interpreter>(interpretingKeys.interpreters, '/interpreting/interpreters?limit=1000', { enabled });
}

export function useMyAssignments() {
  return useQuery({
    queryKey: interpretingKeys.mine,
    queryFn: ({ signal }) => api.get<MyAssignments>('/interpreting/my-assignments', signal),
    retry: noRetryOnProblem,
  });
}

/**
 * A write of the interpreting API with an idempotency key (kept while the same input is retried),
 * refreshing every interpreting query afterwards.
 */
export function useInterpretingWrite<TInput, TResult>(toRequest: (input: TInput) => { path: string; body: unknown }, onSuccess?: (result: TResult, input: TInput) => void) {
  return useIdempotentWrite<TInput, TResult>(interpretingKeys.all, toRequest, onSuccess);
}

/** Euro cents as an amount in the locale's notation. */
export function formatEuro(locale: string, cents: number): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The Intl locale for a UI locale (Belgian Dutch and French, British English). */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale === 'fr' ? 'fr-BE' : 'nl-BE';
}

/** An instant as date and time in Belgian time, in the locale's notation. */
export function formatInstant(locale: string, iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(d);
}
