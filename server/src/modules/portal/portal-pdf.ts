/**
 * The newcomer's documents as PDF: the Dutch document (the official text) behind a first page that
 * sums it up in the newcomer's language. Uses the platform's PDF fonts and typesetter, so the same
 * scripts print as on the certificates: Latin, Greek, Cyrillic and Arabic (also Dari and Pashto).
 * Ge'ez (Tigrinya) has no font here, so a Tigrinya reader gets the English summary (see
 * summaryLanguage). Arabic-script paragraphs are right-aligned and their runs put in visual order;
 * dates and numbers in them use Western digits, which keeps each number in one left-to-right run.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { LetterPart } from '../../platform/letters';
import { A4, ACCENT, MARGIN, Typesetter } from '../../platform/pdf/certificate-pdf';
import { cachingFontkit, loadFonts } from '../../platform/pdf/fonts';

const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const LABEL_WIDTH = 170;

/** Portal languages whose script the PDF fonts cannot print: their summary is in English. */
export const UNPRINTABLE_LANGUAGES: ReadonlySet<string> = new Set(['ti']);

/** The language of a document's summary for a portal language; null: Dutch readers need none. */
export function summaryLanguage(portalLocale: string): string | null {
  if (portalLocale === 'nl') return null;
  return UNPRINTABLE_LANGUAGES.has(portalLocale) ? 'en' : portalLocale;
}

export interface DutchDocument {
  agencyName: string;
  title: string;
  /** The date the document speaks of (contract signed, plan updated): its PDF dates. */
  datedOn: string;
  intro: string | null;
  rows: ReadonlyArray<readonly [label: string, value: string]>;
  sections: ReadonlyArray<{ heading: string; lines: readonly string[] }>;
  footer: string;
}

/** Writes pages top to bottom, starting a new page when the current one is full. */
class PageWriter {
  page: PDFPage;
  y = 0;

  /** `insertAt`: pages go in at this index (in front of an existing document) instead of at the end. */
  constructor(
    private readonly pdf: PDFDocument,
    readonly type: Typesetter,
    private insertAt: number | null = null,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.insertAt === null ? this.pdf.addPage(A4) : this.pdf.insertPage(this.insertAt++, A4);
    this.y = A4[1] - MARGIN;
    return page;
  }

  private room(height: number) {
    if (this.y - height < MARGIN + 40) this.page = this.newPage();
  }

  async paragraph(text: string, size: number, options: { bold?: boolean; grey?: number; rtl?: boolean; after?: number } = {}) {
    const face = options.bold ? 'bold' : 'regular';
    for (const source of text.split('\n')) {
      for (const line of source.trim() ? await this.type.wrap(source, size, CONTENT_WIDTH, face) : ['']) {
        this.room(size * 1.45);
        if (line) await drawLine(this.type, this.page, line, this.y, size, face, options.grey ?? 0.1, options.rtl ?? false);
        this.y -= size * 1.45;
      }
    }
    this.y -= options.after ?? 6;
  }

  async row(label: string, value: string) {
    const labelLines = await this.type.wrap(label, 10, LABEL_WIDTH - 12);
    const valueLines = await this.type.wrap(value, 11, CONTENT_WIDTH - LABEL_WIDTH);
    for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
      this.room(16);
      if (labelLines[i]) await this.type.draw(this.page, labelLines[i]!, MARGIN, this.y, 10, 'regular', 0.4);
      if (valueLines[i]) await this.type.draw(this.page, valueLines[i]!, MARGIN + LABEL_WIDTH, this.y, 11);
      this.y -= 16;
    }
    this.y -= 4;
  }

  rule() {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 1.2, color: ACCENT });
    this.y -= 28;
  }
}

/** One line; a right-to-left line is right-aligned with its runs in visual order (fontkit orders the glyphs within a run). */
async function drawLine(type: Typesetter, page: PDFPage, text: string, y: number, size: number, face: 'regular' | 'bold', grey: number, rtl: boolean) {
  if (!rtl) {
    await type.draw(page, text, MARGIN, y, size, face, grey);
    return;
  }
  const runs = (await type.runs(text, face)).reverse();
  let x = A4[0] - MARGIN - runs.reduce((width, run) => width + run.font.widthOfTextAtSize(run.text, size), 0);
  for (const run of runs) {
    page.drawText(run.text, { x, y, size, font: run.font, color: rgb(grey, grey, grey) });
    x += run.font.widthOfTextAtSize(run.text, size);
  }
}

async function newDocument(): Promise<{ pdf: PDFDocument; type: Typesetter }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(cachingFontkit);
  return { pdf, type: new Typesetter(pdf, await loadFonts()) };
}

/** Renders the Dutch document, with the summary as its first page when there is one. */
export async function renderDutchDocument(doc: DutchDocument, summary: LetterPart | null): Promise<Uint8Array> {
  const { pdf, type } = await newDocument();
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setAuthor(doc.agencyName);
  pdf.setCreator('Kruispunt');
  pdf.setProducer('Kruispunt');
  pdf.setLanguage('nl-BE');
  const dated = new Date(`${doc.datedOn}T12:00:00Z`);
  pdf.setCreationDate(dated);
  pdf.setModificationDate(dated);

  if (summary) await writeSummary(new PageWriter(pdf, type), summary, doc.agencyName);
  const w = new PageWriter(pdf, type);
  await w.paragraph(doc.agencyName, 12, { bold: true });
  w.rule();
  await w.paragraph(doc.title, 20, { bold: true, grey: 0, after: 10 });
  if (doc.intro) await w.paragraph(doc.intro, 11, { after: 12 });
  for (const [label, value] of doc.rows) await w.row(label, value);
  for (const section of doc.sections) {
    w.y -= 8;
    await w.paragraph(section.heading, 12, { bold: true });
    for (const line of section.lines) await w.paragraph(line, 10.5, { after: 2 });
  }
  w.y -= 16;
  await w.paragraph(doc.footer, 8.5, { grey: 0.35 });
  return pdf.save();
}

/** An existing PDF (a certificate) with the summary put in front of it. */
export async function withSummaryPage(pdfBytes: Uint8Array, summary: LetterPart | null, agencyName: string): Promise<Uint8Array> {
  if (!summary) return pdfBytes;
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  pdf.registerFontkit(cachingFontkit);
  await writeSummary(new PageWriter(pdf, new Typesetter(pdf, await loadFonts()), 0), summary, agencyName);
  return pdf.save();
}

async function writeSummary(w: PageWriter, summary: LetterPart, agencyName: string) {
  const rtl = summary.direction === 'rtl';
  await w.paragraph(agencyName, 12, { bold: true });
  w.rule();
  await w.paragraph(summary.subject, 16, { bold: true, grey: 0, rtl, after: 12 });
  await w.paragraph(summary.body, 11.5, { rtl });
}
