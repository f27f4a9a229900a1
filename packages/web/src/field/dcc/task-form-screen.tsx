import { type DeviceForm, type FormAnswers, formText, isEditable } from '@coso/domain';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useField } from '../engine-context';
import { FormRunner } from '../forms/form-runner';
import { useLocalMedia } from '../forms/local-media';
import { useT } from '../i18n/i18n';
import { Screen } from '../ui/layout';
import { completeTask, pulledVersion, taskForm } from './complete';
import { loadWork, queueDraft, saveWork, startingAnswers, type TaskWork } from './dcc-device';
import type { DccInstance } from './dcc-rows';
import { useDcc } from './use-dcc';

const TYPING_SAVE_MS = 800;

type Loaded = { instance: DccInstance; form: DeviceForm; work: TaskWork };

/**
 * `/dcc/villages/:villageId/tasks/:instanceId/form`: the task's form page by page (the platform's runner). At
 * every page the answers are kept on the phone and queued as the task's draft (`dcc.task.save_draft`); the
 * runner's last button marks the task complete (the same checks as the task screen), and the task screen
 * opens again to show what is missing or that it is queued.
 */
export function TaskFormScreen({ villageId, instanceId }: { villageId: string; instanceId: string }) {
  const { t, locale } = useT();
  const { engine, store } = useField();
  const { data, geo } = useDcc();
  const [, navigate] = useLocation();
  const [loaded, setLoaded] = useState<Loaded | 'missing' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { media, files, restore } = useLocalMedia();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const back = `/dcc/villages/${villageId}/tasks/${instanceId}`;
  const instance = data?.instances.find((i) => i.id === instanceId);
  const task = instance && data?.tasks.find((x) => x.id === instance.taskId);

  // Opened once per instance: later pulls must not restart the runner under the user's fingers.
  const ready = instance !== undefined && task !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads when the task first appears on the phone
  useEffect(() => {
    if (!ready || !instance || !task) return;
    let live = true;
    void (async () => {
      const form = await taskForm(engine, task.formId, instance);
      if (!form || !isEditable(instance.status)) return live && setLoaded('missing');
      const work = await loadWork(store, instanceId);
      restore(work.files);
      if (live) setLoaded({ instance, form, work });
    })();
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [ready, instanceId]);

  if (loaded === null || loaded === 'missing')
    return (
      <Screen title={task?.name ?? t('dcc.title')} back={back} tabs={false}>
        {loaded === 'missing' ? (
          <p className="alert alert-warning">{t('dcc.formMissing')}</p>
        ) : (
          <p role="status">…</p>
        )}
      </Screen>
    );

  const { form, work, instance: opened } = loaded;
  async function keep(answers: FormAnswers, page: number) {
    const current = await loadWork(store, instanceId);
    await saveWork(store, instanceId, { ...current, answers, page, files: files() });
  }
  async function save(answers: FormAnswers, page: number, queue: boolean) {
    clearTimeout(timer.current);
    try {
      await keep(answers, page);
      if (queue)
        await queueDraft(engine, opened, answers, await pulledVersion(engine, opened), form.id, files());
      setProblem(null);
    } catch (err) {
      setProblem(t('dcc.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }
  async function submit(answers: FormAnswers) {
    await keep(answers, work.page);
    if (!data) return;
    const found = await completeTask({
      engine,
      store,
      data,
      geo,
      villageId,
      instance: opened,
      now: new Date(),
    });
    navigate(found.length ? `${back}?check=1` : back, { replace: true });
  }

  return (
    <Screen
      title={formText(form.title, locale, form.definition.defaultLanguage) ?? form.formId}
      back={back}
      tabs={false}
    >
      {problem && (
        <div className="alert alert-danger" role="alert">
          {problem}
        </div>
      )}
      <FormRunner
        key={opened.id}
        definition={form.definition}
        {...(startingAnswers(opened, work) ? { initialAnswers: startingAnswers(opened, work) } : {})}
        initialPage={work.page}
        locale={locale}
        media={media}
        onSave={(answers, page) => void save(answers, page, true)}
        onChange={(answers, page) => {
          // Typed answers are kept on the phone a moment after the typing stops; pages queue the draft.
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(answers, page, false), TYPING_SAVE_MS);
        }}
        onSubmit={submit}
      />
    </Screen>
  );
}
