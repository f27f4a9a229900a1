import { useState } from 'react';
import {
  listSlaSettings,
  type SlaSettings,
  type SlaSettingsBody,
  saveSlaSettings,
} from '../../../api/deadlines';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { apiFieldErrors, type FieldErrors } from '../../../ui/errors';
import { FormDialog } from '../../../ui/form-dialog';
import { CheckboxField, SelectField, TextField } from '../../../ui/form-fields';
import { useAsync } from '../../../ui/use-async';
import { useGeoLevels } from '../../geo/use-geo-levels';
import { useReference } from '../complaints/use-reference';

const DAY_FIELDS = ['acknowledgeDays', 'resolveDays', 'answerDays', 'appealDays', 'reminderDays'] as const;
type DayField = (typeof DAY_FIELDS)[number];

/** Deadlines in business days: the default row, and rows per level and/or category (the most specific wins). */
export function SlaSettingsCard() {
  const { t } = useI18n();
  const { levelLabel } = useGeoLevels();
  const reference = useReference();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<SlaSettings | 'new' | null>(null);
  const rows = useAsync(() => listSlaSettings(), [version]);

  const columns: Column<SlaSettings>[] = [
    {
      key: 'level',
      header: t('deadlines.sla.level'),
      render: (s) => (s.level ? levelLabel(s.level) : t('deadlines.sla.any')),
    },
    {
      key: 'category',
      header: t('deadlines.sla.category'),
      render: (s) => (s.category ? reference.label('categories', s.category) : t('deadlines.sla.any')),
    },
    ...DAY_FIELDS.map((f) => ({ key: f, header: t(`deadlines.sla.${f}`), render: (s: SlaSettings) => s[f] })),
    {
      key: 'autoEscalate',
      header: t('deadlines.sla.autoEscalate'),
      render: (s) => (s.autoEscalate ? t('common.yes') : t('common.no')),
    },
    {
      key: 'answerLapse',
      header: t('deadlines.sla.answerLapse'),
      render: (s) => t(`deadlines.sla.answerLapse.${s.answerLapse}`),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (s) => (
        <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => setEditing(s)}>
          {t('common.edit')}
        </button>
      ),
    },
  ];

  return (
    <Card
      title={t('deadlines.sla.title')}
      bodyClassName="card-body p-0"
      tools={
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing('new')}>
          {t('deadlines.sla.add')}
        </button>
      }
    >
      <p className="small text-secondary px-3 pt-3 mb-0">{t('deadlines.sla.help')}</p>
      {rows.error ? <ErrorAlert error={rows.error} className="m-3" /> : null}
      <DataTable
        columns={columns}
        rows={rows.data ?? []}
        rowKey={(s) => s.id}
        caption={t('deadlines.sla.title')}
      />
      {editing && (
        <SlaDialog
          row={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Card>
  );
}

const DEFAULTS: SlaSettingsBody = {
  level: null,
  category: null,
  acknowledgeDays: 5,
  resolveDays: 30,
  answerDays: 10,
  appealDays: 30,
  reminderDays: 2,
  autoEscalate: false,
  answerLapse: 'flag',
};

function SlaDialog({
  row,
  onClose,
  onSaved,
}: {
  row: SlaSettings | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { levels, levelLabel } = useGeoLevels();
  const reference = useReference();
  const [body, setBody] = useState<SlaSettingsBody>(row ? { ...row } : { ...DEFAULTS, level: 'region' });
  const [days, setDays] = useState<Record<DayField, string>>(
    Object.fromEntries(DAY_FIELDS.map((f) => [f, String(row?.[f] ?? DEFAULTS[f])])) as Record<
      DayField,
      string
    >,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const found: FieldErrors = {};
    const values = { ...body };
    for (const f of DAY_FIELDS) {
      const n = Number(days[f]);
      const min = f === 'reminderDays' ? 0 : 1;
      if (days[f].trim() === '' || !Number.isInteger(n) || n < min || n > 365)
        found[f] = t('deadlines.sla.daysInvalid');
      else values[f] = n;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      await saveSlaSettings(values);
      onSaved();
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  const scopeFixed = row !== null; // A row is identified by its scope: editing changes its days only.
  return (
    <FormDialog
      open
      wide
      title={row ? t('deadlines.sla.edit') : t('deadlines.sla.add')}
      submitLabel={t('common.save')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onClose}
    >
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="sla-level"
            label={t('deadlines.sla.level')}
            value={body.level ?? ''}
            disabled={scopeFixed}
            onChange={(v) => setBody((b) => ({ ...b, level: v || null }))}
            options={[
              { value: '', label: t('deadlines.sla.any') },
              ...levels.map((l) => ({ value: l.code, label: levelLabel(l.code) })),
            ]}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="sla-category"
            label={t('deadlines.sla.category')}
            value={body.category ?? ''}
            disabled={scopeFixed}
            onChange={(v) => setBody((b) => ({ ...b, category: v || null }))}
            options={[{ value: '', label: t('deadlines.sla.any') }, ...reference.options('categories')]}
          />
        </div>
        {DAY_FIELDS.map((f) => (
          <div className="col-6 col-md-4" key={f}>
            <TextField
              id={`sla-${f}`}
              type="number"
              inputMode="numeric"
              label={t(`deadlines.sla.${f}`)}
              value={days[f]}
              onChange={(v) => setDays((d) => ({ ...d, [f]: v }))}
              error={errors[f]}
              required
            />
          </div>
        ))}
      </div>
      <CheckboxField
        id="sla-auto-escalate"
        label={t('deadlines.sla.autoEscalateLong')}
        checked={body.autoEscalate}
        onChange={(v) => setBody((b) => ({ ...b, autoEscalate: v }))}
      />
      <SelectField
        id="sla-answer-lapse"
        label={t('deadlines.sla.answerLapseLong')}
        value={body.answerLapse}
        onChange={(v) => setBody((b) => ({ ...b, answerLapse: v === 'close' ? 'close' : 'flag' }))}
        options={(['flag', 'close'] as const).map((v) => ({
          value: v,
          label: t(`deadlines.sla.answerLapse.${v}`),
        }))}
      />
    </FormDialog>
  );
}
