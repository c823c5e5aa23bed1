/**
 * The e-mail that carries a sign-in code, in the newcomer's languages. Dutch and English come from
 * the server catalogues (server/locales/nl.po, en.po); the other portal languages from
 * server/locales/portal-mail/<locale>.po, the way letters do. A language without the text falls
 * back to Dutch and English together.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { readPoCatalogue, translate } from '../../platform/i18n/i18n';
import type { MailMessage } from '../../platform/mail';
import type { PortalLocale } from './portal-identity';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../locales/portal-mail');
const SUBJECT = 'portal.sign-in-code.mail.subject';
const BODY = 'portal.sign-in-code.mail.body';

const catalogues = new Map(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.po'))
    .map((f) => [f.slice(0, -3), readPoCatalogue(join(DIR, f))] as const),
);

function hasText(locale: PortalLocale): boolean {
  const messages = catalogues.get(locale);
  return locale === 'nl' || locale === 'en' || (messages !== undefined && messages.has(SUBJECT) && messages.has(BODY));
}

function render(locale: PortalLocale, id: string, values: Record<string, string | number>): string {
  if (locale === 'nl' || locale === 'en') return translate(locale, id, values);
  return new IntlMessageFormat(catalogues.get(locale)!.get(id)!, locale).format(values) as string;
}

/**
 * The code mail in each of `languages` (most wanted first, repeats ignored): the subject in the
 * first, the text in all of them one after the other.
 */
export function signInCodeMail(to: string, values: { code: string; minutes: number }, languages: readonly PortalLocale[]): MailMessage {
  const written = [...new Set(languages.flatMap((l): PortalLocale[] => (hasText(l) ? [l] : ['nl', 'en'])))];
  return {
    to,
    subject: render(written[0]!, SUBJECT, values),
    text: written.map((l) => render(l, BODY, values)).join('\n\n———\n\n'),
  };
}
