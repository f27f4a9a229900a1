import type { ByteRange } from '../../../../lib/file-store.js';

/**
 * Reads a single-range `Range: bytes=…` header against a file of `size` bytes (audio players seek with it).
 * Anything else (no header, another unit, several ranges, garbage) is ignored and the whole file is sent,
 * which HTTP allows; a range starting past the end is 'unsatisfiable' (416).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** RFC 5987 percent-encoding: encodeURIComponent leaves a few characters the header syntax reserves. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition with an ASCII fallback for old clients and the exact UTF-8 name for the others
 * (RFC 6266). Only images and audio are shown `inline`: the browser renders them itself, inertly. Anything
 * else (a PDF today, perhaps more kinds tomorrow) may carry active content (PDF `/JavaScript`, forms, links)
 * that the browser's viewer would run with our origin in its address bar, so it is downloaded instead.
 */
export function contentDisposition(filename: string, kind: string): string {
  const type = kind === 'image' || kind === 'audio' ? 'inline' : 'attachment';
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
