import {
  type FormSubmitDevicePayload,
  type FormText,
  LOCAL_FILE_PREFIX,
  type LocalFile,
  type OutboxEntry,
} from '@coso/domain';
import type { FormDraft, MetaStore, ServerFieldError } from './draft-store';
import type { RunnerFile } from './runner-types';

/**
 * What the user sent from this phone: one line per submission queued, so "Mes envois" can say whether it
 * still waits, was refused (the outbox entry, with the server's reasons) or left (gone from the outbox).
 * The server does not send submissions back to the phone, so this log is the phone's own memory.
 */

export interface SentForm {
  id: string;
  mutationId: string;
  formVersionId: string;
  formId: string;
  title: FormText;
  queuedAt: string;
}

export type SentState = 'pending' | 'sent' | 'refused';

const LOG = 'forms.sent';
const KEEP = 50;

export async function sentForms(store: MetaStore): Promise<SentForm[]> {
  return (await store.meta<SentForm[]>(LOG)) ?? [];
}

export async function logSent(store: MetaStore, sent: SentForm): Promise<void> {
  const list = await sentForms(store);
  await store.setMeta(LOG, [sent, ...list.filter((s) => s.id !== sent.id)].slice(0, KEEP));
}

export async function forgetSent(store: MetaStore, id: string): Promise<void> {
  await store.setMeta(
    LOG,
    (await sentForms(store)).filter((s) => s.id !== id),
  );
}

/** Where a logged submission stands, from the outbox: there and pending, there and refused, or gone (sent). */
export function sentState(
  sent: SentForm,
  outbox: readonly OutboxEntry[],
): { state: SentState; entry?: OutboxEntry } {
  const entry = outbox.find((e) => e.mutation.id === sent.mutationId);
  if (!entry) return { state: 'sent' };
  return { state: entry.state === 'pending' ? 'pending' : 'refused', entry };
}

/** The server's per-answer reasons of a refused `form.submit` (`form_invalid` details), else none. */
export function serverErrors(entry: OutboxEntry): ServerFieldError[] {
  const details = entry.result?.details;
  const list = Array.isArray(details)
    ? details
    : Array.isArray((details as { errors?: unknown } | undefined)?.errors)
      ? (details as { errors: unknown[] }).errors
      : [];
  return list.flatMap((d) => {
    const e = d as { field?: unknown; message?: unknown };
    return typeof e.field === 'string' && typeof e.message === 'string'
      ? [{ field: e.field, message: e.message }]
      : [];
  });
}

export interface FileSource {
  files(): Promise<LocalFile[]>;
  fileBlob(id: string): Promise<Blob | undefined>;
}

/**
 * A refused submission turned back into a draft: its answers, its files (copied out of the outbox entry
 * before the entry is discarded) and the server's reasons to show on the questions.
 */
export async function draftFromRefused(
  sent: SentForm,
  entry: OutboxEntry,
  source: FileSource,
  now: Date,
): Promise<FormDraft> {
  const payload = entry.mutation.payload as FormSubmitDevicePayload;
  const stored = new Map((await source.files()).map((f) => [f.id, f]));
  const files: Record<string, RunnerFile> = {};
  for (const [i, ref] of (payload.localFiles ?? []).entries()) {
    const id = entry.files[i];
    const blob = id ? await source.fileBlob(id) : undefined;
    if (!id || !blob || !ref.startsWith(LOCAL_FILE_PREFIX)) continue;
    const meta = stored.get(id);
    files[ref] = { blob, name: meta?.name ?? ref, type: meta?.type ?? blob.type };
  }
  return {
    id: sent.id,
    formVersionId: payload.formVersionId,
    formId: sent.formId,
    title: sent.title,
    answers: payload.answers as FormDraft['answers'],
    page: 0,
    startedAt: payload.startedAt ?? entry.mutation.clientTime,
    updatedAt: now.toISOString(),
    files,
    serverErrors: serverErrors(entry),
    ...(entry.result?.message ? { serverMessage: entry.result.message } : {}),
  };
}
