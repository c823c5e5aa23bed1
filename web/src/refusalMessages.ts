import { IntlMessageFormat } from 'intl-messageformat';
import enPo from '../../server/locales/en.po?raw';
import nlPo from '../../server/locales/nl.po?raw';

/**
 * The server's refusal messages (`refusal.<code>`), so the timeline can explain a refused action in
 * the same words the API used when it refused it. Only the refusal entries are kept.
 */
function parsePo(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let id: string | null = null;
  let str: string | null = null;
  let target: 'id' | 'str' | null = null;
  const unquote = (s: string) => JSON.parse(s) as string;
  const flush = () => {
    if (id && id.startsWith('refusal.') && str) out.set(id.slice('refusal.'.length), str);
    id = null;
    str = null;
    target = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('msgid ')) {
      flush();
      id = unquote(line.slice(6));
      target = 'id';
    } else if (line.startsWith('msgstr ')) {
      str = unquote(line.slice(7));
      target = 'str';
    } else if (line.startsWith('"')) {
      if (target === 'id') id = (id ?? '') + unquote(line);
      else if (target === 'str') str = (str ?? '') + unquote(line);
    } else if (line === '') {
      flush();
    }
  }
  flush();
  return out;
}

let catalogues: { nl: Map<string, string>; en: Map<string, string> } | null = null;

/** The refusal in the locale's words, or null when the code is unknown. */
export function refusalMessage(locale: string, code: string, values: Record<string, unknown> = {}): string | null {
  catalogues ??= { nl: parsePo(nlPo), en: parsePo(enPo) };
  // French has no server catalogue: the server answers French users in English, so do we.
  const message = (locale === 'en' || locale === 'fr' ? catalogues.en : catalogues.nl).get(code);
  if (!message) return null;
  try {
    const formatted = new IntlMessageFormat(message, locale === 'fr' ? 'en' : locale).format(values as Record<string, string | number>);
    return typeof formatted === 'string' ? formatted : String(formatted);
  } catch {
    return message;
  }
}
