/**
 * The PDF fonts: Noto Sans (Latin, Greek, Cyrillic; regular and bold) and Noto Sans Arabic from
 * server/assets/fonts (SIL Open Font License 1.1), loaded once, parsed once, and prepared so that
 * pdf-lib can embed them as small subsets. Every PDF the platform makes uses these.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

const FONTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');

export interface FontFile {
  bytes: Uint8Array;
  /** Unicode code points the font has a glyph for, to pick a font per character. */
  codePoints: ReadonlySet<number>;
  /** Fixed PDF font name, so that the same input gives byte-identical output. */
  name: string;
}
export interface FontFiles {
  regular: FontFile;
  bold: FontFile;
  arabic: FontFile;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

let fontFiles: Promise<FontFiles> | undefined;

async function loadFontFile(file: string, name: string): Promise<FontFile> {
  const bytes = padGlyphsToEvenLength(new Uint8Array(await readFile(join(FONTS_DIR, file))));
  const parsed = fontkit.create(bytes);
  parsedFonts.set(bytes, parsed);
  return { bytes, codePoints: new Set(parsed.characterSet), name };
}

/**
 * pdf-lib hands the font bytes to fontkit on every embedFont, and fontkit parses the GSUB/GPOS
 * tables again on each first layout: about 100 ms per certificate. The parsed font is stateless
 * for layout and subsetting (each embedder makes its own subset), so it is shared across documents.
 */
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();
export const cachingFontkit: Fontkit = {
  create(bytes, postscriptName) {
    return parsedFonts.get(bytes) ?? fontkit.create(bytes, postscriptName);
  },
};

/**
 * Works around a subsetting bug in @pdf-lib/fontkit 1.1.1 (pdf-lib issue #1232): the subset
 * writes the short `loca` format (offsets divided by 2) whenever it is small enough, but copies
 * the glyph records unpadded, so after the first odd-length glyph every glyph points into the
 * middle of another and most letters vanish. Google's Noto Sans builds have odd-length glyphs.
 * Padding each glyph record to a multiple of 4 bytes (allowed by the TrueType spec) in memory,
 * before fontkit sees the font, keeps every subset offset even. The asset files stay unmodified.
 */
function padGlyphsToEvenLength(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  const order: string[] = [];
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
    order.push(tag);
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return font; // not a TrueType-outline font: nothing to do
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const offsets: number[] = [];
  for (let i = 0; i <= numGlyphs; i++) {
    offsets.push(longLoca ? view.getUint32(loca.offset + 4 * i) : view.getUint16(loca.offset + 2 * i) * 2);
  }
  if (offsets.every((o) => o % 4 === 0)) return font;

  // New glyf (each record padded to 4 bytes) and long-format loca.
  const glyphLengths = offsets.slice(0, -1).map((o, i) => (offsets[i + 1] ?? o) - o);
  const newGlyf = new Uint8Array(glyphLengths.reduce((sum, l) => sum + align4(l), 0));
  const newLoca = new Uint8Array(4 * (numGlyphs + 1));
  const locaView = new DataView(newLoca.buffer);
  let cursor = 0;
  for (let i = 0; i < numGlyphs; i++) {
    locaView.setUint32(4 * i, cursor);
    const start = glyf.offset + (offsets[i] ?? 0);
    newGlyf.set(font.subarray(start, start + (glyphLengths[i] ?? 0)), cursor);
    cursor += align4(glyphLengths[i] ?? 0);
  }
  locaView.setUint32(4 * numGlyphs, cursor);

  const contents = new Map<string, Uint8Array>();
  for (const tag of order) {
    const table = tables.get(tag);
    if (!table) continue;
    contents.set(tag, tag === 'glyf' ? newGlyf : tag === 'loca' ? newLoca : font.slice(table.offset, table.offset + table.length));
  }
  const newHead = contents.get('head');
  if (!newHead) return font;
  const headView = new DataView(newHead.buffer, newHead.byteOffset, newHead.byteLength);
  headView.setInt16(50, 1); // indexToLocFormat: long
  headView.setUint32(8, 0); // checkSumAdjustment, set below

  const headerLength = 12 + 16 * numTables;
  const total = order.reduce((sum, tag) => sum + align4(contents.get(tag)?.length ?? 0), headerLength);
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  out.set(font.subarray(0, 12));
  let offset = headerLength;
  let headOffset = 0;
  for (const [i, tag] of order.entries()) {
    const data = contents.get(tag) ?? new Uint8Array();
    const record = 12 + 16 * i;
    out.set(font.subarray(record, record + 4), record);
    outView.setUint32(record + 4, checksum(data));
    outView.setUint32(record + 8, offset);
    outView.setUint32(record + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += align4(data.length);
  }
  outView.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function align4(length: number): number {
  return (length + 3) & ~3;
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(align4(data.length));
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

export function loadFonts(): Promise<FontFiles> {
  fontFiles ??= (async () => {
    const [regular, bold, arabic] = await Promise.all([
      loadFontFile('NotoSans-Regular.ttf', 'KruispuntNotoSans-Regular'),
      loadFontFile('NotoSans-Bold.ttf', 'KruispuntNotoSans-Bold'),
      loadFontFile('NotoSansArabic-Regular.ttf', 'KruispuntNotoSansArabic-Regular'),
    ]);
    return { regular, bold, arabic };
  })().catch((error: unknown) => {
    fontFiles = undefined; // let a later call retry
    throw error;
  });
  return fontFiles;
}
