import { describe, expect, it } from 'vitest';
import { hasLetter, letterLanguages, renderLetter } from './letters';

const values = {
  name: 'Amina Haddad',
  start: new Date('2024-10-15T08:00:00Z'),
  centre: 'Testcentrum Aalst',
  address: 'Stationsstraat 1, 9300 Aalst',
  agency: 'Agentschap Integratie en Inburgering',
  languageCode: 'ar',
  kind: 'exemption',
  videoInterpreter: 'no',
  audioSupport: 'yes',
};

describe('letters in the person’s language (issue 4 §8)', () => {
  it('a language has each MO letter in full or not at all; every language has the portal summaries', () => {
    expect(letterLanguages()).toEqual(['ar', 'en', 'es', 'fr', 'nl', 'prs', 'ps', 'ru', 'so', 'tr', 'uk']);
    expect(letterLanguages().filter((l) => hasLetter('mo-course', l))).toEqual(['ar', 'en', 'fr', 'nl']);
    for (const language of letterLanguages()) {
      for (const template of ['portal-contract', 'portal-personal-plan', 'portal-certificate', 'portal-letter'] as const) expect(hasLetter(template, language)).toBe(true);
    }
    for (const language of letterLanguages().filter((l) => hasLetter('mo-course', l))) {
      for (const template of ['mo-course', 'mo-test'] as const) {
        const [, part] = renderLetter(template, { ...values, code: 'MO-1', location: 'Aalst' }, [language]);
        if (language === 'nl') continue;
        expect(part?.language).toBe(language);
        expect(part?.subject.length).toBeGreaterThan(5);
        expect(part?.body).toContain('Amina Haddad');
      }
    }
  });

  it('sends Dutch always, and adds the first of the person’s languages that has a translation', () => {
    const parts = renderLetter('mo-test', values, ['ti', 'ar', 'en']);
    expect(parts.map((p) => [p.language, p.direction])).toEqual([
      ['nl', 'ltr'],
      ['ar', 'rtl'],
    ]);
    expect(parts[0]!.subject).toBe('Uw vrijstellingstest maatschappelijke oriëntatie');
    expect(parts[0]!.body).toContain('dinsdag 15 oktober 2024 om 10:00');
    expect(parts[0]!.body).toContain('in het Arabisch');
    expect(parts[0]!.body).toContain('De vragen worden ook voorgelezen.');
    expect(parts[0]!.body).not.toContain('videotolk');
    expect(parts[1]!.body).toContain('العربية');
    expect(renderLetter('mo-test', values, ['ti'])).toHaveLength(1);
    // Russian has the portal summaries only: a Russian reader's MO letter is the Dutch one, not an empty Russian one.
    expect(renderLetter('mo-test', values, ['ru', 'ar']).map((p) => p.language)).toEqual(['nl', 'ar']);
  });
});
