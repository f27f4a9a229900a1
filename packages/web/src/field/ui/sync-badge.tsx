import { Link } from 'wouter';
import { useOnline, useSyncStatus } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Icon } from './icons';

/** The header's sync state, on every screen: offline, syncing, what waits, refusals; opens the outbox. */
export function SyncBadge() {
  const { t } = useT();
  const status = useSyncStatus();
  const online = useOnline();
  const changes = status?.pendingMutations ?? 0;
  const files = status?.pendingFiles ?? 0;
  const failed = status?.failed.length ?? 0;

  let text = t('badge.upToDate');
  let tone = 'ok';
  const share = status?.pull?.fraction;
  if (status?.syncing) {
    text =
      share === undefined
        ? t('badge.syncing')
        : t('badge.syncingShare', { percent: Math.floor(share * 100) });
    tone = 'busy';
  } else if (changes + files > 0) {
    text = t('badge.pending', { changes, files });
    tone = 'waiting';
  }
  if (failed > 0) tone = 'error';
  const parts = [
    online ? null : t('net.offline'),
    text,
    failed > 0 ? t('badge.failed', { n: failed }) : null,
  ];
  const state = parts.filter(Boolean).join(' · ');

  return (
    <Link
      href="/sync"
      className={`sync-badge sync-badge-${tone}`}
      data-testid="sync-badge"
      data-online={online}
      data-pending-changes={changes}
      data-pending-files={files}
      aria-label={t('badge.label', { state })}
    >
      <Icon name={online ? (status?.syncing ? 'sync' : 'check') : 'offline'} size={18} />
      {!online && <span className="fw-semibold">{t('net.offline')}</span>}
      <span>{text}</span>
      {failed > 0 && <span className="fw-semibold">{t('badge.failed', { n: failed })}</span>}
    </Link>
  );
}
