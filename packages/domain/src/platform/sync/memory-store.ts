import type { LocalFile, LocalStore, OutboxEntry } from './device.js';
import { type PullResponse, SYNC_TABLES, type SyncRow, type SyncTable } from './protocol.js';

/**
 * A LocalStore in memory, with the same rules as the IndexedDB one (atomic pull pages, removed cases take
 * their timeline and files along, ordered outbox): for tests and for server-side simulations of a device.
 */
export function createMemoryStore(): LocalStore & { blobs: Map<string, Blob> } {
  let tables = emptyTables();
  let cursor: string | undefined;
  let outbox: OutboxEntry[] = [];
  let files = new Map<string, LocalFile>();
  let meta = new Map<string, unknown>();
  const blobs = new Map<string, Blob>();
  const clone = <T>(v: T): T => structuredClone(v);

  return {
    blobs,
    rows: async (table) => [...tables[table].values()].map(clone),
    row: async (table, id) => clone(tables[table].get(id)),
    async applyPull(page: PullResponse) {
      // Atomic without copying every table for each page (which made a long first sync quadratic): whatever
      // can fail (cloning) is done before the first change, then the page is applied in place.
      // A table this version does not know (a newer server) is skipped, as the IndexedDB store does.
      const incoming = (Object.entries(page.changes) as [SyncTable, SyncRow[]][])
        .filter(([table]) => table in tables)
        .map(([table, rows]) => [table, rows.map(clone)] as const);
      if (page.reset) tables = emptyTables();
      for (const [table, ids] of Object.entries(page.removed) as [SyncTable, string[]][]) {
        if (!(table in tables)) continue;
        for (const id of ids) {
          tables[table].delete(id);
          if (table === 'complaints') dropDependents(tables, id);
        }
      }
      for (const [table, rows] of incoming) {
        for (const row of rows) tables[table].set(row.id, row);
      }
      cursor = page.cursor;
    },
    cursor: async () => cursor,
    outbox: async () => outbox.map(clone),
    async enqueue(entry) {
      outbox.push(clone(entry));
    },
    async updateEntry(entry) {
      outbox = outbox.map((e) => (e.mutation.id === entry.mutation.id ? clone(entry) : e));
    },
    async removeEntries(ids) {
      const gone = new Set(ids);
      outbox = outbox.filter((e) => !gone.has(e.mutation.id));
      const needed = new Set(outbox.flatMap((e) => e.files));
      for (const id of [...files.keys()]) {
        if (!needed.has(id)) {
          files.delete(id);
          blobs.delete(id);
        }
      }
    },
    files: async () => [...files.values()].map(clone),
    async putFile(file, blob) {
      files.set(file.id, clone(file));
      if (blob) blobs.set(file.id, blob);
    },
    meta: async <T>(key: string) => clone(meta.get(key)) as T | undefined,
    async setMeta(key, value) {
      meta.set(key, clone(value));
    },
    async wipe() {
      tables = emptyTables();
      cursor = undefined;
      outbox = [];
      files = new Map();
      meta = new Map();
      blobs.clear();
    },
  };
}

type Tables = Record<SyncTable, Map<string, SyncRow>>;

function emptyTables(): Tables {
  return Object.fromEntries(SYNC_TABLES.map((t) => [t, new Map()])) as Tables;
}

function dropDependents(tables: Tables, complaintId: string) {
  for (const table of ['complaint_events', 'attachments'] as const) {
    for (const [id, row] of tables[table]) if (row.complaintId === complaintId) tables[table].delete(id);
  }
}
