import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/**
 * A very small router over the History API: five pages do not need a routing library. Paths are
 * below the base `/portal/`; the server answers index.html for every `/portal/…` path.
 */
export const BASE = '/portal/';

export const ROUTES = ['trajectory', 'appointments', 'tasks', 'documents', 'access-log'] as const;
export type Route = (typeof ROUTES)[number] | 'not-found';

const PATHS: Record<(typeof ROUTES)[number], string> = {
  trajectory: BASE,
  appointments: `${BASE}appointments`,
  tasks: `${BASE}tasks`,
  documents: `${BASE}documents`,
  'access-log': `${BASE}access-log`,
};

export function pathOf(route: (typeof ROUTES)[number]): string {
  return PATHS[route];
}

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') + '/';
  if (path === BASE || path === '/portal/index.html/') return 'trajectory';
  for (const route of ROUTES) {
    if (route !== 'trajectory' && path === `${PATHS[route]}/`) return route;
  }
  return 'not-found';
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

/** The current path; re-renders on navigation and on the browser's back and forward buttons. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  children: ReactNode;
}

/** An ordinary link (works without JavaScript tricks: open in new tab, copy) that navigates in place. */
export function Link({ to, children, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (to !== window.location.pathname) navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
