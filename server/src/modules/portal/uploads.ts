/**
 * What a newcomer may upload (a photo or a PDF of a proof), judged from the bytes alone: the name and
 * the declared type come from the phone and say nothing. Pure: the route reads the bytes within the
 * size limit, these functions say what they are and whether they are whole, and the virus scanner
 * (clamav.ts) has the last word.
 */
import { crc32 } from 'node:zlib';

export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif', 'image/webp'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

const ascii = (bytes: Uint8Array, from: number, length: number) => Buffer.from(bytes.subarray(from, from + length)).toString('latin1');
const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

// ISO/IEC 23008-12 brands: HEIC (HEVC-coded images) and the generic HEIF image and sequence brands.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

/** The type of a file by its magic bytes, or null when it is none of the accepted ones. */
export function sniffUploadType(bytes: Uint8Array): UploadType | null {
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
    // A generic major brand: the compatible brands tell HEIC apart from other HEIF (and from AVIF, not accepted).
    if (HEIF_BRANDS.has(brand)) return compatibleBrands(bytes).some((b) => HEIC_BRANDS.has(b)) ? 'image/heic' : 'image/heif';
  }
  return null;
}

function compatibleBrands(bytes: Uint8Array): string[] {
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const brands: string[] = [];
  for (let at = 16; at + 4 <= Math.min(size, bytes.length); at += 4) brands.push(ascii(bytes, at, 4));
  return brands;
}

/**
 * Whether a file of a sniffed type is whole: a PDF ends with %%EOF, a JPEG reaches its end-of-image
 * marker, a PNG its IEND chunk with every checksum right, a WebP or HEIF its declared length. A photo
 * cut off by a broken connection is refused here, before anyone opens it.
 */
export function isWellFormed(type: UploadType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'application/pdf':
      return pdfComplete(bytes);
    case 'image/jpeg':
      return jpegComplete(bytes);
    case 'image/png':
      return pngComplete(bytes);
    case 'image/webp':
      return webpComplete(bytes);
    case 'image/heic':
    case 'image/heif':
      return isoBoxesComplete(bytes);
  }
}

/** PDF 1.7 §7.5.5: the file ends with %%EOF; readers allow some trailing bytes after it. */
function pdfComplete(bytes: Uint8Array): boolean {
  return ascii(bytes, Math.max(0, bytes.length - 1024), 1024).includes('%%EOF');
}

/**
 * Walks the JPEG segments (ITU T.81 Annex B) to the end-of-image marker. Walking, not searching for
 * FF D9, because an EXIF thumbnail carries its own end marker inside a cut-off photo; bytes after
 * the end marker (some phones append data there) are allowed.
 */
function jpegComplete(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return true;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (at + 3 >= bytes.length) return false;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return false;
    at += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data: a marker is FF followed by anything but a stuffed 00 or a restart marker.
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at += 1;
    }
  }
  return false;
}

/** PNG (ISO/IEC 15948): IHDR first, every chunk inside the file with a correct CRC, ending in IEND. */
function pngComplete(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) return false;
    if (first && type !== 'IHDR') return false;
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return false;
    if (type === 'IEND') return true;
    first = false;
    at = end;
  }
  return false;
}

/** RIFF: the declared size covers the file, and the first chunk is a WebP bitstream. */
function webpComplete(bytes: Uint8Array): boolean {
  if (bytes.length < 20) return false;
  const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  return declared + 8 <= bytes.length && ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12, 4));
}

/** ISO base media file format (HEIF): top-level boxes that tile the file exactly, with image metadata. */
function isoBoxesComplete(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const seen = new Set<string>();
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return false;
    let size = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (size === 1) {
      if (at + 16 > bytes.length) return false;
      size = Number(view.getBigUint64(at + 8));
    } else if (size === 0) {
      size = bytes.length - at; // the last box runs to the end of the file
    }
    if (size < 8 || at + size > bytes.length) return false;
    seen.add(type);
    at += size;
  }
  return seen.has('ftyp') && seen.has('meta');
}

/**
 * A file name fit to store and show: the last path part, without control or markup characters,
 * at most 200 characters. The name is only shown; the type comes from the bytes.
 */
export function cleanFileName(name: string | undefined): string {
  const last = (name ?? '').split(/[/\\]/).pop() ?? '';
  const clean = last.replace(/[\u0000-\u001f\u007f<>"]/g, '').trim().slice(0, 200);
  return clean || 'upload';
}
