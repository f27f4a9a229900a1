import type { AttachmentRow } from './repo.js';

export const attachmentUrl = (a: Pick<AttachmentRow, 'complaintId' | 'id'>, variant: 'content' | 'preview') =>
  `/api/v1/complaints/${a.complaintId}/attachments/${a.id}/${variant}`;

/** The API shape of an attachment: storage keys stay private, the bytes are reached through the URLs. */
export function presentAttachment(a: AttachmentRow) {
  return {
    id: a.id,
    purpose: a.purpose,
    kind: a.kind,
    filename: a.filename,
    mimeType: a.mimeType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    createdAt: a.createdAt,
    uploadedBy: a.uploadedBy ? { id: a.uploadedBy, displayName: a.uploadedByName } : null,
    url: attachmentUrl(a, 'content'),
    previewUrl: a.previewKey ? attachmentUrl(a, 'preview') : null,
  };
}
