import { type FormEvent, useRef, useState } from 'react';
import {
  ATTACHMENT_PURPOSES,
  type Attachment,
  type AttachmentPurpose,
} from '../../../../api/complaint-types';
import { uploadAttachment } from '../../../../api/complaints';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert } from '../../../../ui/alerts';
import { Card } from '../../../../ui/card';
import { ACCEPTED_FILES, fileKind, formatSize, maxBytes } from '../../../../ui/files';
import { FieldHelp, SelectField } from '../../../../ui/form-fields';

/** One file with the viewer its kind needs: picture or audio player; a PDF is downloaded. */
function AttachmentItem({ a }: { a: Attachment }) {
  const { t, locale, formatDate } = useI18n();
  const [expanded, setExpanded] = useState(false);
  return (
    <li className="list-group-item">
      <div className="d-flex flex-wrap align-items-baseline gap-2">
        <a href={a.url} target="_blank" rel="noopener" className="fw-semibold text-break">
          {a.filename}
        </a>
        <span className="badge text-bg-light border fw-normal">{t(`purpose.${a.purpose}`)}</span>
        <span className="small text-secondary">{formatSize(a.sizeBytes, locale)}</span>
      </div>
      <div className="small text-secondary mb-2">
        {t('case.uploadedBy', { name: a.uploadedBy?.displayName ?? '—', date: formatDate(a.createdAt) })}
      </div>
      {a.kind === 'image' && (
        <button
          type="button"
          className="btn p-0 border-0"
          aria-expanded={expanded}
          onClick={() => setExpanded((x) => !x)}
          title={expanded ? t('case.collapse') : t('case.viewFull')}
        >
          <img
            src={expanded ? a.url : (a.previewUrl ?? a.url)}
            alt={a.filename}
            className={expanded ? 'attachment-full' : 'attachment-thumb'}
            loading="lazy"
          />
          <span className="visually-hidden">{expanded ? t('case.collapse') : t('case.viewFull')}</span>
        </button>
      )}
      {a.kind === 'pdf' && (
        // The server sends PDFs as downloads (Content-Disposition: attachment), never shown inside the app: a
        // PDF may carry JavaScript that the browser's viewer would run under the platform's address.
        <a href={a.url} download={a.filename} className="btn btn-sm btn-outline-secondary">
          {t('case.downloadPdf')}
        </a>
      )}
      {a.kind === 'audio' && (
        // biome-ignore lint/a11y/useMediaCaption: complainants' voice recordings have no transcript to offer.
        <audio controls preload="none" src={a.url} className="w-100" aria-label={a.filename} />
      )}
    </li>
  );
}

interface AttachmentsProps {
  complaintId: string;
  attachments: Attachment[];
  error: unknown;
  canUpload: boolean;
  onUploaded: () => void;
}

/** The case's files and, for those who work on the case, the form to add one. */
export function CaseAttachments({
  complaintId,
  attachments,
  error,
  canUpload,
  onUploaded,
}: AttachmentsProps) {
  const { t } = useI18n();
  return (
    <Card title={t('case.attachments')} bodyClassName="card-body p-0">
      <ErrorAlert error={error} className="m-3" />
      {attachments.length === 0 && <p className="text-secondary m-3">{t('case.noAttachments')}</p>}
      {attachments.length > 0 && (
        <ul className="list-group list-group-flush">
          {attachments.map((a) => (
            <AttachmentItem key={a.id} a={a} />
          ))}
        </ul>
      )}
      {canUpload && <UploadForm complaintId={complaintId} onUploaded={onUploaded} />}
    </Card>
  );
}

function UploadForm({ complaintId, onUploaded }: { complaintId: string; onUploaded: () => void }) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState<AttachmentPurpose>('evidence');
  const [fileError, setFileError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [percent, setPercent] = useState<number | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const kind = file && fileKind(file);
    if (!file) setFileError(t('import.fileRequired'));
    else if (!kind) setFileError(t('intake.fileBadType', { name: file.name }));
    else if (file.size > maxBytes(kind))
      setFileError(t('intake.fileTooBig', { name: file.name, max: maxBytes(kind) / (1024 * 1024) }));
    if (!file || !kind || file.size > maxBytes(kind)) {
      inputRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setPercent(0);
    try {
      await uploadAttachment(complaintId, file, purpose, (loaded, total) =>
        setPercent(Math.round((loaded / total) * 100)),
      );
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onUploaded();
    } catch (err) {
      setError(err);
    } finally {
      setPercent(null);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="p-3 border-top">
      <h3 className="fs-6 fw-semibold">{t('case.upload')}</h3>
      <ErrorAlert error={error} />
      <div className="mb-2">
        <label htmlFor="case-file" className="form-label">
          {t('case.uploadFile')}
        </label>
        <input
          ref={inputRef}
          id="case-file"
          type="file"
          accept={ACCEPTED_FILES}
          className={`form-control${fileError ? ' is-invalid' : ''}`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFileError(undefined);
          }}
          aria-describedby={`case-file-hint${fileError ? ' case-file-error' : ''}`}
        />
        <FieldHelp id="case-file" hint={t('intake.filesHintShort')} error={fileError} />
      </div>
      <SelectField
        id="case-file-purpose"
        label={t('case.purpose')}
        value={purpose}
        onChange={(v) => setPurpose(v as AttachmentPurpose)}
        options={ATTACHMENT_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
        className="mb-2"
      />
      {percent !== null && (
        <progress className="w-100 mb-2" max={100} value={percent} aria-label={t('case.uploadProgress')} />
      )}
      <button type="submit" className="btn btn-outline-primary" disabled={percent !== null}>
        {t('case.uploadSubmit')}
      </button>
    </form>
  );
}
