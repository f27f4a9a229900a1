import { z } from 'zod';
import { importRejectionSchema } from '../../../platform/schemas/geo-response.js';
import { type Contract, timestampSchema } from '../../../platform/schemas/wire.js';

/** The home page's items, in the order they show. */
export const HOME_ITEM_KEYS = ['mine', 'overdue', 'dueSoon', 'unassigned', 'awaitingAnswer'] as const;
export type HomeItemKey = (typeof HOME_ITEM_KEYS)[number];

/** GET /api/v1/complaints/home-counts: what waits on the caller now. */
export const homeCountsSchema = z.object({
  today: z.iso.date(),
  /** The caller's lists hold published summaries only (a supervisor): nothing waits on them. */
  publishedOnly: z.boolean(),
  items: z.array(
    z.object({
      key: z.enum(HOME_ITEM_KEYS),
      count: z.number().int(),
      /** The list filter the count was taken with: GET /api/v1/complaints?<query> lists exactly `count` cases. */
      query: z.record(z.string(), z.string()),
    }),
  ),
});
export type HomeCounts = Contract<typeof homeCountsSchema>;

/** Who may be assigned the case at its current handling level, least loaded first. */
export const eligibleAssigneesSchema = z.object({
  handlingLevel: z.string(),
  handlingUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  currentAssigneeId: z.uuid().nullable(),
  canReassign: z.boolean(),
  canTakeOver: z.boolean(),
  items: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      roles: z.array(z.string()),
      openCases: z.number().int(),
      current: z.boolean(),
      self: z.boolean(),
    }),
  ),
});
export type EligibleAssignees = Contract<typeof eligibleAssigneesSchema>;

/** POST /api/v1/complaints/bulk-actions: a result per case. */
export const bulkResultSchema = z.union([
  z.object({ id: z.uuid(), ok: z.literal(true), status: z.string(), version: z.number().int() }),
  z.object({
    id: z.uuid(),
    ok: z.literal(false),
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
]);
export type BulkResult = Contract<typeof bulkResultSchema>;

export const bulkResponseSchema = z.object({
  items: z.array(bulkResultSchema),
  done: z.number().int(),
  failed: z.number().int(),
});
export type BulkResponse = Contract<typeof bulkResponseSchema>;

/** A case-list filter saved under a name: the list's query string as an object. */
export const savedFilterSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.string()),
  createdAt: timestampSchema,
});
export type SavedFilter = Contract<typeof savedFilterSchema>;

/** POST /api/v1/sync/codes: tracking codes reserved for complaints recorded offline, each usable once. */
export const reservedCodesSchema = z.object({ codes: z.array(z.string()) });

/** POST /api/v1/complaints/import: what the historic register did (a dry run changes nothing). */
export const registerImportReportSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  /** Cases created; in a dry run, the rows that would be. */
  created: z.number(),
  rejected: z.array(importRejectionSchema),
  /** Headers of the file that the import does not read (e.g. "Statut"). */
  ignoredColumns: z.array(z.string()),
  notes: z.array(z.string()),
});
export type RegisterImportReport = Contract<typeof registerImportReportSchema>;
