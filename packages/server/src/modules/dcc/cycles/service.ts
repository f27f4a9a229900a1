import { randomUUID } from 'node:crypto';
import {
  type CreateCycleInput,
  type CycleDetail,
  type FormDefinition,
  isWithin,
  type UpdateCycleInput,
} from '@coso/domain';
import type { RequestContext } from '../../../context.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError, validationError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import { createFormService } from '../../../platform/forms/service.js';
import { joinTransaction } from '../../../platform/sync/push-tx.js';
import { generateInstances } from '../instances/generate.js';
import { insertTemplate, readTemplate, type TemplateSource, templateAsSource } from '../template/repo.js';
import * as repo from './repo.js';

/** The COSO seed shipped as domain data (helper P's COSO_SEED_TEMPLATE and COSO_SEED_FORMS). */
export interface DccSeed {
  template: TemplateSource;
  forms: readonly FormDefinition[];
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

/** The actor may act on `path` when one of their jurisdictions holds it (the system context always may). */
export function withinActorJurisdiction(ctx: RequestContext, path: string): boolean {
  return !ctx.actor || ctx.actor.jurisdictions.some((j) => isWithin(path, j.path));
}

/**
 * Cycles: the one writer of dcc_cycles and dcc_cycle_areas. A cycle is created with its own copy of a
 * template (the COSO seed or another cycle's), so that next year's edits never rewrite this year's history;
 * activating it creates its task instances in the same transaction.
 */
export function createDccCycleService({ db, clock, seed }: { db: Db; clock: Clock; seed: DccSeed | null }) {
  /** Publishes the seed forms the template names whose form_id has no published version yet. */
  async function publishMissingSeedForms(ctx: RequestContext, tx: Queryable, formIds: Set<string>) {
    if (!seed) return;
    const wanted = seed.forms.filter((f) => formIds.has(f.formId));
    if (wanted.length === 0) return;
    const published = await tx.query<{ formId: string }>(
      'select distinct form_id as "formId" from forms where form_id = any($1::text[])',
      [wanted.map((f) => f.formId)],
    );
    const have = new Set(published.map((r) => r.formId));
    const forms = createFormService({ db: joinTransaction(tx, db.kind), clock });
    for (const definition of wanted) if (!have.has(definition.formId)) await forms.publish(ctx, definition);
  }

  async function sourceOf(tx: Queryable, template: CreateCycleInput['template']): Promise<TemplateSource> {
    if (template === 'coso') {
      if (!seed) throw new AppError('dcc_seed_unavailable');
      return seed.template;
    }
    const [from] = await tx.query('select 1 from dcc_cycles where id = $1', [template.fromCycleId]);
    if (!from) throw new AppError('not_found', { field: 'template.fromCycleId' });
    return templateAsSource(await readTemplate(tx, template.fromCycleId));
  }

  return {
    list: () => repo.listCycles(db).then((items) => ({ items })),

    async get(id: string, q: Queryable = db): Promise<CycleDetail> {
      const cycle = await repo.findCycle(q, id);
      if (!cycle) throw new AppError('not_found');
      return cycle;
    },

    async create(ctx: RequestContext, input: CreateCycleInput): Promise<CycleDetail> {
      const id = randomUUID();
      const areaIds = [...new Set(input.areaIds)];
      try {
        return await db.transaction(async (tx) => {
          const areas = await repo.findAreas(tx, areaIds);
          if (areas.length !== areaIds.length) throw new AppError('dcc_area_unknown');
          if (!areas.every((a) => withinActorJurisdiction(ctx, a.path))) {
            throw new AppError('outside_jurisdiction');
          }
          if (await repo.nameTaken(tx, input.name)) throw new AppError('dcc_cycle_name_taken');
          const source = await sourceOf(tx, input.template);
          await repo.insertCycle(tx, {
            ...input,
            id,
            areaIds,
            createdBy: ctx.actor?.id ?? null,
            at: clock.now(),
          });
          const taskCount = await insertTemplate(tx, id, source);
          const formIds = new Set<string>();
          for (const p of source.phases)
            for (const a of p.activities) for (const t of a.tasks) if (t.formId) formIds.add(t.formId);
          if (input.template === 'coso') await publishMissingSeedForms(ctx, tx, formIds);
          await appendAudit(tx, {
            actorId: ctx.actor?.id ?? null,
            entity: 'dcc_cycle',
            entityId: id,
            action: 'create',
            changes: { name: input.name, year: input.year, areaIds, template: input.template, taskCount },
            ip: ctx.ip,
          });
          return (await repo.findCycle(tx, id))!;
        });
      } catch (error) {
        // Two creations of the same name racing: the unique key decides.
        if (isUniqueViolation(error)) throw new AppError('dcc_cycle_name_taken');
        throw error;
      }
    },

    /**
     * draft → active (creates the instances), active → closed; the same status again is a no-op (activating
     * an active cycle again only fills in missing instances). Renaming and moving the end date at any status.
     */
    async update(ctx: RequestContext, id: string, input: UpdateCycleInput): Promise<CycleDetail> {
      try {
        return await db.transaction(async (tx) => {
          const cycle = await repo.lockCycle(tx, id);
          if (!cycle) throw new AppError('not_found');
          const next = input.status ?? cycle.status;
          const allowed =
            next === cycle.status ||
            (cycle.status === 'draft' && next === 'active') ||
            (cycle.status === 'active' && next === 'closed');
          if (!allowed) throw new AppError('dcc_cycle_status', { from: cycle.status, to: next });
          if (input.endsOn && input.endsOn < cycle.startsOn) {
            throw validationError([{ path: 'endsOn', message: 'ends_before_start' }]);
          }
          if (input.name && (await repo.nameTaken(tx, input.name, id)))
            throw new AppError('dcc_cycle_name_taken');
          await repo.updateCycle(tx, id, input, clock.now());
          const created = next === 'active' ? await generateInstances(tx, id) : 0;
          await appendAudit(tx, {
            actorId: ctx.actor?.id ?? null,
            entity: 'dcc_cycle',
            entityId: id,
            action: input.status && input.status !== cycle.status ? input.status : 'update',
            changes: { ...input, ...(created ? { instancesCreated: created } : {}) },
            ip: ctx.ip,
          });
          return (await repo.findCycle(tx, id))!;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('dcc_cycle_name_taken');
        throw error;
      }
    },
  };
}

export type DccCycleService = ReturnType<typeof createDccCycleService>;
