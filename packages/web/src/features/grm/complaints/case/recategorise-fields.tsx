import type { Complaint } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import type { FieldErrors } from '../../../../ui/errors';
import { CheckboxField, SelectField } from '../../../../ui/form-fields';
import { useReference } from '../use-reference';

export interface RecategoriseValues {
  category: string;
  type: string;
  sensitive: boolean;
}

/** The form starts from what the case is now: the handler changes only what was wrong. */
export const recategoriseStart = (c: Complaint): RecategoriseValues => ({
  category: c.category,
  type: c.type,
  sensitive: c.sensitive,
});

interface Props {
  complaint: Complaint;
  values: RecategoriseValues;
  set: <K extends keyof RecategoriseValues>(key: K, value: RecategoriseValues[K]) => void;
  errors: FieldErrors;
}

/**
 * Category, type and sensitivity of the case (the reason field comes after). A sensitive category (GBV/SEA,
 * corruption) makes the case sensitive whatever the box says, so the box is then checked and locked; the
 * warnings say what happens to access before the handler confirms.
 */
export function RecategoriseFields({ complaint, values: v, set, errors }: Props) {
  const { t } = useI18n();
  const reference = useReference();
  const categorySensitive = reference.item('categories', v.category)?.sensitive === true;
  return (
    <>
      <SelectField
        id="action-category"
        label={t('complaint.category')}
        value={v.category}
        onChange={(code) => {
          set('category', code);
          if (reference.item('categories', code)?.sensitive) set('sensitive', true);
        }}
        options={reference.options('categories')}
        error={errors.category}
        required
      />
      <SelectField
        id="action-type"
        label={t('complaint.type')}
        value={v.type}
        onChange={(code) => set('type', code)}
        options={reference.options('types')}
        error={errors.type}
        required
      />
      <CheckboxField
        id="action-sensitive"
        label={t('recategorise.sensitive')}
        checked={v.sensitive || categorySensitive}
        disabled={categorySensitive}
        onChange={(x) => set('sensitive', x)}
        error={errors.sensitive}
        hint={categorySensitive ? t('recategorise.sensitiveByCategory') : undefined}
      />
      {v.sensitive && !complaint.sensitive && (
        <div className="alert alert-warning">{t('recategorise.becomesSensitive')}</div>
      )}
      {!v.sensitive && complaint.sensitive && (
        <div className="alert alert-warning">{t('recategorise.becomesOrdinary')}</div>
      )}
    </>
  );
}
