/**
 * The PDF of the monthly invoices and statements: one document, each invoice or statement starting
 * on a new A4 page (continued on further pages when its lines do not fit). Texts come from the
 * server PO catalogues (`interpreting.billing.*`); fonts are the platform's (subsetted Noto Sans).
 * Arabic script is not shaped here: names in the register are expected in Latin script.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { translate, type ServerLocale } from '../../platform/i18n/i18n';
import { cachingFontkit, loadFonts } from '../../platform/pdf/fonts';
import { euro, type Invoice, type Statement } from './billing';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const GREY = rgb(0.35, 0.35, 0.35);

interface Row {
  date: string;
  what: string;
  line: string;
  quantity: string;
  amount: string;
}

interface Sheet {
  title: string;
  party: string;
  month: string;
  rows: Row[];
  totals: Array<[string, string]>;
  ruleSets: string[];
}

function formatDate(date: string, locale: ServerLocale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A printable character set: characters the font cannot show are replaced rather than failing the document. */
function printable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((c) => (supported.has(c.codePointAt(0) ?? 0) ? c : '?')).join('');
}

async function renderSheets(sheets: readonly Sheet[], locale: ServerLocale, at: Date): Promise<Uint8Array> {
  const files = await loadFonts();
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  pdf.setProducer('Kruispunt');
  pdf.setTitle(translate(locale, 'interpreting.billing.header'));
  const regular = await pdf.embedFont(files.regular.bytes, { subset: true, customName: files.regular.name });
  const bold = await pdf.embedFont(files.bold.bytes, { subset: true, customName: files.bold.name });
  const t = (id: string, values?: Record<string, string | number>) => translate(locale, `interpreting.billing.${id}`, values);
  const columns = [MARGIN, MARGIN + 65, MARGIN + 175, MARGIN + 395, A4[0] - MARGIN];

  const text = (page: PDFPage, s: string, x: number, y: number, size: number, font = regular, color = rgb(0, 0, 0)) =>
    page.drawText(printable(font, s), { x, y, size, font, color });
  const right = (page: PDFPage, s: string, xRight: number, y: number, size: number, font = regular) => {
    const p = printable(font, s);
    page.drawText(p, { x: xRight - font.widthOfTextAtSize(p, size), y, size, font });
  };
  const clip = (s: string, width: number, size: number) => {
    let p = printable(regular, s);
    while (p.length > 1 && regular.widthOfTextAtSize(p, size) > width) p = p.slice(0, -1);
    return p;
  };

  const empty = sheets.length === 0;
  for (const sheet of empty ? [null] : sheets) {
    let page = pdf.addPage(A4);
    let y = A4[1] - MARGIN;
    text(page, t('header'), MARGIN, y, 10, regular, GREY);
    y -= 30;
    if (!sheet) {
      text(page, t('empty'), MARGIN, y, 12);
      break;
    }
    text(page, sheet.title, MARGIN, y, 18, bold);
    y -= 24;
    text(page, sheet.party, MARGIN, y, 12, bold);
    y -= 16;
    text(page, t('month', { month: sheet.month }), MARGIN, y, 10);
    y -= 28;
    const header = () => {
      [t('column.date'), t('column.assignment'), t('column.line'), t('column.quantity')].forEach((h, i) => text(page, h, columns[i]!, y, 9, bold));
      right(page, t('column.amount'), columns[4]!, y, 9, bold);
      y -= 6;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.6, color: GREY });
      y -= 13;
    };
    header();
    if (!sheet.rows.length) {
      text(page, t('empty'), MARGIN, y, 9);
      y -= 13;
    }
    for (const row of sheet.rows) {
      if (y < MARGIN + 90) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
        text(page, `${sheet.title} (${t('continued')})`, MARGIN, y, 10, regular, GREY);
        y -= 24;
        header();
      }
      text(page, row.date, columns[0]!, y, 9);
      text(page, clip(row.what, columns[2]! - columns[1]! - 6, 9), columns[1]!, y, 9);
      text(page, clip(row.line, columns[3]! - columns[2]! - 6, 9), columns[2]!, y, 9);
      text(page, row.quantity, columns[3]!, y, 9);
      right(page, row.amount, columns[4]!, y, 9);
      y -= 13;
    }
    page.drawLine({ start: { x: MARGIN, y: y + 4 }, end: { x: A4[0] - MARGIN, y: y + 4 }, thickness: 0.6, color: GREY });
    y -= 10;
    for (const [label, amount] of sheet.totals) {
      text(page, label, columns[2]!, y, 10, bold);
      right(page, amount, columns[4]!, y, 10, bold);
      y -= 15;
    }
    text(page, t('rule-sets', { ruleSets: sheet.ruleSets.join(', ') || '-' }), MARGIN, MARGIN, 7, regular, GREY);
  }
  return pdf.save();
}

const money = (cents: number) => `${cents < 0 ? '-' : ''}€ ${euro(Math.abs(cents))}`;

export function invoicesPdf(invoices: readonly Invoice[], locale: ServerLocale, at: Date): Promise<Uint8Array> {
  const t = (id: string, values?: Record<string, string | number>) => translate(locale, `interpreting.billing.${id}`, values);
  return renderSheets(
    invoices.map((inv) => ({
      title: t('invoice.title', { number: inv.number }),
      party: inv.organisation.name,
      month: inv.month,
      rows: inv.lines.map((l) => ({
        date: formatDate(l.date, locale),
        what: `${l.language.toUpperCase()} · ${t(`channel.${l.channel}`)}`,
        line: l.funded ? `${t(`line.${l.code}`)} (${t('funded-mark')})` : t(`line.${l.code}`),
        quantity: String(l.quantity).replace('.', locale === 'nl' ? ',' : '.'),
        amount: money(l.cents),
      })),
      totals: [
        ...(inv.fundedCents ? ([[t('gross'), money(inv.grossCents)], [t('funded'), money(-inv.fundedCents)]] as Array<[string, string]>) : []),
        [t('total'), money(inv.totalCents)],
      ],
      ruleSets: inv.ruleSetIds,
    })),
    locale,
    at,
  );
}

export function statementsPdf(statements: readonly Statement[], locale: ServerLocale, at: Date): Promise<Uint8Array> {
  const t = (id: string, values?: Record<string, string | number>) => translate(locale, `interpreting.billing.${id}`, values);
  return renderSheets(
    statements.map((st) => ({
      title: t('statement.title', { number: st.number }),
      party: st.interpreter.name,
      month: st.month,
      rows: st.lines.map((l) => ({
        date: formatDate(l.date, locale),
        what: `${l.language.toUpperCase()} · ${t(`channel.${l.channel}`)}`,
        line: t(`line.${l.kind === 'completed' ? 'interpreter-fee' : 'late-cancellation'}`),
        quantity: l.kind === 'completed' ? t('minutes', { minutes: l.minutes }) : '1',
        amount: money(l.cents),
      })),
      totals: [[t('total'), money(st.totalCents)]],
      ruleSets: st.ruleSetIds,
    })),
    locale,
    at,
  );
}
