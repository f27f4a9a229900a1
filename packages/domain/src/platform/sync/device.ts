import type { Mutation, MutationResult, PullResponse, PushResponse, SyncRow } from './protocol.js';

/**
 * What the device sync engine (sync/engine.ts) needs from its surroundings. The field app implements them
 * over IndexedDB and fetch/tus; tests implement them in memory and over the server's inject().
 */

/** A queued mutation and its delivery state on the device. */
export interface OutboxEntry {
  mutation: Mutation;
  /** Local file ids (LocalFile.id) this mutation needs on the server before it may be pushed. */
  files: string[];
  state: 'pending' | 'rejected' | 'conflict';
  /** Set when the server refused the mutation for good (rejected, conflict): shown to the user. */
  result?: MutationResult;
  attempts: number;
  lastError?: string;
}

/** A photo or recording waiting to be uploaded; the blob itself is held by the platform. */
export interface LocalFile {
  id: string;
  name: string;
  type: string;
  size: number;
  /** Set once the upload is complete: the upload id the server gave it (attachment.add's uploadId). */
  uploadId?: string;
  /** The resumable upload's URL, kept so an interrupted upload continues where it stopped. */
  uploadUrl?: string;
  uploaded: number;
}

/** Rows whose fields equal these values (e.g. `{ id }`, or a parent key such as `{ complaintId }`). */
export type RowFilter = Readonly<Record<string, string | number | boolean | null>>;

/** Rows of `table` that belong to one row of a parent table through their `parentKey` field. */
export interface ChildLink {
  table: string;
  parentKey: string;
}

/**
 * The synced tables a device keeps, as its entity registry declares them (entities.ts): the store creates
 * them, indexes the parent keys, and drops a removed row's children with it.
 */
export interface DeviceSchema {
  /** Table name → the fields its rows are looked up by (the parent keys of its rows). */
  tables: Readonly<Record<string, readonly string[]>>;
  /** Parent table → the tables whose rows leave the device with a removed parent row. */
  children: Readonly<Record<string, readonly ChildLink[]>>;
}

/** Whether a row matches a filter (every field equal). */
export function matches(row: SyncRow, filter: RowFilter | undefined): boolean {
  if (!filter) return true;
  for (const [field, value] of Object.entries(filter)) if (row[field] !== value) return false;
  return true;
}

export interface LocalStore {
  /**
   * Rows of a synced table as the server last sent them (outbox effects are applied on top by the engine's
   * overlays, see entities.ts), those matching `filter` only. A table the store does not hold has no rows.
   */
  rows(table: string, filter?: RowFilter): Promise<SyncRow[]>;
  row(table: string, id: string): Promise<SyncRow | undefined>;
  /**
   * Applies one pull page atomically: empties the synced tables first when `page.reset`, stores the rows of
   * the schema's tables (others are skipped: a newer server), drops the removed ids with their children
   * (`schema.children`), and saves `page.cursor`, all or nothing.
   */
  applyPull(page: PullResponse, schema: DeviceSchema): Promise<void>;
  cursor(): Promise<string | undefined>;

  outbox(): Promise<OutboxEntry[]>;
  /** Appends an entry (outbox order is the order mutations were made). */
  enqueue(entry: OutboxEntry): Promise<void>;
  updateEntry(entry: OutboxEntry): Promise<void>;
  /** Drops acknowledged entries, and the files only they needed. */
  removeEntries(ids: string[]): Promise<void>;

  files(): Promise<LocalFile[]>;
  putFile(file: LocalFile, blob?: Blob): Promise<void>;

  meta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;

  /** Logout, or the server said this user may no longer sync: every table, the outbox, files and meta. */
  wipe(): Promise<void>;
}

/** A pull page as the transport received it: with its size on the wire when the transport knows it. */
export interface PulledPage extends PullResponse {
  receivedBytes?: number;
}

/** Network calls; each throws TransportError when the request did not get a usable answer. */
export interface Transport {
  pull(cursor: string | undefined, limit: number): Promise<PulledPage>;
  push(mutations: Mutation[]): Promise<PushResponse>;
  reserveCodes(count: number): Promise<string[]>;
  /** Uploads (or resumes) a file; resolves with its server upload id. `onProgress` gets bytes sent. */
  upload(file: LocalFile, onProgress?: (sent: number) => void): Promise<string>;
}

/**
 * `offline`: no connection or a timeout (retry later, quietly); `auth`: log in again (outbox kept);
 * `revoked`: the account or device may no longer sync (wipe); `server`: an unexpected answer (retry with
 * backoff, shown).
 */
export type TransportErrorKind = 'offline' | 'auth' | 'revoked' | 'server';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly code?: string,
    /** The server asked not to be called again before this delay (`Retry-After` on a 503 or a 429). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
