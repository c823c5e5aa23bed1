import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { portalApi } from '../api';
import { ErrorAlert, useErrorText } from '../components/Alert';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { Page } from '../components/Page';
import type { Locale } from '../i18n';
import { useResource } from '../useResource';

/** The `?signInError=` codes the OpenID Connect callback redirects with (contract). */
const SIGN_IN_ERRORS: Record<string, MessageDescriptor> = {
  'oidc-failed': msg`Aanmelden met itsme of eID is niet gelukt. Probeer opnieuw, of meld je aan met een code via e-mail.`,
  'oidc-replayed': msg`Deze aanmelding is verlopen of al gebruikt. Probeer opnieuw.`,
  'no-portal-account': msg`We vinden geen toegang tot het portaal voor jou. Vraag je begeleider om je toegang te geven.`,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The code's digits. Phones with an Arabic, Dari or Pashto keyboard type Arabic-Indic (٠–٩) or
 * Persian (۰–۹) digits: they count as 0–9. Spaces and dashes are left out.
 */
export function codeDigits(input: string): string {
  return input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\D/g, '');
}

interface Props {
  locale: Locale;
  signInError: string | null;
  sessionEnded: boolean;
  onSignedIn: () => Promise<void>;
}

export function SignInPage({ locale, signInError, sessionEnded, onSignedIn }: Props) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const options = useResource((signal) => portalApi.authOptions(signal));
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const shownStep = useRef(step);

  // When the step changes, the person types in the new field next: focus goes there (not on the first render).
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    (step === 'code' ? codeInput : emailInput).current?.focus();
  }, [step]);

  const sendCode = async (event?: FormEvent) => {
    event?.preventDefault();
    const address = email.trim();
    setError(null);
    if (!address) {
      setFieldError(t`Vul je e-mailadres in.`);
      emailInput.current?.focus();
      return;
    }
    if (!EMAIL.test(address)) {
      setFieldError(t`Dit e-mailadres is niet juist. Kijk het na.`);
      emailInput.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      await portalApi.requestEmailCode(address, locale);
      setCode('');
      if (step === 'code') codeInput.current?.focus();
      setStep('code');
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    const digits = codeDigits(code);
    setError(null);
    if (digits.length !== 6) {
      setFieldError(t`Vul de 6 cijfers van de code in.`);
      codeInput.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      await portalApi.verifyEmailCode(email.trim(), digits);
      // On success this page makes way for the portal; if reading the session fails, the error shows here.
      await onSignedIn();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const oidc = options.state === 'ready' && options.data.oidc.enabled ? options.data.oidc : null;
  const redirectError = signInError ? (SIGN_IN_ERRORS[signInError] ?? msg`Aanmelden is niet gelukt. Probeer opnieuw.`) : null;

  return (
    <Page title={t`Aanmelden`} icon="key" intro={<p>{t`Meld je aan om je traject, je afspraken en je taken te zien.`}</p>}>
      {sessionEnded ? <ErrorAlert>{t`Je bent afgemeld omdat je een tijd niets deed. Meld je opnieuw aan.`}</ErrorAlert> : null}
      {redirectError ? <ErrorAlert>{t(redirectError)}</ErrorAlert> : null}

      {oidc ? (
        <section className="card" aria-labelledby="sign-in-oidc">
          <h2 id="sign-in-oidc" className="card-title">
            {t`Met itsme of je identiteitskaart`}
          </h2>
          <a className="button button-primary button-wide" href={portalApi.oidcStartUrl(locale)}>
            {oidc.label ? t`Aanmelden met ${oidc.label}` : t`Aanmelden met itsme of eID`}
          </a>
        </section>
      ) : null}

      <section className="card" aria-labelledby="sign-in-code">
        <h2 id="sign-in-code" className="card-title">
          <Icon name="mail" />
          <span>{t`Met een code via e-mail`}</span>
        </h2>
        {step === 'email' ? (
          <form onSubmit={sendCode} noValidate>
            <p>{t`Je krijgt een code van 6 cijfers in je e-mail.`}</p>
            <Field label={t`Je e-mailadres`} error={fieldError}>
              <input
                ref={emailInput}
                type="email"
                name="email"
                autoComplete="email"
                inputMode="email"
                dir="ltr"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                required
              />
            </Field>
            {error ? <ErrorAlert>{errorText(error)}</ErrorAlert> : null}
            <button type="submit" className="button button-primary button-wide" disabled={busy}>
              {busy ? t`Even geduld…` : t`Stuur mij een code`}
            </button>
          </form>
        ) : (
          <form onSubmit={verify} noValidate>
            <p role="status">
              {t`Als we dit e-mailadres kennen, krijg je nu een e-mail met een code:`} <bdi dir="ltr">{email.trim()}</bdi>
            </p>
            <p>{t`De code is 10 minuten geldig. Geen e-mail? Kijk ook bij spam.`}</p>
            <Field label={t`Code uit de e-mail (6 cijfers)`} error={fieldError}>
              <input
                ref={codeInput}
                type="text"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                dir="ltr"
                maxLength={12}
                className="input-code"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                required
              />
            </Field>
            {error ? <ErrorAlert>{errorText(error)}</ErrorAlert> : null}
            <button type="submit" className="button button-primary button-wide" disabled={busy}>
              {busy ? t`Even geduld…` : t`Aanmelden`}
            </button>
            <div className="button-row">
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => void sendCode()}>
                {t`Stuur een nieuwe code`}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => {
                  setStep('email');
                  setError(null);
                  setFieldError(null);
                }}
              >
                {t`Ander e-mailadres`}
              </button>
            </div>
          </form>
        )}
      </section>
      <p className="muted">{t`Nog geen toegang? Je begeleider kan je toegang geven.`}</p>
    </Page>
  );
}
