import { useNavigate, type NavigateOptions } from '@tanstack/react-router';
import { useLayoutEffect, useRef } from 'react';

/**
 * Navigates once, on mount (replacing the history entry). Unlike the router's <Navigate>, it does not
 * navigate again when its parent re-renders during the transition, which would loop.
 */
export function Redirect(props: NavigateOptions) {
  const navigate = useNavigate();
  const target = useRef(props);
  const done = useRef(false);
  useLayoutEffect(() => {
    if (done.current) return;
    done.current = true;
    void navigate({ ...target.current, replace: true });
  }, [navigate]);
  return null;
}
