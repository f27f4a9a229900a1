import { togoDate } from '@coso/domain';
import { useI18n } from '../../../../i18n/i18n-context';
import { Card } from '../../../../ui/card';
import { CheckboxField, FieldHelp, TextField } from '../../../../ui/form-fields';
import { DESCRIPTION_MAX } from './intake-values';
import type { SectionProps } from './section-props';

/** What happened, when, and whether it goes on. */
export function FactsSection({ values, set, errors }: SectionProps) {
  const { t, formatNumber } = useI18n();
  const length = values.description.length;
  const over = length > DESCRIPTION_MAX;
  return (
    <Card title={t('intake.section.facts')} outline="primary" landmark={false}>
      <div className="mb-3">
        <label htmlFor="intake-description" className="form-label">
          {t('complaint.description')}
        </label>
        <span className="text-danger ms-1" aria-hidden="true">
          *
        </span>
        <textarea
          id="intake-description"
          name="intake-description"
          className={`form-control${errors.description || over ? ' is-invalid' : ''}`}
          rows={6}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          required
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={`intake-description-count${errors.description ? ' intake-description-error' : ''}`}
        />
        <FieldHelp id="intake-description" error={errors.description} />
        <div
          id="intake-description-count"
          className={`form-text text-end${over ? ' text-danger fw-semibold' : ''}`}
        >
          {t('intake.descriptionCount', { count: formatNumber(length), max: formatNumber(DESCRIPTION_MAX) })}
        </div>
      </div>
      <div className="row align-items-end">
        <div className="col-md-4">
          <TextField
            id="intake-received-at"
            type="datetime-local"
            label={t('intake.receivedAt')}
            value={values.receivedAt}
            onChange={(v) => set('receivedAt', v)}
            error={errors.receivedAt}
            hint={t('intake.receivedAtHint')}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="intake-incident-date"
            type="date"
            label={t('complaint.incidentDate')}
            value={values.incidentDate}
            onChange={(v) => set('incidentDate', v)}
            error={errors.incidentDate}
            max={togoDate()}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="intake-subproject"
            label={t('complaint.subprojectRef')}
            value={values.subprojectRef}
            onChange={(v) => set('subprojectRef', v)}
            error={errors.subprojectRef}
            autoComplete="off"
          />
        </div>
      </div>
      <div className="d-flex flex-wrap gap-4">
        <CheckboxField
          id="intake-ongoing"
          label={t('complaint.ongoing')}
          checked={values.ongoing}
          onChange={(v) => set('ongoing', v)}
          className="mb-0"
        />
        <CheckboxField
          id="intake-recurring"
          label={t('complaint.recurring')}
          checked={values.recurring}
          onChange={(v) => set('recurring', v)}
          className="mb-0"
        />
      </div>
    </Card>
  );
}
