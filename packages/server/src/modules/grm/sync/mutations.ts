import {
  type Actor,
  type AttachmentAddPayload,
  attachmentAddPayloadSchema,
  type ComplaintActPayload,
  type ComplaintCreatePayload,
  complaintActPayloadSchema,
  complaintCreatePayloadSchema,
  type DateBounds,
  hasPermission,
  type Permission,
  trustedDeviceTime,
} from '@coso/domain';
import { AppError } from '../../../http/app-error.js';
import type { FileStore } from '../../../lib/file-store.js';
import type { MutationDefinition } from '../../../platform/sync/mutations.js';
import type { MutationDeps, MutationTypes } from '../../../platform/sync/registry.js';
import type { UploadService } from '../../../platform/sync/uploads.js';
import { markCodeUsed, pickTrackingCode } from './codes.js';

function needs(actor: Actor, permission: Permission) {
  if (!hasPermission(actor, permission)) throw new AppError('forbidden');
}

/**
 * A case recorded offline was received when the facilitator recorded it, not when the phone found a network:
 * the time the device gave (the wizard's, else the mutation's), but only within the date bounds. A phone
 * reset to 1970 or running years ahead says nothing about the case: the server's time stands in, rather than
 * refusing a complaint the facilitator cannot record again.
 */
function receivedAt(payload: ComplaintCreatePayload, clientTime: string, bounds: DateBounds): string {
  return trustedDeviceTime(payload.receivedAt ?? clientTime, bounds);
}

/** `complaint.create`: the REST intake, source 'field', with the device's case id and tracking code. */
const complaintCreate: MutationDefinition<ComplaintCreatePayload> = {
  payload: complaintCreatePayloadSchema,
  async apply({ db, services, ctx, mutation }, payload) {
    needs(ctx.actor, 'complaints.create');
    const { trackingCode: proposed, ...input } = payload;
    const picked = await pickTrackingCode(db, ctx.actor.id, proposed);
    const c = await services.complaints.create(
      ctx,
      { ...input, receivedAt: receivedAt(payload, mutation.clientTime, services.complaints.dateBounds()) },
      'field',
      picked?.code,
    );
    if (picked?.reserved) await markCodeUsed(db, picked.code, c.id);
    return { id: c.id, trackingCode: c.trackingCode, reference: c.reference, version: c.version };
  },
};

/**
 * `complaint.act`: a lifecycle action with the case version the device saw; a stale version is a conflict.
 * Comments append whatever happened meanwhile, so their version is not checked.
 */
const complaintAct: MutationDefinition<ComplaintActPayload> = {
  payload: complaintActPayloadSchema,
  async apply({ services, ctx }, { complaintId, action }, baseVersion) {
    needs(ctx.actor, 'complaints.read');
    const checked = action.action === 'comment' ? undefined : baseVersion;
    const c = await services.complaints.act(ctx, complaintId, action, checked);
    return { complaintId, status: c.status, version: c.version };
  },
  conflictRow: ({ complaintId }) => ({ table: 'complaints', id: complaintId }),
};

/**
 * `attachment.add`: attaches a completed resumable upload through the attachment service (same checks as
 * the REST upload: access, type from the content, size per kind, image preview), then consumes the upload.
 */
function attachmentAdd(uploads: UploadService, files: FileStore): MutationDefinition<AttachmentAddPayload> {
  return {
    payload: attachmentAddPayloadSchema,
    async apply({ db, services, ctx, afterCommit, onRollback }, { complaintId, uploadId, purpose }) {
      needs(ctx.actor, 'complaints.read');
      const { upload, content } = await uploads.takeComplete(db, ctx.actor, uploadId);
      const attachment = await services.attachments.upload(ctx, complaintId, {
        purpose,
        filename: upload.filename ?? undefined,
        content: content(),
      });
      onRollback(async () => {
        await files.remove(attachment.storageKey);
        if (attachment.previewKey) await files.remove(attachment.previewKey);
      });
      await uploads.consume(db, upload.id);
      afterCommit(() => uploads.removeBytes(upload.id));
      return {
        attachmentId: attachment.id,
        complaintId,
        kind: attachment.kind,
        mimeType: attachment.mimeType,
        sizeBytes: attachment.sizeBytes,
      };
    },
  };
}

/** The grievance mutation types a device may push (docs/sync.md, "Push"). */
export function grmMutations({ uploads, files }: MutationDeps): MutationTypes {
  return {
    'complaint.create': complaintCreate,
    'complaint.act': complaintAct,
    'attachment.add': attachmentAdd(uploads, files),
  };
}
