import { normalizePhone } from '@coso/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { apiFieldErrors } from '../../../ui/errors';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/form-fields';
import { type FiledComplaint, type FormOption, publicApi } from './api';
import { PublicLayout } from './public-layout';
import { PublicSentPage } from './public-sent-page';
import { VillagePicker } from './village-picker';

export interface Draft {
  type: string;
  category: string;
  description: string;
  villageId: string;
  anonymous: boolean;
  name: string;
  phone: string;
  notifyConsent: boolean;
}
export const EMPTY: Draft = {
  type: 'complaint',
  category: '',
  description: '',
  villageId: '',
  anonymous: false,
  name: '',
  phone: '',
  notifyConsent: false,
};
const STEPS = ['public.stepWhat', 'public.stepWhere', 'public.stepWho'] as const;

interface StepMessages {
  required: string;
  village: string;
  phone: string;
}

/** What each step must have before going on; the server checks everything again. */
export function stepProblems(step: number, d: Draft, m: StepMessages): Record<string, string> {
  const { required, village } = m;
  const out: Record<string, string> = {};
  if (step === 0) {
    if (!d.category) out.category = required;
    if (d.description.trim().length < 5) out.description = required;
  }
  if (step === 1 && !d.villageId) out.villageId = village;
  if (step === 2 && !d.anonymous && !d.name.trim()) out['complainant.name'] = required;
  // The phone rule staff and field forms use (domain phone.ts): "92345678" is a Togolese number.
  if (step === 2 && !d.anonymous && d.phone.trim() && !normalizePhone(d.phone)) {
    out['complainant.phone'] = m.phone;
  }
  return out;
}

export function toBody(d: Draft) {
  const phone = d.phone.trim() && (normalizePhone(d.phone) ?? d.phone.trim());
  return {
    type: d.type,
    category: d.category,
    description: d.description.trim(),
    villageId: d.villageId,
    complainant: d.anonymous
      ? { anonymous: true }
      : {
          anonymous: false,
          name: d.name.trim(),
          // Consent to SMS about the case (complainant.notifyConsent): only with a phone to send to.
          ...(phone ? { phone, notifyConsent: d.notifyConsent } : {}),
        },
  };
}

/** The public complaint form: three short steps, then the tracking code. */
export function PublicFilePage() {
  const { t, locale } = useI18n();
  const [options, setOptions] = useState<FormOption[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<FiledComplaint | null>(null);

  useEffect(() => {
    publicApi.formOptions().then(setOptions, setFailure);
  }, []);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const choices = (list: string) => [
    { value: '', label: t('public.choose') },
    ...options
      .filter((o) => o.list === list)
      .map((o) => ({ value: o.code, label: locale === 'fr' ? o.labelFr : o.labelEn })),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = stepProblems(step, draft, {
      required: t('validation.required'),
      village: t('public.villageRequired'),
      phone: t('validation.phone_e164'),
    });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (step < STEPS.length - 1) return setStep(step + 1);
    setBusy(true);
    setFailure(null);
    try {
      setFiled(await publicApi.file(toBody(draft)));
    } catch (err) {
      setFailure(err);
      const fields = apiFieldErrors(err, locale, true);
      setErrors(fields);
      // Back to the step that holds the first refused field.
      if (['type', 'category', 'description'].some((f) => fields[f])) setStep(0);
      else if (fields.villageId) setStep(1);
    } finally {
      setBusy(false);
    }
  }

  if (filed) return <PublicSentPage filed={filed} />;

  return (
    <PublicLayout title={t('public.fileLink')}>
      <p className="text-body-secondary mb-1">{t('public.step', { n: String(step + 1), total: '3' })}</p>
      <h2 className="h5 mb-3">{t(STEPS[step]!)}</h2>
      <ErrorAlert error={failure} />
      <form onSubmit={submit} noValidate>
        {step === 0 && (
          <>
            <SelectField
              id="public-type"
              label={t('public.type')}
              value={draft.type}
              onChange={(type) => set({ type })}
              options={choices('type')}
              required
              error={errors.type}
            />
            <SelectField
              id="public-category"
              label={t('public.category')}
              value={draft.category}
              onChange={(category) => set({ category })}
              options={choices('category')}
              required
              error={errors.category}
            />
            <TextAreaField
              id="public-description"
              label={t('public.description')}
              hint={t('public.descriptionHint')}
              value={draft.description}
              onChange={(description) => set({ description })}
              required
              error={errors.description}
            />
          </>
        )}
        {step === 1 && (
          <VillagePicker
            value={draft.villageId}
            onChange={(villageId) => set({ villageId })}
            error={errors.villageId}
          />
        )}
        {step === 2 && (
          <>
            <CheckboxField
              id="public-anonymous"
              label={t('public.anonymous')}
              hint={t('public.anonymousHint')}
              checked={draft.anonymous}
              onChange={(anonymous) => set({ anonymous, ...(anonymous ? { name: '', phone: '' } : {}) })}
              className="mb-3"
            />
            {!draft.anonymous && (
              <>
                <TextField
                  id="public-name"
                  label={t('public.name')}
                  value={draft.name}
                  onChange={(name) => set({ name })}
                  autoComplete="name"
                  required
                  error={errors['complainant.name']}
                />
                <TextField
                  id="public-phone"
                  type="tel"
                  inputMode="tel"
                  label={t('public.phone')}
                  hint={t('public.phoneHint')}
                  value={draft.phone}
                  onChange={(phone) => set({ phone })}
                  autoComplete="tel"
                  placeholder="+228"
                  error={errors['complainant.phone']}
                />
                {draft.phone.trim() && (
                  <CheckboxField
                    id="public-notify"
                    label={t('public.notifyConsent')}
                    checked={draft.notifyConsent}
                    onChange={(notifyConsent) => set({ notifyConsent })}
                    className="mb-3"
                  />
                )}
                <p className="small text-body-secondary">{t('public.confidentialNote')}</p>
              </>
            )}
          </>
        )}
        <div className="d-flex gap-2 mt-3">
          {step > 0 && (
            <button
              type="button"
              className="btn btn-outline-secondary flex-fill"
              onClick={() => setStep(step - 1)}
            >
              {t('public.back')}
            </button>
          )}
          <button type="submit" className="btn btn-primary flex-fill" disabled={busy}>
            {step < STEPS.length - 1 ? t('public.next') : t('public.send')}
          </button>
        </div>
      </form>
    </PublicLayout>
  );
}
