import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, isApiError, newUuid, request } from './client';
import type { Items } from './types';

/** Retry a failed read twice on a network failure, never on a problem the API answered (404, 403, …). */
export const noRetryOnProblem = (count: number, error: unknown) => !isApiError(error) && count < 2;

/** A query string of the set, non-empty parameters (`?a=1&b=x`), or '' when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A GET of a list endpoint (`{ items: T[] }`), selecting the items. */
export function useItemsQuery<T>(queryKey: QueryKey, path: string, options: { enabled?: boolean; staleTime?: number } = {}) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<Items<T>>(path, signal),
    select: (d) => d.items,
    ...options,
  });
}

/**
 * A write with an Idempotency-Key that stays the same while the form is retried with the same input
 * (a double click or a retry after a lost answer does not act twice), then refreshes every query
 * under `invalidate`.
 */
export function useIdempotentWrite<TInput, TResult>(
  invalidate: QueryKey,
  toRequest: (input: TInput) => { method?: string; path: string; body: unknown },
  onSuccess?: (result: TResult, input: TInput) => void,
) {
  const queryClient = useQueryClient();
  const key = useRef<{ input: string; key: string } | null>(null);
  return useMutation({
    mutationFn: async (input: TInput) => {
      const r = toRequest(input);
      const fingerprint = JSON.stringify(r);
      if (!key.current || key.current.input !== fingerprint) key.current = { input: fingerprint, key: newUuid() };
      return (await request<TResult>(r.method ?? 'POST', r.path, { body: r.body, idempotencyKey: key.current.key })).data;
    },
    onSuccess: (result, input) => {
      key.current = null;
      void queryClient.invalidateQueries({ queryKey: invalidate });
      onSuccess?.(result, input);
    },
  });
}
