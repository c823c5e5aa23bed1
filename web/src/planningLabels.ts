import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** Translated labels for the closed lists of the MO planning API (issue 4). */

/** The operating regions of the MO planning (werkingsgebieden), as the API codes them. */
export const MO_REGIONS = ['ANT', 'GNT', 'PA', 'BR', 'LI', 'OV', 'VB', 'WV'] as const;
export const COURSE_FORMATS = ['classroom', 'digital', 'hybrid', 'blended', 'self-study'] as const;
export const MO_PROFILES = ['higher-education', 'working', 'not-working', 'illiterate'] as const;
export const COURSE_STATUSES = ['planned', 'running', 'completed', 'cancelled'] as const;
export const BOOKING_KINDS = ['test', 'exemption-test'] as const;

const FORMAT_LABELS: Record<string, MessageDescriptor> = {
  classroom: msg`Klassikaal`,
  digital: msg`Digitaal`,
  hybrid: msg`Hybride`,
  blended: msg`Gemengd (blended)`,
  'self-study': msg`Zelfstudie`,
};

const MO_PROFILE_LABELS: Record<string, MessageDescriptor> = {
  'higher-education': msg`Hoger opgeleid`,
  working: msg`Werkend`,
  'not-working': msg`Niet werkend`,
  illiterate: msg`Analfabeet`,
};

const COURSE_STATUS_LABELS: Record<string, MessageDescriptor> = {
  planned: msg`Gepland`,
  running: msg`Lopend`,
  completed: msg`Afgerond`,
  cancelled: msg`Geannuleerd`,
};

const SESSION_SLOT_LABELS: Record<string, MessageDescriptor> = {
  day: msg`Overdag`,
  evening: msg`Avond`,
  weekend: msg`Weekend`,
};

const ENROLMENT_STATUS_LABELS: Record<string, MessageDescriptor> = {
  enrolled: msg`Ingeschreven`,
  completed: msg`Afgerond`,
  'dropped-out': msg`Uitgevallen`,
};

const BOOKING_KIND_LABELS: Record<string, MessageDescriptor> = {
  test: msg`Toetsmoment`,
  'exemption-test': msg`Vrijstellingstest`,
};

const BOOKING_STATUS_LABELS: Record<string, MessageDescriptor> = {
  booked: msg`Geboekt`,
  cancelled: msg`Geannuleerd`,
  'no-show': msg`Niet opgedaagd`,
  taken: msg`Afgelegd`,
};

/** Status colours; the status is always written out too. */
export const COURSE_STATUS_COLOR: Record<string, string> = { planned: 'blue', running: 'green', completed: 'gray', cancelled: 'gray' };
export const ENROLMENT_STATUS_COLOR: Record<string, string> = { enrolled: 'green', completed: 'gray', 'dropped-out': 'orange' };
export const BOOKING_STATUS_COLOR: Record<string, string> = { booked: 'blue', cancelled: 'gray', 'no-show': 'orange', taken: 'green' };

function label(map: Record<string, MessageDescriptor>, i18n: I18n, value: string): string {
  const descriptor = map[value];
  return descriptor ? i18n._(descriptor) : value;
}

export const courseFormatLabel = (i18n: I18n, v: string) => label(FORMAT_LABELS, i18n, v);
export const moProfileLabel = (i18n: I18n, v: string) => label(MO_PROFILE_LABELS, i18n, v);
export const courseStatusLabel = (i18n: I18n, v: string) => label(COURSE_STATUS_LABELS, i18n, v);
export const sessionSlotLabel = (i18n: I18n, v: string) => label(SESSION_SLOT_LABELS, i18n, v);
export const enrolmentStatusLabel = (i18n: I18n, v: string) => label(ENROLMENT_STATUS_LABELS, i18n, v);
export const bookingKindLabel = (i18n: I18n, v: string) => label(BOOKING_KIND_LABELS, i18n, v);
export const bookingStatusLabel = (i18n: I18n, v: string) => label(BOOKING_STATUS_LABELS, i18n, v);

/** A moment in Belgian time (the courses and tests take place in Belgium), e.g. "4 mei 2026 09:00". */
export function formatBelgianDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

/** The Belgian wall-clock time of an instant, e.g. "09:00". */
export function formatBelgianTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

/** The weekday and date of an instant in Belgian time, e.g. "ma 4 mei 2026". */
export function formatBelgianDay(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}
