import type { ComplaintAction, CreateComplaintInput } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../context.js';
import type { Db } from '../../db/driver.js';
import { findUnit } from '../geo/repo.js';
import type { ReferenceService } from '../reference/service.js';
import { applyAction, loadVisible } from './actions.js';
import { type IntakeSource, recordComplaint } from './intake.js';
import { type ComplaintCursor, type ComplaintFilter, listComplaints } from './list.js';
import * as repo from './repo.js';

type Ctx = RequestContext & { actor: AuthUser };

export type ComplaintService = ReturnType<typeof createComplaintService>;

/** The one writer of complaints, whatever the entry point (web, field sync, import, public form). */
export function createComplaintService({ db, reference }: { db: Db; reference: ReferenceService }) {
  return {
    async create(ctx: RequestContext, input: CreateComplaintInput, source: IntakeSource = 'staff') {
      const id = await recordComplaint(db, reference, ctx, input, source);
      return (await repo.findComplaint(db, id))!;
    },

    get: (actor: AuthUser, id: string) => loadVisible(db, actor, id),

    async identity(actor: AuthUser, id: string) {
      await loadVisible(db, actor, id);
      return repo.findIdentity(db, id);
    },

    async events(actor: AuthUser, id: string) {
      await loadVisible(db, actor, id);
      return repo.listEvents(db, id);
    },

    async act(ctx: Ctx, id: string, action: ComplaintAction, baseVersion?: number) {
      await applyAction(db, ctx, id, action, baseVersion);
      return (await repo.findComplaint(db, id))!;
    },

    /** Resolves the `area` filter to its path; an unknown area gives an empty list rather than an error. */
    async list(actor: AuthUser, filter: ComplaintFilter, after: ComplaintCursor | undefined, limit: number) {
      const areaPath = filter.area ? ((await findUnit(db, filter.area))?.path ?? '/none/') : undefined;
      return listComplaints(db, actor, { ...filter, areaPath }, after, limit);
    },
  };
}
