import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An inclusive byte range, as HTTP Range requests express it. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where uploaded files live. Keys are relative, slash-separated paths ("complaints/<id>/<attachmentId>").
 * A local folder by default; an S3-compatible store in production implements the same interface.
 */
export interface FileStore {
  /** Stores the whole content under `key`, or nothing at all if the data fails part-way. */
  put(key: string, data: Buffer | Readable): Promise<void>;
  /** Reads the content (or one byte range of it); rejects with FileNotFoundError when absent. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Size in bytes, or undefined when absent. */
  size(key: string): Promise<number | undefined>;
  exists(key: string): Promise<boolean>;
  /** Removes the content; removing an absent key is not an error. */
  remove(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`file not found: ${key}`);
  }
}

export class InvalidFileKeyError extends Error {
  constructor(readonly key: string) {
    super(`invalid file key: ${JSON.stringify(key)}`);
  }
}

// Conservative on purpose: keys are built by the server from ids, so anything else is a bug or an attack.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Splits and checks a key: relative, no "..", no backslashes, no empty or dot-only segments. */
export function keySegments(key: string): string[] {
  const segments = key.split('/');
  const valid =
    key.length > 0 &&
    key.length <= 512 &&
    !path.isAbsolute(key) &&
    segments.every((s) => SEGMENT.test(s) && !/^\.+$/.test(s));
  if (!valid) throw new InvalidFileKeyError(key);
  return segments;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** A FileStore in a local folder; `root` is created on first write. */
export function localFileStore(root: string): FileStore {
  const absoluteRoot = path.resolve(root);
  const fullPath = (key: string) => path.join(absoluteRoot, ...keySegments(key));

  return {
    async put(key, data) {
      const target = fullPath(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written beside the target then renamed: a rename within one folder is atomic, so readers never see
      // half a file and a failed upload leaves nothing under the key.
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        if (Buffer.isBuffer(data)) await writeFile(temp, data, { flag: 'wx' });
        else await pipeline(data, createWriteStream(temp, { flags: 'wx' }));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(key, range) {
      const file = fullPath(key);
      try {
        // Opening first turns a missing file into a rejected promise instead of a later stream error.
        const handle = await open(file, 'r');
        return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      } catch (error) {
        if (isMissing(error)) throw new FileNotFoundError(key);
        throw error;
      }
    },

    async size(key) {
      try {
        const s = await stat(fullPath(key));
        return s.isFile() ? s.size : undefined;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async exists(key) {
      return (await this.size(key)) !== undefined;
    },

    async remove(key) {
      await rm(fullPath(key), { force: true });
    },
  };
}

/** A partial file untouched this long belongs to a write that died (killed process): the periodic purge deletes it. */
export const STALE_PARTIAL_HOURS = 24;

/**
 * Deletes, under `root` and its subfolders, the files `isPartial` recognises whose last write is before
 * `olderThan`; returns how many. A write in progress keeps touching its file, so age tells a dead one from a
 * slow one. A missing root is nothing to purge.
 */
export async function purgeStalePartials(
  root: string,
  olderThan: Date,
  isPartial: (name: string) => boolean = (name) => name.endsWith('.tmp'),
): Promise<number> {
  let removed = 0;
  const entries = await readdir(root, { withFileTypes: true }).catch((error) => {
    if (isMissing(error)) return [];
    throw error;
  });
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) removed += await purgeStalePartials(full, olderThan, isPartial);
    else if (entry.isFile() && isPartial(entry.name)) {
      const modified = await stat(full).then(
        (s) => s.mtime,
        () => undefined,
      );
      if (modified && modified < olderThan) {
        await rm(full, { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}
