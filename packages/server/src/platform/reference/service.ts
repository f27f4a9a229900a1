import type { AuthUser, RequestContext } from '../../context.js';
import type { Db } from '../../db/driver.js';
import { type FieldIssue, validationError } from '../../http/app-error.js';
import { appendAudit, diffFields } from '../audit/repo.js';
import { requireReferenceList } from './lists.js';
import * as repo from './repo.js';

export type ReferenceService = ReturnType<typeof createReferenceService>;

export type ReferenceInput = Omit<repo.ReferenceItem, 'list' | 'code'>;

/** The one writer of the reference lists; also checks the codes a complaint uses. */
export function createReferenceService({ db }: { db: Db }) {
  return {
    list: (includeInactive = false) => repo.listReference(db, includeInactive),

    async save(
      ctx: RequestContext & { actor: AuthUser },
      list: repo.ReferenceList,
      code: string,
      input: ReferenceInput,
    ) {
      requireReferenceList(list);
      return db.transaction(async (tx) => {
        const before = await repo.findReference(tx, list, code);
        const item = { list, code, ...input };
        const changes = before ? diffFields(before, item) : { ...input };
        if (before && Object.keys(changes).length === 0) return before;
        await repo.upsertReference(tx, item);
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'reference_item',
          entityId: `${list}:${code}`,
          action: before ? 'update' : 'create',
          changes,
          ip: ctx.ip,
        });
        return item;
      });
    },

    /**
     * Checks the reference codes of a form against the active lists; returns the items found by list.
     * `fields` maps a field path ("category", "complainant.gender") to its list and code(s).
     */
    async resolve(fields: Array<{ path: string; list: repo.ReferenceList; code: string | undefined }>) {
      const items = await repo.listReference(db, false);
      const issues: FieldIssue[] = [];
      const found = new Map<string, repo.ReferenceItem>();
      for (const f of fields) {
        if (f.code === undefined) continue;
        const item = items.find((i) => i.list === f.list && i.code === f.code);
        if (item) found.set(f.path, item);
        else issues.push({ path: f.path, message: `unknown_${f.list}` });
      }
      if (issues.length) throw validationError(issues);
      return found;
    },
  };
}
