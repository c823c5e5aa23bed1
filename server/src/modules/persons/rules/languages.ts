/**
 * Taal en nationaliteit — codes for a person's languages (moedertaal, contacttalen) and
 * nationality.
 *
 * Languages: an ISO 639-1 two-letter code or an ISO 639-3 three-letter code, as the caller
 * gave it. We do not convert to one form: several languages our clients speak exist only in
 * 639-3 (Dari 'prs', Tigre 'tig'), while a 639-1 code is what most other systems send.
 *
 * Nationality: an ISO 3166-1 alpha-2 code, or ZZ for stateless or unknown.
 */
import countries from 'i18n-iso-countries';
import { iso6393, type Language } from 'iso-639-3';

const BY_ISO_639_3 = new Map<string, Language>(iso6393.map((language) => [language.iso6393, language]));
const BY_ISO_639_1 = new Map<string, Language>(
  iso6393.flatMap((language) => (language.iso6391 ? [[language.iso6391, language] as const] : [])),
);

export type DisplayLocale = 'nl' | 'en';

function lookupLanguage(code: string): Language | undefined {
  const lower = code.trim().toLowerCase();
  if (lower.length === 2) return BY_ISO_639_1.get(lower);
  if (lower.length === 3) return BY_ISO_639_3.get(lower);
  return undefined;
}

/** The two-letter ISO 639-1 code of a language given in either standard; null when it has none. */
export function iso6391Of(code: string): string | null {
  return lookupLanguage(code)?.iso6391 ?? null;
}

/** Whether `code` is an ISO 639-1 or ISO 639-3 code (case-insensitive). */
export function isLanguageCode(code: string): boolean {
  return lookupLanguage(code) !== undefined;
}

/**
 * The code in its stored form (trimmed, lower case), keeping the standard the caller used;
 * null when it is not a known code.
 */
export function normalizeLanguageCode(code: string): string | null {
  return isLanguageCode(code) ? code.trim().toLowerCase() : null;
}

const displayNames: Record<DisplayLocale, Intl.DisplayNames> = {
  // fallback 'none' makes a missing translation visible (undefined) instead of echoing the code.
  nl: new Intl.DisplayNames(['nl'], { type: 'language', fallback: 'none' }),
  en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }),
};

/**
 * Name of a language for display, from the runtime's CLDR data; where CLDR has no name (many
 * 639-3 codes) the English reference name from the ISO 639-3 tables is used, also for Dutch,
 * because a case worker can still recognise it. Null for an unknown code.
 */
export function languageName(code: string, locale: DisplayLocale): string | null {
  const language = lookupLanguage(code);
  if (!language) return null;
  return displayNames[locale].of(code.trim().toLowerCase()) ?? language.name;
}

/** Staatloos of onbekend — user-assigned ISO 3166 code for a stateless or unknown nationality. */
export const STATELESS_OR_UNKNOWN_COUNTRY = 'ZZ';

/**
 * Whether `code` is an ISO 3166-1 alpha-2 country code (case-insensitive), or ZZ for a
 * stateless or unknown nationality. Alpha-3 and numeric codes are refused even though the
 * country library accepts them, so that only one form is ever stored.
 */
export function isCountryCode(code: string): boolean {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return false;
  return upper === STATELESS_OR_UNKNOWN_COUNTRY || countries.isValid(upper);
}

/** The code in its stored form (trimmed, upper case); null when it is not valid. */
export function normalizeCountryCode(code: string): string | null {
  return isCountryCode(code) ? code.trim().toUpperCase() : null;
}
