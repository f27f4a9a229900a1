import { useState } from 'react';
import { useField, useOnline, useSyncStatus } from '../engine-context';
import { useT } from '../i18n/i18n';
import { unsentWork } from '../session';
import { Dialog } from './dialog';

/**
 * Logout erases this user's data from the phone. Work that exists only here (unsent changes and files,
 * refusals not yet read) is counted first, with a way to sync before leaving.
 */
export function LogoutDialog(props: { onCancel: () => void; onConfirm: () => Promise<void> }) {
  const { t } = useT();
  const { syncNow } = useField();
  const status = useSyncStatus();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const work = status ? unsentWork(status) : null;

  return (
    <Dialog
      title={t('logout.title')}
      onClose={props.onCancel}
      actions={
        <>
          {work?.any && online && (
            <button
              type="button"
              className="btn btn-primary btn-lg"
              disabled={busy || status?.syncing}
              onClick={() => void syncNow()}
            >
              {status?.syncing ? t('sync.running') : t('logout.syncFirst')}
            </button>
          )}
          <button
            type="button"
            className="btn btn-danger btn-lg"
            disabled={busy || !status}
            data-testid="logout-confirm"
            onClick={async () => {
              setBusy(true);
              try {
                await props.onConfirm();
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? t('logout.busy') : work?.any ? t('logout.confirmAnyway') : t('logout.confirm')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-lg"
            onClick={props.onCancel}
            disabled={busy}
          >
            {t('common.cancel')}
          </button>
        </>
      }
    >
      {work?.any && (
        <div className="alert alert-warning" role="alert">
          {(work.changes > 0 || work.files > 0) && (
            <p className="mb-1">{t('logout.unsent', { changes: work.changes, files: work.files })}</p>
          )}
          {work.failed > 0 && <p className="mb-0">{t('logout.failed', { n: work.failed })}</p>}
        </div>
      )}
      <p className="mb-0">{t('logout.wipe')}</p>
    </Dialog>
  );
}
