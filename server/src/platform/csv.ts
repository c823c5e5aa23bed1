/**
 * CSV for Belgian spreadsheets: semicolon-separated, decimal comma, UTF-8 with a byte-order mark and
 * CRLF line ends, so that Excel with a Dutch or French locale opens it as columns and numbers.
 */

/** A number with a decimal comma. */
export const csvDecimal = (value: number) => String(value).replace('.', ',');

/** A CSV field: quoted when it holds the separator, a quote or a line break; text that a spreadsheet would run as a formula is neutralised. */
export function csvField(value: string | number, text = true): string {
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The document from its lines of fields. */
export const csvDocument = (lines: ReadonlyArray<readonly string[]>) => `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
