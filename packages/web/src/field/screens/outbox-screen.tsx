import type { LocalFile, OutboxEntry } from '@coso/domain';
import { useState } from 'react';
import { useField, useLive, useSyncStatus } from '../engine-context';
import { useT } from '../i18n/i18n';
import { displayCode } from '../read-aloud';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/layout';
import { SyncCard } from '../ui/sync-card';

type Codes = ReadonlyMap<string, string>;

const payloadOf = (e: OutboxEntry) => (e.mutation.payload ?? {}) as Record<string, unknown>;

/** "Nouvelle plainte ABCD-EFGH-J", "Commenter · dossier …": a queued mutation in the user's words. */
function useEntryLabel(codes: Codes) {
  const { tx } = useT();
  return (e: OutboxEntry) => {
    const p = payloadOf(e);
    const caseId = typeof p.complaintId === 'string' ? p.complaintId : typeof p.id === 'string' ? p.id : '';
    const raw = typeof p.trackingCode === 'string' ? p.trackingCode : codes.get(caseId);
    const code = raw ? displayCode(raw) : '…';
    const action = (p.action as { action?: unknown } | undefined)?.action;
    const actionLabel = typeof action === 'string' ? tx(`action.${action}`, action) : '';
    return tx(`mutation.${e.mutation.type}`, e.mutation.type, { code, action: actionLabel });
  };
}

/** Everything waiting on the phone: changes, files with their upload progress, and the server's refusals. */
export function OutboxScreen() {
  const { t, formatDate } = useT();
  const { store, engine } = useField();
  const status = useSyncStatus();
  const outbox = useLive(() => store.outbox(), [store]).data ?? [];
  const cases = useLive((e) => e.complaints(), []).data ?? [];
  const codes: Codes = new Map(cases.map((c) => [c.id, c.trackingCode]));
  const label = useEntryLabel(codes);
  const [discarding, setDiscarding] = useState<OutboxEntry | null>(null);
  const pending = outbox.filter((e) => e.state === 'pending');
  const failed = outbox.filter((e) => e.state !== 'pending');
  const files = status?.files ?? [];

  return (
    <Screen title={t('outbox.title')}>
      <SyncCard details />
      {failed.length > 0 && (
        <section className="mb-4" aria-labelledby="outbox-failed">
          <h2 id="outbox-failed" className="h5 text-danger">
            {t('outbox.failed')}
          </h2>
          <p>{t('outbox.failedHelp')}</p>
          <ul className="list-unstyled" data-testid="outbox-failed">
            {failed.map((e) => (
              <li key={e.mutation.id} className="outbox-item outbox-failed">
                <strong>{label(e)}</strong>
                <div className="small text-body-secondary">{formatDate(e.mutation.clientTime)}</div>
                <p className="mb-2">
                  {e.state === 'conflict'
                    ? t('outbox.conflict')
                    : (e.result?.message ?? e.lastError ?? t('error.unknown'))}
                </p>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-lg w-100"
                  onClick={() => setDiscarding(e)}
                >
                  <Icon name="trash" /> {t('outbox.discard')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="mb-4" aria-labelledby="outbox-changes">
        <h2 id="outbox-changes" className="h5">
          {t('outbox.changes')}
        </h2>
        {pending.length === 0 && <p className="text-body-secondary">{t('outbox.noChanges')}</p>}
        <ul className="list-unstyled" data-testid="outbox-pending">
          {pending.map((e) => (
            <li key={e.mutation.id} className="outbox-item">
              <strong>{label(e)}</strong>
              <div className="small text-body-secondary">
                {formatDate(e.mutation.clientTime)}
                {e.attempts > 0 && ` · ${t('outbox.attempts', { n: e.attempts })}`}
                {e.files.some((id) => files.find((f) => f.id === id && !f.uploadId)) &&
                  ` · ${t('outbox.waitsFiles')}`}
              </div>
              {e.lastError && (
                <div className="small text-danger">{t('outbox.lastError', { message: e.lastError })}</div>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="mb-4" aria-labelledby="outbox-files">
        <h2 id="outbox-files" className="h5">
          {t('outbox.files')}
        </h2>
        {files.length === 0 && <p className="text-body-secondary">{t('outbox.noFiles')}</p>}
        <ul className="list-unstyled">
          {files.map((f) => (
            <FileLine key={f.id} file={f} />
          ))}
        </ul>
      </section>
      {discarding && (
        <Dialog
          title={t('outbox.discard')}
          onClose={() => setDiscarding(null)}
          actions={
            <>
              <button
                type="button"
                className="btn btn-danger btn-lg"
                onClick={async () => {
                  const id = discarding.mutation.id;
                  setDiscarding(null);
                  await engine.discard(id);
                }}
              >
                {t('outbox.discard')}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary btn-lg"
                onClick={() => setDiscarding(null)}
              >
                {t('common.cancel')}
              </button>
            </>
          }
        >
          <p className="fw-semibold">{label(discarding)}</p>
          <p>{t('outbox.discardConfirm')}</p>
        </Dialog>
      )}
    </Screen>
  );
}

function FileLine({ file }: { file: LocalFile }) {
  const { t } = useT();
  const percent = file.size > 0 ? Math.min(100, Math.round((file.uploaded / file.size) * 100)) : 0;
  const done = Boolean(file.uploadId);
  return (
    <li className="outbox-item">
      <div className="d-flex align-items-center gap-2">
        <Icon
          name={file.type.startsWith('audio/') ? 'mic' : file.type.startsWith('image/') ? 'camera' : 'file'}
        />
        <span className="flex-grow-1 text-break">{file.name}</span>
        <span className="small">
          {done
            ? t('outbox.fileDone')
            : file.uploaded > 0
              ? t('outbox.progress', { percent })
              : t('outbox.fileWaiting')}
        </span>
      </div>
      <progress className="w-100" max={100} value={done ? 100 : percent} aria-label={file.name} />
      <div className="small text-body-secondary">
        {t('unit.kb', { n: Math.round(file.uploaded / 1024) })} /{' '}
        {t('unit.kb', { n: Math.round(file.size / 1024) })}
      </div>
    </li>
  );
}
