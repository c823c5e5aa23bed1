import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError } from './client';
import type {
  AccessLogEntry,
  ApiToken,
  Items,
  Language,
  Municipality,
  Organisation,
  Person,
  PersonSummary,
  SessionInfo,
  SessionItem,
  User,
} from './types';

/** Query keys. Keys that hold translated server text include the locale, so they refetch on a switch. */
export const keys = {
  session: ['session'] as const,
  sessions: ['session', 'sessions'] as const,
  users: ['users'] as const,
  organisations: ['organisations'] as const,
  apiTokens: ['api-tokens'] as const,
  personSearch: (q: string) => ['persons', 'search', q] as const,
  person: (id: string) => ['persons', 'detail', id] as const,
  accessLog: (id: string) => ['persons', 'access-log', id] as const,
  municipalities: ['reference', 'municipalities'] as const,
  languages: (locale: string) => ['reference', 'languages', locale] as const,
};

/** The signed-in session, or null when nobody is signed in. */
export const sessionQuery = queryOptions({
  queryKey: keys.session,
  queryFn: async ({ signal }): Promise<SessionInfo | null> => {
    try {
      return await api.get<SessionInfo>('/session', signal);
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** The start page for a session: person search, or the administration pages for administrators. */
export function homePath(
  session: Pick<SessionInfo, 'permissions' | 'mfaSetupRequired'>,
): '/persons' | '/admin/users' | '/sessions' | '/mfa-setup' | '/nt2/provider' | '/interpreting/requests' | '/interpreting/portal' | '/dashboards/mo' {
  if (session.mfaSetupRequired) return '/mfa-setup';
  // Managers follow the figures; whoever also works dossiers (dossier.guide) starts at the persons (issue 7).
  if (session.permissions.includes('reports.read') && !session.permissions.includes('dossier.guide')) return '/dashboards/mo';
  if (session.permissions.includes('person.read')) return '/persons';
  if (session.permissions.includes('user.manage')) return '/admin/users';
  // Course providers see no persons outside their own placements: their inbox is their start.
  if (session.permissions.includes('nt2.provider.manage')) return '/nt2/provider';
  // Interpreting: customers, the desk and interpreters start at their own view (issue 5).
  if (session.permissions.includes('interpreting.request')) return '/interpreting/requests';
  if (session.permissions.includes('interpreting.assignment.self')) return '/interpreting/portal';
  return '/sessions';
}

export function usePermission(permission: string): boolean {
  const { data } = useSession();
  return data?.permissions.includes(permission) ?? false;
}

export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: keys.organisations,
    queryFn: ({ signal }) => api.get<Items<Organisation>>('/organisations', signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: keys.municipalities,
    queryFn: ({ signal }) => api.get<Items<Municipality>>('/reference/municipalities', signal),
    select: (d) => d.items,
    staleTime: Infinity,
  });
}

export function useLanguages(locale: string) {
  return useQuery({
    queryKey: keys.languages(locale),
    queryFn: ({ signal }) => api.get<Items<Language>>('/reference/languages', signal),
    select: (d) => d.items,
    staleTime: Infinity,
  });
}

export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: keys.personSearch(q),
    queryFn: ({ signal }) =>
      api.get<Items<PersonSummary>>(`/persons?q=${encodeURIComponent(q)}&limit=20`, signal),
    select: (d) => d.items,
    enabled: q.trim().length > 0,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: ({ signal }) => api.get<Person>(`/persons/${encodeURIComponent(id)}`, signal),
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

export function useAccessLog(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.accessLog(id),
    queryFn: ({ signal }) => api.get<Items<AccessLogEntry>>(`/persons/${encodeURIComponent(id)}/access-log`, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: keys.users,
    queryFn: ({ signal }) => api.get<Items<User>>('/users', signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useApiTokens(enabled = true) {
  return useQuery({
    queryKey: keys.apiTokens,
    queryFn: ({ signal }) => api.get<Items<ApiToken>>('/api-tokens', signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useSessions() {
  return useQuery({
    queryKey: keys.sessions,
    queryFn: ({ signal }) => api.get<Items<SessionItem>>('/session/sessions', signal),
    select: (d) => d.items,
  });
}
