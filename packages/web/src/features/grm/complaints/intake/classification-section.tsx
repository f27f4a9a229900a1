import { useI18n } from '../../../../i18n/i18n-context';
import { Card } from '../../../../ui/card';
import { SelectField } from '../../../../ui/form-fields';
import { SensitiveBadge } from '../badges';
import type { SectionProps } from './section-props';

/** Type, category (with the sensitive-case warning) and channel: the first three choices of a call. */
export function ClassificationSection({ values, set, errors, reference }: SectionProps) {
  const { t } = useI18n();
  const choose = { value: '', label: t('intake.choose') };
  const category = reference.item('categories', values.category);
  const categoryOptions = reference
    .options('categories')
    .map((o) =>
      reference.item('categories', o.value)?.sensitive
        ? { ...o, label: `${o.label} (${t('intake.sensitiveOption')})` }
        : o,
    );
  return (
    <Card title={t('intake.section.classification')} outline="primary" landmark={false}>
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id="intake-type"
            label={t('complaint.type')}
            value={values.type}
            onChange={(v) => set('type', v)}
            options={[choose, ...reference.options('types')]}
            error={errors.type}
            required
            autoFocus
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="intake-category"
            label={t('complaint.category')}
            value={values.category}
            onChange={(v) => set('category', v)}
            options={[choose, ...categoryOptions]}
            error={errors.category}
            required
            labelExtra={
              category?.sensitive ? (
                <span className="ms-2">
                  <SensitiveBadge />
                </span>
              ) : null
            }
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="intake-channel"
            label={t('complaint.channel')}
            value={values.channel}
            onChange={(v) => set('channel', v)}
            options={[choose, ...reference.options('channels')]}
            error={errors.channel}
            required
          />
        </div>
      </div>
      {category?.sensitive && (
        <div className="alert alert-warning mb-0" role="status">
          {t('intake.sensitiveNote')}
        </div>
      )}
      {category?.outOfScope && (
        <div className="alert alert-info mb-0" role="status">
          {t('intake.outOfScopeNote')}
        </div>
      )}
    </Card>
  );
}
