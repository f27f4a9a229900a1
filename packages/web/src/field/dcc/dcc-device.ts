import {
  DCC_MUTATION_TYPES,
  type DccTaskDraftDevicePayload,
  type DeviceEngine,
  type FormAnswers,
  filesNamedBy,
  LOCAL_FILE_PREFIX,
  type OutboxEntry,
  randomUuid,
  type SyncRow,
} from '@coso/domain';
import type { RunnerFile } from '../forms/runner-types';
import type { DccData } from './dcc-model';
import {
  DCC_TABLES,
  type DccInstance,
  readActivity,
  readAssignment,
  readCycle,
  readInstance,
  readPhase,
  readTask,
} from './dcc-rows';

/**
 * The field app's DCC work on the device: the rows the pull brought (with the outbox's overlays), the
 * facilitator's work in progress on a task (kept in the device store's meta, wiped with it at logout), and
 * the mutations queued for the server (domain modules/dcc/device-sync.ts registers their types).
 */

export const DCC_MUTATIONS = DCC_MUTATION_TYPES;

export async function readDccData(engine: Pick<DeviceEngine, 'rows'>): Promise<DccData> {
  const read = async <T>(table: string, as: (r: SyncRow) => T) => (await engine.rows(table)).map(as);
  const [cycles, phases, activities, tasks, assignments, instances] = await Promise.all([
    read(DCC_TABLES.cycles, readCycle),
    read(DCC_TABLES.phases, readPhase),
    read(DCC_TABLES.activities, readActivity),
    read(DCC_TABLES.tasks, readTask),
    read(DCC_TABLES.assignments, readAssignment),
    read(DCC_TABLES.instances, readInstance),
  ]);
  return { cycles, phases, activities, tasks, assignments, instances };
}

/** A file put in a slot on this phone, queued with `dcc.task.attach`. */
export interface QueuedAttachment {
  slot: string;
  name: string;
  type: string;
  mutationId: string;
  queuedAt: string;
}

/** The facilitator's work on one task instance, on this phone. */
export interface TaskWork {
  answers?: FormAnswers;
  page: number;
  /** Photos and files the form's own questions name (`local-file.<key>` → the bytes). */
  files: Record<string, RunnerFile>;
  attachments: QueuedAttachment[];
}

export interface MetaStore {
  meta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
}

const workKey = (instanceId: string) => `dcc.task:${instanceId}`;
const EMPTY: TaskWork = { page: 0, files: {}, attachments: [] };

export async function loadWork(store: MetaStore, instanceId: string): Promise<TaskWork> {
  return { ...EMPTY, ...(await store.meta<TaskWork>(workKey(instanceId))) };
}

export async function saveWork(store: MetaStore, instanceId: string, work: TaskWork): Promise<void> {
  await store.setMeta(workKey(instanceId), work);
}

/**
 * The answers the task opens with: the ones on this phone when it has newer work than the server (drafts
 * not yet acknowledged), else the server's.
 */
export function startingAnswers(instance: DccInstance, work: TaskWork): FormAnswers | undefined {
  return (work.answers ?? instance.answers ?? undefined) as FormAnswers | undefined;
}

/**
 * Queues the answers as the instance's draft, filled with `formVersionId`, on top of the version the phone
 * last pulled (every queued change of a task carries that version; the engine rebases them one by one). The
 * photos, recordings and files its questions name (`files`: the task's work) are stored with the entry and
 * uploaded first, their placeholders then replaced by the upload ids (as a form submission's).
 */
export function queueDraft(
  engine: DeviceEngine,
  instance: DccInstance,
  answers: FormAnswers,
  baseVersion: number,
  formVersionId?: string,
  files: Record<string, RunnerFile> = {},
) {
  const used = filesNamedBy(answers, new Map(Object.entries(files)));
  const payload: DccTaskDraftDevicePayload = {
    id: instance.id,
    answers,
    baseVersion,
    ...(formVersionId ? { formVersionId } : {}),
    ...(used.length ? { localFiles: used.map(([ref]) => ref) } : {}),
  };
  return engine.enqueue(DCC_MUTATIONS.saveDraft, payload, {
    baseVersion,
    files: used.map(([, file]) => file),
  });
}

export function queueSubmit(engine: DeviceEngine, instance: DccInstance, baseVersion: number) {
  return engine.enqueue(DCC_MUTATIONS.submit, { id: instance.id, baseVersion }, { baseVersion });
}

/**
 * Queues a file for a slot: stored with the outbox entry and uploaded first (resumable, as the forms' photos);
 * the placeholder upload id is replaced by the server's once the upload is done.
 */
export async function queueAttachment(
  engine: DeviceEngine,
  instance: DccInstance,
  slot: string,
  file: RunnerFile,
): Promise<OutboxEntry> {
  const uploadId = `${LOCAL_FILE_PREFIX}${randomUuid()}`;
  return engine.enqueue(DCC_MUTATIONS.attach, { id: instance.id, slot, uploadId }, { files: [file] });
}

/** The slots that hold a file: attached on the server, or queued here and not refused. */
export function filledSlots(
  instance: DccInstance,
  work: TaskWork,
  refused: ReadonlySet<string>,
): ReadonlySet<string> {
  return new Set([
    ...instance.files.map((f) => f.slot),
    ...work.attachments.filter((a) => !refused.has(a.mutationId)).map((a) => a.slot),
  ]);
}
