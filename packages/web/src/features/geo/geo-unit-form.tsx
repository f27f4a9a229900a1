import { createGeoUnitSchema, updateGeoUnitSchema } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import type { GeoLevel, GeoUnit, GeoUnitCreateBody, GeoUnitFields } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { apiFieldErrors, type FieldErrors, validateWith } from '../../ui/errors';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/form-fields';

interface Values {
  level: string;
  code: string;
  name: string;
  altNames: string;
  border: boolean;
  rural: '' | 'true' | 'false';
  latitude: string;
  longitude: string;
}

function toValues(unit?: GeoUnit, level = ''): Values {
  return {
    level: unit?.level ?? level,
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    altNames: unit?.altNames.join('\n') ?? '',
    border: unit?.border ?? false,
    rural: unit?.rural === true ? 'true' : unit?.rural === false ? 'false' : '',
    latitude: unit?.latitude?.toString() ?? '',
    longitude: unit?.longitude?.toString() ?? '',
  };
}

/** '' is "not known"; a French decimal comma is accepted; anything else becomes NaN and fails validation. */
function parseCoordinate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

function toFields(v: Values): GeoUnitFields {
  return {
    code: v.code,
    name: v.name,
    altNames: v.altNames
      .split(/[\n;]/)
      .map((s) => s.trim())
      .filter(Boolean),
    border: v.border,
    rural: v.rural === '' ? null : v.rural === 'true',
    latitude: parseCoordinate(v.latitude),
    longitude: parseCoordinate(v.longitude),
  };
}

type GeoUnitFormProps = {
  /** Prefix of the input ids, so an edit form and a create form can share one page. */
  idPrefix: string;
  submitLabel: string;
} & (
  | { mode: 'edit'; unit: GeoUnit; onSubmit: (body: GeoUnitFields) => Promise<void> }
  | {
      mode: 'create';
      parentId: string | null;
      levels: GeoLevel[];
      levelLabel: (code: string) => string;
      onSubmit: (body: GeoUnitCreateBody) => Promise<void>;
    }
);

export function GeoUnitForm(props: GeoUnitFormProps) {
  const { locale, t } = useI18n();
  const initial = () =>
    props.mode === 'edit' ? toValues(props.unit) : toValues(undefined, props.levels[0]?.code ?? '');
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const fields = toFields(values);
    const checked =
      props.mode === 'edit'
        ? validateWith(updateGeoUnitSchema, fields, locale, t)
        : validateWith(
            createGeoUnitSchema,
            { ...fields, level: values.level || props.levels[0]?.code, parentId: props.parentId },
            locale,
            t,
          );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (props.mode === 'edit') await props.onSubmit(checked.data as GeoUnitFields);
      else {
        await props.onSubmit(checked.data as GeoUnitCreateBody);
        setValues(toValues(undefined, values.level));
      }
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <div className="row">
        {props.mode === 'create' && props.levels.length > 1 && (
          <div className="col-12">
            <SelectField
              id={id('level')}
              label={t('geo.level')}
              value={values.level}
              onChange={(v) => set('level', v)}
              options={props.levels.map((l) => ({ value: l.code, label: props.levelLabel(l.code) }))}
              error={errors.level}
            />
          </div>
        )}
        <div className="col-md-4">
          <TextField
            id={id('code')}
            label={t('geo.code')}
            value={values.code}
            onChange={(v) => set('code', v)}
            error={errors.code}
            required
          />
        </div>
        <div className="col-md-8">
          <TextField
            id={id('name')}
            label={t('geo.name')}
            value={values.name}
            onChange={(v) => set('name', v)}
            error={errors.name}
            required
          />
        </div>
        <div className="col-12">
          <TextAreaField
            id={id('altNames')}
            label={t('geo.altNames')}
            value={values.altNames}
            onChange={(v) => set('altNames', v)}
            error={errors.altNames}
            hint={t('geo.altNamesHint')}
            rows={2}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id={id('rural')}
            label={t('geo.rural')}
            value={values.rural}
            onChange={(v) => set('rural', v as Values['rural'])}
            options={[
              { value: '', label: t('geo.ruralUnknown') },
              { value: 'true', label: t('geo.ruralYes') },
              { value: 'false', label: t('geo.ruralNo') },
            ]}
            error={errors.rural}
          />
        </div>
        <div className="col-md-6 d-flex align-items-center">
          <CheckboxField
            id={id('border')}
            label={t('geo.border')}
            checked={values.border}
            onChange={(v) => set('border', v)}
            error={errors.border}
            className="mb-3"
          />
        </div>
        <div className="col-md-6">
          <TextField
            id={id('latitude')}
            label={t('geo.latitude')}
            value={values.latitude}
            onChange={(v) => set('latitude', v)}
            error={errors.latitude}
            inputMode="decimal"
            hint={t('geo.latitudeHint')}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id={id('longitude')}
            label={t('geo.longitude')}
            value={values.longitude}
            onChange={(v) => set('longitude', v)}
            error={errors.longitude}
            inputMode="decimal"
            hint={t('geo.longitudeHint')}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}
