import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { Card } from '../../../ui/card';
import type { SubprojectDetail } from './mis-api';
import { useMisReference } from './use-mis-reference';

/** The sub-project's record: place, component, sector and type, CVD, cycle, beneficiaries, attributes, GPS. */
export function SubprojectSummaryCard({ detail: d }: { detail: SubprojectDetail }) {
  const { t, locale } = useI18n();
  const { ref, label } = useMisReference();
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB');
  const rows: [string, ReactNode][] = [
    [t('mis.list.code'), <code key="code">{d.code}</code>],
    [t('mis.detail.place'), [d.unit.name, ...[...d.areaNames].reverse()].join(', ')],
    [t('mis.detail.component'), label('components', d.component)],
    [t('mis.detail.sectorType'), `${label('sectors', d.sector)} — ${label('types', d.type)}`],
  ];
  if (d.cvd) rows.push([t('mis.detail.cvd'), d.cvd.name]);
  if (d.cycle) rows.push([t('mis.detail.cycle'), d.cycle.name]);
  if (d.beneficiaryVillages.length > 0)
    rows.push([t('mis.detail.beneficiaryVillages'), d.beneficiaryVillages.map((v) => v.name).join(', ')]);
  for (const group of ['direct', 'indirect'] as const) {
    const g = d.beneficiaries[group];
    if (!g) continue;
    rows.push([
      t('mis.detail.beneficiaries'),
      t('mis.detail.beneficiaryLine', {
        group: t(group === 'direct' ? 'mis.form.direct' : 'mis.form.indirect'),
        men: number.format(g.men ?? 0),
        women: number.format(g.women ?? 0),
        youth: number.format(g.youth ?? 0),
      }),
    ]);
  }
  for (const [code, value] of Object.entries(d.attributes)) {
    const def = ref?.attributes.find((a) => a.code === code);
    const name = def ? def.labels[locale] : code;
    rows.push([name, `${number.format(value)}${def?.unit ? ` ${def.unit}` : ''}`]);
  }
  if (d.latitude !== null && d.longitude !== null)
    rows.push([t('mis.detail.gps'), `${d.latitude.toFixed(5)}, ${d.longitude.toFixed(5)}`]);
  if (d.description) rows.push([t('mis.detail.description'), d.description]);
  return (
    <Card title={t('mis.detail.summary')}>
      <dl className="row mb-0">
        {rows.map(([term, value], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list built above; two beneficiary lines share a term.
          <Fragment key={i}>
            <dt className="col-sm-4 text-body-secondary fw-normal">{term}</dt>
            <dd className="col-sm-8">{value}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}
