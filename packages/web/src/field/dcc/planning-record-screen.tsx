import { PLAN_OUTCOMES, type PlanOutcome } from '@coso/domain';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useField, useLive } from '../engine-context';
import { useT } from '../i18n/i18n';
import { compressPhoto } from '../platform/media';
import { ChoiceList, TextArea } from '../ui/fields';
import { Screen } from '../ui/layout';
import { queuePlanOutcome, readPlans } from './planning-device';
import { canRecord, dayLabel, localDate } from './planning-model';
import { useDcc } from './use-dcc';

/**
 * `/dcc/planning/:planId`: what happened on a planned day — done, not done, or something else (then say
 * what) — with a comment and, if wanted, a photo from the camera (compressed, stored with the outbox entry and
 * uploaded before dcc.plan.record, as a task's attachments).
 */
export function PlanningRecordScreen({ planId }: { planId: string }) {
  const { t, locale } = useT();
  const { engine } = useField();
  const { data } = useDcc();
  const [, navigate] = useLocation();
  const plans = useLive((e) => readPlans(e), []);
  const [outcome, setOutcome] = useState<PlanOutcome | null>(null);
  const [comment, setComment] = useState('');
  const [photo, setPhoto] = useState<{ blob: Blob; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<string | null>(null);
  const plan = plans.data?.find((p) => p.id === planId);
  const back = '/dcc/planning';

  if (!plan || !canRecord(plan, localDate(new Date())))
    return (
      <Screen title={t('dcc.planning.record')} back={back}>
        {plans.loading ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <p className="alert alert-warning">{t('dcc.planning.missing')}</p>
        )}
      </Screen>
    );

  const task = plan.taskId ? data?.tasks.find((x) => x.id === plan.taskId) : undefined;

  async function takePhoto(file: File) {
    setBusy(true);
    setFailed(null);
    try {
      setPhoto({ blob: await compressPhoto(file), name: file.name });
    } catch (err) {
      setFailed(t('dcc.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    const found: Record<string, string> = {};
    if (!outcome) found.outcome = t('dcc.planning.outcomeRequired');
    if (outcome === 'other' && !comment.trim()) found.comment = t('dcc.planning.commentRequired');
    setErrors(found);
    if (!outcome || Object.keys(found).length || !plan) return;
    setBusy(true);
    try {
      const file = photo ? { blob: photo.blob, name: `plan-${plan.id}.jpg`, type: 'image/jpeg' } : undefined;
      await queuePlanOutcome(engine, plan, { outcome, comment }, file);
      navigate(back);
    } catch (err) {
      setFailed(t('dcc.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
      setBusy(false);
    }
  }

  return (
    <Screen title={t('dcc.planning.record')} back={back}>
      <p className="fs-5 fw-semibold mb-1">{task?.name ?? plan.title}</p>
      <p className="mb-3">{dayLabel(plan.plannedOn, locale)}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ChoiceList
          name="plan-outcome"
          legend={t('dcc.planning.outcome')}
          value={outcome ?? ''}
          choices={PLAN_OUTCOMES.map((o) => ({ value: o, label: t(`dcc.planning.outcome.${o}`) }))}
          onChange={(v) => setOutcome(v as PlanOutcome)}
          error={errors.outcome}
        />
        <TextArea
          id="plan-comment"
          rows={4}
          label={t(outcome === 'other' ? 'dcc.planning.commentOther' : 'dcc.planning.comment')}
          value={comment}
          onChange={setComment}
          error={errors.comment}
        />
        <div className="mb-3">
          <label
            htmlFor="plan-photo"
            className={`btn btn-outline-dark btn-lg w-100${busy ? ' disabled' : ''}`}
          >
            {photo ? t('dcc.planning.photoAgain') : t('dcc.takePhoto')}
            <input
              id="plan-photo"
              type="file"
              className="visually-hidden"
              accept="image/*"
              capture="environment"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void takePhoto(file);
              }}
            />
          </label>
          {photo && (
            <p className="small mt-2 mb-0" data-testid="dcc-plan-photo">
              {t('dcc.planning.photoReady')}
            </p>
          )}
        </div>
        {failed && (
          <div className="alert alert-danger" role="alert">
            {failed}
          </div>
        )}
        <button
          type="submit"
          className="btn btn-success btn-xl w-100"
          disabled={busy}
          data-testid="dcc-plan-save"
        >
          {t('dcc.planning.saveOutcome')}
        </button>
      </form>
    </Screen>
  );
}
