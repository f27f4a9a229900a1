import { z } from 'zod';

/**
 * The wire contract of the field sync (DESIGN.md, "Sync protocol"), shared by the server routes and the device
 * engine. Generic by design: a table is a name and rows with an `id`; a mutation is a type and a payload whose
 * schema its module declares (the grievance module's: modules/grm/sync/payloads.ts).
 */

/**
 * A table a device may hold, as the pull names it. Open: the server's sync registry lists the tables every
 * module contributes (platform/sync/registry.ts) and checks each name against SYNC_TABLE_NAME. Rows always
 * carry `id` (uuid or code) and `changeSeq`.
 */
export type SyncTable = string;

/** What a synced table's name looks like: lower-case words joined by underscores. */
export const SYNC_TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export const SYNC_PULL_DEFAULT_LIMIT = 500;
export const SYNC_PULL_MAX_LIMIT = 2000;
export const SYNC_PUSH_MAX_MUTATIONS = 50;

export const pullQuerySchema = z.object({
  /** Opaque; absent or empty for a first (full) pull. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_PULL_MAX_LIMIT).default(SYNC_PULL_DEFAULT_LIMIT),
});

export interface SyncRow {
  id: string;
  changeSeq: number;
  [field: string]: unknown;
}

export interface PullResponse {
  /**
   * True on the first page of a full pull (no cursor, or the user's scope changed since the cursor was issued):
   * the device empties every synced table (never its outbox) before applying this page.
   */
  reset: boolean;
  changes: Partial<Record<SyncTable, SyncRow[]>>;
  /**
   * Ids the device may hold that it must now drop (reassigned away, made sensitive, moved, deleted). A removed
   * case comes with the ids of its events and attachments in the same page. Only ids the user could see before
   * the change are listed; an id the device does not hold is ignored.
   */
  removed: Partial<Record<SyncTable, string[]>>;
  /** Opaque; pass it back. It may move on even when a page is empty (past rows this user may not see). */
  cursor: string;
  /** More is waiting: pull again at once with the new cursor. */
  hasMore: boolean;
  /**
   * Where this page stands in the server's change feed: `done` is the position reached, `end` the last one
   * the server may serve now (both grow over time). Only good for a progress bar and an estimate.
   */
  progress?: { done: number; end: number };
}

/** One mutation as the device queues it. `id` is the idempotency key: a retried id is a no-op. */
export const mutationSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1).max(64),
  payload: z.unknown(),
  baseVersion: z.number().int().min(0).optional(),
  clientTime: z.iso.datetime({ offset: true }),
});
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * The push body. Each element is validated on its own on the server, so that one malformed mutation is
 * rejected while the others apply; the envelope only bounds the batch.
 */
export const pushRequestSchema = z.object({
  mutations: z.array(z.unknown()).min(1).max(SYNC_PUSH_MAX_MUTATIONS),
});

export type MutationStatus = 'applied' | 'duplicate' | 'rejected' | 'conflict';

export interface MutationResult {
  /** The mutation id, or null when the element had no readable id. */
  id: string | null;
  status: MutationStatus;
  /** rejected: an error code of ERRORS; `message` in the caller's language. */
  code?: string;
  message?: string;
  /** rejected with a validation error: the field problems, as the REST API reports them. */
  details?: unknown;
  /** conflict: the record's current server version (the row as pull would send it). */
  current?: SyncRow;
  /** applied or duplicate: what the mutation produced (e.g. the case's tracking code and reference). */
  result?: Record<string, unknown>;
}

export interface PushResponse {
  results: MutationResult[];
}

/**
 * Reject codes after which the device keeps the mutation and sends it again later (the cause is expected to
 * clear by itself); every other rejection is final and shown to the user.
 */
export const RETRYABLE_REJECT_CODES: readonly string[] = ['upload_incomplete', 'service_unavailable'];

/** POST /api/v1/sync/codes: tracking codes reserved for one device, usable offline exactly once. */
export const reserveCodesSchema = z.object({ count: z.number().int().min(1).max(200).default(50) });
export interface ReserveCodesResponse {
  codes: string[];
}

/** Resumable uploads (tus 1.0.0) live under this path; limits as for attachments (MAX_BYTES per kind). */
export const UPLOADS_PATH = '/api/v1/uploads';
