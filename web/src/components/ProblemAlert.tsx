import { Alert, List } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef } from 'react';
import { ApiError, TransportError } from '../api/client';

/** The plain-language message for an error: the API's (already translated) problem detail, or ours. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useLingui();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      // A validation problem's detail lists raw field names; its field messages are shown separately.
      if (error.code === 'validation' && error.fieldErrors.length > 0) return t`Controleer de gemarkeerde velden.`;
      return error.problem.detail || error.problem.title;
    }
    if (error instanceof TransportError) {
      return error.status === null
        ? t`De server is niet bereikbaar. Controleer de verbinding en probeer opnieuw.`
        : t`Er ging iets mis op de server. Probeer later opnieuw.`;
    }
    return t`Er ging iets onverwachts mis. Probeer opnieuw.`;
  };
}

interface ProblemAlertProps {
  error: unknown;
  /** Fields shown beside their inputs; errors for other fields are listed in the alert. */
  handledFields?: readonly string[];
  title?: string;
}

/** An alert (announced to screen readers) with the error's message and any field errors not shown elsewhere. */
export function ProblemAlert({ error, handledFields = [], title }: ProblemAlertProps) {
  const { t } = useLingui();
  const message = useErrorMessage();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  const extra = error instanceof ApiError ? error.fieldErrors.filter((e) => !handledFields.includes(e.field)) : [];
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      title={title ?? (error instanceof ApiError && error.problem.title ? error.problem.title : t`Dat lukte niet`)}
      role="alert"
      mb="md"
    >
      {message(error)}
      {extra.length > 0 && (
        <List size="sm" mt="xs">
          {extra.map((e) => (
            <List.Item key={`${e.field}:${e.code}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The message for one field from a problem's `errors[]`, to show beside the input. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = error.fieldErrors.filter((e) => e.field === field).map((e) => e.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}
