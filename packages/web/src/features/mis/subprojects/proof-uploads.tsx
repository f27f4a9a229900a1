import { type ReactNode, useState } from 'react';
import { uploadFile } from '../../../api/upload';
import { useI18n } from '../../../i18n/i18n-context';
import { fileKind, maxBytes } from '../../../ui/files';
import { FieldHelp } from '../../../ui/form-fields';
import { useAuth } from '../../auth/auth-context';

/** Photos and PDF reports only: the proof of a step or a document of the sub-project. */
const ACCEPTED = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

interface Sending {
  key: string;
  name: string;
  uploadId?: string;
  failed?: string;
}

export interface ProofUploads {
  /** Upload ids of the files fully sent (what the request names). */
  ids: string[];
  /** A file is still being sent. */
  busy: boolean;
  reset: () => void;
  field: ReactNode;
}

/**
 * Files chosen in a form are sent at once through the app's resumable uploads (the DCC materials' helper,
 * permission files.upload); the form then names their upload ids and the server claims them.
 */
export function useProofUploads(id: string, label: string): ProofUploads {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const [files, setFiles] = useState<Sending[]>([]);
  const patch = (key: string, p: Partial<Sending>) =>
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...p } : f)));

  function choose(list: FileList | null) {
    for (const file of Array.from(list ?? [])) {
      const key = crypto.randomUUID();
      const kind = fileKind(file);
      const bad =
        !kind || kind === 'audio'
          ? t('mis.files.badType', { name: file.name })
          : file.size > maxBytes(kind)
            ? t('intake.fileTooBig', { name: file.name, max: maxBytes(kind) / (1024 * 1024) })
            : undefined;
      setFiles((l) => [...l, { key, name: file.name, failed: bad }]);
      if (bad) continue;
      uploadFile(file, { csrfToken: me?.csrfToken ?? null, locale }).then(
        (uploadId) => patch(key, { uploadId }),
        (error: unknown) =>
          patch(key, {
            failed: t('mis.event.uploadFailed', {
              name: file.name,
              reason: error instanceof Error ? error.message : String(error),
            }),
          }),
      );
    }
  }

  const field = (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input
        id={id}
        type="file"
        className="form-control"
        accept={ACCEPTED}
        multiple
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          choose(e.target.files);
          e.target.value = '';
        }}
      />
      <FieldHelp id={id} hint={t('mis.event.filesHint')} />
      {files.length > 0 && (
        <ul className="list-unstyled small mt-2 mb-0" aria-live="polite">
          {files.map((f) => (
            <li key={f.key} className={f.failed ? 'text-danger' : undefined}>
              {f.failed ??
                (f.uploadId
                  ? t('mis.event.uploaded', { name: f.name })
                  : t('mis.event.uploading', { name: f.name }))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return {
    ids: files.flatMap((f) => (f.uploadId ? [f.uploadId] : [])),
    busy: files.some((f) => !f.uploadId && !f.failed),
    reset: () => setFiles([]),
    field,
  };
}
