import {
  checkSubmission,
  type DeviceEngine,
  type DeviceForm,
  type FormAnswers,
  formsDevice,
} from '@coso/domain';
import type { GeoNode } from '../geo';
import {
  filledSlots,
  loadWork,
  type MetaStore,
  queueDraft,
  queueSubmit,
  startingAnswers,
  type TaskWork,
} from './dcc-device';
import { type CompletionProblem, completionProblems, type DccData } from './dcc-model';
import { DCC_TABLES, type DccInstance, readInstance } from './dcc-rows';

/** The form version a task instance is filled with: the one it was started on, else the newest on the phone. */
export async function taskForm(
  engine: DeviceEngine,
  formId: string | null,
  instance: DccInstance,
): Promise<DeviceForm | undefined> {
  if (!formId) return undefined;
  const forms = formsDevice(engine);
  const started = instance.formVersionId ? await forms.formVersion(instance.formVersionId) : undefined;
  return started ?? (await forms.publishedForms()).find((f) => f.formId === formId);
}

/** The version the phone last pulled: every queued change of the task is made on it (the server rebases). */
export async function pulledVersion(engine: DeviceEngine, instance: DccInstance): Promise<number> {
  const [row] = await engine.rows(DCC_TABLES.instances, { id: instance.id }, { overlay: false });
  return row ? readInstance(row).version : instance.version;
}

export interface CompleteInput {
  engine: DeviceEngine;
  store: MetaStore;
  data: DccData;
  geo: ReadonlyMap<string, GeoNode>;
  villageId: string;
  instance: DccInstance;
  now: Date;
}

/**
 * What stops the task from being marked complete, checked on the phone as the server will check it (status,
 * prerequisites, answers, required files), with the normalized answers to queue when nothing does.
 */
export async function taskProblems(input: CompleteInput): Promise<{
  problems: CompletionProblem[];
  answers: FormAnswers;
  form: DeviceForm | undefined;
  work: TaskWork | undefined;
}> {
  const { engine, store, instance } = input;
  const task = input.data.tasks.find((t) => t.id === instance.taskId);
  if (!task) return { problems: [{ kind: 'not_editable' }], answers: {}, form: undefined, work: undefined };
  const form = await taskForm(engine, task.formId, instance);
  const work = await loadWork(store, instance.id);
  const raw: FormAnswers = startingAnswers(instance, work) ?? {};
  const answers = form ? checkSubmission(form.definition, raw, { now: input.now }).answers : raw;
  const refused = new Set((await engine.status()).failed.map((e) => e.mutation.id));
  const problems = completionProblems({
    data: input.data,
    geo: input.geo,
    villageId: input.villageId,
    task,
    instance,
    definition: form?.definition,
    answers,
    filledSlots: filledSlots(instance, work, refused),
    now: input.now,
  });
  return { problems, answers, form, work };
}

/**
 * "Marquer comme terminé": when the phone finds nothing missing, the normalized answers are queued as the
 * last draft and `dcc.task.submit` after it. Returns the problems (empty: queued).
 */
export async function completeTask(input: CompleteInput): Promise<CompletionProblem[]> {
  const { problems, answers, form, work } = await taskProblems(input);
  if (problems.length) return problems;
  const base = await pulledVersion(input.engine, input.instance);
  if (form) await queueDraft(input.engine, input.instance, answers, base, form.id, work?.files);
  await queueSubmit(input.engine, input.instance, base);
  return [];
}
