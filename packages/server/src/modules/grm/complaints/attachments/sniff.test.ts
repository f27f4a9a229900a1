import { describe, expect, it } from 'vitest';
import { parseRange } from './http-range.js';
import { safeFilename } from './service.js';
import { sniff } from './sniff.js';

const bin = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const oggPage = (packet: string) =>
  bin('OggS', [0, 2, ...new Array(20).fill(0), 1, packet.length], packet, new Array(32).fill(0));
const ftyp = (brand: string, rest = '') =>
  bin([0, 0, 0, 0x20], 'ftyp', brand, [0, 0, 0, 0], 'M4A mp42isom', rest);
const webm = (codec: string) => bin([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm', '....', codec);

describe('sniff', () => {
  it.each([
    [bin([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    [bin([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]), 'image/png'],
    [bin('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    [bin('%PDF-1.7\n'), 'application/pdf'],
    [bin('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    [oggPage('OpusHead\x01\x01'), 'audio/ogg'],
    [oggPage('\x01vorbis'), 'audio/ogg'],
    [webm('A_OPUS'), 'audio/webm'],
    [ftyp('M4A '), 'audio/mp4'],
    [ftyp('isom', 'moov....hdlr\0\0\0\0\0\0\0\0soun'), 'audio/mp4'],
    [bin('#!AMR\n', [0x3c]), 'audio/amr'],
    [bin('#!AMR-WB\n'), 'audio/amr-wb'],
    [bin('ID3', [4, 0, 0]), 'audio/mpeg'],
    [bin([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    [bin([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
  ])('recognises %#', (head, mimeType) => {
    expect(sniff(head)?.mimeType).toBe(mimeType);
  });

  it.each([
    ['text', bin('hello, this is not a photo')],
    ['html', bin('<html><script>alert(1)</script>')],
    ['svg', bin('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['exe', bin('MZ\x90\x00')],
    ['zip', bin('PK\x03\x04')],
    ['gif', bin('GIF89a')],
    ['ogg video', oggPage('\x80theora')],
    ['webm video', webm('V_VP8')],
    ['mp4 video', ftyp('isom', 'moov....hdlr\0\0\0\0\0\0\0\0vide')],
    ['quicktime', ftyp('qt  ')],
    ['empty', bin('')],
    ['truncated jpeg magic', bin([0xff, 0xd8])],
    ['bad mpeg frame', bin([0xff, 0xff, 0xff, 0xff])],
  ])('refuses %s', (_name, head) => {
    expect(sniff(head)).toBeUndefined();
  });
});

describe('parseRange', () => {
  it('reads single ranges and ignores what it does not understand', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=-10', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    for (const ignored of [undefined, 'items=0-1', 'bytes=0-1,5-6', 'bytes=5-1', 'bytes=-', 'bytes=a-b']) {
      expect(parseRange(ignored, 1000)).toBeUndefined();
    }
  });
});

describe('safeFilename', () => {
  const jpeg = { kind: 'image', mimeType: 'image/jpeg', extension: 'jpg' } as const;
  it('keeps the display name but no path, control or bidi characters', () => {
    expect(safeFilename('C:\\Users\\ama\\Photo du forage.jpg', jpeg)).toBe('Photo du forage.jpg');
    expect(safeFilename('../../etc/passwd', jpeg)).toBe('passwd');
    expect(safeFilename('photo\u202Egpj.exe', jpeg)).toBe('photogpj.exe');
    expect(safeFilename('  \u0000 ', jpeg)).toBe('image.jpg');
    expect(safeFilename(undefined, jpeg)).toBe('image.jpg');
    expect([...safeFilename('é'.repeat(500), jpeg)]).toHaveLength(200);
  });
});
