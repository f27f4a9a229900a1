import type { ComplaintAction } from '../../modules/grm/complaints/lifecycle.js';
import type { LocalFile, OutboxEntry } from './device.js';
import type { ComplaintCreatePayload, SyncRow } from './protocol.js';

/**
 * What the field app's screens use: the device's view of the data (server rows with the outbox applied on
 * top), local actions that queue mutations, and the sync status. Implemented by createSyncEngine (engine.ts).
 */
export interface SyncEngine {
  /** Cases on the device, newest first, with pending local changes applied (`pending: true`). */
  complaints(): Promise<LocalComplaint[]>;
  complaint(id: string): Promise<LocalComplaint | undefined>;
  /** The case's timeline, oldest first, local pending events included (`pending: true`). */
  events(complaintId: string): Promise<SyncRow[]>;
  attachments(complaintId: string): Promise<SyncRow[]>;
  /** Reference lists and geo units as pulled (e.g. rows('reference_items')). */
  reference(): Promise<SyncRow[]>;
  geoUnits(): Promise<SyncRow[]>;

  /**
   * Records a complaint offline: picks the case id and a tracking code (reserved pool, else generated on the
   * device), stores the files, queues `complaint.create` then one `attachment.add` per file. The receipt data
   * is available at once from the returned case.
   */
  createComplaint(
    input: Omit<ComplaintCreatePayload, 'id' | 'trackingCode'>,
    files?: NewLocalFile[],
  ): Promise<LocalComplaint>;
  /** Queues `complaint.act` with the case's current version as baseVersion; applied locally at once. */
  act(complaintId: string, action: ComplaintAction): Promise<void>;
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

export interface NewLocalFile {
  blob: Blob;
  name: string;
  type: string;
}

export interface LocalComplaint extends SyncRow {
  trackingCode: string;
  status: string;
  version: number;
  /** Queued on this device and not yet acknowledged by the server. */
  pending?: boolean;
  /**
   * The tracking code was made on the device because no reserved code was left: the server keeps it when it
   * is free and otherwise gives another one at sync, so the receipt should say it is provisional.
   */
  provisionalCode?: boolean;
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
