import { useI18n } from '../../../../i18n/i18n-context';
import { Card } from '../../../../ui/card';
import { TextField } from '../../../../ui/form-fields';
import { UnitPicker } from '../../../geo/unit-picker';
import type { SectionProps } from './section-props';

/** The village (required, the user's own offered first), an optional GPS point and place description. */
export function PlaceSection({ values, set, errors }: SectionProps) {
  const { t } = useI18n();
  return (
    <Card title={t('intake.section.place')} outline="primary" landmark={false}>
      <UnitPicker
        id="intake-village"
        label={t('complaint.village')}
        level="village"
        mine
        value={values.village}
        onChange={(v) => set('village', v)}
        error={errors.villageId}
        hint={t('intake.villageHint')}
        placeholder={values.village ? t('picker.change') : t('intake.villagePlaceholder')}
        required
      />
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="intake-latitude"
            label={t('geo.latitude')}
            value={values.latitude}
            onChange={(v) => set('latitude', v)}
            error={errors.latitude}
            hint={t('geo.latitudeHint')}
            inputMode="decimal"
            autoComplete="off"
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="intake-longitude"
            label={t('geo.longitude')}
            value={values.longitude}
            onChange={(v) => set('longitude', v)}
            error={errors.longitude}
            hint={t('geo.longitudeHint')}
            inputMode="decimal"
            autoComplete="off"
          />
        </div>
      </div>
      <TextField
        id="intake-place"
        label={t('complaint.placeDescription')}
        value={values.placeDescription}
        onChange={(v) => set('placeDescription', v)}
        error={errors.placeDescription}
        autoComplete="off"
        className="mb-0"
      />
    </Card>
  );
}
