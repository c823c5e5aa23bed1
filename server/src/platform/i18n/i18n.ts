import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { po as poParser } from 'gettext-parser';
import { IntlMessageFormat } from 'intl-messageformat';

/** Staff-facing languages of the server's own text (problem titles, letters, status labels). */
export const SERVER_LOCALES = ['nl', 'en'] as const;
export type ServerLocale = (typeof SERVER_LOCALES)[number];
export const DEFAULT_LOCALE: ServerLocale = 'nl';

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../locales');

type Catalogue = Map<string, string>;

/**
 * The messages of one PO file, id → ICU text. Entries flagged `fuzzy` (machine translations waiting
 * for a translator) are kept: a rough translation serves a reader better than none.
 */
export function readPoCatalogue(path: string): Catalogue {
  const po = poParser.parse(readFileSync(path));
  const catalogue: Catalogue = new Map();
  for (const context of Object.values(po.translations)) {
    for (const [id, entry] of Object.entries(context)) {
      const text = entry.msgstr[0];
      if (id && text) catalogue.set(id, text);
    }
  }
  return catalogue;
}

const catalogues = new Map<ServerLocale, Catalogue>(SERVER_LOCALES.map((l) => [l, readPoCatalogue(join(LOCALES_DIR, `${l}.po`))]));

/** The message ids of a catalogue, for the test that keeps the catalogues complete. */
export function catalogueIds(locale: ServerLocale): string[] {
  return [...(catalogues.get(locale)?.keys() ?? [])];
}

/**
 * Translates an ICU message id. A string missing in the requested catalogue falls back to Dutch,
 * then English; a missing id shows the id itself only as a last resort, and a test forbids that.
 */
export function translate(locale: ServerLocale, id: string, values?: Record<string, string | number>): string {
  for (const candidate of [locale, DEFAULT_LOCALE, 'en'] as const) {
    const text = catalogues.get(candidate)?.get(id);
    if (text) return new IntlMessageFormat(text, candidate).format(values) as string;
  }
  return id;
}

export function hasMessage(id: string): boolean {
  return SERVER_LOCALES.every((l) => catalogues.get(l)?.has(id));
}

/** Picks the best server locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined, fallback: ServerLocale = DEFAULT_LOCALE): ServerLocale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0] as ServerLocale;
    if ((SERVER_LOCALES as readonly string[]).includes(base)) return base;
  }
  return fallback;
}
