import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** Translated labels for the closed lists of the newcomer portal's staff API (issue 6). */

const TASK_KIND_LABELS: Record<string, MessageDescriptor> = {
  'register-employment-service': msg`Inschrijving bij VDAB of Actiris`,
  'upload-participation-proof': msg`Bewijs van participatie`,
  'choose-participation-activity': msg`Participatieactiviteit kiezen`,
  other: msg`Andere taak`,
};

const TASK_STATUS_LABELS: Record<string, MessageDescriptor> = {
  open: msg`Te doen door de nieuwkomer`,
  submitted: msg`Ingediend, na te kijken`,
  accepted: msg`Aanvaard`,
  rejected: msg`Geweigerd`,
};

/** Status colours; the status is always written out too. */
export const TASK_STATUS_COLOR: Record<string, string> = { open: 'gray', submitted: 'orange', accepted: 'green', rejected: 'red' };

const APPOINTMENT_KIND_LABELS: Record<string, MessageDescriptor> = {
  intake: msg`Intakegesprek`,
  'course-session': msg`Les maatschappelijke oriëntatie`,
  test: msg`Test maatschappelijke oriëntatie`,
  'nt2-conversation': msg`NT2-gesprek`,
  'nt2-start': msg`Start NT2-cursus`,
};

const CHANGE_REQUEST_STATUS_LABELS: Record<string, MessageDescriptor> = {
  pending: msg`Openstaand`,
  handled: msg`Afgehandeld`,
};

export const CHANGE_REQUEST_STATUS_COLOR: Record<string, string> = { pending: 'orange', handled: 'green' };

function label(map: Record<string, MessageDescriptor>, i18n: I18n, value: string): string {
  const descriptor = map[value];
  return descriptor ? i18n._(descriptor) : value;
}

export const taskKindLabel = (i18n: I18n, v: string) => label(TASK_KIND_LABELS, i18n, v);
export const taskStatusLabel = (i18n: I18n, v: string) => label(TASK_STATUS_LABELS, i18n, v);
export const appointmentKindLabel = (i18n: I18n, v: string) => label(APPOINTMENT_KIND_LABELS, i18n, v);
export const changeRequestStatusLabel = (i18n: I18n, v: string) => label(CHANGE_REQUEST_STATUS_LABELS, i18n, v);

/** A file size in the locale's notation: "820 B", "183 kB", "2,4 MB". */
export function formatFileSize(locale: string, bytes: number): string {
  const intl = locale === 'en' ? 'en-GB' : locale === 'fr' ? 'fr-BE' : 'nl-BE';
  const unit = (value: number, u: 'byte' | 'kilobyte' | 'megabyte', digits: number) =>
    new Intl.NumberFormat(intl, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (bytes < 1000) return unit(bytes, 'byte', 0);
  if (bytes < 1_000_000) return unit(bytes / 1000, 'kilobyte', 0);
  return unit(bytes / 1_000_000, 'megabyte', 1);
}
