import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** Translated labels for the closed lists of the API (roles, purposes, sex, …). */

const ROLE_LABELS: Record<string, MessageDescriptor> = {
  'intake-officer': msg`Trajectbepaler`,
  'case-worker': msg`Trajectbegeleider`,
  'dutch-learning-consultant': msg`Consulent Nederlands leren`,
  'course-teacher': msg`Leerkracht maatschappelijke oriëntatie`,
  'test-centre-staff': msg`Medewerker testcentrum`,
  'course-planner': msg`Planner cursussen en testen`,
  'course-provider': msg`Medewerker onderwijsverstrekker`,
  'interpreting-customer': msg`Aanvrager sociaal tolken en vertalen`,
  interpreter: msg`Sociaal tolk of vertaler`,
  'interpreting-desk': msg`Dienst sociaal tolken en vertalen`,
  'partner-user': msg`Medewerker partnerorganisatie`,
  manager: msg`Leidinggevende`,
  'enforcement-officer': msg`Handhavingsambtenaar`,
  'data-protection-officer': msg`Functionaris voor gegevensbescherming`,
  administrator: msg`Beheerder`,
};

const PURPOSE_LABELS: Record<string, MessageDescriptor> = {
  intake: msg`Trajectbepaling`,
  'trajectory-guidance': msg`Trajectbegeleiding`,
  'course-planning': msg`Cursus- en testplanning`,
  'dutch-learning': msg`Nederlands leren`,
  interpreting: msg`Sociaal tolken en vertalen`,
  'partner-cooperation': msg`Samenwerking met partners`,
  enforcement: msg`Handhaving`,
  'management-reporting': msg`Beleidsinformatie`,
  'data-protection-review': msg`Toezicht gegevensbescherming`,
  administration: msg`Beheer`,
  'own-data': msg`Inzage door de persoon zelf`,
};

const SEX_LABELS: Record<string, MessageDescriptor> = {
  female: msg`Vrouw`,
  male: msg`Man`,
  x: msg`X`,
};

/** Operating regions (werkingsgebieden) as the API codes them. */
const REGION_LABELS: Record<string, MessageDescriptor> = {
  PA: msg`Provincie Antwerpen`,
  BR: msg`Brussel`,
  LI: msg`Limburg`,
  OV: msg`Oost-Vlaanderen`,
  VB: msg`Vlaams-Brabant`,
  WV: msg`West-Vlaanderen`,
  ANT: msg`Stad Antwerpen`,
  GNT: msg`Stad Gent`,
};

const DUPLICATE_REASON_LABELS: Record<string, MessageDescriptor> = {
  'same-insz': msg`Zelfde INSZ`,
  'same-birth-date-similar-name': msg`Zelfde geboortedatum en gelijkaardige naam`,
};

const ACTION_LABELS: Record<string, MessageDescriptor> = {
  read: msg`Geraadpleegd`,
  create: msg`Aangemaakt`,
  update: msg`Gewijzigd`,
  merge: msg`Samengevoegd`,
  unmerge: msg`Samenvoeging ongedaan gemaakt`,
  search: msg`Gezocht`,
  export: msg`Geëxporteerd`,
};

const ORGANISATION_KIND_LABELS: Record<string, MessageDescriptor> = {
  agency: msg`Agentschap`,
  partner: msg`Partner`,
};

function label(map: Record<string, MessageDescriptor>, i18n: I18n, value: string): string {
  const descriptor = map[value];
  return descriptor ? i18n._(descriptor) : value;
}

export const roleLabel = (i18n: I18n, role: string) => label(ROLE_LABELS, i18n, role);
export const purposeLabel = (i18n: I18n, purpose: string) => label(PURPOSE_LABELS, i18n, purpose);
export const sexLabel = (i18n: I18n, sex: string) => label(SEX_LABELS, i18n, sex);
export const regionLabel = (i18n: I18n, region: string) => label(REGION_LABELS, i18n, region);
export const duplicateReasonLabel = (i18n: I18n, reason: string) => label(DUPLICATE_REASON_LABELS, i18n, reason);
export const actionLabel = (i18n: I18n, action: string) => label(ACTION_LABELS, i18n, action);
export const organisationKindLabel = (i18n: I18n, kind: string) => label(ORGANISATION_KIND_LABELS, i18n, kind);

/** Country names come from the browser's Intl data, in the active locale. */
export function countryName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function formatDate(locale: string, isoDate: string | null): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale === 'fr' ? 'fr-BE' : 'nl-BE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatDateTime(locale: string, iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale === 'fr' ? 'fr-BE' : 'nl-BE', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The API's script names mapped to ISO 15924 codes, whose names come from the browser's Intl data. */
const SCRIPT_CODES: Record<string, string> = {
  latin: 'Latn',
  arabic: 'Arab',
  cyrillic: 'Cyrl',
  ethiopic: 'Ethi',
  greek: 'Grek',
  armenian: 'Armn',
  georgian: 'Geor',
  han: 'Hani',
};

export function scriptName(i18n: I18n, script: string): string {
  const code = SCRIPT_CODES[script];
  if (!code) return i18n._(msg`Ander schrift`);
  try {
    const name = new Intl.DisplayNames([i18n.locale], { type: 'script' }).of(code) ?? script;
    return name.charAt(0).toLocaleUpperCase(i18n.locale) + name.slice(1);
  } catch {
    return script;
  }
}

/** The agencies' proper names (not translated). */
const AGENCY_NAMES: Record<string, string> = {
  agii: 'Agentschap Integratie en Inburgering',
  atlas: 'Atlas, integratie & inburgering Antwerpen',
  'in-gent': 'IN-Gent',
  bon: 'Brusselwerking Bon',
};

export function agencyName(code: string): string {
  return AGENCY_NAMES[code] ?? code;
}
