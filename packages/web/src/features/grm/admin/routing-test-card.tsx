import { type FormEvent, useState } from 'react';
import { previewRouting, type RoutingPreview, type RoutingRule } from '../../../api/grm';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { apiFieldErrors, type FieldErrors } from '../../../ui/errors';
import { SelectField } from '../../../ui/form-fields';
import type { PlacedUnit } from '../../geo/unit-context';
import { UnitPicker } from '../../geo/unit-picker';
import { useGeoLevels } from '../../geo/use-geo-levels';
import { useReference } from '../complaints/use-reference';

/** A rule in one line: "Corruption · Kara (région) → Pays". */
export function useRuleText() {
  const { t } = useI18n();
  const reference = useReference();
  const { levelLabel, refLabel } = useGeoLevels();
  return (r: RoutingRule) =>
    `${r.category ? reference.label('categories', r.category) : t('grm.rules.anyCategory')} · ${
      r.area ? refLabel(r.area) : t('grm.rules.everywhere')
    } → ${levelLabel(r.handlingLevel)}`;
}

/** "Tester le routage": where a new case of this category in this village would go now. */
export function RoutingTestCard() {
  const { t, locale } = useI18n();
  const reference = useReference();
  const { levelLabel, refLabel } = useGeoLevels();
  const ruleText = useRuleText();
  const [category, setCategory] = useState('');
  const [village, setVillage] = useState<PlacedUnit | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<RoutingPreview | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!category) found.category = t('validation.required');
    if (!village) found.villageId = t('validation.required');
    setErrors(found);
    setError(null);
    setResult(null);
    if (!village || Object.keys(found).length) return;
    setBusy(true);
    try {
      setResult(await previewRouting(category, village.id));
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('grm.rules.test')} outline="primary">
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error} />
        <SelectField
          id="test-category"
          label={t('grm.rules.category')}
          value={category}
          onChange={setCategory}
          options={[{ value: '', label: t('intake.choose') }, ...reference.options('categories')]}
          error={errors.category}
          required
        />
        <UnitPicker
          id="test-village"
          label={t('complaint.village')}
          level="village"
          value={village}
          onChange={setVillage}
          error={errors.villageId}
          required
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('grm.rules.testSubmit')}
        </button>
      </form>
      {result && (
        <section aria-live="polite" className="mt-3 border-top pt-3">
          <dl className="row mb-2">
            <dt className="col-sm-5">{t('grm.rules.resultRule')}</dt>
            <dd className="col-sm-7">{result.rule ? ruleText(result.rule) : t('grm.rules.noRule')}</dd>
            <dt className="col-sm-5">{t('grm.rules.level')}</dt>
            <dd className="col-sm-7">{levelLabel(result.handlingLevel)}</dd>
            <dt className="col-sm-5">{t('grm.rules.resultUnit')}</dt>
            <dd className="col-sm-7">{refLabel(result.handlingUnit)}</dd>
            <dt className="col-sm-5">{t('grm.rules.resultAssignee')}</dt>
            <dd className="col-sm-7">{result.assignee?.displayName ?? t('intake.unassignedQueue')}</dd>
          </dl>
          <h3 className="fs-6 fw-semibold">{t('grm.rules.candidates')}</h3>
          {result.candidates.length === 0 ? (
            <p className="text-secondary mb-0">{t('grm.rules.noCandidates')}</p>
          ) : (
            <ul className="mb-0">
              {result.candidates.map((c) => (
                <li key={c.id}>
                  {c.displayName} — {t('grm.rules.openCases', { n: c.openCases })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Card>
  );
}
