import { randomUUID } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { type Actor, canAct, canSeeAttachments } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../../context.js';
import type { Db, Queryable } from '../../../../db/driver.js';
import { AppError } from '../../../../http/app-error.js';
import { type ByteRange, FileNotFoundError, type FileStore } from '../../../../lib/file-store.js';
import { appendAudit } from '../../../../platform/audit/repo.js';
import { loadForIntake, loadVisible } from '../actions.js';
import { accessView } from '../presenter.js';
import { appendEvent, updateComplaint } from '../repo.js';
import { UploadInspector } from './inspector.js';
import { makePreview } from './preview.js';
import * as repo from './repo.js';
import type { SniffedType } from './sniff.js';

type Ctx = RequestContext & { actor: AuthUser };

export interface UploadInput {
  purpose: repo.AttachmentPurpose;
  /** The name the client gave; only displayed, never trusted for the type. */
  filename: string | undefined;
  content: Readable;
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;

/** Keeps the last path segment, drops control and bidi-override characters (no "photo\u202Egpj.exe"). */
export function safeFilename(name: string | undefined, type: SniffedType): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  return [...clean].slice(0, 200).join('') || `${type.kind}.${type.extension}`;
}

/**
 * Uploading is part of working the case: whoever may comment on it may attach files to it, and so may whoever
 * just filed it, during the filer's window.
 */
async function loadForUpload(q: Queryable, actor: Actor, complaintId: string, forUpdate = false) {
  const { complaint: c, filer } = await loadForIntake(q, actor, complaintId, forUpdate);
  if (!filer && !canAct(actor, accessView(c), 'comment')) throw new AppError('forbidden');
  return c;
}

/**
 * Reading files is for those who see the original case: a supervisor reading a published summary gets no
 * photo or recording, which may identify people (403: the case itself is visible to them).
 */
async function loadForReading(q: Queryable, actor: Actor, complaintId: string) {
  const c = await loadVisible(q, actor, complaintId);
  if (!canSeeAttachments(actor, accessView(c))) throw new AppError('forbidden');
  return c;
}

/** The one writer of complaint attachments: the file in the store, its row, event and audit entry. */
export function createAttachmentService({ db, files }: { db: Db; files: FileStore }) {
  /** Stores the bytes (type-checked, size-limited, hashed) and an image's preview; returns their keys. */
  async function store(complaintId: string, id: string, content: Readable) {
    const storageKey = `complaints/${complaintId}/${id}`;
    const inspector = new UploadInspector();
    // Errors of the incoming stream (a client that disconnects) reach the store through the inspector.
    await files.put(
      storageKey,
      pipeline(content, inspector, () => {}),
    );
    const type = inspector.type!;
    let previewKey: string | null = null;
    try {
      if (type.kind === 'image') {
        const preview = await makePreview(await buffer(await files.get(storageKey)));
        if (preview) {
          previewKey = `${storageKey}-preview.webp`;
          await files.put(previewKey, preview);
        }
      }
    } catch (error) {
      await removeQuietly(storageKey, previewKey);
      throw error;
    }
    return { storageKey, previewKey, type, size: inspector.size, sha256: inspector.sha256 };
  }

  async function removeQuietly(...keys: Array<string | null>) {
    await Promise.allSettled(keys.filter((k): k is string => k !== null).map((k) => files.remove(k)));
  }

  return {
    async upload(ctx: Ctx, complaintId: string, input: UploadInput): Promise<repo.AttachmentRow> {
      // Checked before the content is read: a refused caller's bytes are never stored.
      await loadForUpload(db, ctx.actor, complaintId);
      const id = randomUUID();
      const stored = await store(complaintId, id, input.content);
      const filename = safeFilename(input.filename, stored.type);
      try {
        await db.transaction(async (tx) => {
          // Checked again under the row lock: the case may have been reassigned during a long upload.
          await loadForUpload(tx, ctx.actor, complaintId, true);
          const eventId = await appendEvent(tx, {
            complaintId,
            actorId: ctx.actor.id,
            kind: 'attachment_added',
            fromStatus: null,
            toStatus: null,
            payload: { attachmentId: id, purpose: input.purpose, filename },
          });
          await repo.insertAttachment(tx, {
            id,
            complaintId,
            eventId,
            purpose: input.purpose,
            kind: stored.type.kind,
            filename,
            mimeType: stored.type.mimeType,
            sizeBytes: stored.size,
            sha256: stored.sha256,
            storageKey: stored.storageKey,
            previewKey: stored.previewKey,
            uploadedBy: ctx.actor.id,
          });
          // An empty change still bumps version and change_seq, so devices pull the new attachment.
          await updateComplaint(tx, complaintId, {});
          await appendAudit(tx, {
            actorId: ctx.actor.id,
            entity: 'complaint',
            entityId: complaintId,
            action: 'attachment_added',
            changes: {
              attachmentId: id,
              purpose: input.purpose,
              kind: stored.type.kind,
              filename,
              sizeBytes: stored.size,
              sha256: stored.sha256,
            },
            ip: ctx.ip,
          });
        });
      } catch (error) {
        await removeQuietly(stored.storageKey, stored.previewKey);
        throw error;
      }
      return (await repo.findAttachment(db, complaintId, id))!;
    },

    async list(actor: Actor, complaintId: string): Promise<repo.AttachmentRow[]> {
      await loadForReading(db, actor, complaintId);
      return repo.listAttachments(db, complaintId);
    },

    /** The stored bytes of an attachment (or of its preview) for someone who may see the case. */
    async open(actor: Actor, complaintId: string, attachmentId: string, variant: 'content' | 'preview') {
      const c = await loadForReading(db, actor, complaintId);
      const attachment = await repo.findAttachment(db, complaintId, attachmentId);
      const key = variant === 'content' ? attachment?.storageKey : attachment?.previewKey;
      if (!attachment || !key) throw new AppError('not_found');
      const size = variant === 'content' ? attachment.sizeBytes : await files.size(key);
      if (size === undefined) throw new AppError('not_found');
      return {
        attachment,
        sensitive: c.sensitive,
        size,
        mimeType: variant === 'content' ? attachment.mimeType : 'image/webp',
        etag: `"${attachment.sha256}${variant === 'preview' ? '-preview' : ''}"`,
        async read(range?: ByteRange): Promise<Readable> {
          try {
            return await files.get(key, range);
          } catch (error) {
            if (error instanceof FileNotFoundError) throw new AppError('not_found');
            throw error;
          }
        },
      };
    },
  };
}
