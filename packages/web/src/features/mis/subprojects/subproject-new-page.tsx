import { createSubprojectSchema, togoDate } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { apiFieldErrors, errorText, type FieldErrors, validateWith } from '../../../ui/errors';
import { SelectField, TextAreaField, TextField } from '../../../ui/form-fields';
import { PageHeader } from '../../../ui/page-header';
import type { PlacedUnit } from '../../geo/unit-context';
import { UnitPicker } from '../../geo/unit-picker';
import { misApi } from './mis-api';
import { buildCreateBody, emptySubprojectForm, type SubprojectFormValues } from './subproject-form';
import { AttributeFields, BeneficiaryFields } from './technical-fields';
import { useMisReference } from './use-mis-reference';

/** Server codes that are about one field of this form. */
const FIELD_OF_CODE: Record<string, string> = {
  mis_unit_level: 'place',
  outside_jurisdiction: 'place',
  mis_type_sector_mismatch: 'type',
};

/** `/mis/subprojects/new`: where, what, estimated cost, technical attributes, beneficiaries, GPS point. */
export default function SubprojectNewPage() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const { ref, options, error: refError } = useMisReference();
  const [values, setValues] = useState<SubprojectFormValues>(emptySubprojectForm);
  const [place, setPlace] = useState<PlacedUnit | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SubprojectFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const typeAttributes = ref?.types.find((x) => x.code === values.type)?.attributes ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const built = buildCreateBody(values, typeAttributes);
    // Until the numbers read well, the schema only judges the text fields (the others are the form's own).
    const body = built.ok ? built.body : pick(values, TEXT_FIELDS);
    const checked = validateWith(createSubprojectSchema, body, locale, t, true);
    if (!built.ok || !checked.ok) {
      const fromSchema: FieldErrors = checked.ok
        ? {}
        : built.ok
          ? checked.errors
          : (pick(checked.errors, TEXT_FIELDS) as FieldErrors);
      const local: FieldErrors = built.ok
        ? {}
        : Object.fromEntries(Object.entries(built.problems).map(([k, m]) => [k, t(m)]));
      setErrors(withPlace({ ...fromSchema, ...local }));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await misApi.create(checked.data);
      navigate(`/mis/subprojects/${created.id}`);
    } catch (error) {
      const fields = apiFieldErrors(error, locale, true);
      const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
      if (field) fields[field] = errorText(error, locale, t);
      setErrors(withPlace(fields));
      if (Object.keys(fields).length === 0) setFailure(error);
      setBusy(false);
    }
  }

  const choose = { value: '', label: t('mis.form.choose') };
  return (
    <>
      <PageHeader
        title={t('mis.subprojectNew')}
        crumbs={[
          { label: t('nav.mis') },
          { label: t('mis.subprojects'), href: '/mis/subprojects' },
          { label: t('mis.subprojectNew') },
        ]}
      />
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={failure ?? refError} />
        <Card title={t('mis.form.where')} landmark={false}>
          <UnitPicker
            id="sp-place"
            label={t('mis.form.place')}
            value={place}
            onChange={(u) => {
              setPlace(u);
              set({ place: u ? { id: u.id, level: u.level } : null });
            }}
            mine
            required
            hint={t('mis.form.placeHint')}
            error={errors.place}
          />
        </Card>
        <Card title={t('mis.form.what')} landmark={false}>
          <TextField
            id="sp-title"
            label={t('mis.form.title')}
            value={values.title}
            onChange={(title) => set({ title })}
            required
            maxLength={200}
            error={errors.title}
          />
          <div className="row g-3 mb-3">
            <div className="col-md-4">
              <SelectField
                id="sp-component"
                label={t('mis.form.component')}
                value={values.component}
                onChange={(component) => set({ component })}
                options={[choose, ...options('components')]}
                required
                error={errors.component}
                className=""
              />
            </div>
            <div className="col-md-4">
              <SelectField
                id="sp-sector"
                label={t('mis.form.sector')}
                value={values.sector}
                onChange={(sector) => set({ sector, type: '', attributes: {} })}
                options={[choose, ...options('sectors')]}
                required
                error={errors.sector}
                className=""
              />
            </div>
            <div className="col-md-4">
              <SelectField
                id="sp-type"
                label={t('mis.form.type')}
                value={values.type}
                onChange={(type) => set({ type, attributes: {} })}
                options={[choose, ...options('types', (x) => x.sector === values.sector)]}
                disabled={!values.sector}
                hint={values.sector ? undefined : t('mis.form.typeHint')}
                required
                error={errors.type}
                className=""
              />
            </div>
          </div>
          <TextField
            id="sp-cost"
            label={t('mis.form.cost')}
            value={values.estimatedCost}
            onChange={(estimatedCost) => set({ estimatedCost })}
            inputMode="numeric"
            required
            hint={t('mis.form.costHint')}
            error={errors.estimatedCost}
          />
          <TextField
            id="sp-identified"
            type="date"
            label={t('mis.form.identifiedOn')}
            value={values.identifiedOn}
            onChange={(identifiedOn) => set({ identifiedOn })}
            max={togoDate()}
            hint={t('mis.form.identifiedOnHint')}
            error={errors.identifiedOn}
          />
          <TextAreaField
            id="sp-description"
            label={t('mis.form.description')}
            value={values.description}
            onChange={(description) => set({ description })}
            error={errors.description}
          />
        </Card>
        {values.type && (
          <Card title={t('mis.form.attributes')} landmark={false}>
            <AttributeFields
              codes={typeAttributes}
              values={values.attributes}
              errors={errors}
              onChange={(code, text) => set({ attributes: { ...values.attributes, [code]: text } })}
            />
          </Card>
        )}
        <Card title={t('mis.form.beneficiaries')} landmark={false}>
          <BeneficiaryFields
            values={values.beneficiaries}
            errors={errors}
            onChange={(key, text) => set({ beneficiaries: { ...values.beneficiaries, [key]: text } })}
          />
        </Card>
        <Card title={t('mis.form.gps')} landmark={false}>
          <div className="row g-3">
            <div className="col-sm-6">
              <TextField
                id="sp-latitude"
                label={t('mis.form.latitude')}
                value={values.latitude}
                onChange={(latitude) => set({ latitude })}
                inputMode="decimal"
                error={errors.latitude}
                className=""
              />
            </div>
            <div className="col-sm-6">
              <TextField
                id="sp-longitude"
                label={t('mis.form.longitude')}
                value={values.longitude}
                onChange={(longitude) => set({ longitude })}
                inputMode="decimal"
                error={errors.longitude}
                className=""
              />
            </div>
          </div>
        </Card>
        <button type="submit" className="btn btn-primary mb-4" disabled={busy}>
          {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
          {t('mis.form.create')}
        </button>
      </form>
    </>
  );
}

const TEXT_FIELDS = ['title', 'component', 'sector', 'type', 'description', 'identifiedOn'];

function pick<T extends object>(from: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(from).filter(([k]) => keys.includes(k))) as Partial<T>;
}

/** The schema and the server speak of villageId/cantonId; the form has one place picker. */
function withPlace(errors: FieldErrors): FieldErrors {
  const place = errors.place ?? errors.villageId ?? errors.cantonId;
  return place ? { ...errors, place } : errors;
}
