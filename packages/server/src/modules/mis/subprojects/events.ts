import { randomUUID } from 'node:crypto';
import {
  type CreateSubprojectEventInput,
  deriveProgress,
  type ProgressEvent,
  type SubprojectEvent,
} from '@coso/domain';
import type { AuthUser } from '../../../context.js';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import type { MisLists } from '../reference.js';
import { findEvent } from './detail.js';
import { claimFiles, type FileDeps } from './files.js';
import * as repo from './repo.js';

/**
 * Progress as events (issue #16): the new event is appended to the sub-project's events (read in recording
 * order, the row locked so that two events at once take turns) only if the domain's rule accepts the whole
 * sequence with it — else 409 step_sequence_invalid with the rule's reason. The rule then gives the status, %
 * and FCFA spent written back on the row. A correction is an event too: it cancels an earlier one, and the
 * sequence without that one must still hold. Proof files are claimed in the same transaction.
 */

/** Who writes: the signed-in person and their address (the audit log's). */
export interface Ctx {
  actor: AuthUser;
  ip: string | null;
}

export interface EventDeps extends FileDeps {
  lists: MisLists;
  audit(tx: Queryable, ctx: Ctx, id: string, action: string, changes: Record<string, unknown>): Promise<void>;
}

export interface EventResult {
  event: SubprojectEvent;
  status: string;
  progressPercent: number;
  amountSpent: number;
  version: number;
}

export async function recordEvent(
  tx: Queryable,
  deps: EventDeps,
  ctx: Ctx,
  row: repo.LockedSubproject,
  input: CreateSubprojectEventInput,
  hooks: FileHooks,
): Promise<EventResult> {
  if (input.baseVersion !== undefined && input.baseVersion !== row.version)
    throw new AppError('version_conflict', { currentVersion: row.version });
  const id = randomUUID();
  const event: ProgressEvent =
    input.kind === 'correction'
      ? { id, kind: 'correction', voids: input.voids }
      : {
          id,
          kind: 'step',
          step: input.step,
          date: input.date,
          progressPercent: input.progressPercent ?? null,
          amountSpent: input.amountSpent ?? null,
        };
  const derived = deriveProgress(deps.lists.steps, [...(await repo.progressEvents(tx, row.id)), event]);
  // Cancelling the first step would leave the sub-project without any: refused like a missing first step.
  if (derived.ok && derived.progress.status === null)
    throw new AppError('step_sequence_invalid', { reason: 'first_step' });
  if (!derived.ok) {
    const { reason, step, missing } = derived.error;
    throw new AppError('step_sequence_invalid', {
      reason,
      ...(step === undefined ? {} : { step }),
      ...(missing === undefined ? {} : { missing }),
      // The rule may refuse the sequence at an earlier event (a correction that leaves it invalid).
      ...(derived.error.eventId === id ? {} : { eventId: derived.error.eventId }),
    });
  }
  const at = deps.clock.now();
  await repo.insertEvent(tx, {
    id,
    subprojectId: row.id,
    event,
    note: input.note ?? '',
    authorId: ctx.actor.id,
    at,
  });
  const fileIds = input.kind === 'correction' ? [] : (input.fileIds ?? []);
  if (fileIds.length > 0)
    await claimFiles(
      tx,
      deps,
      ctx.actor,
      row.id,
      fileIds,
      { eventId: id, takenOn: event.kind === 'step' ? event.date : null },
      hooks,
    );
  const progress = derived.progress;
  const status = progress.status!;
  const version = await repo.saveProgress(
    tx,
    row.id,
    { status, progressPercent: progress.progressPercent, amountSpent: progress.amountSpent },
    at,
  );
  await deps.audit(tx, ctx, row.id, input.kind === 'correction' ? 'correction' : 'event', {
    eventId: id,
    ...(input.kind === 'correction'
      ? { voids: input.voids }
      : {
          step: input.step,
          date: input.date,
          progressPercent: event.kind === 'step' ? event.progressPercent : null,
        }),
    status,
    progressPercent: progress.progressPercent,
    amountSpent: progress.amountSpent,
  });
  return {
    event: await findEvent(tx, row.id, id),
    status,
    progressPercent: progress.progressPercent,
    amountSpent: progress.amountSpent,
    version,
  };
}
