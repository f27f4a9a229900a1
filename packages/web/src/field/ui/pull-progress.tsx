import type { PullProgress } from '@coso/domain';
import type { Translate } from '../i18n/translate';

/**
 * What a pull under way has brought so far, in words: items and size received, and the time left at the pace
 * so far. A first sync of a large area takes minutes on 2G: the user sees it move, and knows the app is usable.
 */
export function describePull(progress: PullProgress, t: Translate, locale: string) {
  const number = new Intl.NumberFormat(locale);
  const size =
    progress.bytes >= 1e6
      ? t('unit.mb', { n: (progress.bytes / 1e6).toLocaleString(locale, { maximumFractionDigits: 1 }) })
      : t('unit.kb', { n: Math.round(progress.bytes / 1024) });
  const received = t('sync.received', { items: number.format(progress.items), size });
  const left =
    progress.remainingMs === undefined
      ? undefined
      : t('sync.left', {
          time:
            progress.remainingMs < 90_000
              ? t('sync.leftSeconds', { n: Math.max(1, Math.round(progress.remainingMs / 1000)) })
              : t('sync.leftMinutes', { n: Math.round(progress.remainingMs / 60_000) }),
        });
  const percent = progress.fraction === undefined ? undefined : Math.floor(progress.fraction * 100);
  return { received, left, percent };
}

/** The pull's progress bar and lines, inside the sync card. */
export function PullProgressView({
  progress,
  t,
  locale,
}: {
  progress: PullProgress;
  t: Translate;
  locale: string;
}) {
  const { received, left, percent } = describePull(progress, t, locale);
  return (
    <div className="mb-3" data-testid="pull-progress">
      {progress.full && <p className="mb-2">{t('sync.firstSync')}</p>}
      {percent !== undefined && (
        <div
          className="progress mb-2"
          role="progressbar"
          aria-label={t('sync.progress')}
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div className="progress-bar" style={{ width: `${percent}%` }} />
        </div>
      )}
      <p className="mb-0 text-body-secondary">
        {received}
        {left ? ` · ${left}` : ''}
      </p>
    </div>
  );
}
