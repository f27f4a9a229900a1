import { hasPermission } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { requirePermission } from '../../http/auth.js';
import { sendStoredFile } from '../../http/stored-file.js';
import type { Api } from '../../http/types.js';
import type { FileStore } from '../../lib/file-store.js';

const fileParams = z.object({ id: z.uuid(), submissionId: z.uuid(), fileId: z.uuid() });

/**
 * The files a submission claimed (photos, recordings, signatures), by the upload id its answer holds: for the
 * form managers who review submissions, and for the submitter. The type is read from the bytes again (never
 * from the client's name), and the browser is told not to guess another.
 */
export function formFileRoutes(app: Api, { db, files }: { db: Db; files: FileStore }) {
  app.get(
    '/api/v1/forms/:id/submissions/:submissionId/files/:fileId',
    {
      schema: {
        tags: ['forms'],
        summary: "A file a submission's answer names (its upload id): forms.manage, or the submitter",
        params: fileParams,
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'forms.read');
      const { id, submissionId, fileId } = request.params;
      const [row] = await db.query<{ storageKey: string; sizeBytes: string; submittedBy: string }>(
        `select f.storage_key as "storageKey", f.size_bytes as "sizeBytes", s.submitted_by as "submittedBy"
           from form_submission_files f join form_submissions s on s.id = f.submission_id
          where f.submission_id = $1 and f.upload_id = $2 and s.form_version_id = $3`,
        [submissionId, fileId, id],
      );
      if (!row || (row.submittedBy !== actor.id && !hasPermission(actor, 'forms.manage'))) {
        throw new AppError('not_found');
      }
      return sendStoredFile(reply, files, { key: row.storageKey, sizeBytes: row.sizeBytes, id: fileId });
    },
  );
}
