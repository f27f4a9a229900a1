import { Fragment, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { createGeoUnit, deleteGeoUnit, getGeoUnit, updateGeoUnit } from '../../api/geo';
import type { GeoUnit } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { ConfirmButton } from '../../ui/confirm-dialog';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { useAuth } from '../auth/auth-context';
import { ExportButtons } from './export-buttons';
import { GeoUnitForm } from './geo-unit-form';
import { useGeoLevels } from './use-geo-levels';
import { VillageGroupsCard } from './village-groups-card';

/** CVDs and geographical units group the villages of a canton (MIS spec). */
const GROUPING_LEVEL = 'canton';

export default function GeoUnitPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [, navigate] = useLocation();
  const { levels, levelLabel } = useGeoLevels();
  const unit = useAsync(() => getGeoUnit(id), [id]);
  const [saved, setSaved] = useState(false);
  const [created, setCreated] = useState<GeoUnit | null>(null);
  const canManage = can('geo.manage');
  const geoCrumb = { label: t('nav.geo'), href: '/geo' };

  if (!unit.data) {
    return (
      <>
        <PageHeader title={t('geo.unit')} crumbs={[geoCrumb, { label: t('geo.unit') }]} />
        {unit.loading ? <Loading /> : <ErrorAlert error={unit.error} />}
      </>
    );
  }
  const u = unit.data;
  const rank = levels.find((l) => l.code === u.level)?.rank;
  const childLevels = rank === undefined ? [] : levels.filter((l) => l.rank > rank);

  return (
    <>
      <PageHeader
        title={`${u.name} (${levelLabel(u.level)})`}
        crumbs={[
          geoCrumb,
          ...u.ancestors.map((a) => ({ label: a.name, href: `/geo/units/${a.id}` })),
          { label: u.name },
        ]}
        actions={
          <>
            {u.childCount > 0 && (
              <Link href={`/geo?parent=${u.id}`} className="btn btn-primary">
                {t('geo.browseChildren', { count: u.childCount })}
              </Link>
            )}
            <ExportButtons within={u.id} />
          </>
        }
      />
      <div className="row">
        <div className="col-lg-7">
          <Card title={t('geo.information')} outline="primary">
            {saved && <SuccessAlert>{t('geo.saved')}</SuccessAlert>}
            {canManage ? (
              <GeoUnitForm
                mode="edit"
                idPrefix="unit"
                unit={u}
                submitLabel={t('common.save')}
                onSubmit={async (body) => {
                  setSaved(false);
                  const updated = await updateGeoUnit(u.id, body);
                  unit.setData({ ...u, ...updated, ancestors: updated.ancestors ?? u.ancestors });
                  setSaved(true);
                }}
              />
            ) : (
              <UnitFacts unit={u} />
            )}
          </Card>
          {canManage && (
            <Card title={t('geo.deleteUnit')} outline="danger">
              <p className="small text-secondary">{t('geo.deleteHelp')}</p>
              <ConfirmButton
                label={t('geo.deleteUnit')}
                title={t('geo.deleteTitle', { name: u.name })}
                message={t('geo.deleteText')}
                onConfirm={async () => {
                  await deleteGeoUnit(u.id);
                  navigate(u.parentId ? `/geo?parent=${u.parentId}` : '/geo');
                }}
              />
            </Card>
          )}
        </div>
        <div className="col-lg-5">
          {canManage && childLevels.length > 0 && (
            <Card title={t('geo.addChild')}>
              {created && (
                <SuccessAlert>
                  {t('geo.created')} <Link href={`/geo/units/${created.id}`}>{created.name}</Link>
                </SuccessAlert>
              )}
              <GeoUnitForm
                mode="create"
                idPrefix="child"
                parentId={u.id}
                levels={childLevels}
                levelLabel={levelLabel}
                submitLabel={t('geo.addChildSubmit')}
                onSubmit={async (body) => {
                  setCreated(null);
                  const child = await createGeoUnit(body);
                  setCreated(child);
                  unit.setData({ ...u, childCount: u.childCount + 1 });
                }}
              />
            </Card>
          )}
        </div>
      </div>
      {u.level === GROUPING_LEVEL && <VillageGroupsCard cantonId={u.id} canManage={canManage} />}
    </>
  );
}

function UnitFacts({ unit }: { unit: GeoUnit }) {
  const { t } = useI18n();
  const { levelLabel } = useGeoLevels();
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? t('common.yes') : t('common.no'));
  const rows: [string, string][] = [
    [t('geo.level'), levelLabel(unit.level)],
    [t('geo.code'), unit.code],
    [t('geo.name'), unit.name],
    [t('geo.altNames'), unit.altNames.join(', ') || '—'],
    [t('geo.border'), yesNo(unit.border)],
    [t('geo.rural'), unit.rural === null ? '—' : unit.rural ? t('geo.ruralYes') : t('geo.ruralNo')],
    [t('geo.latitude'), unit.latitude?.toString() ?? '—'],
    [t('geo.longitude'), unit.longitude?.toString() ?? '—'],
    [t('geo.children'), String(unit.childCount)],
  ];
  return (
    <dl className="row mb-0">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt className="col-sm-4">{label}</dt>
          <dd className="col-sm-8">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
