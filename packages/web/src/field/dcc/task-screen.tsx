import { checkSubmission, type DeviceForm, formText, isEditable } from '@coso/domain';
import { useEffect, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { useField, useLive } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Screen } from '../ui/layout';
import { answerLines } from './answers-view';
import { AttachmentSlots } from './attachments';
import { completeTask, taskForm, taskProblems } from './complete';
import { DCC_MUTATIONS, loadWork, startingAnswers } from './dcc-device';
import type { CompletionProblem } from './dcc-model';
import type { DccInstance } from './dcc-rows';
import { Materials } from './materials';
import { TaskBadge } from './task-badge';
import { useDcc } from './use-dcc';

/**
 * `/dcc/villages/:villageId/tasks/:instanceId`: a task of the village — instructions, the specialist's
 * comment when returned, its form, its attachment slots and "Marquer comme terminé" (checked on the phone,
 * then queued). Submitted and validated tasks are read-only.
 */
export function TaskScreen({ villageId, instanceId }: { villageId: string; instanceId: string }) {
  const { t, locale } = useT();
  const { engine, store } = useField();
  const { data, geo, loading } = useDcc();
  const search = useSearch();
  const [changed, setChanged] = useState(0);
  const [problems, setProblems] = useState<CompletionProblem[] | null>(null);
  // The version the task was marked complete on here: shown as queued until the sync brings a newer one.
  const [queuedOn, setQueuedOn] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const instance = data?.instances.find((i) => i.id === instanceId);
  const task = instance && data?.tasks.find((x) => x.id === instance.taskId);
  const extra = useLive(
    async (e) => ({
      form: instance && task ? await taskForm(e, task.formId, instance) : undefined,
      work: await loadWork(store, instanceId),
      refused: new Set((await e.status()).failed.map((f) => f.mutation.id)),
      submitting: (await store.outbox()).some(
        (o) =>
          o.state === 'pending' &&
          o.mutation.type === DCC_MUTATIONS.submit &&
          (o.mutation.payload as { id?: string }).id === instanceId,
      ),
    }),
    [instance?.formVersionId, task?.formId, changed],
  ).data;
  const back = `/dcc/villages/${villageId}`;
  const check = new URLSearchParams(search).get('check') === '1';

  // Back from the form's last page with something missing: say what, at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the task is on screen
  useEffect(() => {
    if (!check || !data || !instance || problems) return;
    void taskProblems({ engine, store, data, geo, villageId, instance, now: new Date() }).then((r) =>
      setProblems(r.problems),
    );
  }, [check, data !== undefined, instance !== undefined]);

  if (!data || !instance || !task || !extra)
    return (
      <Screen title={t('dcc.title')} back={back}>
        {loading || !extra ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <p className="alert alert-warning">{t('dcc.missing')}</p>
        )}
      </Screen>
    );

  // A submit waiting in the outbox (also after a reload, or back from the form's last page) makes the task
  // read-only as much as the server's status; once a sync brings the server's row back, that row speaks.
  const sent = queuedOn === instance.version || extra.submitting;
  const editable = isEditable(instance.status) && !sent;
  const answers = startingAnswers(instance, extra.work) ?? {};

  async function complete() {
    if (!data || !instance) return;
    setWorking(true);
    setError(null);
    try {
      const found = await completeTask({ engine, store, data, geo, villageId, instance, now: new Date() });
      setProblems(found);
      if (!found.length) setQueuedOn(instance.version);
    } catch (err) {
      setError(t('dcc.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setWorking(false);
    }
  }

  return (
    <Screen title={task.name} back={back}>
      <p className="mb-2">
        <TaskBadge status={instance.status} pending={instance.pending} />
      </p>
      {task.level !== 'village' && <p className="small">{t(`dcc.level.${task.level}`)}</p>}
      {sent && (
        <div className="alert alert-success" role="status">
          {t('dcc.queued')}
        </div>
      )}
      {(instance.status === 'returned' || instance.status === 'draft') && instance.returnComment && !sent && (
        <div className="alert alert-warning" data-testid="dcc-return-comment">
          <p className="fw-semibold mb-1">{t('dcc.returnedBy')}</p>
          <p className="mb-0 text-pre-wrap">{instance.returnComment}</p>
        </div>
      )}
      {instance.status === 'submitted' && !sent && (
        <p className="alert alert-info">{t('dcc.submittedHelp')}</p>
      )}
      {instance.status === 'validated' && <p className="alert alert-success">{t('dcc.readOnly')}</p>}
      {task.instructions && (
        <section className="mb-3">
          <h2 className="h5">{t('dcc.instructions')}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{task.instructions}</p>
        </section>
      )}
      <Materials materials={task.materials} />
      <FormPart
        formId={task.formId}
        form={extra.form}
        instance={instance}
        answers={answers}
        editable={editable}
        href={`${back}/tasks/${instance.id}/form`}
        started={extra.work.answers !== undefined || instance.answers !== null}
        locale={locale}
      />
      <AttachmentSlots
        instance={instance}
        slots={task.attachmentSlots}
        work={extra.work}
        refused={extra.refused}
        editable={editable}
        onChanged={() => setChanged((n) => n + 1)}
      />
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      {problems && problems.length > 0 && (
        <div className="alert alert-warning" role="alert" data-testid="dcc-problems">
          <p className="fw-semibold mb-1">{t('dcc.problems')}</p>
          <ul className="mb-0">
            {problems.map((p) => (
              <li key={JSON.stringify(p)}>{problemText(t, p)}</li>
            ))}
          </ul>
        </div>
      )}
      {editable && (
        <>
          <button
            type="button"
            className="btn btn-success btn-xl w-100 mb-2"
            disabled={working}
            onClick={complete}
          >
            {t('dcc.complete')}
          </button>
          <p className="small">{t('dcc.completeHelp')}</p>
        </>
      )}
    </Screen>
  );
}

function problemText(t: ReturnType<typeof useT>['t'], p: CompletionProblem): string {
  if (p.kind === 'prerequisite') return t('dcc.problem.prerequisite', { name: p.taskName });
  if (p.kind === 'attachment') return t('dcc.problem.attachment', { label: p.label });
  if (p.kind === 'answers') return t('dcc.problem.answers', { n: p.count });
  return t(`dcc.problem.${p.kind}`);
}

function FormPart(props: {
  formId: string | null;
  form: DeviceForm | undefined;
  instance: DccInstance;
  answers: Record<string, unknown>;
  editable: boolean;
  href: string;
  started: boolean;
  locale: string;
}) {
  const { t } = useT();
  const { form } = props;
  if (!props.formId) return <p>{t('dcc.noForm')}</p>;
  const title = form
    ? (formText(form.title, props.locale, form.definition.defaultLanguage) ?? form.formId)
    : '';
  return (
    <section className="mb-4" aria-labelledby="dcc-form">
      <h2 id="dcc-form" className="h5">
        {t('dcc.form')}
        {title && <span className="d-block fs-6 fw-normal">{title}</span>}
      </h2>
      {!form && <p className="alert alert-warning">{t('dcc.formMissing')}</p>}
      {form && props.editable && (
        <>
          {props.started && (
            <p className="small">
              {checkSubmission(form.definition, props.answers as never).errors.length
                ? t('dcc.answersIncomplete')
                : t('dcc.answersFilled')}
            </p>
          )}
          <Link href={props.href} className="btn btn-primary btn-xl w-100" data-testid="dcc-fill">
            {props.started ? t('dcc.resume') : t('dcc.fill')}
          </Link>
        </>
      )}
      {form && !props.editable && <AnswersList form={form} answers={props.answers} locale={props.locale} />}
    </section>
  );
}

function AnswersList({
  form,
  answers,
  locale,
}: {
  form: DeviceForm;
  answers: Record<string, unknown>;
  locale: string;
}) {
  const { t } = useT();
  const lines = answerLines(form.definition, answers, locale, {
    yes: t('common.yes'),
    no: t('common.no'),
    file: t('dcc.file'),
  });
  if (!lines.length) return <p>{t('dcc.noAnswers')}</p>;
  return (
    <ul className="dcc-answers list-unstyled" data-testid="dcc-answers">
      {lines.map((line, i) =>
        line.kind === 'heading' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are a fixed rendering of the answers
          <li key={i} className="fw-bold mt-2" style={{ paddingLeft: `${line.depth}rem` }}>
            {line.label}
          </li>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are a fixed rendering of the answers
          <li key={i} style={{ paddingLeft: `${line.depth}rem` }}>
            <span className="d-block small">{line.label}</span>
            <span className="d-block fw-semibold">{line.value}</span>
          </li>
        ),
      )}
    </ul>
  );
}
