/**
 * Pure PDF renderer for the certificates (attesten) the trajectory module issues: one A4 page,
 * all visible text from the server PO catalogues (`certificate.pdf.*`), names in their original
 * script (Latin, Cyrillic, Greek, Arabic) next to their Latin transliteration.
 *
 * Fonts: Noto Sans (Latin, Greek, Cyrillic) and Noto Sans Arabic, TTF files under
 * server/assets/fonts (SIL Open Font License 1.1, see the OFL-*.txt files beside them), embedded
 * as subsets through @pdf-lib/fontkit. Output is deterministic for the same input: fixed font
 * names, creation and modification date = issuedOn.
 *
 * Arabic: fontkit shapes Arabic (joining forms, lam-alef ligatures) and returns the glyphs of an
 * RTL run in visual order, so a run drawn left to right comes out right. pdf-lib however only
 * uses the glyphs' advance widths and drops the GPOS positions (mark attachment, kerning), so
 * harakat and hamza written as combining marks can sit slightly off their base letter. For that
 * reason a name in Arabic script is NOT put in the main position: the Latin transliteration is
 * the main name line and the Arabic original goes on the line beneath it, rendered as well as
 * pdf-lib allows. Cyrillic and Greek need no shaping and are printed as the main name.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { hasMessage, translate, type ServerLocale } from '../i18n/i18n';
import { cachingFontkit, loadFonts, type FontFile, type FontFiles } from './fonts';

export const CERTIFICATE_KINDS = [
  'civic-integration', // inburgeringsattest
  'regular-participation', // bewijs van regelmatige deelname
  'declaration-of-effort', // verklaring van geleverde inspanning (FL-DL-06, FL-AT-04)
  'exemption', // attest van vrijstelling (FL-EX-03, R-18)
  'suspension', // attest opschorting / tijdelijke onderbreking contract (FL-SU-04)
  'postponement-sign-up', // attest uitstel van aanmelding (FL-SU-02)
  'postponement-contract', // attest uitstel ondertekening contract (FL-SU-03)
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface CertificateDocument {
  kind: CertificateKind;
  number: string; // e.g. "AGII-2026-000123"
  issuedOn: string; // YYYY-MM-DD
  agencyName: string; // e.g. "Agentschap Integratie en Inburgering"
  person: {
    givenNames: string;
    familyName: string; // original script (may be Arabic, Cyrillic, Greek, Latin…)
    givenNamesLatin: string | null;
    familyNameLatin: string | null; // Latin transliteration when the original is not Latin
    birthDate: string | null;
    inszFormatted: string | null;
  };
  contractSignedOn: string | null;
  ruleSetId: string; // e.g. "fl-2023-09"
  /** For suspension/postponement: the period; for exemption: the reason code. */
  period?: { from: string; to: string } | undefined;
  reason?: string | undefined; // a reason code, e.g. 'sick-leave', 'maternity-leave', 'family-care', 'psychosocial', 'no-childcare', 'serious-illness', 'disability', 'other'
  /** Pillars as completed, for the civic-integration certificate: e.g. ['mo','nt2','work','participation']. */
  pillarsCompleted?: readonly string[] | undefined;
}

// ---------------------------------------------------------------------------------------------
// Fonts: read once per process (module-level lazy promise); pdf-lib embeds a subset per document.


// ---------------------------------------------------------------------------------------------
// Text runs: a line is split into runs per font (the Latin/Greek/Cyrillic font or the Arabic one).

type Face = 'regular' | 'bold';

/** Arabic, Arabic Supplement, Arabic Extended-A, Presentation Forms-A/B. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** Lays out text over the PDF fonts; the portal's documents use it too (modules/portal/portal-pdf.ts). */
export class Typesetter {
  private readonly embedded = new Map<string, Promise<PDFFont>>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly files: FontFiles,
  ) {}

  private font(file: FontFile): Promise<PDFFont> {
    let font = this.embedded.get(file.name);
    if (!font) {
      font = this.pdf.embedFont(file.bytes, { subset: true, customName: file.name });
      this.embedded.set(file.name, font);
    }
    return font;
  }

  /** Splits text into runs: Arabic letters go to the Arabic font, everything else to Noto Sans. */
  async runs(text: string, face: Face): Promise<Array<{ text: string; font: PDFFont }>> {
    const main = this.files[face];
    const arabic = this.files.arabic;
    const runs: Array<{ text: string; arabic: boolean }> = [];
    let pendingNeutral = '';
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      const inMain = main.codePoints.has(codePoint);
      const isArabic = ARABIC.test(char) || (!inMain && arabic.codePoints.has(codePoint));
      // Spaces and punctuation both fonts have stay with the run they stand in.
      const neutral = !isArabic && /[\s\p{P}]/u.test(char) && arabic.codePoints.has(codePoint);
      const last = runs[runs.length - 1];
      if (neutral) {
        if (last) last.text += char;
        else pendingNeutral += char;
        continue;
      }
      if (last && last.arabic === isArabic) last.text += char;
      else if (last && last.arabic && !isArabic) {
        // Trailing neutrals of an Arabic run belong to the following Latin run (e.g. "محمد (Mohamed)").
        const trailing = /[\s\p{P}]*$/u.exec(last.text)?.[0] ?? '';
        last.text = last.text.slice(0, last.text.length - trailing.length);
        runs.push({ text: trailing + char, arabic: false });
      } else runs.push({ text: pendingNeutral + char, arabic: isArabic });
      pendingNeutral = '';
    }
    if (pendingNeutral) runs.push({ text: pendingNeutral, arabic: false });
    const out: Array<{ text: string; font: PDFFont }> = [];
    for (const run of runs) {
      if (!run.text) continue;
      out.push({ text: run.text, font: await this.font(run.arabic ? arabic : main) });
    }
    return out;
  }

  async width(text: string, size: number, face: Face = 'regular'): Promise<number> {
    let width = 0;
    for (const run of await this.runs(text, face)) width += run.font.widthOfTextAtSize(run.text, size);
    return width;
  }

  /** Draws one line; runs follow each other left to right (paragraph direction is LTR). */
  async draw(page: PDFPage, text: string, x: number, y: number, size: number, face: Face = 'regular', grey = 0.1): Promise<number> {
    let cursor = x;
    for (const run of await this.runs(text, face)) {
      page.drawText(run.text, { x: cursor, y, size, font: run.font, color: rgb(grey, grey, grey) });
      cursor += run.font.widthOfTextAtSize(run.text, size);
    }
    return cursor - x;
  }

  /**
   * Greedy word wrap on spaces, measuring each word once (kerning across a space is ignored,
   * which is far below the slack of a line); a word longer than the line is left to overflow.
   */
  async wrap(text: string, size: number, maxWidth: number, face: Face = 'regular'): Promise<string[]> {
    const lines: string[] = [];
    const space = await this.width(' ', size, face);
    let line = '';
    let lineWidth = 0;
    for (const word of text.split(/\s+/u).filter(Boolean)) {
      const wordWidth = await this.width(word, size, face);
      if (line && lineWidth + space + wordWidth > maxWidth) {
        lines.push(line);
        line = word;
        lineWidth = wordWidth;
      } else {
        line = line ? `${line} ${word}` : word;
        lineWidth = line === word ? wordWidth : lineWidth + space + wordWidth;
      }
    }
    if (line) lines.push(line);
    return lines;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates and messages.

const DATE_LOCALES: Record<ServerLocale, string> = { nl: 'nl-BE', en: 'en-GB' };
const PDF_LANGUAGES: Record<ServerLocale, string> = { nl: 'nl-BE', en: 'en-GB' };

function parseIsoDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date: ${value}`);
  return date;
}

/** "27 november 2026" / "27 November 2026"; calendar dates, so formatted in UTC. */
export function formatDate(value: string, locale: ServerLocale): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    parseIsoDate(value),
  );
}

/** A code-keyed message, or the code itself when the catalogue has no message for it. */
function codeLabel(locale: ServerLocale, prefix: string, code: string): string {
  const id = `${prefix}.${code}`;
  return hasMessage(id) ? translate(locale, id) : code;
}

function joinName(...parts: Array<string | null | undefined>): string {
  return parts
    .map((p) => p?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Layout.

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 56;
const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const LABEL_WIDTH = 170;
export const ACCENT = rgb(0.0, 0.32, 0.55);

export async function renderCertificatePdf(doc: CertificateDocument, locale: 'nl' | 'en'): Promise<Uint8Array> {
  const files = await loadFonts();
  const t = (id: string, values?: Record<string, string | number>) => translate(locale, `certificate.pdf.${id}`, values);
  const issuedOn = parseIsoDate(doc.issuedOn);

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(cachingFontkit);
  const title = t(`title.${doc.kind}`);
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setSubject(t('subject', { title, number: doc.number }));
  pdf.setAuthor(doc.agencyName);
  pdf.setCreator('Kruispunt');
  pdf.setProducer('Kruispunt');
  pdf.setLanguage(PDF_LANGUAGES[locale]);
  pdf.setCreationDate(issuedOn);
  pdf.setModificationDate(issuedOn);

  const type = new Typesetter(pdf, files);
  const page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;

  // Header: agency and certificate number, a rule under it.
  await type.draw(page, doc.agencyName, MARGIN, y - 12, 12, 'bold');
  const numberText = t('header.number', { number: doc.number });
  const numberWidth = await type.width(numberText, 9);
  await type.draw(page, numberText, A4[0] - MARGIN - numberWidth, y - 11, 9, 'regular', 0.35);
  y -= 24;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 1.2, color: ACCENT });
  y -= 44;

  // Title.
  for (const line of await type.wrap(title, 22, CONTENT_WIDTH, 'bold')) {
    await type.draw(page, line, MARGIN, y, 22, 'bold', 0);
    y -= 28;
  }
  y -= 10;

  // Statement of what the agency certifies.
  for (const line of await type.wrap(t(`statement.${doc.kind}`, { agency: doc.agencyName }), 11, CONTENT_WIDTH)) {
    await type.draw(page, line, MARGIN, y, 11);
    y -= 16;
  }
  y -= 16;

  // Label/value rows.
  const rows: Array<[string, string]> = [];
  const { person } = doc;
  const original = joinName(person.givenNames, person.familyName);
  const latin = joinName(person.givenNamesLatin, person.familyNameLatin);
  const hasLatin = latin !== '' && latin !== original;
  if (hasLatin && ARABIC.test(original)) {
    // See the file comment: Arabic goes beneath its transliteration, not in the main position.
    rows.push([t('label.name'), latin], [t('label.name-original'), original]);
  } else {
    rows.push([t('label.name'), original]);
    if (hasLatin) rows.push([t('label.name-latin'), latin]);
  }
  if (person.birthDate) rows.push([t('label.birth-date'), formatDate(person.birthDate, locale)]);
  if (person.inszFormatted) rows.push([t('label.insz'), person.inszFormatted]);
  if (doc.contractSignedOn) rows.push([t('label.contract-signed-on'), formatDate(doc.contractSignedOn, locale)]);
  if (doc.period) {
    rows.push([t('label.period'), t('period', { from: formatDate(doc.period.from, locale), to: formatDate(doc.period.to, locale) })]);
  }
  if (doc.reason) rows.push([t('label.reason'), codeLabel(locale, 'certificate.pdf.reason', doc.reason)]);
  if (doc.pillarsCompleted && doc.pillarsCompleted.length > 0) {
    rows.push([t('label.pillars'), doc.pillarsCompleted.map((p) => codeLabel(locale, 'certificate.pdf.pillar', p)).join(', ')]);
  }
  rows.push([t('label.issued-on'), formatDate(doc.issuedOn, locale)]);
  rows.push([t('label.number'), doc.number]);

  for (const [index, [label, value]] of rows.entries()) {
    const labelLines = await type.wrap(label, 10, LABEL_WIDTH - 12);
    const valueLines = await type.wrap(value, 11, CONTENT_WIDTH - LABEL_WIDTH);
    const lineCount = Math.max(labelLines.length, valueLines.length);
    for (let i = 0; i < lineCount; i++) {
      const labelLine = labelLines[i];
      const valueLine = valueLines[i];
      if (labelLine) await type.draw(page, labelLine, MARGIN, y, 10, 'regular', 0.4);
      if (valueLine) await type.draw(page, valueLine, MARGIN + LABEL_WIDTH, y, 11, index === 0 ? 'bold' : 'regular');
      y -= 16;
    }
    y -= 6;
  }
  y -= 18;

  // Legal basis.
  await type.draw(page, t('label.legal-basis'), MARGIN, y, 9, 'bold', 0.3);
  y -= 13;
  for (const line of await type.wrap(t(`legal-basis.${doc.kind}`), 9, CONTENT_WIDTH)) {
    await type.draw(page, line, MARGIN, y, 9, 'regular', 0.3);
    y -= 12;
  }

  // Footer: electronic issue with the number for verification, rule set in small print.
  let footerY = MARGIN + 24;
  page.drawLine({ start: { x: MARGIN, y: footerY + 18 }, end: { x: A4[0] - MARGIN, y: footerY + 18 }, thickness: 0.5, color: rgb(0.7, 0.7, 0.7) });
  for (const line of await type.wrap(t('electronic', { number: doc.number, agency: doc.agencyName }), 8.5, CONTENT_WIDTH)) {
    await type.draw(page, line, MARGIN, footerY, 8.5, 'regular', 0.35);
    footerY -= 11;
  }
  await type.draw(page, t('rule-set', { ruleSetId: doc.ruleSetId }), MARGIN, footerY - 2, 6.5, 'regular', 0.5);

  return pdf.save();
}
