import { useState } from 'react';
import { addHoliday, type Holiday, listHolidays, removeHoliday } from '../../../api/deadlines';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { ConfirmButton } from '../../../ui/confirm-dialog';
import { type Column, DataTable } from '../../../ui/data-table';
import { apiFieldErrors, type FieldErrors } from '../../../ui/errors';
import { FormDialog } from '../../../ui/form-dialog';
import { SelectField, TextField } from '../../../ui/form-fields';
import { useAsync } from '../../../ui/use-async';

/** The public holidays of one year: computed ones read-only, entered ones (feasts, closures) editable. */
export function HolidaysCard() {
  const { t, locale } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const holidays = useAsync(() => listHolidays(year), [year, version]);

  const columns: Column<Holiday>[] = [
    {
      key: 'date',
      header: t('deadlines.holidays.date'),
      render: (h) =>
        new Date(`${h.date}T12:00:00Z`).toLocaleDateString(locale, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }),
    },
    {
      key: 'label',
      header: t('deadlines.holidays.label'),
      render: (h) => (locale === 'en' ? h.labelEn : h.labelFr),
    },
    {
      key: 'source',
      header: t('deadlines.holidays.source'),
      render: (h) => t(`deadlines.holidays.${h.source}`),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (h) =>
        h.source === 'entered' && (
          <ConfirmButton
            label={t('common.delete')}
            title={t('deadlines.holidays.deleteTitle')}
            message={t('deadlines.holidays.deleteMessage', { date: h.date })}
            className="btn btn-sm btn-outline-danger"
            onConfirm={async () => {
              await removeHoliday(h.date);
              setVersion((v) => v + 1);
            }}
          />
        ),
    },
  ];

  return (
    <Card
      title={t('deadlines.holidays.title')}
      bodyClassName="card-body p-0"
      tools={
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setAdding(true)}>
          {t('deadlines.holidays.add')}
        </button>
      }
    >
      <div className="p-3 border-bottom d-flex align-items-center gap-2">
        <label htmlFor="holiday-year" className="form-label mb-0">
          {t('deadlines.holidays.year')}
        </label>
        <select
          id="holiday-year"
          className="form-select form-select-sm w-auto"
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
        >
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
        <span className="small text-secondary">{t('deadlines.holidays.help')}</span>
      </div>
      {holidays.error ? <ErrorAlert error={holidays.error} className="m-3" /> : null}
      <DataTable
        columns={columns}
        rows={holidays.data ?? []}
        rowKey={(h) => h.date}
        caption={t('deadlines.holidays.title')}
      />
      {adding && (
        <HolidayDialog
          year={year}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Card>
  );
}

function HolidayDialog({
  year,
  onClose,
  onSaved,
}: {
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [date, setDate] = useState(`${year}-01-01`);
  const [labelFr, setLabelFr] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const [kind, setKind] = useState<'fixed' | 'movable'>('movable');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const found: FieldErrors = {};
    if (!date) found.date = t('validation.required');
    if (!labelFr.trim()) found.labelFr = t('validation.required');
    if (!labelEn.trim()) found.labelEn = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      await addHoliday({ date, labelFr: labelFr.trim(), labelEn: labelEn.trim(), kind });
      onSaved();
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open
      title={t('deadlines.holidays.add')}
      submitLabel={t('common.save')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onClose}
    >
      <TextField
        id="holiday-date"
        type="date"
        label={t('deadlines.holidays.date')}
        value={date}
        onChange={setDate}
        error={errors.date}
        required
      />
      <TextField
        id="holiday-label-fr"
        label={t('deadlines.holidays.labelFr')}
        value={labelFr}
        onChange={setLabelFr}
        error={errors.labelFr}
        required
      />
      <TextField
        id="holiday-label-en"
        label={t('deadlines.holidays.labelEn')}
        value={labelEn}
        onChange={setLabelEn}
        error={errors.labelEn}
        required
      />
      <SelectField
        id="holiday-kind"
        label={t('deadlines.holidays.kind')}
        value={kind}
        onChange={(v) => setKind(v as 'fixed' | 'movable')}
        options={[
          { value: 'movable', label: t('deadlines.holidays.movable') },
          { value: 'fixed', label: t('deadlines.holidays.fixed') },
        ]}
        hint={t('deadlines.holidays.kindHelp')}
      />
    </FormDialog>
  );
}
