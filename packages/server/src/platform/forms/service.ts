import { randomUUID } from 'node:crypto';
import {
  CONTAINER_TYPES,
  type FormDefinition,
  type FormDetail,
  type FormList,
  walkFields,
} from '@coso/domain';
import type { RequestContext } from '../../context.js';
import type { Db, Queryable } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { appendAudit } from '../audit/repo.js';
import * as repo from './repo.js';

/** The fields that hold an answer of their own: every row of the survey but groups and repeats. */
export function fieldCountOf(definition: FormDefinition): number {
  let n = 0;
  for (const f of walkFields(definition.fields)) if (!CONTAINER_TYPES.includes(f.type)) n++;
  return n;
}

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === UNIQUE_VIOLATION;

/** Published form versions: the one writer of the `forms` table (import, demo seed). */
export function createFormService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(): Promise<FormList> {
      const rows = await repo.listFormVersions(db);
      const forms = new Map<string, FormList['items'][number]>();
      for (const row of rows) {
        const form = forms.get(row.formId);
        // Rows come latest first within a form: the first one gives the form its title.
        if (form) form.versions.push(row as never);
        else forms.set(row.formId, { formId: row.formId, title: row.title, versions: [row as never] });
      }
      return { items: [...forms.values()] };
    },

    async get(id: string, q: Queryable = db): Promise<FormDetail & { definition: FormDefinition }> {
      const row = await repo.findFormVersion(q, id);
      if (!row) throw new AppError('not_found');
      return row as never;
    },

    /**
     * Publishes a checked definition as a new version: 409 form_version_exists when this formId already has
     * this version (versions never change once published: submissions keep the one they were filled against).
     */
    async publish(
      ctx: RequestContext,
      definition: FormDefinition,
    ): Promise<{ id: string; fieldCount: number }> {
      const id = randomUUID();
      const fieldCount = fieldCountOf(definition);
      try {
        await db.transaction(async (tx) => {
          if (await repo.versionExists(tx, definition.formId, definition.version)) {
            throw new AppError('form_version_exists');
          }
          await repo.insertFormVersion(tx, {
            id,
            definition,
            fieldCount,
            createdBy: ctx.actor?.id ?? null,
            at: clock.now(),
          });
          await appendAudit(tx, {
            actorId: ctx.actor?.id ?? null,
            entity: 'form',
            entityId: id,
            action: 'publish',
            changes: { formId: definition.formId, version: definition.version, fieldCount },
            ip: ctx.ip,
          });
        });
      } catch (error) {
        // Two publications of the same version racing: the unique key decides, the loser gets the same 409.
        if (isUniqueViolation(error)) throw new AppError('form_version_exists');
        throw error;
      }
      return { id, fieldCount };
    },
  };
}

export type FormService = ReturnType<typeof createFormService>;
