import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';
import { type PendingUpdate, registerServiceWorker } from '../platform/sw-register';

// The running engine, when a user is logged in: an update waits for its sync pass to finish.
let busyProbe: (() => Promise<boolean>) | null = null;
export function setBusyProbe(probe: (() => Promise<boolean>) | null): void {
  busyProbe = probe;
}

/**
 * Registers the service worker once; when a new version has downloaded, offers to switch to it. Unsent
 * work is in IndexedDB, which the update does not touch, and the switch waits for a running sync.
 */
export function UpdateBanner() {
  const { t } = useT();
  const [update, setUpdate] = useState<PendingUpdate | null>(null);
  const [applying, setApplying] = useState(false);

  useEffect(() => {
    registerServiceWorker(setUpdate, { isBusy: () => busyProbe?.() ?? false }).catch(() => undefined);
  }, []);

  if (!update) return null;
  return (
    <div className="update-banner" role="status">
      <span>{t('update.available')}</span>
      <button
        type="button"
        className="btn btn-light"
        disabled={applying}
        onClick={() => {
          setApplying(true);
          void update.apply();
        }}
      >
        {applying ? t('update.applying') : t('update.apply')}
      </button>
    </div>
  );
}
