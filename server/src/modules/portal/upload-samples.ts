/**
 * Test support: the smallest well-formed files of each accepted type, built byte by byte, and ways
 * to break them, for the upload checks and the upload route's tests.
 */
import { crc32, deflateSync } from 'node:zlib';

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function pdf(body = 'Bewijs van deelname'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${body}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), typed, u32(crc32(typed))]);
}

/** A 1×1 grey PNG. */
export function png(): Buffer {
  const header = Buffer.concat([u32(1), u32(1), Buffer.from([8, 0, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const segment = (marker: number, payload: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);

/**
 * A JPEG's structure: SOI, an APP1 segment holding a thumbnail (with its own end marker, as EXIF
 * thumbnails do), a scan with stuffed bytes, EOI. `cut` leaves off the end marker and scan tail.
 */
export function jpeg(options: { cut?: boolean } = {}): Buffer {
  const thumbnail = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
  const parts = [
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), thumbnail])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78]),
  ];
  return options.cut ? Buffer.concat(parts).subarray(0, -3) : Buffer.concat([...parts, Buffer.from([0xff, 0xd9])]);
}

export function webp(): Buffer {
  const bitstream = Buffer.from([0x2f, 0, 0, 0, 0, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0]);
  const chunk = Buffer.concat([Buffer.from('VP8L', 'latin1'), Buffer.from([bitstream.length, 0, 0, 0]), bitstream]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + chunk.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, Buffer.from('WEBP', 'latin1'), chunk]);
}

const box = (type: string, payload: Buffer) => Buffer.concat([u32(8 + payload.length), Buffer.from(type, 'latin1'), payload]);

/** An HEIF file's top-level boxes: ftyp with the major brand, meta, mdat. */
export function heif(majorBrand = 'heic', compatible: string[] = ['mif1', 'heic']): Buffer {
  return Buffer.concat([
    box('ftyp', Buffer.concat([Buffer.from(majorBrand, 'latin1'), u32(0), ...compatible.map((b) => Buffer.from(b, 'latin1'))])),
    box('meta', u32(0)),
    box('mdat', Buffer.from([1, 2, 3, 4])),
  ]);
}
