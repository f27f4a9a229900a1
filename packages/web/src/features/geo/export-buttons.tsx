import { geoExportUrl } from '../../api/geo';
import { useI18n } from '../../i18n/i18n-context';
import { Icon } from '../../ui/icons';

/** Plain links: the browser downloads the file itself, with the session cookie. */
export function ExportButtons({ within }: { within?: string | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a
          key={format}
          href={geoExportUrl(format, within)}
          className="btn btn-outline-secondary d-inline-flex align-items-center gap-1"
          download
        >
          <Icon name="download" size={16} />
          {t('geo.export', { format: format.toUpperCase() })}
        </a>
      ))}
    </>
  );
}
