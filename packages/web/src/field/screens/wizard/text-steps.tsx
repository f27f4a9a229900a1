import { togoDate } from '@coso/domain';
import {
  DESCRIPTION_MAX,
  hasContact,
  togolesePhone,
} from '../../../features/grm/complaints/intake/intake-values';
import { useT } from '../../i18n/i18n';
import { TextArea, TextField, Toggle } from '../../ui/fields';
import type { StepProps } from './step-props';

const LANGUAGES = [
  'Français',
  'Kabiyè',
  'Éwé',
  'Moba',
  'Tem (kotokoli)',
  'Gourma',
  'Lamba',
  'Haoussa',
  'English',
];

export function ContactStep(p: StepProps) {
  const { t } = useT();
  const v = p.values;
  const more = Boolean(v.email || v.whatsapp || v.postalAddress);
  return (
    <>
      <TextField
        id="wizard-name"
        label={t('field.name')}
        value={v.name}
        onChange={(x) => p.set('name', x)}
        error={p.issue('complainant.name')}
        required
      />
      <TextField
        id="wizard-phone"
        type="tel"
        inputMode="tel"
        label={t('field.phone')}
        hint={t('field.phoneHint')}
        value={v.phone}
        onChange={(x) => p.set('phone', x)}
        onBlur={() => v.phone && p.set('phone', togolesePhone(v.phone))}
        error={p.issue('complainant.phone')}
      />
      <details className="mb-3" open={more || undefined}>
        <summary className="field-summary">{t('field.moreContacts')}</summary>
        <TextField
          id="wizard-whatsapp"
          type="tel"
          inputMode="tel"
          label={t('field.whatsapp')}
          value={v.whatsapp}
          onChange={(x) => p.set('whatsapp', x)}
          onBlur={() => v.whatsapp && p.set('whatsapp', togolesePhone(v.whatsapp))}
          error={p.issue('complainant.whatsapp')}
        />
        <TextField
          id="wizard-email"
          type="email"
          inputMode="email"
          label={t('field.email')}
          value={v.email}
          onChange={(x) => p.set('email', x)}
          error={p.issue('complainant.email')}
        />
        <TextField
          id="wizard-postal"
          label={t('field.postalAddress')}
          value={v.postalAddress}
          onChange={(x) => p.set('postalAddress', x)}
          error={p.issue('complainant.postalAddress')}
        />
      </details>
      {hasContact(v) && (
        <Toggle
          id="wizard-consent"
          label={t('field.notifyConsent')}
          checked={v.notifyConsent}
          onChange={(x) => p.set('notifyConsent', x)}
          error={p.issue('complainant.notifyConsent')}
        />
      )}
      <Toggle
        id="wizard-confidential"
        label={t('field.confidential')}
        hint={t('field.confidentialHint')}
        checked={v.confidential}
        onChange={(x) => p.set('confidential', x)}
      />
    </>
  );
}

export function LanguageStep(p: StepProps) {
  const { t } = useT();
  return (
    <>
      <TextField
        id="wizard-language"
        label={t('field.preferredLanguage')}
        value={p.values.preferredLanguage}
        onChange={(x) => p.set('preferredLanguage', x)}
        error={p.issue('complainant.preferredLanguage')}
        list="wizard-languages"
      />
      <datalist id="wizard-languages">
        {LANGUAGES.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <TextField
        id="wizard-on-behalf"
        label={t('field.onBehalfOf')}
        hint={t('field.onBehalfOfHint')}
        value={p.values.onBehalfOf}
        onChange={(x) => p.set('onBehalfOf', x)}
        error={p.issue('complainant.onBehalfOf')}
      />
    </>
  );
}

export function DescriptionStep(p: StepProps) {
  const { t } = useT();
  const count = p.values.description.length;
  return (
    <TextArea
      id="wizard-description"
      label={t('field.description')}
      hint={t('wizard.h.description')}
      rows={8}
      value={p.values.description}
      onChange={(x) => p.set('description', x)}
      error={p.issue('description')}
      counter={
        <div className={`form-text text-end ${count > DESCRIPTION_MAX ? 'text-danger' : ''}`}>
          {t('field.descriptionCount', { count, max: DESCRIPTION_MAX })}
        </div>
      }
    />
  );
}

export function IncidentStep(p: StepProps) {
  const { t } = useT();
  return (
    <>
      <TextField
        id="wizard-incident-date"
        type="date"
        label={t('field.incidentDate')}
        hint={t('wizard.h.incident')}
        max={togoDate()}
        value={p.values.incidentDate}
        onChange={(x) => p.set('incidentDate', x)}
        error={p.issue('incidentDate')}
      />
      <Toggle
        id="wizard-ongoing"
        label={t('field.ongoing')}
        checked={p.values.ongoing}
        onChange={(x) => p.set('ongoing', x)}
      />
      <Toggle
        id="wizard-recurring"
        label={t('field.recurring')}
        checked={p.values.recurring}
        onChange={(x) => p.set('recurring', x)}
      />
    </>
  );
}

export function SubprojectStep(p: StepProps) {
  const { t } = useT();
  return (
    <TextField
      id="wizard-subproject"
      label={t('field.subprojectRef')}
      hint={t('wizard.h.subproject')}
      value={p.values.subprojectRef}
      onChange={(x) => p.set('subprojectRef', x)}
      error={p.issue('subprojectRef')}
    />
  );
}
