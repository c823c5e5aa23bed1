import { useLingui } from '@lingui/react/macro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { onSignedOut, portalApi, type Me } from './api';
import { ErrorAlert, Loading, useErrorText } from './components/Alert';
import { Icon, type IconName } from './components/Icon';
import { LanguagePicker } from './components/LanguagePicker';
import { ReadAloud } from './components/ReadAloud';
import { activateLocale, currentLocale, rememberChoice, type Locale } from './i18n';
import { AccessLogPage } from './pages/AccessLogPage';
import { AppointmentsPage } from './pages/AppointmentsPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { TasksPage } from './pages/TasksPage';
import { TrajectoryPage } from './pages/TrajectoryPage';
import { Link, navigate, pathOf, routeOf, usePathname, BASE, ROUTES } from './router';
import { adoptSessionLocale } from './session';

/** What the boot found: a session, none, or no answer (offline). */
export type InitialSession = { me: Me | null } | { error: unknown };

const NAV_ICONS: Record<(typeof ROUTES)[number], IconName> = {
  trajectory: 'route',
  appointments: 'calendar',
  tasks: 'tasks',
  documents: 'document',
  'access-log': 'eye',
};

export function App({ initial, signInError: initialSignInError }: { initial: InitialSession; signInError: string | null }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const [me, setMe] = useState<Me | null | undefined>('me' in initial ? initial.me : undefined);
  const [bootError, setBootError] = useState<unknown>('error' in initial ? initial.error : null);
  const [sessionEnded, setSessionEnded] = useState(false);
  // The `?signInError=` of the OpenID Connect callback, shown until the next sign-in or sign-out.
  const [signInError, setSignInError] = useState(initialSignInError);
  const [locale, setLocale] = useState<Locale>(currentLocale());
  const [switching, setSwitching] = useState(false);
  const pathname = usePathname();
  const route = routeOf(pathname);

  // A 401 from any call: the session ended (idle or absolute timeout); back to sign-in, same page after.
  const meRef = useRef(me);
  meRef.current = me;
  useEffect(
    () =>
      onSignedOut(() => {
        if (meRef.current) setSessionEnded(true);
        setMe(null);
      }),
    [],
  );

  /** Reads the session (after a sign-in, or to retry the boot); throws when there is no answer. */
  const loadSession = useCallback(async () => {
    const found = await portalApi.me();
    if (found) {
      await adoptSessionLocale(found);
      setSignInError(null);
      setSessionEnded(false);
    }
    setLocale(currentLocale());
    setMe(found);
  }, []);

  const retryBoot = async () => {
    setBootError(null);
    await loadSession().catch((error: unknown) => setBootError(error));
  };

  const changeLocale = async (next: Locale) => {
    setSwitching(true);
    try {
      await activateLocale(next);
      setLocale(next);
      rememberChoice(next, !me);
      // Signed in: the account keeps the language (letters, e-mails, the next visit). Failing to save
      // does not undo the choice on this phone.
      if (me) await portalApi.setLocale(next).catch(() => undefined);
    } catch {
      // The catalogue could not be fetched (offline): stay in the current language.
    } finally {
      setSwitching(false);
    }
  };

  const signOut = async () => {
    await portalApi.signOut().catch(() => undefined);
    setSessionEnded(false);
    setSignInError(null);
    setMe(null);
    navigate(BASE);
  };

  // After a navigation, focus goes to the new page's heading (not on the first load).
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.getElementById('page-title')?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  let content;
  if (me === undefined) {
    content = bootError ? (
      <ErrorAlert onRetry={() => void retryBoot()}>{errorText(bootError)}</ErrorAlert>
    ) : (
      <Loading />
    );
  } else if (me === null) {
    content = <SignInPage locale={locale} signInError={signInError} sessionEnded={sessionEnded} onSignedIn={loadSession} />;
  } else {
    switch (route) {
      case 'trajectory':
        content = <TrajectoryPage locale={locale} givenName={me.givenName} />;
        break;
      case 'appointments':
        content = <AppointmentsPage locale={locale} />;
        break;
      case 'tasks':
        content = <TasksPage locale={locale} />;
        break;
      case 'documents':
        content = <DocumentsPage locale={locale} />;
        break;
      case 'access-log':
        content = <AccessLogPage locale={locale} />;
        break;
      default:
        content = <NotFoundPage />;
    }
  }

  const navLabels: Record<(typeof ROUTES)[number], string> = {
    trajectory: t`Mijn traject`,
    appointments: t`Afspraken`,
    tasks: t`Taken`,
    documents: t`Documenten`,
    'access-log': t`Wie bekeek mijn gegevens?`,
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t`Naar de inhoud`}
      </a>
      <header className="site-header">
        <div className="bar">
          {me ? (
            <Link className="brand" to={pathOf('trajectory')}>
              <Icon name="route" size={28} />
              <span>{t`Mijn inburgering`}</span>
            </Link>
          ) : (
            <p className="brand">
              <Icon name="route" size={28} />
              <span>{t`Mijn inburgering`}</span>
            </p>
          )}
          <div className="tools">
            <LanguagePicker value={locale} onChange={(next) => void changeLocale(next)} busy={switching} />
            <ReadAloud locale={locale} />
            {me ? (
              <button type="button" className="button button-ghost" onClick={() => void signOut()}>
                <Icon name="signOut" />
                <span>{t`Afmelden`}</span>
              </button>
            ) : null}
          </div>
        </div>
        {me ? (
          <nav className="site-nav" aria-label={t`Menu`}>
            <ul>
              {ROUTES.map((r) => (
                <li key={r}>
                  <Link to={pathOf(r)} aria-current={route === r ? 'page' : undefined}>
                    <Icon name={NAV_ICONS[r]} />
                    <span>{navLabels[r]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <footer className="site-footer">
        <p>{t`Hulp nodig? Vraag het aan je begeleider.`}</p>
      </footer>
    </>
  );
}
