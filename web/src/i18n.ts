import { i18n } from '@lingui/core';
import { messages as enMessages } from './locales/en/messages.po';
import { messages as frMessages } from './locales/fr/messages.po';
import { messages as nlMessages } from './locales/nl/messages.po';

/**
 * The web app's locales. French is there for the interpreter portal (issue 5 §7): its catalogue
 * translates the portal and the shared chrome (navigation, sign-in, language switch); the other
 * staff pages fall back to English (lingui.config.ts `fallbackLocales`).
 */
export const LOCALES = ['nl', 'en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'kruispunt.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The locale chosen explicitly with the language switch, if any. */
export function hasStoredLocale(): boolean {
  return readStoredLocale() !== null;
}

function initialLocale(): Locale {
  const stored = readStoredLocale();
  if (stored) return stored;
  const preferred = typeof navigator !== 'undefined' ? navigator.language.toLowerCase() : 'nl';
  if (preferred.startsWith('en')) return 'en';
  if (preferred.startsWith('fr')) return 'fr';
  return 'nl';
}

i18n.load({ nl: nlMessages, en: enMessages, fr: frMessages });

/** Activates a locale: the catalogue, `<html lang>`, and (when `persist`) localStorage. */
export function activateLocale(locale: Locale, persist = false): void {
  i18n.activate(locale);
  document.documentElement.lang = locale;
  if (persist) {
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }
}

/**
 * The Accept-Language the API gets: the server speaks Dutch and English, so French asks for French
 * first and English after it (server texts such as problem details then come in English).
 */
export function acceptLanguage(): string {
  const locale = currentLocale();
  return locale === 'fr' ? 'fr, en;q=0.8' : locale;
}

export function currentLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : 'nl';
}

activateLocale(initialLocale());

export { i18n };
