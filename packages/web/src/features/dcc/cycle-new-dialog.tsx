import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { FormDialog } from '../../ui/form-dialog';
import { SelectField, TextField } from '../../ui/form-fields';
import type { PlacedUnit } from '../geo/unit-context';
import { AreaPicker } from './area-picker';
import { type CycleFormErrors, type CycleFormValues, cycleBody, emptyCycleForm } from './cycle-form';
import { type DccCycle, dccApi } from './dcc-api';

/** "Nouveau cycle": name, year, dates, the areas of its wave, and the template it starts from. */
export function CycleNewDialog(props: {
  open: boolean;
  cycles: DccCycle[];
  onCancel: () => void;
  onCreated: (cycle: DccCycle) => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<CycleFormValues>(() => emptyCycleForm(new Date().getFullYear() + 1));
  const [areas, setAreas] = useState<PlacedUnit[]>([]);
  const [errors, setErrors] = useState<CycleFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<CycleFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const msg = (field: keyof CycleFormErrors) => (errors[field] ? t(errors[field]) : undefined);

  async function submit() {
    const result = cycleBody({ ...values, areaIds: areas.map((a) => a.id) });
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      props.onCreated(await dccApi.createCycle(result.body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open={props.open}
      title={t('dcc.cycleNew')}
      submitLabel={t('dcc.cycleCreate')}
      busy={busy}
      error={error}
      wide
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <div className="row">
        <div className="col-md-8">
          <TextField
            id="cycle-name"
            label={t('dcc.cycle.name')}
            value={values.name}
            required
            onChange={(name) => set({ name })}
            error={msg('name')}
            maxLength={200}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="cycle-year"
            label={t('dcc.cycle.year')}
            value={values.year}
            required
            inputMode="numeric"
            onChange={(year) => set({ year })}
            error={msg('year')}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="cycle-starts"
            type="date"
            label={t('dcc.cycle.startsOn')}
            value={values.startsOn}
            required
            onChange={(startsOn) => set({ startsOn })}
            error={msg('startsOn')}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="cycle-ends"
            type="date"
            label={t('dcc.cycle.endsOn')}
            value={values.endsOn}
            required
            onChange={(endsOn) => set({ endsOn })}
            error={msg('endsOn')}
          />
        </div>
      </div>
      <div className="mb-3">
        <AreaPicker
          id="cycle-areas"
          label={t('dcc.cycle.areas')}
          value={areas}
          onChange={setAreas}
          error={msg('areaIds')}
          hint={t('dcc.cycle.areasHint')}
        />
      </div>
      <SelectField
        id="cycle-template"
        label={t('dcc.cycle.template')}
        value={values.templateSource}
        required
        onChange={(templateSource) => set({ templateSource })}
        error={msg('templateSource')}
        hint={t('dcc.cycle.templateHint')}
        options={[
          { value: 'coso', label: t('dcc.cycle.templateCoso') },
          ...props.cycles.map((c) => ({ value: c.id, label: t('dcc.cycle.templateCopy', { name: c.name }) })),
        ]}
      />
    </FormDialog>
  );
}
