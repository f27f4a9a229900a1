import type { FormAnswers, FormText } from '@coso/domain';
import type { RunnerFile } from './runner-types';

/**
 * Drafts of forms being filled on the phone, saved at every page change so that nothing is lost to a reload,
 * a flat battery or a call. They live in the user's device store (its `meta` key-value store, IndexedDB:
 * blobs included), so logging out wipes them with the rest; a draft is one record (answers, page, photos
 * and recordings), and one index record lists the draft ids.
 */

export interface MetaStore {
  meta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
}

/** A problem the server reported on a refused submission, shown when the draft is reopened. */
export interface ServerFieldError {
  field: string;
  message: string;
}

export interface FormDraft {
  id: string;
  formVersionId: string;
  formId: string;
  title: FormText;
  answers: FormAnswers;
  /** Never opened yet: the runner starts from the form's defaults. */
  fresh?: boolean;
  /** The page the user was on (0-based). */
  page: number;
  startedAt: string;
  updatedAt: string;
  /** The photos, recordings, files and signatures the answers name, by reference (`local-file.<key>`). */
  files: Record<string, RunnerFile>;
  serverErrors?: ServerFieldError[];
  /** The server's sentence for the refusal (e.g. a photo it never received). */
  serverMessage?: string;
}

export type DraftSummary = Omit<FormDraft, 'answers' | 'files'>;

const INDEX = 'forms.drafts';
const key = (id: string) => `forms.draft:${id}`;

/** Only the files some answer still names are kept (a replaced photo goes). */
export function referencedFiles(answers: FormAnswers, files: Record<string, RunnerFile>) {
  const text = JSON.stringify(answers);
  return Object.fromEntries(Object.entries(files).filter(([ref]) => text.includes(JSON.stringify(ref))));
}

export function createDraftStore(store: MetaStore, now: () => Date = () => new Date()) {
  // Index updates are chained so two quick saves never lose an id.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const ids = async () => (await store.meta<string[]>(INDEX)) ?? [];

  return {
    get: (id: string) => store.meta<FormDraft>(key(id)),

    /** Newest first. */
    async list(): Promise<DraftSummary[]> {
      const drafts = await Promise.all((await ids()).map((id) => store.meta<FormDraft>(key(id))));
      return drafts
        .filter((d): d is FormDraft => d !== undefined)
        .map(({ answers: _a, files: _f, ...summary }) => summary)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    /** Saves the draft (stamped now), keeping only the files its answers name. */
    save: (draft: FormDraft) =>
      serial(async () => {
        const saved: FormDraft = {
          ...draft,
          files: referencedFiles(draft.answers, draft.files),
          updatedAt: now().toISOString(),
        };
        await store.setMeta(key(draft.id), saved);
        const list = await ids();
        if (!list.includes(draft.id)) await store.setMeta(INDEX, [...list, draft.id]);
        return saved;
      }),

    remove: (id: string) =>
      serial(async () => {
        await store.setMeta(key(id), undefined);
        await store.setMeta(
          INDEX,
          (await ids()).filter((d) => d !== id),
        );
      }),
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
