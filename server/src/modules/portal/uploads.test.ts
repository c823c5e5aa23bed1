import { describe, expect, it } from 'vitest';
import { cleanFileName, isWellFormed, sniffUploadType } from './uploads';
import { heif, jpeg, pdf, png, webp } from './upload-samples';

describe('uploads are judged by their bytes (issue 6 §4)', () => {
  it.each([
    ['PDF', pdf(), 'application/pdf'],
    ['JPEG', jpeg(), 'image/jpeg'],
    ['PNG', png(), 'image/png'],
    ['WebP', webp(), 'image/webp'],
    ['HEIC (iPhone photo)', heif('heic'), 'image/heic'],
    ['HEIF with a generic brand and HEIC inside', heif('mif1', ['mif1', 'heic']), 'image/heic'],
    ['HEIF, generic', heif('mif1', ['mif1']), 'image/heif'],
  ])('%s is recognised and whole', (_name, bytes, type) => {
    expect(sniffUploadType(bytes)).toBe(type);
    expect(isWellFormed(type as never, bytes)).toBe(true);
  });

  it.each([
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['a Windows program named proof.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')],
    ['an SVG (script inside an image)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['plain text', Buffer.from('ik heb 12 uur gewerkt')],
    ['AVIF (HEIF family, not accepted)', heif('avif', ['avif', 'mif1'])],
    ['an empty file', Buffer.alloc(0)],
  ])('%s is not accepted', (_name, bytes) => {
    expect(sniffUploadType(bytes)).toBeNull();
  });

  it.each([
    ['a PDF without %%EOF', 'application/pdf', pdf().subarray(0, -7)],
    ['a cut-off JPEG whose EXIF thumbnail still has an end marker', 'image/jpeg', jpeg({ cut: true })],
    ['a JPEG with a segment running past the end', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 1, 2])],
    ['a PNG without IEND', 'image/png', png().subarray(0, -12)],
    ['a PNG with a damaged chunk', 'image/png', Buffer.from(png()).fill(0x41, 40, 42)],
    ['a WebP shorter than it says', 'image/webp', webp().subarray(0, -4)],
    ['an HEIC cut in its last box', 'image/heic', heif().subarray(0, -2)],
  ])('%s is malformed', (_name, type, bytes) => {
    expect(isWellFormed(type as never, bytes)).toBe(false);
  });

  it('a JPEG may carry bytes after its end marker (some phones append data there)', () => {
    expect(isWellFormed('image/jpeg', Buffer.concat([jpeg(), Buffer.from('SEFT trailer')]))).toBe(true);
  });

  it.each([
    ['C:\\Users\\amina\\Bewijs.pdf', 'Bewijs.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['<script>.jpg', 'script.jpg'],
    ['', 'upload'],
    [undefined, 'upload'],
    ['صورة.jpg', 'صورة.jpg'],
  ])('the name %s is kept as %s', (name, expected) => {
    expect(cleanFileName(name)).toBe(expected);
  });
});
