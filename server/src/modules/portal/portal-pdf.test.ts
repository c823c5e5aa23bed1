import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderLetterIn, hasLetter } from '../../platform/letters';
import { PORTAL_LOCALES } from './portal-identity';
import { renderDutchDocument, summaryLanguage, UNPRINTABLE_LANGUAGES } from './portal-pdf';

const doc = {
  agencyName: 'Agentschap Integratie en Inburgering',
  title: 'Inburgeringscontract',
  datedOn: '2026-02-02',
  intro: 'Het agentschap en de inburgeraar sluiten dit contract.',
  rows: [['Naam', 'Amina Haddad'] as const],
  sections: [{ heading: 'Onderdelen', lines: Array.from({ length: 50 }, (_, i) => `• Stap ${i + 1}`) }],
  footer: 'Afschrift uit Kruispunt.',
};

describe('documents in Dutch with a summary in the portal language (issue 6 §5)', () => {
  it('every portal language gets a summary it can print: its own, or English for Tigrinya (Ge’ez has no font here)', () => {
    expect([...UNPRINTABLE_LANGUAGES]).toEqual(['ti']);
    expect(summaryLanguage('nl')).toBeNull();
    expect(summaryLanguage('ti')).toBe('en');
    for (const locale of PORTAL_LOCALES.filter((l) => l !== 'nl' && l !== 'ti')) {
      expect(summaryLanguage(locale)).toBe(locale);
      for (const template of ['portal-contract', 'portal-personal-plan', 'portal-certificate', 'portal-letter'] as const) expect(hasLetter(template, locale), `${template} ${locale}`).toBe(true);
    }
  });

  it.each(PORTAL_LOCALES.filter((l) => l !== 'nl'))('renders the %s summary in front of the Dutch pages, with Gregorian dates', async (locale) => {
    const language = summaryLanguage(locale)!;
    const summary = renderLetterIn('portal-contract', { agency: doc.agencyName, signedOn: { day: '2026-02-02' } }, language);
    expect(summary.body).toContain('2026');
    expect(summary.body).toContain(doc.agencyName);
    const pdf = await PDFDocument.load(await renderDutchDocument(doc, summary));
    // One summary page, then the Dutch document running over two pages.
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.getTitle()).toBe('Inburgeringscontract');
  });

  it('right-to-left summaries are marked so (Arabic, Dari, Pashto)', () => {
    for (const language of ['ar', 'prs', 'ps']) expect(renderLetterIn('portal-letter', { agency: 'X', kind: 'test' }, language).direction).toBe('rtl');
    expect(renderLetterIn('portal-letter', { agency: 'X', kind: 'course' }, 'uk').direction).toBe('ltr');
  });
});
