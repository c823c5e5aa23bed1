import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { EXEMPTION_REASONS, SUSPENSION_REASONS } from '../../modules/trajectory/rules/rule-sets';
import { hasMessage, translate } from '../i18n/i18n';
import { CERTIFICATE_KINDS, renderCertificatePdf, type CertificateDocument, type CertificateKind } from './certificate-pdf';

const KINDS = CERTIFICATE_KINDS;
// Fails to compile when a kind is added to CertificateKind but not to the list above.
const allKindsListed: Exclude<CertificateKind, (typeof KINDS)[number]> extends never ? true : false = true;

const REASONS = [...new Set([...SUSPENSION_REASONS, ...EXEMPTION_REASONS, 'other'])];
const PILLARS = ['mo', 'nt2', 'work', 'participation'];
const LOCALES = ['nl', 'en'] as const;

function certificate(kind: CertificateKind, overrides: Partial<CertificateDocument> = {}): CertificateDocument {
  return {
    kind,
    number: 'AGII-2026-000123',
    issuedOn: '2026-11-27',
    agencyName: 'Agentschap Integratie en Inburgering',
    person: {
      givenNames: 'Amélie Zoë',
      familyName: 'Van den Broeck',
      givenNamesLatin: null,
      familyNameLatin: null,
      birthDate: '1990-05-03',
      inszFormatted: '90.05.03-123.45',
    },
    contractSignedOn: '2025-03-14',
    ruleSetId: 'fl-2023-09',
    ...(kind === 'civic-integration' ? { pillarsCompleted: PILLARS } : {}),
    ...(kind === 'exemption' ? { reason: 'serious-illness' } : {}),
    ...(kind === 'suspension' || kind.startsWith('postponement') ? { period: { from: '2026-03-01', to: '2026-05-31' }, reason: 'sick-leave' } : {}),
    ...overrides,
  };
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** The BaseFont names of the fonts embedded in the document. */
async function embeddedFontNames(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const names: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const baseFont = object.get(PDFName.of('BaseFont'));
    if (baseFont instanceof PDFName) names.push(baseFont.decodeText());
  }
  return [...new Set(names)];
}

describe('certificate PDF messages', () => {
  it.each(KINDS)('kind %s has a title, statement and legal basis in nl and en', (kind) => {
    for (const part of ['title', 'statement', 'legal-basis']) expect(hasMessage(`certificate.pdf.${part}.${kind}`)).toBe(true);
  });

  it.each(REASONS)('reason %s is translated in nl and en', (reason) => {
    expect(hasMessage(`certificate.pdf.reason.${reason}`)).toBe(true);
    expect(translate('nl', `certificate.pdf.reason.${reason}`)).not.toBe(translate('en', `certificate.pdf.reason.${reason}`));
  });

  it.each(PILLARS)('pillar %s is translated in nl and en', (pillar) => {
    expect(hasMessage(`certificate.pdf.pillar.${pillar}`)).toBe(true);
  });

  it('the list of kinds is complete', () => {
    expect(allKindsListed).toBe(true);
  });
});

describe('renderCertificatePdf', () => {
  const cases = KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const));

  it.each(cases)('renders %s in %s as a one-page A4 PDF with metadata', async (kind, locale) => {
    const bytes = await renderCertificatePdf(certificate(kind), locale);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(startsWithPdfHeader(bytes)).toBe(true);
    // Subset fonts keep the document small (the full Noto Sans alone is over 600 kB).
    expect(bytes.length).toBeLessThan(60_000);

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);

    const title = translate(locale, `certificate.pdf.title.${kind}`);
    expect(title).not.toContain('certificate.pdf');
    expect(pdf.getTitle()).toBe(title);
    expect(pdf.getSubject()).toContain('AGII-2026-000123');
    expect(pdf.getSubject()).toContain(title);
    expect(pdf.getProducer()).toBe('Kruispunt');
    expect(pdf.getCreator()).toBe('Kruispunt');
    expect(pdf.getAuthor()).toBe('Agentschap Integratie en Inburgering');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toBe(locale === 'nl' ? '(nl-BE)' : '(en-GB)');
  });

  it('gives a different title per kind and per language', async () => {
    const titles = new Set<string>();
    for (const [kind, locale] of cases) {
      const pdf = await PDFDocument.load(await renderCertificatePdf(certificate(kind), locale), { updateMetadata: false });
      titles.add(pdf.getTitle() ?? '');
    }
    expect(titles.size).toBe(cases.length);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const doc = certificate('suspension');
    const first = await renderCertificatePdf(doc, 'nl');
    const second = await renderCertificatePdf(doc, 'nl');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const english = await renderCertificatePdf(doc, 'en');
    expect(Buffer.from(first).equals(Buffer.from(english))).toBe(false);
  });

  it.each([
    ['Arabic', { givenNames: 'محمد', familyName: 'الأحمد', givenNamesLatin: 'Mohammed', familyNameLatin: 'Al-Ahmad' }],
    ['Cyrillic', { givenNames: 'Олена', familyName: 'Коваленко', givenNamesLatin: 'Olena', familyNameLatin: 'Kovalenko' }],
    ['Greek', { givenNames: 'Γιώργος', familyName: 'Παπαδόπουλος', givenNamesLatin: 'Giorgos', familyNameLatin: 'Papadopoulos' }],
    ['mixed Arabic and Latin', { givenNames: 'محمد (Mo)', familyName: 'Al-Ahmad الأحمد', givenNamesLatin: null, familyNameLatin: null }],
  ])('renders a name in %s script', async (_script, names) => {
    const doc = certificate('civic-integration', {
      person: { ...certificate('civic-integration').person, ...names, birthDate: null, inszFormatted: null },
    });
    const bytes = await renderCertificatePdf(doc, 'en');
    expect(startsWithPdfHeader(bytes)).toBe(true);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const fonts = await embeddedFontNames(bytes);
    expect(fonts.some((f) => f.includes('KruispuntNotoSans-Regular'))).toBe(true);
    // The Arabic font is embedded exactly when Arabic letters are on the page.
    expect(fonts.some((f) => f.includes('NotoSansArabic'))).toBe(/[\u0600-\u06FF]/u.test(names.givenNames + names.familyName));
  });

  it('renders the Latin text of the page with the subset font intact', async () => {
    // Regression for the @pdf-lib/fontkit short-loca subsetting bug (see padGlyphsToEvenLength):
    // every glyph of the embedded subset must have a well-formed outline record.
    const bytes = await renderCertificatePdf(certificate('civic-integration'), 'nl');
    const pdf = await PDFDocument.load(bytes);
    let fontFiles = 0;
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFRawStream)) continue;
      const data = inflateSync(Buffer.from(object.contents));
      if (!['00010000', '74727565'].includes(data.subarray(0, 4).toString('hex'))) continue; // a TrueType font file
      fontFiles++;
      const numTables = data.readUInt16BE(4);
      const tables = new Map<string, { offset: number; length: number }>();
      for (let i = 0; i < numTables; i++) {
        const r = 12 + 16 * i;
        tables.set(data.subarray(r, r + 4).toString('latin1'), { offset: data.readUInt32BE(r + 8), length: data.readUInt32BE(r + 12) });
      }
      const head = tables.get('head')!;
      const loca = tables.get('loca')!;
      const glyf = tables.get('glyf')!;
      const numGlyphs = data.readUInt16BE(tables.get('maxp')!.offset + 4);
      const long = data.readInt16BE(head.offset + 50) === 1;
      for (let g = 0; g < numGlyphs; g++) {
        const start = long ? data.readUInt32BE(loca.offset + 4 * g) : data.readUInt16BE(loca.offset + 2 * g) * 2;
        const end = long ? data.readUInt32BE(loca.offset + 4 * g + 4) : data.readUInt16BE(loca.offset + 2 * g + 2) * 2;
        expect(end).toBeGreaterThanOrEqual(start);
        expect(end).toBeLessThanOrEqual(glyf.length);
        if (end === start) continue;
        // A glyph record starts with numberOfContours (small, or -1 for a composite) and a sane bounding box.
        const contours = data.readInt16BE(glyf.offset + start);
        expect(contours >= -1 && contours < 500).toBe(true);
        const xMin = data.readInt16BE(glyf.offset + start + 2);
        const xMax = data.readInt16BE(glyf.offset + start + 6);
        expect(xMax).toBeGreaterThanOrEqual(xMin);
      }
    }
    expect(fontFiles).toBeGreaterThanOrEqual(2); // regular and bold
  });

  it('rejects a malformed issue date', async () => {
    await expect(renderCertificatePdf(certificate('exemption', { issuedOn: '27/11/2026' }), 'nl')).rejects.toThrow(RangeError);
  });

  it('still renders an unknown reason or pillar code, printing the code itself', async () => {
    const bytes = await renderCertificatePdf(certificate('exemption', { reason: 'not-a-known-code', pillarsCompleted: ['xyz'] }), 'en');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
});
