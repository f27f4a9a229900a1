import { type DeviceSchema, type LocalFile, type LocalStore, matches, type OutboxEntry } from './device.js';
import type { PullResponse, SyncRow } from './protocol.js';

/**
 * A LocalStore in memory, with the same rules as the IndexedDB one (atomic pull pages, a removed row takes
 * its children along, ordered outbox): for tests and for server-side simulations of a device. It holds the
 * tables of the schema each pull page comes with.
 */
export function createMemoryStore(): LocalStore & { blobs: Map<string, Blob> } {
  let tables: Tables = new Map();
  let cursor: string | undefined;
  let outbox: OutboxEntry[] = [];
  let files = new Map<string, LocalFile>();
  let meta = new Map<string, unknown>();
  const blobs = new Map<string, Blob>();
  const clone = <T>(v: T): T => structuredClone(v);

  return {
    blobs,
    rows: async (table, filter) =>
      [...(tables.get(table)?.values() ?? [])].filter((r) => matches(r, filter)).map(clone),
    row: async (table, id) => clone(tables.get(table)?.get(id)),
    async applyPull(page: PullResponse, schema: DeviceSchema) {
      // Atomic without copying every table for each page (which made a long first sync quadratic): whatever
      // can fail (cloning) is done before the first change, then the page is applied in place.
      // A table this version does not know (a newer server) is skipped, as the IndexedDB store does.
      const known = (table: string) => Object.hasOwn(schema.tables, table);
      const incoming = (Object.entries(page.changes) as [string, SyncRow[] | undefined][])
        .filter(([table]) => known(table))
        .map(([table, rows]) => [table, (rows ?? []).map(clone)] as const);
      if (page.reset) tables = new Map();
      const table = (name: string) => {
        const rows = tables.get(name) ?? new Map<string, SyncRow>();
        tables.set(name, rows);
        return rows;
      };
      for (const [name, ids] of Object.entries(page.removed) as [string, string[] | undefined][]) {
        if (!known(name)) continue;
        for (const id of ids ?? []) {
          table(name).delete(id);
          for (const child of schema.children[name] ?? []) {
            const rows = table(child.table);
            for (const [key, row] of rows) if (row[child.parentKey] === id) rows.delete(key);
          }
        }
      }
      for (const [name, rows] of incoming) {
        const stored = table(name);
        for (const row of rows) stored.set(row.id, row);
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
      tables = new Map();
      cursor = undefined;
      outbox = [];
      files = new Map();
      meta = new Map();
      blobs.clear();
    },
  };
}

type Tables = Map<string, Map<string, SyncRow>>;
