/**
 * Brieven — letters and messages to newcomers. The Dutch letter is always produced (the agency's
 * language); a second version follows in the first of the person's languages for which a
 * translation exists (server/locales/letters/<language>.po). Adding a language is adding a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { po as poParser } from 'gettext-parser';
import { IntlMessageFormat } from 'intl-messageformat';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../locales/letters');

const catalogues = new Map<string, Map<string, string>>(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.po'))
    .map((f) => {
      const po = poParser.parse(readFileSync(join(DIR, f)));
      const messages = new Map<string, string>();
      for (const context of Object.values(po.translations)) {
        for (const [id, entry] of Object.entries(context)) if (id && entry.msgstr[0]) messages.set(id, entry.msgstr[0]);
      }
      return [f.slice(0, -3), messages] as const;
    }),
);

/** Languages (ISO 639-1) with letter translations. */
export function letterLanguages(): string[] {
  return [...catalogues.keys()].sort();
}

export type LetterTemplate = 'mo-course' | 'mo-test';

export interface LetterPart {
  language: string;
  /** Right-to-left scripts need the direction when shown or printed. */
  direction: 'ltr' | 'rtl';
  subject: string;
  body: string;
}

const RTL = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'ku']);

/** Values a letter may use; dates are formatted in the letter's language, in Belgian time. */
export interface LetterValues {
  [key: string]: string | number | Date;
}

function format(language: string, values: LetterValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = value instanceof Date ? new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(value) : value;
  }
  return out;
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
  const extra = personLanguages.find((l) => l !== 'nl' && catalogues.has(l));
  return ['nl', ...(extra ? [extra] : [])].map((language) => {
    const messages = catalogues.get(language)!;
    const { languageCode, ...rest } = values;
    const formatted = { ...format(language, rest), ...(languageCode ? { language: languageNameIn(languageCode, language) } : {}) };
    const text = (id: string) => new IntlMessageFormat(messages.get(`letter.${template}.${id}`) ?? '', language).format(formatted) as string;
    return { language, direction: RTL.has(language) ? 'rtl' : 'ltr', subject: text('subject'), body: text('body') };
  });
}
