import { useI18n } from '../../../i18n/i18n-context';

/** Where the figures come from: live, or the rollup built every few minutes (docs/reports.md, "Speed"). */
export function SourceNote({
  source,
  asOf,
}: {
  source?: 'live' | 'rollup' | undefined;
  asOf?: string | undefined;
}) {
  const { t, formatDate } = useI18n();
  if (!source || !asOf) return null;
  return (
    <p className="small text-body-secondary mb-2">
      {source === 'rollup' ? t('reports.source.rollup', { at: formatDate(asOf) }) : t('reports.source.live')}
    </p>
  );
}
