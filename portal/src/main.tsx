import './portal.css';
import { I18nProvider } from '@lingui/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { portalApi } from './api';
import { App, type InitialSession } from './App';
import { activateLocale, i18n, initialLocale } from './i18n';
import { adoptSessionLocale } from './session';

/**
 * Boot: the session and the first language's catalogue are fetched together, then the portal renders
 * once, already in the right language (no flash of Dutch for an Arabic reader).
 */
function takeSignInError(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('signInError');
  if (code === null) return null;
  // Shown once: a reload or a bookmark does not repeat an old sign-in failure.
  url.searchParams.delete('signInError');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  return code;
}

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  const signInError = takeSignInError();

  const sessionPromise = portalApi.me().then(
    (me): InitialSession => ({ me }),
    (error: unknown): InitialSession => ({ error }),
  );
  await activateLocale(initialLocale()).catch(() => activateLocale('nl'));
  const initial = await sessionPromise;
  if ('me' in initial && initial.me) await adoptSessionLocale(initial.me).catch(() => undefined);

  createRoot(container).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App initial={initial} signInError={signInError} />
      </I18nProvider>
    </StrictMode>,
  );
}

void boot();
