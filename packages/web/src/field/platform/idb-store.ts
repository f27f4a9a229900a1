import {
  type LocalFile,
  type LocalStore,
  type OutboxEntry,
  type PullResponse,
  SYNC_TABLES,
  type SyncRow,
  type SyncTable,
} from '@coso/domain';
import { deleteDatabase, inTransaction, openDatabase, requestResult } from './idb';

/**
 * The device's LocalStore over IndexedDB: one database per user (`coso-field-<userId>`), so logging in as
 * someone else on a shared phone never mixes two people's cases, and logout deletes one database.
 *
 * Stores: one per synced table (keyPath `id`); `outbox` ({ seq, id, entry }, `seq` auto-incremented so the
 * order mutations were made survives restarts); `files` (LocalFile) and `blobs` (the bytes, keyed by file id);
 * `meta` (key → value, the pull cursor included).
 */
export interface IdbStore extends LocalStore {
  readonly userId: string;
  /** The bytes of a stored photo or recording (preview, playback, upload). */
  fileBlob(id: string): Promise<Blob | undefined>;
  /** Keeps a resumable upload's URL as soon as the server gives it, so a restart resumes the upload. */
  saveUploadUrl(fileId: string, uploadUrl: string): Promise<void>;
  close(): void;
}

const OUTBOX = 'outbox';
const FILES = 'files';
const BLOBS = 'blobs';
const META = 'meta';
const CURSOR_KEY = 'sync.cursor';
const LOCAL_STORES = [OUTBOX, FILES, BLOBS, META];
const ALL_STORES: string[] = [...SYNC_TABLES, ...LOCAL_STORES];

/** Rows that belong to a case and leave the device with it (pull `removed.complaints`). */
const CASE_CHILDREN: Partial<Record<SyncTable, SyncTable[]>> = {
  complaints: ['complaint_events', 'attachments'],
};
const CHILD_KEY = 'complaintId';
const CHILD_TABLES = new Set(Object.values(CASE_CHILDREN).flat());

interface OutboxRecord {
  seq?: number;
  id: string;
  entry: OutboxEntry;
}

export const idbStoreName = (userId: string) => `coso-field-${userId}`;

/** Creates whatever store is missing: the schema only ever grows (a new synced table, a new index). */
function upgrade(db: IDBDatabase, tx: IDBTransaction) {
  for (const table of SYNC_TABLES) {
    const store = db.objectStoreNames.contains(table)
      ? tx.objectStore(table)
      : db.createObjectStore(table, { keyPath: 'id' });
    if (CHILD_TABLES.has(table) && !store.indexNames.contains(CHILD_KEY))
      store.createIndex(CHILD_KEY, CHILD_KEY);
  }
  if (!db.objectStoreNames.contains(OUTBOX)) {
    db.createObjectStore(OUTBOX, { keyPath: 'seq', autoIncrement: true }).createIndex('id', 'id', {
      unique: true,
    });
  }
  if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(BLOBS)) db.createObjectStore(BLOBS);
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
}

const complete = (db: IDBDatabase) => ALL_STORES.every((name) => db.objectStoreNames.contains(name));

/**
 * Opens (creating or upgrading) the user's database. A release that adds a synced table needs no manual
 * version bump: a database missing a store is reopened one version up, which runs the upgrade.
 */
async function openUserDatabase(userId: string): Promise<IDBDatabase> {
  const name = idbStoreName(userId);
  let db = await openDatabase(name, 1, (d, _old, tx) => upgrade(d, tx));
  if (!complete(db)) {
    const next = db.version + 1;
    db.close();
    db = await openDatabase(name, next, (d, _old, tx) => upgrade(d, tx));
  }
  return db;
}

function collect<T>(request: IDBRequest<T>, then: (value: T) => void) {
  request.onsuccess = () => then(request.result);
}

export async function openIdbStore(userId: string): Promise<IdbStore> {
  const db = await openUserDatabase(userId);
  const read = <T>(store: string, op: (s: IDBObjectStore) => IDBRequest<T>) =>
    requestResult(op(db.transaction(store, 'readonly').objectStore(store)));
  // Local work (outbox, files) must survive a crash or a flat battery: ask for a flushed commit.
  const write = <T>(stores: string[], work: (tx: IDBTransaction) => T) =>
    inTransaction(db, stores, 'readwrite', work, 'strict');

  return {
    userId,
    rows: (table) => read(table, (s) => s.getAll() as IDBRequest<SyncRow[]>),
    row: (table, id) => read(table, (s) => s.get(id) as IDBRequest<SyncRow | undefined>),

    // One transaction per page (rows, removals and cursor commit together). Relaxed durability: a page lost
    // to a crash is simply pulled again, so a first sync of hundreds of pages need not wait for the disk on
    // each one, unlike the outbox (strict).
    applyPull: (page: PullResponse) =>
      inTransaction(
        db,
        [...SYNC_TABLES, META],
        'readwrite',
        (tx) => {
          if (page.reset) for (const table of SYNC_TABLES) tx.objectStore(table).clear();
          for (const [table, rows] of Object.entries(page.changes)) {
            // A table this app version does not know yet (a newer server) is skipped, not fatal.
            if (!isSyncTable(table)) continue;
            const store = tx.objectStore(table);
            for (const row of rows ?? []) store.put(row);
          }
          for (const [table, ids] of Object.entries(page.removed)) {
            if (!isSyncTable(table)) continue;
            for (const id of ids ?? []) {
              tx.objectStore(table).delete(id);
              for (const child of CASE_CHILDREN[table] ?? []) {
                const store = tx.objectStore(child);
                collect(store.index(CHILD_KEY).getAllKeys(id), (keys) => {
                  for (const key of keys) store.delete(key);
                });
              }
            }
          }
          tx.objectStore(META).put(page.cursor, CURSOR_KEY);
        },
        'relaxed',
      ),
    cursor: () => read(META, (s) => s.get(CURSOR_KEY) as IDBRequest<string | undefined>),

    outbox: async () =>
      (await read(OUTBOX, (s) => s.getAll() as IDBRequest<OutboxRecord[]>)).map((r) => r.entry),
    enqueue: (entry) =>
      write([OUTBOX], (tx) => {
        tx.objectStore(OUTBOX).add({ id: entry.mutation.id, entry } satisfies OutboxRecord);
      }),
    updateEntry: (entry) =>
      write([OUTBOX], (tx) => {
        const store = tx.objectStore(OUTBOX);
        // An entry removed meanwhile (acknowledged, discarded) is not brought back.
        collect(store.index('id').getKey(entry.mutation.id), (seq) => {
          if (seq !== undefined) store.put({ seq: seq as number, id: entry.mutation.id, entry });
        });
      }),
    removeEntries: (ids) =>
      write([OUTBOX, FILES, BLOBS], (tx) => {
        const gone = new Set(ids);
        collect(tx.objectStore(OUTBOX).getAll() as IDBRequest<OutboxRecord[]>, (records) => {
          const kept = new Set<string>();
          const freed = new Set<string>();
          for (const record of records) {
            const files = gone.has(record.id) ? freed : kept;
            for (const file of record.entry.files) files.add(file);
            if (gone.has(record.id)) tx.objectStore(OUTBOX).delete(record.seq!);
          }
          for (const file of freed) {
            if (kept.has(file)) continue;
            tx.objectStore(FILES).delete(file);
            tx.objectStore(BLOBS).delete(file);
          }
        });
      }),

    files: () => read(FILES, (s) => s.getAll() as IDBRequest<LocalFile[]>),
    putFile: (file, blob) =>
      write([FILES, BLOBS], (tx) => {
        const files = tx.objectStore(FILES);
        collect(files.get(file.id) as IDBRequest<LocalFile | undefined>, (stored) => {
          // The transport saves the upload URL the moment the server assigns it; a progress update made from
          // an older copy of the file must not erase it, or the upload would restart from zero.
          const uploadUrl = file.uploadUrl ?? stored?.uploadUrl;
          files.put(uploadUrl === undefined ? file : { ...file, uploadUrl });
        });
        if (blob) tx.objectStore(BLOBS).put(blob, file.id);
      }),
    fileBlob: (id) => read(BLOBS, (s) => s.get(id) as IDBRequest<Blob | undefined>),
    saveUploadUrl: (fileId, uploadUrl) =>
      write([FILES], (tx) => {
        const files = tx.objectStore(FILES);
        collect(files.get(fileId) as IDBRequest<LocalFile | undefined>, (stored) => {
          if (stored) files.put({ ...stored, uploadUrl });
        });
      }),

    meta: <T>(key: string) => read(META, (s) => s.get(key) as IDBRequest<T | undefined>),
    setMeta: (key, value) =>
      write([META], (tx) => {
        tx.objectStore(META).put(value, key);
      }),

    wipe: () =>
      write(ALL_STORES, (tx) => {
        for (const name of ALL_STORES) tx.objectStore(name).clear();
      }),
    close: () => db.close(),
  };
}

function isSyncTable(name: string): name is SyncTable {
  return (SYNC_TABLES as readonly string[]).includes(name);
}

/** Deletes a user's whole database (logout on a shared phone); open connections are closed first. */
export function deleteIdbStore(userId: string): Promise<void> {
  return deleteDatabase(idbStoreName(userId));
}
