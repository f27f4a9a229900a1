import { z } from 'zod';
import { formSubmitPayloadSchema } from '../schemas/forms-response.js';
import { randomUuid } from '../sync/engine.js';
import type { DeviceEngine, NewLocalFile } from '../sync/engine-api.js';
import type { DeviceEntity } from '../sync/entities.js';
import type { SyncRow } from '../sync/protocol.js';
import type { FormAnswers, FormDefinition, FormText } from './definition.js';

/**
 * Forms on the device (docs/sync.md): the published form versions the pull brings (`forms`), and the
 * `form.submit` mutation that sends a filled form, offline first, through the outbox.
 *
 * Pulled rows of `forms`: `{ id (the version's id), changeSeq, formId, version, title, definition }`.
 * A submission's attachments (photos, recordings, files, signatures) are stored with its outbox entry and
 * uploaded first (resumable, as the grievance photos): until then the answer holds a placeholder
 * (`local-file.<key>`, listed in the device-only `localFiles`), which `withUploads` replaces by the upload id
 * the server gave, and `localFiles` is dropped before the push, so the server sees only its own payload.
 */

export const FORMS_TABLE = 'forms';
/**
 * A device-only table: the server never sends rows for it. Its overlay lists the submissions still in the
 * outbox, so screens read them as rows like anything else.
 */
export const FORM_OUTBOX_TABLE = 'form_outbox';
export const FORM_SUBMIT = 'form.submit';
export const LOCAL_FILE_PREFIX = 'local-file.';

export const isLocalFileRef = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(LOCAL_FILE_PREFIX) && value.length > LOCAL_FILE_PREFIX.length;

/** `form.submit` as queued on the device: the server's payload plus `localFiles`, dropped before the push. */
export const formSubmitDevicePayloadSchema = formSubmitPayloadSchema.extend({
  /** The placeholders of the answers that name the entry's files, in the order of the entry's files. */
  localFiles: z.array(z.string().startsWith(LOCAL_FILE_PREFIX)).max(200).optional(),
});
export type FormSubmitDevicePayload = z.infer<typeof formSubmitDevicePayloadSchema>;

/** Every string of `value` equal to a key of `swap` replaced by its value, at any depth (repeats). */
function replaceDeep(value: unknown, swap: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return swap.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, swap));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, swap)]));
  return value;
}

/**
 * The files `answers` name by placeholder, in a stable order: what a queued mutation carrying answers (a
 * `form.submit`, a DCC task's draft) stores with its entry, listed as its `localFiles`.
 */
export function filesNamedBy<F>(answers: unknown, files: ReadonlyMap<string, F>): Array<[string, F]> {
  const text = JSON.stringify(answers);
  return [...files.entries()].filter(([ref]) => text.includes(`"${ref}"`));
}

/**
 * The payload the server receives once the entry's files are uploaded (`uploadIds` in the files' order): any
 * payload whose `answers` name the device-only `localFiles`, which is dropped.
 */
export function submitPayloadWithUploads(payload: unknown, uploadIds: readonly string[]): unknown {
  const { localFiles = [], ...rest } = payload as FormSubmitDevicePayload;
  const swap = new Map(localFiles.map((ref, i) => [ref, uploadIds[i] ?? '']));
  return { ...rest, answers: replaceDeep(rest.answers, swap) };
}

export const formEntity: DeviceEntity = { name: 'form', table: FORMS_TABLE };

export const formSubmissionEntity: DeviceEntity = {
  name: 'form_submission',
  table: FORM_OUTBOX_TABLE,
  mutations: {
    [FORM_SUBMIT]: {
      payload: formSubmitDevicePayloadSchema,
      subject: (p) => (p as { id?: string } | undefined)?.id,
      withUploads: submitPayloadWithUploads,
    },
  },
  overlays: {
    [FORM_OUTBOX_TABLE]: ({ pending }) =>
      pending.map(({ mutation }) => {
        const p = mutation.payload as FormSubmitDevicePayload;
        return {
          id: p.id,
          changeSeq: 0,
          mutationId: mutation.id,
          formVersionId: p.formVersionId,
          queuedAt: mutation.clientTime,
          pending: true,
        } satisfies SyncRow;
      }),
  },
};

/** The forms registration of the field app's engine. */
export const FORMS_DEVICE_ENTITIES: readonly DeviceEntity[] = [formEntity, formSubmissionEntity];

/** A published form version as the device holds it. */
export interface DeviceForm {
  id: string;
  formId: string;
  version: string;
  title: FormText;
  definition: FormDefinition;
}

export interface PendingSubmission {
  id: string;
  mutationId: string;
  formVersionId: string;
  queuedAt: string;
}

export interface SubmitInput {
  formVersionId: string;
  answers: FormAnswers;
  startedAt?: string;
  completedAt?: string;
  /** The files the answers name by placeholder (`local-file.<key>` → the bytes). */
  files?: ReadonlyMap<string, NewLocalFile>;
}

export interface FormsDevice {
  /** Every form version on the device (old versions stay: a draft started on one is still filled with it). */
  formVersions(): Promise<DeviceForm[]>;
  /** The newest version of each form, by title. */
  publishedForms(): Promise<DeviceForm[]>;
  formVersion(id: string): Promise<DeviceForm | undefined>;
  /** Submissions waiting in the outbox (refused ones are in the engine's status().failed). */
  pendingSubmissions(): Promise<PendingSubmission[]>;
  /** Queues `form.submit` (its files stored and uploaded first); returns the submission and mutation ids. */
  submitForm(input: SubmitInput): Promise<{ id: string; mutationId: string }>;
}

const asForm = (row: SyncRow): DeviceForm => ({
  id: row.id,
  formId: String(row.formId),
  version: String(row.version),
  title: (row.title ?? {}) as FormText,
  definition: row.definition as FormDefinition,
});

/** Later rows win: a form's versions arrive in the order they were published. */
function newestPerForm(rows: SyncRow[]): SyncRow[] {
  const newest = new Map<string, SyncRow>();
  for (const row of rows) {
    const seen = newest.get(String(row.formId));
    if (!seen || row.changeSeq > seen.changeSeq) newest.set(String(row.formId), row);
  }
  return [...newest.values()];
}

export function formsDevice(engine: DeviceEngine, { uuid = randomUuid } = {}): FormsDevice {
  const versions = async () => (await engine.rows(FORMS_TABLE)).filter((r) => r.definition);
  const titleOf = (f: DeviceForm) => String(f.title.fr ?? Object.values(f.title)[0] ?? f.formId);
  return {
    formVersions: async () => (await versions()).map(asForm),
    publishedForms: async () =>
      newestPerForm(await versions())
        .map(asForm)
        .sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'fr')),
    formVersion: async (id) => {
      const [row] = await engine.rows(FORMS_TABLE, { id });
      return row?.definition ? asForm(row) : undefined;
    },
    pendingSubmissions: async () =>
      (await engine.rows(FORM_OUTBOX_TABLE)).map((r) => ({
        id: r.id,
        mutationId: String(r.mutationId),
        formVersionId: String(r.formVersionId),
        queuedAt: String(r.queuedAt),
      })),
    async submitForm({ formVersionId, answers, startedAt, completedAt, files = new Map() }) {
      const id = uuid();
      const used = filesNamedBy(answers, files);
      const payload: FormSubmitDevicePayload = {
        id,
        formVersionId,
        answers,
        ...(startedAt ? { startedAt } : {}),
        ...(completedAt ? { completedAt } : {}),
        ...(used.length ? { localFiles: used.map(([ref]) => ref) } : {}),
      };
      const entry = await engine.enqueue(FORM_SUBMIT, payload, { files: used.map(([, file]) => file) });
      return { id, mutationId: entry.mutation.id };
    },
  };
}
