import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Actor } from '@coso/domain';
import type { Db, Queryable } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { MAX_BYTES, MAX_UPLOAD_BYTES, SNIFF_BYTES, sniff } from '../../lib/file-sniff.js';
import * as repo from './uploads-repo.js';

/** Uploads a user may hold at once (complete or not, until attached): bounds one account's disk use. */
export const MAX_OPEN_UPLOADS = 100;
/** An incomplete upload untouched this long is deleted (the device starts it again if it still wants it). */
export const STALE_UPLOAD_DAYS = 7;
/** A complete upload no mutation attached within this time is deleted. */
export const UNUSED_UPLOAD_DAYS = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type UploadService = ReturnType<typeof createUploadService>;

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Resumable uploads (the tus 1.0.0 core protocol, see uploads-routes.ts): the bytes of each upload in one file
 * under `dir`, its state (length, offset received, recognised kind) in `sync_uploads`. An upload belongs to
 * the user who created it: for anyone else it does not exist. Attaching it to a case is a separate mutation
 * (attachment.add), which consumes it.
 */
export function createUploadService({ db, dir }: { db: Db; dir: string }) {
  const fileOf = (id: string) => path.join(dir, id);
  /** Uploads with a PATCH being written in this process, and how to stop it (see append). */
  const running = new Map<string, { stop(): void; done: Promise<void> }>();

  /**
   * Writes the body where it belongs in the file (positional writes, never past the declared length) and
   * returns how far it got; a broken connection just ends the writing.
   */
  async function writeFrom(upload: repo.UploadRow, body: Readable) {
    let written = upload.offset;
    let overflow = false;
    const handle = await open(fileOf(upload.id), 'r+').catch(async (error) => {
      if (!isMissing(error)) throw error;
      await repo.deleteUpload(db, upload.id);
      throw new AppError('upload_not_found');
    });
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        const room = upload.length - written;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        if (part.length) await handle.write(part, 0, part.length, written);
        written += part.length;
        if (chunk.length > room) {
          overflow = true;
          break;
        }
      }
    } catch {
      // The connection broke (or a retry stopped it): keep what arrived; the device asks HEAD and resumes.
    } finally {
      await handle.datasync().catch(() => {});
      await handle.close();
    }
    return { written, overflow };
  }

  async function own(q: Queryable, actor: Actor, id: string, forUpdate = false) {
    const upload = UUID.test(id) ? await repo.findUpload(q, id, forUpdate) : undefined;
    if (!upload || upload.userId !== actor.id) throw new AppError('upload_not_found');
    return upload;
  }

  /** Checks the first bytes once they are all there: the wrong type or an oversize kind ends the upload. */
  async function recognise(upload: repo.UploadRow, received: number): Promise<string | null> {
    if (upload.kind || received < Math.min(SNIFF_BYTES, upload.length)) return upload.kind;
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, received));
    const handle = await open(fileOf(upload.id), 'r');
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    const type = sniff(head);
    const refusal = !type
      ? new AppError('unsupported_media_type')
      : upload.length > MAX_BYTES[type.kind]
        ? new AppError('upload_too_large', { maxBytes: MAX_BYTES[type.kind] })
        : undefined;
    if (refusal) {
      await discard(db, upload.id);
      throw refusal;
    }
    return type!.kind;
  }

  async function discard(q: Queryable, id: string) {
    await repo.deleteUpload(q, id);
    await rm(fileOf(id), { force: true });
  }

  return {
    dir,

    async create(
      actor: Actor,
      input: { length: number; filename: string | null; declaredType: string | null },
    ): Promise<string> {
      if (input.length > MAX_UPLOAD_BYTES) {
        throw new AppError('upload_too_large', { maxBytes: MAX_UPLOAD_BYTES });
      }
      if ((await repo.countOpenUploads(db, actor.id)) >= MAX_OPEN_UPLOADS) {
        throw new AppError('too_many_requests', { maxOpenUploads: MAX_OPEN_UPLOADS });
      }
      const id = randomUUID();
      await mkdir(dir, { recursive: true });
      await (await open(fileOf(id), 'wx')).close();
      try {
        await repo.insertUpload(db, { id, userId: actor.id, ...input });
      } catch (error) {
        await rm(fileOf(id), { force: true });
        throw error;
      }
      return id;
    },

    /** The upload's state for its owner (HEAD). */
    status: (actor: Actor, id: string) => own(db, actor, id),

    /**
     * Appends the body at `offset`, which must be the offset received so far (409 otherwise). Whatever
     * arrived before a broken connection is kept and counted, so the device resumes from there. A PATCH still
     * running for the same upload (its connection died without the server noticing, as on a phone that lost
     * its signal) is stopped and its bytes counted first: the device's retry takes over instead of waiting.
     */
    async append(actor: Actor, id: string, offset: number, body: Readable, declaredBytes?: number) {
      await own(db, actor, id);
      const previous = running.get(id);
      if (previous) {
        previous.stop();
        await previous.done;
      }
      // Two retries raced for the stopped one: the first took it.
      if (running.has(id)) throw new AppError('upload_locked');
      let finished = () => {};
      running.set(id, { stop: () => body.destroy(), done: new Promise<void>((r) => (finished = r)) });
      try {
        const upload = await own(db, actor, id);
        if (offset !== upload.offset) {
          const current = { 'upload-offset': String(upload.offset) };
          throw new AppError('upload_offset_mismatch', { offset: upload.offset }, current);
        }
        if (declaredBytes !== undefined && offset + declaredBytes > upload.length) {
          throw new AppError('upload_too_large', { maxBytes: upload.length - offset });
        }
        const { written, overflow } = await writeFrom(upload, body);
        const kind = await recognise(upload, written);
        const recorded = await repo.advanceUpload(db, id, offset, written, kind);
        if (recorded === undefined) throw new AppError('upload_not_found');
        if (overflow) throw new AppError('upload_too_large', { maxBytes: upload.length });
        return { offset: recorded, length: upload.length, complete: recorded === upload.length };
      } finally {
        running.delete(id);
        finished();
      }
    },

    /** Abandons an upload (tus termination). */
    async remove(actor: Actor, id: string) {
      await own(db, actor, id);
      await discard(db, id);
    },

    /**
     * The complete upload a mutation attaches, locked in the mutation's transaction: another user's or an
     * unknown id is `upload_not_found`; an incomplete one `upload_incomplete` (the device retries later).
     */
    async takeComplete(q: Queryable, actor: Actor, id: string) {
      const upload = await own(q, actor, id, true);
      if (!upload.completedAt) throw new AppError('upload_incomplete', { offset: upload.offset });
      const size = await stat(fileOf(id)).then(
        (s) => s.size,
        () => undefined,
      );
      if (size !== upload.length) throw new AppError('upload_not_found');
      return { upload, content: (): Readable => createReadStream(fileOf(id)) };
    },

    /** Forgets a consumed upload's row (in the mutation's transaction); removeBytes once it committed. */
    consume: (q: Queryable, id: string) => repo.deleteUpload(q, id),
    removeBytes: (id: string) => rm(fileOf(id), { force: true }),
  };
}

/**
 * The purge job (platform/jobs/worker.ts), outside any transaction: stale rows are deleted, then their bytes. Should the
 * process die in between, the file is an orphan: files without a row and untouched since `orphanBefore` (a
 * killed upload, or one whose row was never written) are deleted too. A row whose file is gone answers
 * upload_not_found and the device starts over.
 */
export async function purgeStaleUploads(q: Queryable, dir: string, orphanBefore: Date): Promise<number> {
  const ids = await repo.deleteStaleUploads(q, STALE_UPLOAD_DAYS, UNUSED_UPLOAD_DAYS);
  for (const id of ids) await rm(path.join(dir, id), { force: true });
  const names = await readdir(dir).catch((error) => {
    if (isMissing(error)) return [];
    throw error;
  });
  const candidates: string[] = [];
  for (const name of names) {
    const modified = await stat(path.join(dir, name)).then(
      (s) => (s.isFile() ? s.mtime : undefined),
      () => undefined,
    );
    if (modified && modified < orphanBefore) candidates.push(name);
  }
  const known = new Set(
    await repo.existingUploads(
      q,
      candidates.filter((n) => UUID.test(n)),
    ),
  );
  let orphans = 0;
  for (const name of candidates.filter((n) => !known.has(n))) {
    await rm(path.join(dir, name), { force: true });
    orphans += 1;
  }
  return ids.length + orphans;
}
