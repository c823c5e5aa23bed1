import { useQuery, type QueryKey } from '@tanstack/react-query';
import { api, isApiError } from './client';
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
