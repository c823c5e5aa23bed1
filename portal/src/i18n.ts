import { i18n, type Messages } from '@lingui/core';

/**
 * The portal's languages (issue 6 §7). Each catalogue is its own chunk, fetched only when the
 * language is chosen: the first page loads one catalogue, never twelve.
 */
export const LOCALES = ['nl', 'en', 'fr', 'ar', 'prs', 'ps', 'ti', 'uk', 'ru', 'so', 'tr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name (endonym), as the language picker shows it. */
export const ENDONYMS: Record<Locale, string> = {
  nl: 'Nederlands',
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  prs: 'دری',
  ps: 'پښتو',
  ti: 'ትግርኛ',
  uk: 'Українська',
  ru: 'Русский',
  so: 'Soomaali',
  tr: 'Türkçe',
  es: 'Español',
};

const RTL: ReadonlySet<Locale> = new Set(['ar', 'prs', 'ps']);

export function isRtl(locale: Locale): boolean {
  return RTL.has(locale);
}

/**
 * The locale for Intl date and time formatting. Dari (prs) has little CLDR data of its own in
 * browsers; Afghan Persian (fa-AF) is the same written language with the Afghan calendar conventions.
 */
export function intlLocale(locale: Locale): string {
  return locale === 'prs' ? 'fa-AF' : locale;
}

const loaders: Record<Locale, () => Promise<{ messages: Messages }>> = {
  nl: () => import('./locales/nl/messages.po'),
  en: () => import('./locales/en/messages.po'),
  fr: () => import('./locales/fr/messages.po'),
  ar: () => import('./locales/ar/messages.po'),
  prs: () => import('./locales/prs/messages.po'),
  ps: () => import('./locales/ps/messages.po'),
  ti: () => import('./locales/ti/messages.po'),
  uk: () => import('./locales/uk/messages.po'),
  ru: () => import('./locales/ru/messages.po'),
  so: () => import('./locales/so/messages.po'),
  tr: () => import('./locales/tr/messages.po'),
  es: () => import('./locales/es/messages.po'),
};

const STORAGE_KEY = 'kruispunt.portal.locale';
/** A language chosen before signing in, to be saved on the account once signed in (see App). */
const PENDING_KEY = 'kruispunt.portal.locale-to-save';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStorage(storage: 'local' | 'session', key: string): string | null {
  try {
    return (storage === 'local' ? window.localStorage : window.sessionStorage).getItem(key);
  } catch {
    return null; // Storage unavailable (private mode, old browser): the choice lasts for this page only.
  }
}

function writeStorage(storage: 'local' | 'session', key: string, value: string | null): void {
  try {
    const s = storage === 'local' ? window.localStorage : window.sessionStorage;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
  } catch {
    // See readStorage.
  }
}

/** The language to start with: the one chosen earlier on this device, else the browser's, else Dutch. */
export function initialLocale(): Locale {
  const stored = readStorage('local', STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    // Browsers set to Afghan Persian ask for fa-AF: that is Dari.
    if (lower === 'fa-af') return 'prs';
    const primary = lower.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'nl';
}

/** Remembers a choice made with the language picker (on this device, and to save on the account). */
export function rememberChoice(locale: Locale, saveOnAccount: boolean): void {
  writeStorage('local', STORAGE_KEY, locale);
  writeStorage('session', PENDING_KEY, saveOnAccount ? locale : null);
}

/** The language picked before signing in that should be saved on the account, if any. */
export function takeLocaleToSave(): Locale | null {
  const pending = readStorage('session', PENDING_KEY);
  writeStorage('session', PENDING_KEY, null);
  return isLocale(pending) ? pending : null;
}

/** Loads a language's catalogue (once) and makes it the active one, with `<html lang dir>`. */
const loaded = new Set<Locale>();

export async function activateLocale(locale: Locale): Promise<void> {
  if (!loaded.has(locale)) {
    const { messages } = await loaders[locale]();
    i18n.load(locale, messages);
    loaded.add(locale);
  }
  i18n.activate(locale);
  const html = document.documentElement;
  html.lang = locale;
  html.dir = isRtl(locale) ? 'rtl' : 'ltr';
}

export function currentLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : 'nl';
}

/**
 * The Accept-Language the portal API gets: the chosen language first, then English and Dutch, so the
 * server's texts (problem details) come in the best language it has.
 */
export function acceptLanguage(): string {
  const locale = currentLocale();
  if (locale === 'nl') return 'nl';
  if (locale === 'en') return 'en, nl;q=0.5';
  return `${locale}, en;q=0.8, nl;q=0.5`;
}

export { i18n };
