import { useI18n } from '../../../i18n/i18n-context';
import { PageHeader } from '../../../ui/page-header';
import { HolidaysCard } from './holidays-card';
import { SlaSettingsCard } from './sla-settings-card';

/** `/grm/deadlines`: the business-day calendar and the deadlines of the grievance mechanism. */
export default function DeadlinesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('deadlines.title')}
        crumbs={[{ label: t('nav.grmConfig') }, { label: t('deadlines.title') }]}
      />
      <SlaSettingsCard />
      <HolidaysCard />
    </>
  );
}
