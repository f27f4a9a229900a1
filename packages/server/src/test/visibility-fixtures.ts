import {
  type Actor,
  type Audience,
  COMPLAINT_STATUSES,
  canSeeComplaint,
  type ScopeRow,
  seesPublishedSummaryOnly,
} from '@coso/domain';
import type { Queryable } from '../db/driver.js';
import { scopeBranches } from '../modules/grm/complaints/list-scope.js';
import { datasetScope } from '../modules/grm/exports/dataset-scope.js';
import { reportScope } from '../modules/grm/reports/summary.js';
import { summaryConditions } from '../modules/grm/reports/summary-sql.js';
import { CASE_TABLES } from '../modules/grm/sync/tables.js';
import type { SyncSource } from '../platform/sync/tables.js';
import { type Fragment, or } from '../platform/visibility/sql.js';
import { misAllocationsFixture } from './mis-finance-fixture.js';
import { misSubprojectsFixture } from './mis-subprojects-fixture.js';

/** One row the agreement test stores: its scope values, the unit it lies in, and a counter to vary the rest. */
export interface FixtureRow {
  row: ScopeRow;
  unit: { id: string; path: string };
  /** Handling unit (a region) for entities that have one. */
  region: { id: string };
  n: number;
}

/** A WHERE on the entity's table under its alias, `?` placeholders (db/conditions.ts) or `$n` already numbered. */
export type ScopeSqlOf = (actor: Actor) => Fragment | { text: string; params: unknown[] };

/**
 * What the agreement test (platform/visibility/visibility-agreement.test.ts) needs of a registered entity: how
 * to store rows with given scope values, and the SQL its own code runs for each audience — the very functions
 * its lists, feed, exports and reports call, not a copy. `predicates` are the entity's TypeScript rules (the
 * policy functions its routes call), checked against the definition too.
 */
export interface VisibilityFixture {
  /** FROM clause with the alias the scope SQL uses, and the row's id as text. */
  from: string;
  id: string;
  store(db: Queryable, rows: FixtureRow[]): Promise<string[]>;
  sql: Record<Exclude<Audience, 'device'>, ScopeSqlOf>;
  /** The feed's table: its `visible` and `visibleBefore` (on sync_removals `r`). */
  sync: Pick<SyncSource, 'table' | 'visible' | 'visibleBefore'>;
  predicates?: Partial<Record<Audience, (actor: Actor, row: ScopeRow) => boolean>>;
}

const complaintView = (r: ScopeRow) => ({
  sensitive: r.restricted === true,
  areaPath: r.areaPath,
  status: 'received' as const,
  assigneeId: r.ownerId ?? null,
  recordedBy: r.recorderId ?? null,
  sharedWith: r.readers ?? [],
  published: r.flags?.published === true,
});

const complaints: VisibilityFixture = {
  from: 'complaints c',
  id: 'c.id::text',
  async store(db, rows) {
    const ids: string[] = [];
    for (const { row, unit, region, n } of rows) {
      const published = row.flags?.published === true;
      // Statuses, escalations and referrals vary: none of them may change who sees the case.
      const status = COMPLAINT_STATUSES[n % COMPLAINT_STATUSES.length];
      const [c] = await db.query<{ id: string }>(
        `insert into complaints (id, tracking_code, reference, type_code, category_code, channel_code, sensitive,
                                 status, description, village_id, area_path, anonymous, handling_level,
                                 handling_unit_id, escalation_count, assignee_id, recorded_by, received_at,
                                 public_summary, published_at)
         values (gen_random_uuid(), 'VIS' || $1, 'VIS-' || $1, 'complaint', 'works', 'hotline', $2, $3,
                 'Cas de visibilité', $4, $5, true, $6, $7, $8, $9, $10,
                 timestamptz '2026-01-01 08:00:00+00' + make_interval(mins => $1::int), $11, $12)
         returning id::text as id`,
        [
          n,
          row.restricted === true,
          status,
          unit.id,
          unit.path,
          n % 3 === 0 ? 'region' : 'village',
          n % 3 === 0 ? region.id : unit.id,
          n % 3 === 0 ? 1 : 0,
          row.ownerId ?? null,
          row.recorderId ?? null,
          published ? 'Résumé publié du cas.' : null,
          published ? new Date('2026-02-01T00:00:00Z') : null,
        ],
      );
      for (const reader of row.readers ?? [])
        await db.query(
          `insert into complaint_access (complaint_id, user_id, added_by, reason) values ($1, $2, $2, 'test')`,
          [c!.id, reader],
        );
      if (n % 4 === 1)
        await db.query(
          `insert into complaint_referrals (id, complaint_id, service, referred_on, created_by)
           select gen_random_uuid(), $1, 'health', date '2026-01-05', u.id from users u limit 1`,
          [c!.id],
        );
      ids.push(c!.id);
    }
    return ids;
  },
  sql: {
    read: (actor) => or(scopeBranches(actor)),
    dataset: datasetScope,
    count: (actor) => {
      const where = summaryConditions(reportScope(actor), {});
      return { text: where.where.replace(/^where /, ''), params: where.params };
    },
  },
  sync: CASE_TABLES.find((s) => s.table === 'complaints')!,
  predicates: {
    read: (actor, r) => canSeeComplaint(actor, complaintView(r)),
    // What pull.test.ts expects a device to hold: the cases seen as a handler, never a sensitive one.
    device: (actor, r) =>
      !r.restricted &&
      canSeeComplaint(actor, complaintView(r)) &&
      !seesPublishedSummaryOnly(actor, complaintView(r)),
  },
};

/** Every entity's fixture, by entity name: registering an entity without one fails the agreement test. */
export const VISIBILITY_FIXTURES: Readonly<Record<string, VisibilityFixture>> = {
  complaints,
  mis_subprojects: misSubprojectsFixture,
  mis_allocations: misAllocationsFixture,
};
