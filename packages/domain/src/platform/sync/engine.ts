import type { LocalFile, LocalStore, OutboxEntry, RowFilter, Transport } from './device.js';
import { matches } from './device.js';
import type { DeviceEngine, EnqueueOptions, PullProgress, SyncReport, SyncStatus } from './engine-api.js';
import { acknowledgedRows, META, runPass } from './engine-sync.js';
import { createEntityRegistry, type DeviceEntity, type DeviceReader } from './entities.js';
import type { SyncRow } from './protocol.js';

export interface EngineOptions {
  store: LocalStore;
  transport: Transport;
  /** The synced entities of the modules the app runs (the platform's reference tables are always there). */
  entities: readonly DeviceEntity[];
  now?: () => Date;
  uuid?: () => string;
}

/**
 * The device side of the sync protocol (DESIGN.md, "Sync protocol"): see DeviceEngine for what it offers.
 * Entity-agnostic: what a table or a mutation type means comes from the entity registry (entities.ts).
 */
export function createDeviceEngine({
  store,
  transport,
  entities,
  now = () => new Date(),
  uuid = randomUuid,
}: EngineOptions): DeviceEngine {
  const registry = createEntityRegistry(entities);
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  let running: Promise<SyncReport> | undefined;
  let pulling: PullProgress | undefined;
  const read: DeviceReader = {
    rows: (table, filter) => store.rows(table, filter),
    row: (table, id) => store.row(table, id),
    meta: (key) => store.meta(key),
    files: () => store.files(),
  };

  async function rows(
    table: string,
    filter?: RowFilter,
    options?: { overlay?: boolean },
  ): Promise<SyncRow[]> {
    const overlay = options?.overlay === false ? undefined : registry.overlay(table);
    if (!overlay) return store.rows(table, filter);
    const types = registry.typesOf(table);
    const [pulled, outbox, acknowledged] = await Promise.all([
      store.rows(table, filter),
      store.outbox(),
      store.meta<Record<string, Record<string, SyncRow>>>(META.acknowledgedRows),
    ]);
    const pending = outbox.filter((e) => e.state === 'pending' && types.has(e.mutation.type));
    const kept = Object.values(acknowledgedRows(acknowledged, table)).filter((r) => matches(r, filter));
    const shown = await overlay({ table, filter, rows: pulled, pending, acknowledged: kept, read });
    return filter ? shown.filter((r) => matches(r, filter)) : shown;
  }

  async function provisionalCodes(): Promise<Set<string>> {
    return new Set((await store.meta<string[]>(META.provisional)) ?? []);
  }

  return {
    rows,

    async enqueue(type, payload, options: EnqueueOptions = {}) {
      const rule = registry.mutation(type);
      if (!rule) throw new Error(`no synced entity queues the mutation type ${type}`);
      const checked = rule.payload ? rule.payload.parse(payload) : payload;
      const files: string[] = [];
      for (const f of options.files ?? []) {
        const file: LocalFile = { id: uuid(), name: f.name, type: f.type, size: f.blob.size, uploaded: 0 };
        await store.putFile(file, f.blob);
        files.push(file.id);
      }
      const entry: OutboxEntry = {
        mutation: {
          id: uuid(),
          type,
          payload: checked,
          ...(options.baseVersion !== undefined ? { baseVersion: options.baseVersion } : {}),
          clientTime: now().toISOString(),
        },
        files,
        state: 'pending',
        attempts: 0,
      };
      await store.enqueue(entry);
      if (options.notify !== false) notify();
      return entry;
    },

    /** A reserved code when there is one left; otherwise one made here, which the server keeps if free. */
    async takeCode(subjectId, generate) {
      const codes = (await store.meta<string[]>(META.codes)) ?? [];
      const [code, ...rest] = codes;
      if (code !== undefined) {
        await store.setMeta(META.codes, rest);
        return { code, provisional: false };
      }
      const provisional = (await store.meta<string[]>(META.provisional)) ?? [];
      await store.setMeta(META.provisional, [...provisional, subjectId]);
      return { code: generate(), provisional: true };
    },
    provisionalCodes,

    async discard(mutationId) {
      const entry = (await store.outbox()).find((e) => e.mutation.id === mutationId);
      if (!entry || entry.state === 'pending') return;
      await store.removeEntries([mutationId]);
      const provisional = (await store.meta<string[]>(META.provisional)) ?? [];
      const subject = registry.subject(entry);
      if (subject && provisional.includes(subject))
        await store.setMeta(
          META.provisional,
          provisional.filter((id) => id !== subject),
        );
      notify();
    },

    sync() {
      running ??= runPass({
        store,
        registry,
        read,
        transport,
        now,
        notify,
        onProgress: (p) => {
          pulling = p;
        },
      }).finally(() => {
        running = undefined;
        notify();
      });
      notify();
      return running;
    },

    async status(): Promise<SyncStatus> {
      const [outbox, files, codes] = await Promise.all([
        store.outbox(),
        store.files(),
        store.meta<string[]>(META.codes),
      ]);
      const pending = outbox.filter((e) => e.state === 'pending');
      const waiting = new Set(pending.flatMap((e) => e.files));
      const pendingFiles = files.filter((f) => waiting.has(f.id));
      const meta = async (key: string) => store.meta<string>(key);
      const [lastSuccessAt, lastAttemptAt, lastError] = await Promise.all([
        meta(META.lastSuccessAt),
        meta(META.lastAttemptAt),
        meta(META.lastError),
      ]);
      return {
        pendingMutations: pending.length,
        pendingFiles: pendingFiles.filter((f) => !f.uploadId).length,
        uploadedBytes: pendingFiles.reduce((n, f) => n + (f.uploadId ? f.size : f.uploaded), 0),
        totalBytes: pendingFiles.reduce((n, f) => n + f.size, 0),
        failed: outbox.filter((e) => e.state !== 'pending'),
        files: pendingFiles,
        ...(lastSuccessAt ? { lastSuccessAt } : {}),
        ...(lastAttemptAt ? { lastAttemptAt } : {}),
        ...(lastError ? { lastError } : {}),
        syncing: running !== undefined,
        reservedCodes: codes?.length ?? 0,
        ...(pulling ? { pull: { ...pulling } } : {}),
      };
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async wipe() {
      await store.wipe();
      notify();
    },
  };
}

/** RFC 4122 version 4; crypto.randomUUID is missing on pages not served over HTTPS. */
export function randomUuid(): string {
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
