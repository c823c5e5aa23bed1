import { QueryClient } from '@tanstack/react-query';
import { isApiError, onUnauthenticated } from './api/client';
import { keys } from './api/queries';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Problems (4xx) are answers, not glitches: do not retry them.
      retry: (failureCount, error) => !isApiError(error) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// When the session ends (expired, revoked elsewhere), forget it; the layout then shows sign-in.
onUnauthenticated(() => {
  queryClient.setQueryData(keys.session, null);
});
