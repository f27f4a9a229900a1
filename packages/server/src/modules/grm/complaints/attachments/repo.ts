import type { Queryable } from '../../../../db/driver.js';
import type { AttachmentKind } from './sniff.js';

export const ATTACHMENT_PURPOSES = ['evidence', 'minutes', 'investigation'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export interface AttachmentRow {
  id: string;
  complaintId: string;
  eventId: number | null;
  purpose: AttachmentPurpose;
  kind: AttachmentKind;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  previewKey: string | null;
  uploadedBy: string | null;
  uploadedByName: string | null;
  createdAt: Date;
}

export type NewAttachment = Omit<AttachmentRow, 'uploadedByName' | 'createdAt'>;

const SELECT = `
  select a.id, a.complaint_id as "complaintId", a.event_id as "eventId", a.purpose, a.kind, a.filename,
         a.mime_type as "mimeType", a.size_bytes as "sizeBytes", a.sha256, a.storage_key as "storageKey",
         a.preview_key as "previewKey", a.uploaded_by as "uploadedBy", u.display_name as "uploadedByName",
         a.created_at as "createdAt"
    from complaint_attachments a
    left join users u on u.id = a.uploaded_by`;

export async function insertAttachment(tx: Queryable, a: NewAttachment): Promise<void> {
  await tx.query(
    `insert into complaint_attachments (id, complaint_id, event_id, purpose, kind, filename, mime_type,
                                        size_bytes, sha256, storage_key, preview_key, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      a.id,
      a.complaintId,
      a.eventId,
      a.purpose,
      a.kind,
      a.filename,
      a.mimeType,
      a.sizeBytes,
      a.sha256,
      a.storageKey,
      a.previewKey,
      a.uploadedBy,
    ],
  );
}

export async function findAttachment(
  db: Queryable,
  complaintId: string,
  id: string,
): Promise<AttachmentRow | undefined> {
  const rows = await db.query<AttachmentRow>(`${SELECT} where a.id = $1 and a.complaint_id = $2`, [
    id,
    complaintId,
  ]);
  return rows[0];
}

export function listAttachments(db: Queryable, complaintId: string): Promise<AttachmentRow[]> {
  return db.query<AttachmentRow>(`${SELECT} where a.complaint_id = $1 order by a.created_at, a.id`, [
    complaintId,
  ]);
}
