import { Text } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useLanguages } from '../../api/queries';
import type { InterpretingRequest } from '../../api/interpreting';
import { formatEuro, formatInstant, type Charge } from '../../api/interpreting';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../labels';
import {
  ASSIGNMENT_STATUS_COLOR,
  assignmentStatusLabel,
  chargeLineLabel,
  outcomeLabel,
  REQUEST_STATUS_COLOR,
  requestStatusLabel,
} from '../../interpretingLabels';

/** Language names by code (from the reference list, in the active locale), with the variant. */
export function useLanguageName(): (code: string, variant?: string) => string {
  const { i18n } = useLingui();
  const languages = useLanguages(i18n.locale);
  const names = new Map((languages.data ?? []).map((l) => [l.code, l.name]));
  return (code, variant = '') => {
    const name = names.get(code) ?? code;
    return variant ? `${name} (${variant})` : name;
  };
}

/** The request's status in words (the colour only repeats it), with the outcome of a closed request. */
export function RequestStatus({ request }: { request: Pick<InterpretingRequest, 'status' | 'outcome'> }) {
  const { i18n } = useLingui();
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 4, minInlineSize: 'max-content' }}>
      <StatusBadge color={REQUEST_STATUS_COLOR[request.status] ?? 'gray'}>{requestStatusLabel(i18n, request.status)}</StatusBadge>
      {request.outcome && <Text size="sm">{outcomeLabel(i18n, request.outcome)}</Text>}
    </span>
  );
}

export function AssignmentStatus({ status }: { status: string }) {
  const { i18n } = useLingui();
  return (
    <span style={{ display: 'inline-flex', minInlineSize: 'max-content' }}>
      <StatusBadge color={ASSIGNMENT_STATUS_COLOR[status] ?? 'gray'}>{assignmentStatusLabel(i18n, status)}</StatusBadge>
    </span>
  );
}

/** When: the start (Belgian time) and expected duration, or the deadline of a translation. */
export function When({ request }: { request: Pick<InterpretingRequest, 'startsAt' | 'expectedMinutes' | 'deadline'> }) {
  const { t, i18n } = useLingui();
  if (request.startsAt) {
    const at = formatInstant(i18n.locale, request.startsAt);
    const minutes = request.expectedMinutes ?? 0;
    return <>{t`${at} (${minutes} min)`}</>;
  }
  if (request.deadline) {
    const date = formatDate(i18n.locale, request.deadline);
    return <>{t`Tegen ${date}`}</>;
  }
  return <>—</>;
}

/** A charge: the lines and the totals for the customer and the interpreter. */
export function ChargeSummary({ charge }: { charge: Charge }) {
  const { t, i18n } = useLingui();
  const customer = formatEuro(i18n.locale, charge.customerCents);
  const interpreter = formatEuro(i18n.locale, charge.interpreterCents);
  return (
    <div>
      <ul style={{ paddingInlineStart: '1.25rem', marginBlock: 4 }}>
        {charge.lines.map((line) => (
          <li key={line.code}>
            {chargeLineLabel(i18n, line.code)} ({line.quantity}): {formatEuro(i18n.locale, line.cents)}
          </li>
        ))}
      </ul>
      <Text size="sm" fw={600}>{t`Kost voor de klant: ${customer}`}</Text>
      <Text size="sm" fw={600}>{t`Vergoeding voor de tolk: ${interpreter}`}</Text>
    </div>
  );
}

/** Today in Belgium (YYYY-MM-DD). */
export function belgianToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
