import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** Translated labels of the interpreting API's closed lists (issue 5). */

function label(labels: Record<string, MessageDescriptor>, i18n: I18n, value: string): string {
  const descriptor = labels[value];
  return descriptor ? i18n._(descriptor) : value;
}

const CHANNEL_LABELS: Record<string, MessageDescriptor> = {
  'on-site': msg`Ter plaatse`,
  phone: msg`Telefonisch`,
  video: msg`Via video`,
  translation: msg`Schriftelijke vertaling`,
};

const LANGUAGE_STATUS_LABELS: Record<string, MessageDescriptor> = {
  certified: msg`Gecertificeerd`,
  sworn: msg`Beëdigd`,
  'in-training': msg`In opleiding`,
  crisis: msg`Crisistolk`,
  'language-helper': msg`Taalhelper`,
};

const SECTOR_LABELS: Record<string, MessageDescriptor> = {
  health: msg`Gezondheidszorg`,
  education: msg`Onderwijs`,
  welfare: msg`Welzijn`,
  'public-service': msg`Openbare dienst`,
  'justice-police': msg`Justitie en politie`,
  integration: msg`Inburgering en integratie`,
  employment: msg`Werk`,
  housing: msg`Wonen`,
  other: msg`Andere sector`,
};

const REQUEST_STATUS_LABELS: Record<string, MessageDescriptor> = {
  open: msg`Open`,
  assigned: msg`Toegewezen aan een tolk`,
  completed: msg`Uitgevoerd`,
  'not-completed': msg`Niet uitgevoerd`,
  'not-answered': msg`Niet beantwoord`,
};

export const REQUEST_STATUS_COLOR: Record<string, string> = {
  open: 'blue',
  assigned: 'teal',
  completed: 'green',
  'not-completed': 'orange',
  'not-answered': 'gray',
};

const TABLE_ROW_LABELS: Record<string, MessageDescriptor> = {
  completed: msg`Beantwoord – uitgevoerd`,
  'not-completed': msg`Beantwoord – niet uitgevoerd`,
  'not-answered-unavailable': msg`Niet beantwoord – geen tolk beschikbaar`,
  'not-answered-other': msg`Niet beantwoord – andere reden`,
  'in-progress': msg`In behandeling`,
};

const OUTCOME_LABELS: Record<string, MessageDescriptor> = {
  'cancelled-on-time': msg`Tijdig geannuleerd (kosteloos)`,
  'cancelled-late': msg`Laattijdig geannuleerd (annulatiekost)`,
  other: msg`Afgesloten: andere reden`,
  'interpreter-unavailable': msg`Geen tolk beschikbaar`,
  'language-unavailable': msg`Taal niet beschikbaar`,
};

const NOT_ANSWERED_REASON_LABELS: Record<string, MessageDescriptor> = {
  'interpreter-unavailable': msg`Geen tolk beschikbaar`,
  'language-unavailable': msg`Taal niet beschikbaar`,
  other: msg`Andere reden`,
};

const EXCLUSION_LABELS: Record<string, MessageDescriptor> = {
  language: msg`Spreekt de taal of variant niet`,
  status: msg`Statuut past niet (gevoelig gesprek: gecertificeerd nodig, R-26)`,
  channel: msg`Werkt niet via dit kanaal`,
  'outside-availability': msg`Buiten de beschikbaarheid`,
  absent: msg`Afwezig`,
  overlap: msg`Heeft dan al een opdracht`,
  'too-far': msg`Te ver weg`,
};

const ASSIGNMENT_STATUS_LABELS: Record<string, MessageDescriptor> = {
  offered: msg`Aangeboden`,
  accepted: msg`Aanvaard`,
  declined: msg`Geweigerd door de tolk`,
  completed: msg`Uitgevoerd`,
  cancelled: msg`Geannuleerd`,
  withdrawn: msg`Aanbod ingetrokken`,
};

export const ASSIGNMENT_STATUS_COLOR: Record<string, string> = {
  offered: 'blue',
  accepted: 'teal',
  declined: 'gray',
  completed: 'green',
  cancelled: 'orange',
  withdrawn: 'gray',
};

const CHARGE_LINE_LABELS: Record<string, MessageDescriptor> = {
  'first-hour': msg`Eerste uur`,
  quarters: msg`Begonnen kwartieren`,
  transport: msg`Verplaatsing (km)`,
  'late-cancellation': msg`Laattijdige annulatie`,
  'ukraine-funded': msg`Gefinancierd (crisis Oekraïne)`,
};

const WEEKDAY_LABELS: Record<string, MessageDescriptor> = {
  '1': msg`maandag`,
  '2': msg`dinsdag`,
  '3': msg`woensdag`,
  '4': msg`donderdag`,
  '5': msg`vrijdag`,
  '6': msg`zaterdag`,
  '7': msg`zondag`,
};

export const channelLabel = (i18n: I18n, v: string) => label(CHANNEL_LABELS, i18n, v);
export const languageStatusLabel = (i18n: I18n, v: string) => label(LANGUAGE_STATUS_LABELS, i18n, v);
export const sectorLabel = (i18n: I18n, v: string) => label(SECTOR_LABELS, i18n, v);
export const requestStatusLabel = (i18n: I18n, v: string) => label(REQUEST_STATUS_LABELS, i18n, v);
export const tableRowLabel = (i18n: I18n, v: string) => label(TABLE_ROW_LABELS, i18n, v);
export const outcomeLabel = (i18n: I18n, v: string) => label(OUTCOME_LABELS, i18n, v);
export const notAnsweredReasonLabel = (i18n: I18n, v: string) => label(NOT_ANSWERED_REASON_LABELS, i18n, v);
export const exclusionLabel = (i18n: I18n, v: string) => label(EXCLUSION_LABELS, i18n, v);
export const assignmentStatusLabel = (i18n: I18n, v: string) => label(ASSIGNMENT_STATUS_LABELS, i18n, v);
export const chargeLineLabel = (i18n: I18n, v: string) => label(CHARGE_LINE_LABELS, i18n, v);
export const weekdayLabel = (i18n: I18n, v: number) => label(WEEKDAY_LABELS, i18n, String(v));

/** A ranking reason in words, e.g. "Op 3,2 km" or "Betrouwbaarheid 95 %". */
export function reasonText(i18n: I18n, reason: { code: string; points: number; value?: number | undefined }): string {
  const nf = (n: number, digits = 1) => new Intl.NumberFormat(i18n.locale === 'en' ? 'en-GB' : i18n.locale === 'fr' ? 'fr-BE' : 'nl-BE', { maximumFractionDigits: digits }).format(n);
  const value = reason.value ?? 0;
  switch (reason.code) {
    case 'variant-match':
      return i18n._(msg`Spreekt de gevraagde variant`);
    case 'variant-general':
      return i18n._(msg`Spreekt de taal, niet specifiek de variant`);
    case 'certified':
      return i18n._(msg`Gecertificeerd of beëdigd`);
    case 'distance': {
      const km = nf(value);
      return i18n._(msg`Op ${km} km`);
    }
    case 'same-region':
      return i18n._(msg`Zelfde regio`);
    case 'fair-spread': {
      const hours = nf(value / 60);
      return i18n._(msg`Spreiding: ${hours} uur deze maand`);
    }
    case 'reliability': {
      const percent = nf(value * 100, 0);
      return i18n._(msg`Betrouwbaarheid ${percent} %`);
    }
    default:
      return reason.code;
  }
}
