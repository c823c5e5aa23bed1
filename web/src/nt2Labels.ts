import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** Translated labels for the closed lists of the NT2 API (issue 4): advice types, tests, statuses, … */

/** ENT-20 advice types. The API gives the Dutch label only; these are the same names in both languages. */
const ADVICE_TYPE_LABELS: Record<string, MessageDescriptor> = {
  'cbe-alfa-long': msg`CBE alfa (lang)`,
  'cbe-alfa-short': msg`CBE alfa (kort)`,
  'cbe-nt2': msg`CBE NT2`,
  'latin-script-cbe': msg`Latijns schrift (CBE)`,
  'latin-script-cvo': msg`Latijns schrift (CVO)`,
  'cvo-standard': msg`CVO standaard`,
  'cvo-extended': msg`CVO verlengd`,
  'cvo-utc-shortened': msg`CVO of UTC verkort`,
  other: msg`Andere`,
  'no-follow-up': msg`Zonder gevolg`,
};

const CONVERSATION_KIND_LABELS: Record<string, MessageDescriptor> = {
  'nt2-gesprek': msg`NT2-gesprek`,
  niveautest: msg`Niveautest (alleen een test)`,
};

const TEST_KIND_LABELS: Record<string, MessageDescriptor> = {
  covaar: msg`Covaartest (leervermogen)`,
  'cbe-entry': msg`CBE-instaptest (lezen en schrijven)`,
  'cvo-entry': msg`CVO-instaptest (bereikt niveau)`,
  'latin-script': msg`Test Latijns schrift`,
  'certifying-pre-screening': msg`Prescreening certificerende test`,
  'certifying-a1-a2': msg`Certificerende test A1-A2`,
  'certifying-b1-b2': msg`Certificerende test B1-B2`,
  'home-language-dutch': msg`Thuistaal Nederlands`,
};

const APTITUDE_LABELS: Record<string, MessageDescriptor> = {
  slow: msg`Traag`,
  average: msg`Gemiddeld`,
  fast: msg`Snel`,
};

const PLACEMENT_STATUS_LABELS: Record<string, MessageDescriptor> = {
  waiting: msg`Op de wachtlijst`,
  placed: msg`Toegewezen`,
  enrolled: msg`Ingeschreven`,
  closed: msg`Afgesloten`,
};

export const PLACEMENT_STATUS_COLOR: Record<string, string> = {
  waiting: 'yellow',
  placed: 'blue',
  enrolled: 'green',
  closed: 'gray',
};

const PROVIDER_KIND_LABELS: Record<string, MessageDescriptor> = {
  CBE: msg`CBE (Centrum voor Basiseducatie)`,
  CVO: msg`CVO (Centrum voor Volwassenenonderwijs)`,
  UTC: msg`UTC (Universitair Talencentrum)`,
  other: msg`Andere (Syntra, VDAB NT2, …)`,
};

const SKILL_LABELS: Record<string, MessageDescriptor> = {
  reading: msg`Lezen`,
  writing: msg`Schrijven`,
  listening: msg`Luisteren`,
  speaking: msg`Spreken`,
};

function label(map: Record<string, MessageDescriptor>, i18n: I18n, value: string): string {
  const descriptor = map[value];
  return descriptor ? i18n._(descriptor) : value;
}

export const adviceTypeLabel = (i18n: I18n, type: string) => label(ADVICE_TYPE_LABELS, i18n, type);
export const conversationKindLabel = (i18n: I18n, kind: string) => label(CONVERSATION_KIND_LABELS, i18n, kind);
export const testKindLabel = (i18n: I18n, kind: string) => label(TEST_KIND_LABELS, i18n, kind);
export const aptitudeLabel = (i18n: I18n, aptitude: string) => label(APTITUDE_LABELS, i18n, aptitude);
export const placementStatusLabel = (i18n: I18n, status: string) => label(PLACEMENT_STATUS_LABELS, i18n, status);
export const providerKindLabel = (i18n: I18n, kind: string) => label(PROVIDER_KIND_LABELS, i18n, kind);
export const skillLabel = (i18n: I18n, skill: string) => label(SKILL_LABELS, i18n, skill);

/** An advice's course length in words, e.g. "1140 lestijden" or "240 uur"; "geen vaste duur" without one. */
export function adviceLength(i18n: I18n, length: { amount: number; unit: 'lesson-periods' | 'hours' } | null): string {
  if (!length) return i18n._(msg`geen vaste duur`);
  const amount = length.amount;
  return length.unit === 'hours' ? i18n._(msg`${amount} uur`) : i18n._(msg`${amount} lestijden`);
}

/** ENT-20 target levels as the API states them (in English), in the reader's language. */
const TARGET_LEVEL_LABELS: Record<string, MessageDescriptor> = {
  'oral A2, reading and writing A1': msg`mondeling A2, lezen en schrijven A1`,
  'oral A2, written limited self-reliance': msg`mondeling A2, schriftelijk beperkte zelfredzaamheid`,
  'A2 oral and written': msg`A2 mondeling en schriftelijk`,
};
export const targetLevelLabel = (i18n: I18n, level: string) => label(TARGET_LEVEL_LABELS, i18n, level);

/** Operating regions (werkingsgebieden) as the API codes them; their names come from labels.ts. */
export const REGION_CODES = ['PA', 'ANT', 'LI', 'OV', 'GNT', 'VB', 'WV', 'BR'] as const;
