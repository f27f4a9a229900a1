import { type ComponentType, useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useField } from '../../engine-context';
import { useT } from '../../i18n/i18n';
import { useIssueText } from '../../ui/fields';
import { Icon } from '../../ui/icons';
import { Screen } from '../../ui/layout';
import { useGeo, useReference } from '../../use-field-data';
import type { FieldIssues } from '../../validation';
import {
  CategoryStep,
  ChannelStep,
  GenderStep,
  IdentityStep,
  ProfileStep,
  TypeStep,
  VulnerabilitiesStep,
} from './choice-steps';
import { AudioStep, PhotosStep } from './media-steps';
import { PlaceStep, VillageStep } from './place-steps';
import type { StepProps, WizardFile } from './step-props';
import { SummaryStep } from './summary-step';
import { ContactStep, DescriptionStep, IncidentStep, LanguageStep, SubprojectStep } from './text-steps';
import {
  EMPTY_WIZARD,
  firstStepWithIssues,
  type StepId,
  stepIssues,
  visibleSteps,
  type WizardValues,
  wizardPayload,
} from './wizard-model';

const STEPS: Record<StepId, ComponentType<StepProps>> = {
  type: TypeStep,
  category: CategoryStep,
  channel: ChannelStep,
  identity: IdentityStep,
  contact: ContactStep,
  profile: ProfileStep,
  gender: GenderStep,
  vulnerabilities: VulnerabilitiesStep,
  language: LanguageStep,
  description: DescriptionStep,
  audio: AudioStep,
  incident: IncidentStep,
  village: VillageStep,
  place: PlaceStep,
  subproject: SubprojectStep,
  photos: PhotosStep,
  summary: SummaryStep,
};

/** The complaint wizard: one question per screen, checked step by step, saved on the phone at the end. */
export function WizardScreen() {
  const { t } = useT();
  const { engine } = useField();
  const [, navigate] = useLocation();
  const reference = useReference();
  const geo = useGeo();
  const [values, setValues] = useState<WizardValues>(EMPTY_WIZARD);
  const [files, setFiles] = useState<WizardFile[]>([]);
  const [step, setStep] = useState<StepId>('type');
  const [issues, setIssues] = useState<FieldIssues>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const issue = useIssueText(issues);

  const steps = visibleSteps(values);
  const index = Math.max(0, steps.indexOf(step));
  const dirty = values !== EMPTY_WIZARD || files.length > 0;

  // Object URLs of photos and recordings live as long as the wizard.
  const filesRef = useRef(files);
  filesRef.current = files;
  useEffect(
    () => () => {
      for (const f of filesRef.current) URL.revokeObjectURL(f.url);
    },
    [],
  );

  // A reload or a closed tab would lose the answers: the browser asks first.
  useEffect(() => {
    if (!dirty || saving) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, saving]);

  const set = useCallback(<K extends keyof WizardValues>(key: K, value: WizardValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setIssues({});
  }, []);

  const show = (next: StepId, found: FieldIssues = {}) => {
    setStep(next);
    setIssues(found);
    window.scrollTo(0, 0);
    requestAnimationFrame(() => questionRef.current?.focus());
  };

  function next() {
    setNotice(null);
    const found = stepIssues(step, values);
    if (Object.keys(found).length > 0) {
      setIssues(found);
      setNotice(t('wizard.fixStep'));
      return;
    }
    const following = steps[index + 1];
    if (following) show(following);
  }

  function back() {
    setNotice(null);
    const previous = steps[index - 1];
    if (previous) show(previous);
    else if (dirty) setLeaving(true);
    else navigate('/');
  }

  async function save() {
    if (saving) return;
    const broken = firstStepWithIssues(values);
    if (broken) {
      show(broken, stepIssues(broken, values));
      setNotice(t('wizard.fixBefore'));
      return;
    }
    setSaving(true);
    setNotice(null);
    try {
      const created = await engine.createComplaint(
        wizardPayload(values, new Date()),
        files.map((f) => f.file),
      );
      navigate(`/receipt/${created.id}`, { replace: true });
    } catch (err) {
      setNotice(t('wizard.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
      setSaving(false);
    }
  }

  const Step = STEPS[step];
  const props: StepProps = {
    values,
    set,
    issue,
    reference,
    geo,
    files,
    addFile: (f) => setFiles((list) => [...list, f]),
    removeFile: (key) =>
      setFiles((list) => {
        const gone = list.find((f) => f.key === key);
        if (gone) URL.revokeObjectURL(gone.url);
        return list.filter((f) => f.key !== key);
      }),
    goTo: (s) => show(s),
  };
  const last = step === 'summary';

  return (
    <Screen title={t('wizard.title')} tabs={false}>
      <div className="wizard-progress" aria-hidden="true">
        {steps.map((s, i) => (
          <span key={s} className={`dot ${i < index ? 'done' : ''} ${i === index ? 'current' : ''}`} />
        ))}
      </div>
      <p className="small text-body-secondary mb-1" data-testid="wizard-step" data-step={step}>
        {t('wizard.step', { n: index + 1, total: steps.length })}
      </p>
      <h2 ref={questionRef} tabIndex={-1} className="wizard-question">
        {t(`wizard.q.${step}`)}
      </h2>
      {!reference.loading && reference.empty && (
        <div className="alert alert-warning" role="alert">
          {t('wizard.noReference')}
        </div>
      )}
      {notice && (
        <div className="alert alert-danger" role="alert">
          {notice}
        </div>
      )}
      <Step {...props} />
      {leaving && (
        <div className="alert alert-warning" role="alertdialog" aria-label={t('wizard.leave')}>
          <p>{t('wizard.leave')}</p>
          <div className="d-grid gap-2">
            <button type="button" className="btn btn-danger btn-lg" onClick={() => navigate('/')}>
              {t('wizard.abandon')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary btn-lg"
              onClick={() => setLeaving(false)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <div className="wizard-nav">
        <button
          type="button"
          className="btn btn-outline-secondary btn-lg"
          onClick={back}
          data-testid="wizard-back"
        >
          <Icon name="back" /> {t('common.back')}
        </button>
        {last ? (
          <button
            type="button"
            className="btn btn-success btn-lg"
            onClick={save}
            disabled={saving}
            data-testid="wizard-save"
          >
            <Icon name="check" /> {saving ? t('wizard.saving') : t('wizard.save')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-lg" onClick={next} data-testid="wizard-next">
            {t('common.next')} <Icon name="next" />
          </button>
        )}
      </div>
    </Screen>
  );
}
