import { describe, expect, it } from 'vitest';
import { PORTAL_LOCALES, type PortalLocale } from './portal-identity';
import { signInCodeMail } from './sign-in-mail';

const values = { code: '012345', minutes: 10 };
const SEPARATOR = '———';
const dutch = signInCodeMail('amina@example.org', values, ['nl']);
const english = signInCodeMail('amina@example.org', values, ['en']);

describe('the sign-in code mail (issue 6 §1)', () => {
  it.each(PORTAL_LOCALES)('is written in %s, with the code as typed', (locale) => {
    const mail = signInCodeMail('amina@example.org', values, [locale]);
    expect(mail.to).toBe('amina@example.org');
    expect(mail.text).toContain('012345');
    expect(mail.text).not.toContain(SEPARATOR);
    if (locale !== 'nl') expect([mail.subject, mail.text]).not.toEqual([dutch.subject, dutch.text]);
  });

  it('adds the portal’s language after the account’s, once', () => {
    const mail = signInCodeMail('amina@example.org', values, ['ar', 'nl', 'ar']);
    expect(mail.subject).toBe(signInCodeMail('x@example.org', values, ['ar']).subject);
    expect(mail.text.split(SEPARATOR)).toHaveLength(2);
    expect(mail.text.endsWith(dutch.text)).toBe(true);
  });

  it('falls back to Dutch and English for a portal language whose mail is not translated yet', () => {
    const mail = signInCodeMail('amina@example.org', values, ['de' as PortalLocale]);
    expect(mail.subject).toBe(dutch.subject);
    expect(mail.text).toBe(`${dutch.text}\n\n${SEPARATOR}\n\n${english.text}`);
  });
});
