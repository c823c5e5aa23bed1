import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading'; data: T | undefined; error: null }
  | { state: 'ready'; data: T; error: null }
  | { state: 'error'; data: T | undefined; error: unknown };

/**
 * Loads one API resource for a page: loading, data or error, and `reload` (after a change or for
 * "try again"). A reload keeps showing the previous data while the new answer comes.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[] = []) {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading', data: undefined, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource((previous) => ({ state: 'loading', data: previous.data, error: null }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: 'ready', data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource((previous) => ({ state: 'error', data: previous.data, error }));
      },
    );
    return () => controller.abort();
    // `load` is a new function on every render; `deps` and `generation` decide when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation, ...deps]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...resource, reload } as Resource<T> & { reload: () => void };
}
