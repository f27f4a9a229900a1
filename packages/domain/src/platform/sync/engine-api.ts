import type { LocalFile, OutboxEntry, RowFilter } from './device.js';
import type { SyncRow } from './protocol.js';

/**
 * What the field app's screens use, whatever the module: the device's view of the data (server rows with
 * the outbox applied on top by the entities' overlays), local changes queued as mutations, and the sync
 * status. Implemented by createDeviceEngine (engine.ts) over an entity registry (entities.ts); modules add
 * their own words on top (the grievance module's grmDevice: complaints(), createComplaint, act).
 */
export interface DeviceEngine {
  /**
   * Rows of a synced table matching `filter` (e.g. `{ id }`, or a parent key such as `{ complaintId }`), with
   * the pending local changes applied by the table's overlay (`pending: true`), in the overlay's order.
   * `{ overlay: false }`: the rows as the server last sent them.
   */
  rows(table: string, filter?: RowFilter, options?: { overlay?: boolean }): Promise<SyncRow[]>;
  /**
   * Queues a mutation of a registered type (its payload checked by the type's schema), after storing its
   * files (uploaded before it is pushed); shown at once through the overlays. Throws for a type no entity
   * registered.
   */
  enqueue(type: string, payload: unknown, options?: EnqueueOptions): Promise<OutboxEntry>;
  /**
   * A code from the pool reserved on the server (refilled by every pass), or, when the pool is empty, one
   * made here by `generate` and marked provisional for `subjectId` until the server settles it.
   */
  takeCode(subjectId: string, generate: () => string): Promise<{ code: string; provisional: boolean }>;
  /** Ids of the records whose code was made on this device and not yet settled by the server. */
  provisionalCodes(): Promise<ReadonlySet<string>>;
  /** Drops a rejected or conflicting outbox entry after the user has seen it. */
  discard(mutationId: string): Promise<void>;

  /** One sync pass (uploads, push, pull, code refill); concurrent calls share the running pass. */
  sync(): Promise<SyncReport>;
  status(): Promise<SyncStatus>;
  /** Called after every local change and sync step; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Erases every local table, the outbox, files and meta (logout, account disabled). */
  wipe(): Promise<void>;
}

export interface EnqueueOptions {
  /** The record's version the change was made on (omitted: an unchecked change). */
  baseVersion?: number;
  /** Photos or recordings the mutation needs on the server before it may be pushed. */
  files?: NewLocalFile[];
  /** Whether to tell the subscribers now (default); false when more changes of the same action follow. */
  notify?: boolean;
}

export interface NewLocalFile {
  blob: Blob;
  name: string;
  type: string;
}

export interface SyncStatus {
  pendingMutations: number;
  pendingFiles: number;
  /** Bytes of pending files already on the server / total. */
  uploadedBytes: number;
  totalBytes: number;
  /** Entries the server refused for good, with its reason (shown to the user until discarded). */
  failed: OutboxEntry[];
  files: LocalFile[];
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  /** The last sync error as a message for the user (French or English per the server), cleared on success. */
  lastError?: string;
  syncing: boolean;
  reservedCodes: number;
  /** The pull under way (absent when none): what has arrived so far, for a progress bar and an estimate. */
  pull?: PullProgress;
}

export interface PullProgress {
  /** The phone started from nothing (first sync, or the user's areas changed): it fills up as pages arrive. */
  full: boolean;
  pages: number;
  /** Rows received in this pass (cases, events, reference lists…). */
  items: number;
  /** Bytes received in this pass, as the transport counted them. */
  bytes: number;
  /** Share of the server's feed covered so far, in [0, 1], when the server says where it stands. */
  fraction?: number;
  /** Milliseconds left at the pace so far; absent until a page has shown the pace. */
  remainingMs?: number;
  startedAt: string;
}

export interface SyncReport {
  ok: boolean;
  pushed: number;
  pulled: number;
  uploaded: number;
  error?: {
    kind: 'offline' | 'auth' | 'revoked' | 'server';
    message: string;
    code?: string;
    /** The server's `Retry-After`: the scheduler waits at least this long before the next pass. */
    retryAfterMs?: number;
  };
}
