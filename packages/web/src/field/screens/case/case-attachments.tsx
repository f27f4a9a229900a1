import type { LocalFile, SyncRow } from '@coso/domain';
import { useEffect, useState } from 'react';
import { useField, useLive, useOnline } from '../../engine-context';
import { useT } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Where the bytes of an attachment are: on the phone (queued) or on the server. */
function source(
  a: SyncRow,
  complaintId: string,
): { local: true; id: string } | { local: false; url: string } {
  const localId = text(a.localFileId) ?? text(a.fileId);
  if (a.pending === true && localId) return { local: true, id: localId };
  return {
    local: false,
    url: text(a.url) ?? `/api/v1/complaints/${complaintId}/attachments/${a.id}/content`,
  };
}

/** The case's files: a phone's own queued photos play offline; the server's load on demand, online. */
export function CaseAttachments({ complaintId, rows }: { complaintId: string; rows: readonly SyncRow[] }) {
  const { t } = useT();
  const { store } = useField();
  // A queued file's row names only its local id: its name and type are on the phone's file record.
  const local = useLive(() => store.files(), [store]).data ?? [];
  return (
    <section className="mb-4" aria-labelledby="case-attachments">
      <h2 id="case-attachments" className="h5">
        {t('case.attachments')}
      </h2>
      {rows.length === 0 && <p className="text-body-secondary">{t('case.noAttachments')}</p>}
      <ul className="list-unstyled">
        {rows.map((a) => (
          <AttachmentItem
            key={a.id}
            row={a}
            complaintId={complaintId}
            file={local.find((f) => f.id === (a.localFileId ?? a.id))}
          />
        ))}
      </ul>
    </section>
  );
}

function AttachmentItem({ row, complaintId, file }: { row: SyncRow; complaintId: string; file?: LocalFile }) {
  const { t } = useT();
  const { store, session } = useField();
  const online = useOnline();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = text(row.filename) ?? text(row.name) ?? file?.name ?? row.id;
  const type = text(row.mimeType) ?? text(row.type) ?? file?.type ?? '';
  const from = source(row, complaintId);

  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  async function show() {
    setBusy(true);
    setFailed(false);
    try {
      let blob: Blob | undefined;
      if (from.local) blob = await store.fileBlob(from.id);
      else {
        const res = await fetch(from.url, { headers: { Authorization: `Bearer ${session.token}` } });
        blob = res.ok ? await res.blob() : undefined;
      }
      if (blob) setUrl(URL.createObjectURL(blob));
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  const available = from.local || online;
  return (
    <li className="attachment-item">
      <div className="d-flex align-items-center gap-2">
        <Icon name={type.startsWith('audio/') ? 'mic' : type.startsWith('image/') ? 'camera' : 'file'} />
        <span className="flex-grow-1 text-break">{name}</span>
        {row.pending === true && <span className="badge text-bg-warning">{t('event.pending')}</span>}
        {!url && (
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={show}
            disabled={!available || busy}
          >
            {t('case.show')}
          </button>
        )}
      </div>
      {!available && !url && <div className="small text-body-secondary">{t('case.needsNetwork')}</div>}
      {failed && <div className="small text-danger">{t('case.showFailed')}</div>}
      {url && type.startsWith('image/') && <img src={url} alt={name} className="img-fluid rounded mt-2" />}
      {url && type.startsWith('audio/') && (
        // biome-ignore lint/a11y/useMediaCaption: a complainant's spoken statement has no caption track
        <audio src={url} controls className="w-100 mt-2" />
      )}
      {url && !type.startsWith('image/') && !type.startsWith('audio/') && (
        <a href={url} download={name} className="btn btn-link">
          {name}
        </a>
      )}
    </li>
  );
}
