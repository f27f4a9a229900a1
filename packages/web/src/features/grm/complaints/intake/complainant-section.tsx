import { useI18n } from '../../../../i18n/i18n-context';
import { Card } from '../../../../ui/card';
import { errorAt } from '../../../../ui/errors';
import { CheckboxField, FieldSet, SelectField, TextField } from '../../../../ui/form-fields';
import { COMPLAINANT_KINDS, hasContact, togolesePhone } from './intake-values';
import type { SectionProps } from './section-props';

const LANGUAGES = [
  'Français',
  'English',
  'Kabiyè',
  'Éwé',
  'Moba',
  'Tem (kotokoli)',
  'Gourma',
  'Lamba',
  'Haoussa',
];

/** Anonymous or named complainant, contact, and the profile used by the statistics. */
export function ComplainantSection({ values, set, errors, reference }: SectionProps) {
  const { t } = useI18n();
  const err = (field: string) => errorAt(errors, `complainant.${field}`);
  const notSpecified = { value: '', label: t('intake.notSpecified') };

  function toggleVulnerability(code: string, on: boolean) {
    const order = reference.options('vulnerabilityGroups').map((o) => o.value);
    const next = on ? [...values.vulnerabilities, code] : values.vulnerabilities.filter((c) => c !== code);
    set(
      'vulnerabilities',
      order.filter((c) => next.includes(c)),
    );
  }

  return (
    <Card title={t('intake.section.complainant')} outline="primary" landmark={false}>
      <FieldSet id="intake-identity" legend={t('intake.identity')} error={err('anonymous')}>
        <div className="d-flex flex-wrap gap-3">
          <CheckboxField
            type="radio"
            name="intake-identity"
            id="intake-named"
            label={t('intake.named')}
            checked={!values.anonymous}
            onChange={() => set('anonymous', false)}
            className="mb-0"
          />
          <CheckboxField
            type="radio"
            name="intake-identity"
            id="intake-anonymous"
            label={t('intake.anonymous')}
            checked={values.anonymous}
            onChange={() => set('anonymous', true)}
            className="mb-0"
          />
        </div>
      </FieldSet>
      {!values.anonymous && (
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="intake-name"
              label={t('intake.name')}
              value={values.name}
              onChange={(v) => set('name', v)}
              error={err('name')}
              autoComplete="off"
              required
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="intake-phone"
              type="tel"
              label={t('intake.phone')}
              value={values.phone}
              onChange={(v) => set('phone', v)}
              onBlur={() => values.phone && set('phone', togolesePhone(values.phone))}
              error={err('phone')}
              hint={t('intake.phoneHint')}
              inputMode="tel"
              autoComplete="off"
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="intake-email"
              type="email"
              label={t('intake.email')}
              value={values.email}
              onChange={(v) => set('email', v)}
              error={err('email')}
              autoComplete="off"
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="intake-whatsapp"
              type="tel"
              label={t('intake.whatsapp')}
              value={values.whatsapp}
              onChange={(v) => set('whatsapp', v)}
              onBlur={() => values.whatsapp && set('whatsapp', togolesePhone(values.whatsapp))}
              error={err('whatsapp')}
              inputMode="tel"
              autoComplete="off"
            />
          </div>
          <div className="col-12">
            <TextField
              id="intake-postal"
              label={t('intake.postalAddress')}
              value={values.postalAddress}
              onChange={(v) => set('postalAddress', v)}
              error={err('postalAddress')}
              autoComplete="off"
            />
          </div>
          {hasContact(values) && (
            <div className="col-12">
              <CheckboxField
                id="intake-notify-consent"
                label={t('intake.notifyConsent')}
                hint={t('intake.notifyConsentHint')}
                checked={values.notifyConsent}
                onChange={(v) => set('notifyConsent', v)}
                error={err('notifyConsent')}
                className="mb-3"
              />
            </div>
          )}
          <div className="col-12">
            <CheckboxField
              id="intake-confidential"
              label={t('intake.confidential')}
              hint={t('intake.confidentialHint')}
              checked={values.confidential}
              onChange={(v) => set('confidential', v)}
              className="mb-3"
            />
          </div>
        </div>
      )}
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="intake-language"
            label={t('intake.preferredLanguage')}
            value={values.preferredLanguage}
            onChange={(v) => set('preferredLanguage', v)}
            error={err('preferredLanguage')}
            list="intake-languages"
            autoComplete="off"
          />
          <datalist id="intake-languages">
            {LANGUAGES.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        </div>
        <div className="col-md-6">
          <TextField
            id="intake-on-behalf"
            label={t('intake.onBehalfOf')}
            value={values.onBehalfOf}
            onChange={(v) => set('onBehalfOf', v)}
            error={err('onBehalfOf')}
            hint={t('intake.onBehalfOfHint')}
            autoComplete="off"
          />
        </div>
      </div>
      <FieldSet id="intake-kind" legend={t('intake.kind')} error={err('kind')}>
        <div className="d-flex flex-wrap gap-3">
          {COMPLAINANT_KINDS.map((k) => (
            <CheckboxField
              key={k}
              type="radio"
              name="intake-kind"
              id={`intake-kind-${k}`}
              label={t(`complainantKind.${k}`)}
              checked={values.kind === k}
              onChange={() => set('kind', k)}
              className="mb-0"
            />
          ))}
        </div>
      </FieldSet>
      <div className="row">
        {values.kind !== 'individual' && (
          <div className="col-md-4">
            <TextField
              id="intake-group-size"
              type="number"
              label={t('intake.groupSize')}
              value={values.groupSize}
              onChange={(v) => set('groupSize', v)}
              error={err('groupSize')}
              inputMode="numeric"
            />
          </div>
        )}
        <div className="col-md-4">
          <SelectField
            id="intake-gender"
            label={t('complaint.gender')}
            value={values.gender}
            onChange={(v) => set('gender', v)}
            options={[notSpecified, ...reference.options('genders')]}
            error={err('gender')}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="intake-age-group"
            label={t('complaint.ageGroup')}
            value={values.ageGroup}
            onChange={(v) => set('ageGroup', v)}
            options={[notSpecified, ...reference.options('ageGroups')]}
            error={err('ageGroup')}
          />
        </div>
      </div>
      <FieldSet
        id="intake-vulnerabilities"
        legend={t('complaint.vulnerabilities')}
        error={err('vulnerabilities')}
        className="mb-0"
      >
        <div className="row">
          {reference.options('vulnerabilityGroups').map((o) => (
            <div key={o.value} className="col-md-6 col-xl-4">
              <CheckboxField
                id={`intake-vulnerability-${o.value}`}
                label={o.label}
                checked={values.vulnerabilities.includes(o.value)}
                onChange={(on) => toggleVulnerability(o.value, on)}
                className="mb-1"
              />
            </div>
          ))}
        </div>
      </FieldSet>
    </Card>
  );
}
