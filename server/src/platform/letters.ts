/**
 * Brieven — letters and messages to newcomers. The Dutch letter is always produced (the agency's
 * language); a second version follows in the first of the person's languages for which a
 * translation exists (server/locales/letters/<language>.po). Adding a language is adding a file.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { readPoCatalogue } from './i18n/i18n';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../locales/letters');

const catalogues = new Map<string, Map<string, string>>(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.po'))
    .map((f) => [f.slice(0, -3), readPoCatalogue(join(DIR, f))] as const),
);

/** Languages (ISO 639-1) with letter translations. */
export function letterLanguages(): string[] {
  return [...catalogues.keys()].sort();
}

export type LetterTemplate =
  | 'mo-course'
  | 'mo-test'
  // Short summaries under a Dutch document in the newcomer's portal (issue 6 §5); most languages have only these.
  | 'portal-contract'
  | 'portal-personal-plan'
  | 'portal-certificate'
  | 'portal-letter';

export interface LetterPart {
  language: string;
  /** Right-to-left scripts need the direction when shown or printed. */
  direction: 'ltr' | 'rtl';
  subject: string;
  body: string;
}

const RTL = new Set(['ar', 'fa', 'prs', 'he', 'ps', 'ur', 'ku']);

/** A calendar day (YYYY-MM-DD) in a letter: written as a date without a time. */
export interface CalendarDay {
  day: string;
}

/** Values a letter may use; moments are formatted in the letter's language, in Belgian time. */
export interface LetterValues {
  [key: string]: string | number | Date | CalendarDay;
}

/**
 * The Intl locale of a letter language: Dari is Afghan Persian; the Gregorian calendar and Western
 * digits always, because a Belgian appointment is dated so (fa and ps default to the solar calendar).
 */
const intlLocale = (language: string) => `${language === 'prs' ? 'fa-AF' : language}-u-ca-gregory-nu-latn`;

function format(language: string, values: LetterValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const locale = intlLocale(language);
  for (const [key, value] of Object.entries(values)) {
    if (value instanceof Date) out[key] = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(value);
    else if (typeof value === 'object') out[key] = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value.day}T12:00:00Z`));
    else out[key] = value;
  }
  return out;
}

/** Whether a language has a template: a catalogue may hold some letters only (the portal summaries, say). */
export function hasLetter(template: LetterTemplate, language: string): boolean {
  return catalogues.get(language)?.has(`letter.${template}.subject`) ?? false;
}

/** The name of a language (ISO 639-1) as written in `inLanguage`. */
export function languageNameIn(code: string, inLanguage: string): string {
  return new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'code' }).of(code) ?? code;
}

/**
 * The letter in Dutch, plus the first of `personLanguages` (ISO 639-1, most preferred first) that
 * has a translation. `language` in the values, if given as a code, is named in each letter's language.
 */
export function renderLetter(template: LetterTemplate, values: LetterValues & { languageCode?: string }, personLanguages: readonly string[]): LetterPart[] {
  const extra = personLanguages.find((l) => l !== 'nl' && hasLetter(template, l));
  return ['nl', ...(extra ? [extra] : [])].map((language) => renderLetterIn(template, values, language));
}

/** The letter in one language that has it (see hasLetter). */
export function renderLetterIn(template: LetterTemplate, values: LetterValues & { languageCode?: string }, language: string): LetterPart {
  const messages = catalogues.get(language)!;
  const { languageCode, ...rest } = values;
  const formatted = { ...format(language, rest), ...(languageCode ? { language: languageNameIn(languageCode, language) } : {}) };
  const text = (id: string) => new IntlMessageFormat(messages.get(`letter.${template}.${id}`) ?? '', intlLocale(language)).format(formatted) as string;
  return { language, direction: RTL.has(language) ? 'rtl' : 'ltr', subject: text('subject'), body: text('body') };
}
