import {
  type DeviceSchema,
  type LocalFile,
  type LocalStore,
  matches,
  type OutboxEntry,
  type PullResponse,
  type RowFilter,
  type SyncRow,
} from '@coso/domain';
import { deleteDatabase, inTransaction, openDatabase, requestResult } from './idb';

/**
 * The device's LocalStore over IndexedDB: one database per user (`coso-field-<userId>`), so logging in as
 * someone else on a shared phone never mixes two people's cases, and logout deletes one database.
 *
 * Stores: one per synced table of the entity registry's schema (keyPath `id`, an index per parent key, named
 * after the field, e.g. `complaintId`); `outbox` ({ seq, id, entry }, `seq` auto-incremented so the
 * order mutations were made survives restarts); `files` (LocalFile) and `blobs` (the bytes, keyed by file id);
 * `meta` (key → value, the pull cursor included).
 */
export interface IdbStore extends LocalStore {
  readonly userId: string;
  /** As LocalStore's; without `schema`, the one the store was opened with. */
  applyPull(page: PullResponse, schema?: DeviceSchema): Promise<void>;
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

/**
 * Existing phones: the schema the grievance registration gives (stores `reference_items`, `geo_units`,
 * `complaints`, `complaint_events` and `attachments`, index `complaintId` on the last two) is exactly what
 * the store created before the entity registry, so their data is kept as it is, without an upgrade.
 */
const syncTables = (schema: DeviceSchema) => Object.keys(schema.tables);
const allStores = (schema: DeviceSchema) => [...syncTables(schema), ...LOCAL_STORES];

interface OutboxRecord {
  seq?: number;
  id: string;
  entry: OutboxEntry;
}

export const idbStoreName = (userId: string) => `coso-field-${userId}`;

/** Creates whatever store is missing: the schema only ever grows (a new synced table, a new index). */
function upgrade(db: IDBDatabase, tx: IDBTransaction, schema: DeviceSchema) {
  for (const [table, keys] of Object.entries(schema.tables)) {
    const store = db.objectStoreNames.contains(table)
      ? tx.objectStore(table)
      : db.createObjectStore(table, { keyPath: 'id' });
    for (const key of keys) if (!store.indexNames.contains(key)) store.createIndex(key, key);
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

function complete(db: IDBDatabase, schema: DeviceSchema): boolean {
  if (!allStores(schema).every((name) => db.objectStoreNames.contains(name))) return false;
  const tables = Object.entries(schema.tables).filter(([, keys]) => keys.length > 0);
  if (tables.length === 0) return true;
  const tx = db.transaction(
    tables.map(([table]) => table),
    'readonly',
  );
  return tables.every(([table, keys]) => keys.every((key) => tx.objectStore(table).indexNames.contains(key)));
}

/**
 * Opens (creating or upgrading) the user's database. A release that adds a synced table or a parent key
 * needs no manual version bump: a database missing a store or an index is reopened one version up, which
 * runs the upgrade (it only adds: what the phone holds stays).
 */
async function openUserDatabase(userId: string, schema: DeviceSchema): Promise<IDBDatabase> {
  const name = idbStoreName(userId);
  let db = await openDatabase(name, 1, (d, _old, tx) => upgrade(d, tx, schema));
  if (!complete(db, schema)) {
    const next = db.version + 1;
    db.close();
    db = await openDatabase(name, next, (d, _old, tx) => upgrade(d, tx, schema));
  }
  return db;
}

function collect<T>(request: IDBRequest<T>, then: (value: T) => void) {
  request.onsuccess = () => then(request.result);
}

/** Opens the user's store with the tables of `schema` (deviceSchema of the app's synced entities). */
export async function openIdbStore(userId: string, schema: DeviceSchema): Promise<IdbStore> {
  const db = await openUserDatabase(userId, schema);
  const tables = new Set(syncTables(schema));
  const ALL_STORES = allStores(schema);
  const read = <T>(store: string, op: (s: IDBObjectStore) => IDBRequest<T>) =>
    requestResult(op(db.transaction(store, 'readonly').objectStore(store)));
  // Local work (outbox, files) must survive a crash or a flat battery: ask for a flushed commit.
  const write = <T>(stores: string[], work: (tx: IDBTransaction) => T) =>
    inTransaction(db, stores, 'readwrite', work, 'strict');

  return {
    userId,
    rows: async (table, filter) => {
      if (!tables.has(table)) return [];
      const rows = await read(table, (s) => lookup(s, filter) as IDBRequest<SyncRow[]>);
      return rows.filter((r) => matches(r, filter));
    },
    row: async (table, id) =>
      tables.has(table) ? read(table, (s) => s.get(id) as IDBRequest<SyncRow | undefined>) : undefined,

    // One transaction per page (rows, removals and cursor commit together). Relaxed durability: a page lost
    // to a crash is simply pulled again, so a first sync of hundreds of pages need not wait for the disk on
    // each one, unlike the outbox (strict).
    applyPull: (page: PullResponse, pageSchema: DeviceSchema = schema) =>
      inTransaction(
        db,
        [...tables, META],
        'readwrite',
        (tx) => {
          if (page.reset) for (const table of tables) tx.objectStore(table).clear();
          for (const [table, rows] of Object.entries(page.changes)) {
            // A table this app version does not know yet (a newer server) is skipped, not fatal.
            if (!tables.has(table)) continue;
            const store = tx.objectStore(table);
            for (const row of rows ?? []) store.put(row);
          }
          for (const [table, ids] of Object.entries(page.removed)) {
            if (!tables.has(table)) continue;
            for (const id of ids ?? []) {
              tx.objectStore(table).delete(id);
              // A removed row's children leave with it (a case's timeline and files).
              for (const child of pageSchema.children[table] ?? []) {
                if (!tables.has(child.table)) continue;
                const store = tx.objectStore(child.table);
                collect(store.index(child.parentKey).getAllKeys(id), (keys) => {
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

/** Reads through the index of a one-field filter on an indexed field (a parent key), else every row. */
function lookup(store: IDBObjectStore, filter: RowFilter | undefined): IDBRequest<unknown[]> {
  const fields = Object.entries(filter ?? {});
  if (fields.length === 1) {
    const [field, value] = fields[0]!;
    if (field === 'id' && typeof value === 'string') return store.getAll(value);
    if (store.indexNames.contains(field) && (typeof value === 'string' || typeof value === 'number'))
      return store.index(field).getAll(value);
  }
  return store.getAll();
}

/** Deletes a user's whole database (logout on a shared phone); open connections are closed first. */
export function deleteIdbStore(userId: string): Promise<void> {
  return deleteDatabase(idbStoreName(userId));
}
