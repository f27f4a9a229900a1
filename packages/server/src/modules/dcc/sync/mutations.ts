import {
  type DccTaskAttachPayload,
  type DccTaskDraftPayload,
  type DccTaskSubmitPayload,
  dccTaskAttachPayloadSchema,
  dccTaskDraftPayloadSchema,
  dccTaskSubmitPayloadSchema,
  type PlanCreatePayload,
  type PlanRecordPayload,
  type PlanUpdatePayload,
  planCreatePayloadSchema,
  planRecordPayloadSchema,
  planUpdatePayloadSchema,
  DCC_MUTATION_TYPES as T,
} from '@coso/domain';
import { validationError } from '../../../http/app-error.js';
import type { MutationDefinition } from '../../../platform/sync/mutations.js';
import type { MutationTypes } from '../../../platform/sync/registry.js';

/**
 * The DCC mutation types a device pushes (docs/sync.md, "DCC"). Each runs in the mutation's own transaction
 * through the same services as the REST routes: the task service (draft, submit, attach: scope, status
 * machine, form engine, prerequisites, required attachments) and the plan service. A stale version is
 * `version_conflict`: the answer carries the instance or plan as the pull would send it.
 */

/** The version the phone saw: the mutation's, else the payload's; required where the service checks it. */
function versionOf(baseVersion: number | undefined, payload: { baseVersion?: number }): number {
  const v = baseVersion ?? payload.baseVersion;
  if (v === undefined || v < 1) throw validationError([{ path: 'baseVersion', message: 'required' }]);
  return v;
}

const instanceRow = ({ id }: { id: string }) => ({ table: 'dcc_task_instances', id });
const planRow = ({ planId }: { planId: string }) => ({ table: 'dcc_plans', id: planId });

const saveDraft: MutationDefinition<DccTaskDraftPayload> = {
  payload: dccTaskDraftPayloadSchema,
  async apply(
    { services, ctx, afterCommit, onRollback },
    { id, answers, formVersionId, ...rest },
    baseVersion,
  ) {
    const input = {
      answers,
      baseVersion: versionOf(baseVersion, rest),
      ...(formVersionId ? { formVersionId } : {}),
    };
    const r = await services.dccTasks.saveDraft(ctx, id, input, undefined, { afterCommit, onRollback });
    return { id: r.id, status: r.status, version: r.version };
  },
  conflictRow: instanceRow,
};

const submit: MutationDefinition<DccTaskSubmitPayload> = {
  payload: dccTaskSubmitPayloadSchema,
  async apply({ services, ctx }, { id, ...rest }, baseVersion) {
    const r = await services.dccTasks.submit(ctx, id, { baseVersion: versionOf(baseVersion, rest) });
    return { id: r.id, status: r.status, version: r.version };
  },
  conflictRow: instanceRow,
};

/** A file is not an edit of the answers: no version check (the task service's rule). */
const attach: MutationDefinition<DccTaskAttachPayload> = {
  payload: dccTaskAttachPayloadSchema,
  async apply({ services, ctx, afterCommit, onRollback }, { id, slot, uploadId }) {
    const r = await services.dccTasks.attachFile(ctx, id, { slot, uploadId }, { afterCommit, onRollback });
    return { id: r.id, slot: r.slot, uploadId: r.uploadId, version: r.version };
  },
};

const planCreate: MutationDefinition<PlanCreatePayload> = {
  payload: planCreatePayloadSchema,
  async apply({ services, ctx }, payload) {
    const p = await services.dccPlans.create(ctx.actor, payload);
    return { id: p.id, version: p.version };
  },
};

const planUpdate: MutationDefinition<PlanUpdatePayload> = {
  payload: planUpdatePayloadSchema,
  async apply({ services, ctx }, { planId, ...changes }, baseVersion) {
    const p = await services.dccPlans.update(ctx.actor, planId, changes, baseVersion);
    return { id: p.id, version: p.version };
  },
  conflictRow: planRow,
};

const planRecord: MutationDefinition<PlanRecordPayload> = {
  payload: planRecordPayloadSchema,
  async apply({ services, ctx, afterCommit, onRollback }, { planId, ...input }, baseVersion) {
    const p = await services.dccPlans.record(ctx.actor, planId, input, baseVersion, {
      afterCommit,
      onRollback,
    });
    return { id: p.id, version: p.version, outcome: p.outcome };
  },
  conflictRow: planRow,
};

export const dccMutations: MutationTypes = {
  [T.saveDraft]: saveDraft,
  [T.submit]: submit,
  [T.attach]: attach,
  [T.planCreate]: planCreate,
  [T.planUpdate]: planUpdate,
  [T.planRecord]: planRecord,
};
