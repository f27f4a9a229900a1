import {
  checkSubmission,
  type FormAnswers,
  type FormDefinition,
  type FormError,
  isEditable,
  type Locale,
  normalizeAnswers,
  type TaskAction,
  type TaskDraftRequest,
  type TaskFileRequest,
  type TaskReviewRequest,
  type TaskSubmitRequest,
  type TaskWriteResult,
  taskTransition,
  validate,
} from '@coso/domain';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError, validationError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import { type FileHooks, withFileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import type { Ctx } from '../../../platform/sync/mutations.js';
import type { UploadService } from '../../../platform/sync/uploads.js';
import type { Fragment } from '../../../platform/visibility/sql.js';
import { notifyDecision } from '../notifications.js';
import { fillScope, reviewScope, taskScope } from '../scope.js';
import { claimAnswerFiles, storeUpload } from './answer-files.js';
import * as repo from './repo.js';

/**
 * The one writer of task instances (issue #15): the REST routes and the DCC sync mutations call these
 * functions, each in its own transaction (a savepoint inside a sync mutation's). Every accepted action checks
 * the caller's scope, the client's `baseVersion` (a stale one is 409 version_conflict with the current
 * version, never an overwrite) and the status machine (domain dcc/status.ts), then bumps the version and
 * appends an event to the instance's history.
 */

export interface TaskServiceDeps {
  db: Db;
  clock: Clock;
  uploads: UploadService;
  files: FileStore;
}

/** While drafting, only answers that can never be right are refused: unknown questions, wrong shapes. */
const DRAFT_REFUSALS = new Set(['unknown_field', 'invalid_type', 'invalid_choice']);

/** The kinds of sniffed upload (lib/file-sniff.ts) each slot kind takes; a photographed PV is a document. */
const SLOT_KINDS: Record<string, readonly string[] | undefined> = {
  photo: ['image'],
  audio: ['audio'],
  document: ['pdf', 'image'],
  any: undefined,
};

const fieldErrors = (errors: FormError[], locale: Locale) =>
  errors.map((e) => ({ field: e.field, code: e.code, message: e.message[locale] }));

export function createDccTaskService({ db, clock, uploads, files }: TaskServiceDeps) {
  /** The instance locked, when `scope` covers it: else 403 if the actor sees it, 404 if not. */
  async function lock(tx: Queryable, ctx: Ctx, id: string, scope: Fragment) {
    const row = await repo.lockInScope(tx, id, scope);
    if (row) return row;
    const visible = await repo.lockInScope(tx, id, taskScope(ctx.actor));
    throw new AppError(visible ? 'forbidden' : 'not_found');
  }

  function checkVersion(row: repo.InstanceRow, baseVersion: number) {
    if (row.version !== baseVersion) {
      throw new AppError('version_conflict', { currentVersion: row.version, status: row.status });
    }
  }

  function next(row: repo.InstanceRow, action: TaskAction, comment?: string) {
    const result = taskTransition(row.status, action, { comment });
    if ('error' in result) throw new AppError(result.error, { status: row.status });
    return result.next;
  }

  /** The form version an instance is filled against: the one asked (of the task's form), else its own, else the latest. */
  async function formOf(tx: Queryable, row: repo.InstanceRow, asked?: string) {
    if (!row.taskFormId) {
      if (asked) throw validationError([{ path: 'formVersionId', message: 'task_has_no_form' }]);
      return undefined;
    }
    const id = asked ?? row.formVersionId ?? (await repo.latestFormVersion(tx, row.taskFormId));
    const form = id ? await repo.findFormVersion(tx, id) : undefined;
    if (!form || form.formId !== row.taskFormId) {
      throw validationError([
        { path: 'formVersionId', message: asked ? 'not_this_tasks_form' : 'form_not_published' },
      ]);
    }
    return { id: form.id, definition: form.definition as FormDefinition };
  }

  async function write(
    tx: Queryable,
    ctx: Ctx,
    row: repo.InstanceRow,
    action: TaskAction,
    change: repo.InstanceChange,
    comment?: string | null,
  ): Promise<TaskWriteResult> {
    const at = clock.now();
    const version = await repo.applyChange(tx, row.id, ctx.actor.id, at, change);
    await repo.insertEvent(tx, {
      instanceId: row.id,
      kind: { save_draft: 'draft_saved', submit: 'submitted', validate: 'validated', return: 'returned' }[
        action
      ],
      version,
      actorId: ctx.actor.id,
      comment,
      at,
    });
    return {
      id: row.id,
      status: change.status,
      version,
      formVersionId: change.formVersionId !== undefined ? change.formVersionId : row.formVersionId,
      answers: change.answers !== undefined ? change.answers : row.answers,
    };
  }

  return {
    /**
     * Saves the facilitator's answers as a draft (incomplete answers are fine; normalized before storing); the
     * uploads its photo, recording and file questions name are claimed as files of the task. Without `hooks`
     * (a caller outside a sync mutation), the stored files' clean-ups run around this call's transaction.
     */
    saveDraft(
      ctx: Ctx,
      id: string,
      input: TaskDraftRequest,
      locale: Locale = ctx.actor.locale,
      hooks?: FileHooks,
    ): Promise<TaskWriteResult> {
      if (!hooks)
        return withFileHooks(
          (h) => saveDraftWith(h),
          () => {},
        );
      return saveDraftWith(hooks);
      function saveDraftWith(hooks: FileHooks) {
        return db.transaction(async (tx) => {
          const row = await lock(tx, ctx, id, fillScope(ctx.actor));
          checkVersion(row, input.baseVersion);
          const status = next(row, 'save_draft');
          const form = await formOf(tx, row, input.formVersionId);
          let answers: FormAnswers = input.answers as FormAnswers;
          if (!form) {
            if (Object.keys(answers).length > 0)
              throw validationError([{ path: 'answers', message: 'task_has_no_form' }]);
          } else {
            const now = clock.now();
            const refused = validate(form.definition, answers, { now }).filter((e) =>
              DRAFT_REFUSALS.has(e.code),
            );
            if (refused.length > 0)
              throw new AppError('form_invalid', { errors: fieldErrors(refused, locale) });
            answers = normalizeAnswers(form.definition, answers, { now });
            await claimAnswerFiles(
              tx,
              { uploads, files, clock },
              ctx,
              row.id,
              form.definition,
              answers,
              hooks,
            );
          }
          return write(tx, ctx, row, 'save_draft', { status, answers, formVersionId: form?.id ?? null });
        });
      }
    },

    /**
     * Marks the task done: the stored answers are validated again by the form engine (422 form_invalid), its
     * prerequisites must be done (409 prerequisites_missing) and its required slots filled (409
     * attachments_missing).
     */
    submit(ctx: Ctx, id: string, input: TaskSubmitRequest, locale: Locale = ctx.actor.locale) {
      return db.transaction(async (tx) => {
        const row = await lock(tx, ctx, id, fillScope(ctx.actor));
        checkVersion(row, input.baseVersion);
        const status = next(row, 'submit');
        const form = await formOf(tx, row);
        let answers: FormAnswers | null = row.answers;
        if (form) {
          const checked = checkSubmission(form.definition, row.answers ?? {}, { now: clock.now() });
          if (checked.errors.length > 0) {
            throw new AppError('form_invalid', { errors: fieldErrors(checked.errors, locale) });
          }
          answers = checked.answers;
        }
        const missing = await repo.missingPrerequisites(tx, row);
        if (missing.length > 0) throw new AppError('prerequisites_missing', { tasks: missing });
        const filled = await repo.filledSlots(tx, row.id);
        const empty = row.attachmentSlots.filter((s) => s.required && !filled.has(s.key));
        if (empty.length > 0) {
          throw new AppError('attachments_missing', {
            slots: empty.map((s) => ({ key: s.key, label: s.label })),
          });
        }
        return write(tx, ctx, row, 'submit', {
          status,
          answers,
          formVersionId: form?.id ?? null,
          returnComment: null,
          submitted: true,
        });
      });
    },

    /** A specialist's decision on a submitted task; the facilitator who submitted it is told in-app. */
    review(ctx: Ctx, id: string, input: TaskReviewRequest) {
      return db.transaction(async (tx) => {
        const row = await lock(tx, ctx, id, reviewScope(ctx.actor));
        checkVersion(row, input.baseVersion);
        const comment = input.comment?.trim() || null;
        const action = input.decision;
        const status = next(row, action, comment ?? undefined);
        const result = await write(
          tx,
          ctx,
          row,
          action,
          { status, returnComment: action === 'return' ? comment : null, reviewed: true },
          comment,
        );
        if (row.submittedBy && row.submittedBy !== ctx.actor.id) {
          const facts = await repo.notificationFacts(tx, row.id);
          await notifyDecision(
            tx,
            action === 'validate' ? 'dcc_task_validated' : 'dcc_task_returned',
            row.id,
            result.version,
            row.submittedBy,
            { ...facts, unitName: facts.unitName ?? '', comment: comment ?? '' },
          );
        }
        return result;
      });
    },

    /**
     * Claims a completed upload of the caller into one of the task's attachment slots, while the task is
     * editable. A file is not an edit of the answers: the version stays, the history records it.
     */
    attachFile(ctx: Ctx, id: string, input: TaskFileRequest, hooks: FileHooks) {
      return db.transaction(async (tx) => {
        const row = await lock(tx, ctx, id, fillScope(ctx.actor));
        if (!isEditable(row.status)) throw new AppError('invalid_transition', { status: row.status });
        const slot = row.attachmentSlots.find((s) => s.key === input.slot);
        if (!slot) throw new AppError('attachment_slot_unknown', { slot: input.slot });
        const { upload, content } = await uploads.takeComplete(tx, ctx.actor, input.uploadId);
        const kinds = SLOT_KINDS[slot.kind];
        if (kinds && !kinds.includes(upload.kind ?? '')) {
          throw new AppError('unsupported_media_type', { uploadId: upload.id, expected: kinds });
        }
        await storeUpload(tx, { uploads, files, clock }, ctx, row.id, slot.key, { upload, content }, hooks);
        const at = clock.now();
        await repo.touch(tx, row.id, ctx.actor.id, at);
        await repo.insertEvent(tx, {
          instanceId: row.id,
          kind: 'files_added',
          version: row.version,
          actorId: ctx.actor.id,
          comment: slot.key,
          at,
        });
        return { id: row.id, slot: slot.key, uploadId: upload.id, version: row.version };
      });
    },
  };
}

export type DccTaskService = ReturnType<typeof createDccTaskService>;
