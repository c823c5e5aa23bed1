import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import { ApiError, NetworkError } from '../api';
import { Icon } from './Icon';

/** Problem codes the portal words itself; any other problem shows the server's translated detail. */
const PROBLEM_TEXT: Record<string, MessageDescriptor> = {
  'login-code-invalid': msg`Deze code klopt niet of is niet meer geldig. Vraag een nieuwe code.`,
  'too-many-requests': msg`Te veel pogingen. Wacht een paar minuten en probeer dan opnieuw.`,
  unauthenticated: msg`Je bent niet meer aangemeld. Meld je opnieuw aan.`,
  'session-expired': msg`Je bent niet meer aangemeld. Meld je opnieuw aan.`,
  csrf: msg`Je bent niet meer aangemeld. Meld je opnieuw aan.`,
  'not-found': msg`Dit bestaat niet (meer). Ververs de pagina.`,
  'upload-too-large': msg`Dit bestand is te groot. Kies een kleiner bestand of neem een nieuwe foto.`,
  'payload-too-large': msg`Dit bestand is te groot. Kies een kleiner bestand of neem een nieuwe foto.`,
  'upload-type-not-allowed': msg`Dit soort bestand kan niet. Kies een foto (JPG, PNG, HEIC of WebP) of een PDF.`,
  'unsupported-media-type': msg`Dit soort bestand kan niet. Kies een foto (JPG, PNG, HEIC of WebP) of een PDF.`,
  'upload-malformed': msg`Dit bestand is beschadigd. Probeer een ander bestand.`,
  'upload-infected': msg`Dit bestand is niet veilig en is geweigerd. Kies een ander bestand.`,
  'upload-scan-unavailable': msg`We kunnen je bestand nu niet controleren. Probeer het later opnieuw.`,
  'mail-unavailable': msg`We kunnen nu geen e-mail sturen. Probeer het later opnieuw.`,
};

/** The words for an error of a call: the portal's own sentence when it knows the code. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useLingui();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      const own = PROBLEM_TEXT[error.code];
      if (own) return t(own);
      if (error.problem.detail) return error.problem.detail;
      return t`Er ging iets mis. Probeer het later opnieuw.`;
    }
    if (error instanceof NetworkError && error.status === null) {
      return t`Geen verbinding. Kijk of je internet hebt en probeer opnieuw.`;
    }
    return t`Er ging iets mis. Probeer het later opnieuw.`;
  };
}

/** An error, announced to screen readers as soon as it appears (role=alert). */
export function ErrorAlert({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  const { t } = useLingui();
  return (
    <div className="alert alert-error" role="alert">
      <Icon name="alert" />
      <div>
        <p>{children}</p>
        {onRetry ? (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t`Opnieuw proberen`}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** A confirmation, read out politely (role=status). */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-ok" role="status">
      <Icon name="check" />
      <p>{children}</p>
    </div>
  );
}

export function Loading() {
  const { t } = useLingui();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t`Laden…`}
    </p>
  );
}
