import {
  type ComplaintAction,
  type CreateComplaintInput,
  type DateBounds,
  DEFAULT_PROJECT_START,
} from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../context.js';
import type { Db } from '../../../db/driver.js';
import { findUnit } from '../../../platform/geo/repo.js';
import type { ReferenceService } from '../../../platform/reference/service.js';
import type { Vault } from '../../../vault/vault.js';
import { createDeadlineService, type DeadlineService } from '../deadlines/service.js';
import { applyAction, loadForIntake, loadVisible } from './actions.js';
import { eligibleAssignees } from './assignees.js';
import { type IntakeSource, recordComplaint } from './intake.js';
import { type ComplaintCursor, type ComplaintFilter, listComplaints } from './list.js';
import { identityShown } from './presenter.js';
import * as repo from './repo.js';
import { revealIdentity } from './reveal.js';

type Ctx = RequestContext & { actor: AuthUser };

export type ComplaintService = ReturnType<typeof createComplaintService>;

/** The one writer of complaints, whatever the entry point (web, field sync, import, public form). */
export function createComplaintService({
  db,
  reference,
  vault,
  deadlines = createDeadlineService({ db }),
  projectStart = DEFAULT_PROJECT_START,
}: {
  db: Db;
  reference: ReferenceService;
  vault: Vault;
  /** PROJECT_START_DATE: no reception or incident date a client sends may be earlier. */
  projectStart?: string;
  /** Due dates and countdowns of the case file, and "today" for the overdue filter. */
  deadlines?: DeadlineService;
}) {
  const withDeadlines = async (c: repo.ComplaintRow) => ({ ...c, deadlines: await deadlines.forCase(c.id) });
  return {
    /** `trackingCode`: the code a device already gave the complainant (field sync), used if still free. */
    async create(
      ctx: RequestContext,
      input: CreateComplaintInput,
      source: IntakeSource = 'staff',
      trackingCode?: string,
    ) {
      const id = await recordComplaint(db, reference, vault, ctx, input, {
        source,
        projectStart,
        trackingCode,
      });
      return withDeadlines((await repo.findComplaint(db, id))!);
    },

    /** What a client's dates are checked against now (a device's clock is trusted only within them). */
    dateBounds: (): DateBounds => ({ projectStart, now: new Date() }),

    get: async (actor: AuthUser, id: string) => withDeadlines(await loadVisible(db, actor, id)),

    /** The case for printing its receipt: visible, or just filed by this actor (see loadForIntake). */
    forReceipt: async (actor: AuthUser, id: string) => (await loadForIntake(db, actor, id)).complaint,

    /** The identity the case file may show this actor (see identityShown); decrypted only then. */
    async identity(actor: AuthUser, id: string) {
      const c = await loadVisible(db, actor, id);
      return identityShown(c, actor) ? repo.findIdentity(db, vault, id) : undefined;
    },

    revealIdentity: (ctx: Ctx, id: string, reason: string) => revealIdentity(db, vault, ctx, id, reason),

    async events(actor: AuthUser, id: string) {
      await loadVisible(db, actor, id);
      return repo.listEvents(db, id);
    },

    /**
     * The case after the action, as stored: the caller may no longer see it (a case they made sensitive), so
     * whoever presents it checks visibility again (routes.ts: `accessLost`).
     */
    async act(ctx: Ctx, id: string, action: ComplaintAction, baseVersion?: number) {
      await applyAction(db, ctx, id, action, baseVersion, vault);
      return withDeadlines((await repo.findComplaint(db, id))!);
    },

    /** Who may receive the case at its current level, with their workload (assignees.ts). */
    eligibleAssignees: (actor: AuthUser, id: string) => eligibleAssignees(db, actor, id),

    /** Resolves the `area` filter to its path; an unknown area gives an empty list rather than an error. */
    async list(actor: AuthUser, filter: ComplaintFilter, after: ComplaintCursor | undefined, limit: number) {
      const areaPath = filter.area ? ((await findUnit(db, filter.area))?.path ?? '/none/') : undefined;
      return listComplaints(db, actor, { ...filter, areaPath, today: deadlines.today() }, after, limit);
    },
  };
}
