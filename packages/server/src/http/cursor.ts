import type { z } from 'zod';
import { AppError } from './app-error.js';

/** Opaque keyset-pagination cursors: the sort key of the last row sent, as base64url JSON. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('invalid_cursor');
  }
}

/** Given `limit + 1` rows, returns the page and the cursor of its last row when more follow. */
export function page<R, K>(rows: R[], limit: number, keyOf: (row: R) => K) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
