import type { ComplaintAction } from '../../modules/grm/complaints/lifecycle.js';
import { generateTrackingCode } from '../../modules/grm/complaints/tracking-code.js';
import type { LocalFile, LocalStore, OutboxEntry, Transport } from './device.js';
import type {
  LocalComplaint,
  NewLocalFile,
  PullProgress,
  SyncEngine,
  SyncReport,
  SyncStatus,
} from './engine-api.js';
import { META, runPass } from './engine-sync.js';
import { type ComplaintCreatePayload, complaintCreatePayloadSchema, type Mutation } from './protocol.js';
import {
  caseFromCreate,
  caseIdOf,
  pendingAttachments,
  pendingEvents,
  sensitiveCategoryCodes,
  viewCases,
} from './view.js';

export interface EngineOptions {
  store: LocalStore;
  transport: Transport;
  now?: () => Date;
  uuid?: () => string;
  /** In [0, 1), for tracking codes made on the device when its reserved pool is empty. */
  random?: () => number;
}

/** The device side of the sync protocol (DESIGN.md, "Sync protocol"): see SyncEngine for what it offers. */
export function createSyncEngine({
  store,
  transport,
  now = () => new Date(),
  uuid = randomUuid,
  random = secureRandom,
}: EngineOptions): SyncEngine {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  let running: Promise<SyncReport> | undefined;
  let pulling: PullProgress | undefined;

  async function reference() {
    const [items, units] = await Promise.all([store.rows('reference_items'), store.rows('geo_units')]);
    return {
      sensitiveCategories: sensitiveCategoryCodes(items),
      villageNames: new Map(units.map((u) => [u.id, String(u.name)])),
    };
  }

  async function cases(): Promise<LocalComplaint[]> {
    const [rows, outbox, acknowledged, provisional, ref] = await Promise.all([
      store.rows('complaints'),
      store.outbox(),
      store.meta<Record<string, LocalComplaint>>(META.acknowledged),
      store.meta<string[]>(META.provisional),
      reference(),
    ]);
    return viewCases({
      cases: rows,
      outbox,
      acknowledged: acknowledged ?? {},
      provisional: new Set(provisional),
      ...ref,
    });
  }

  async function enqueue(mutation: Omit<Mutation, 'id' | 'clientTime'>, files: string[] = []) {
    const entry: OutboxEntry = {
      mutation: { id: uuid(), clientTime: now().toISOString(), ...mutation },
      files,
      state: 'pending',
      attempts: 0,
    };
    await store.enqueue(entry);
    return entry;
  }

  /** A reserved code when there is one left; otherwise one made here, which the server keeps if free. */
  async function takeCode(caseId: string): Promise<string> {
    const codes = (await store.meta<string[]>(META.codes)) ?? [];
    const [code, ...rest] = codes;
    if (code !== undefined) {
      await store.setMeta(META.codes, rest);
      return code;
    }
    const provisional = (await store.meta<string[]>(META.provisional)) ?? [];
    await store.setMeta(META.provisional, [...provisional, caseId]);
    return generateTrackingCode(random);
  }

  return {
    complaints: cases,
    complaint: async (id) => (await cases()).find((c) => c.id === id),

    async events(complaintId) {
      const [rows, outbox, server] = await Promise.all([
        store.rows('complaint_events'),
        store.outbox(),
        store.row('complaints', complaintId),
      ]);
      const mine = rows.filter((e) => e.complaintId === complaintId);
      const local = pendingEvents(outbox, complaintId, server?.status as string | undefined);
      return [...mine, ...local].sort((a, b) => String(a.at).localeCompare(String(b.at)));
    },

    async attachments(complaintId) {
      const [rows, outbox] = await Promise.all([store.rows('attachments'), store.outbox()]);
      const files = new Map((await store.files()).map((f) => [f.id, f]));
      const local = pendingAttachments(outbox, complaintId).map((row) => {
        const file = files.get(row.id);
        return { ...row, filename: file?.name, mimeType: file?.type, sizeBytes: file?.size };
      });
      return [...rows.filter((a) => a.complaintId === complaintId), ...local];
    },

    reference: () => store.rows('reference_items'),
    geoUnits: () => store.rows('geo_units'),

    async createComplaint(input, files: NewLocalFile[] = []) {
      const id = uuid();
      // Checked before a reserved code is spent on it.
      complaintCreatePayloadSchema.parse({ ...input, id });
      const parsed = complaintCreatePayloadSchema.parse({ ...input, id, trackingCode: await takeCode(id) });
      const entry = await enqueue({ type: 'complaint.create', payload: parsed });
      for (const f of files) {
        const file: LocalFile = { id: uuid(), name: f.name, type: f.type, size: f.blob.size, uploaded: 0 };
        await store.putFile(file, f.blob);
        await enqueue(
          { type: 'attachment.add', payload: { complaintId: id, uploadId: '', purpose: 'evidence' } },
          [file.id],
        );
      }
      notify();
      const provisional = new Set(await store.meta<string[]>(META.provisional));
      return caseFromCreate(parsed as ComplaintCreatePayload, entry.mutation.clientTime, {
        ...(await reference()),
        provisional,
      });
    },

    async act(complaintId: string, action: ComplaintAction) {
      const server = await store.row('complaints', complaintId);
      const baseVersion = typeof server?.version === 'number' ? server.version : undefined;
      await enqueue({
        type: 'complaint.act',
        payload: { complaintId, action },
        ...(baseVersion !== undefined ? { baseVersion } : {}),
      });
      notify();
    },

    async discard(mutationId) {
      const entry = (await store.outbox()).find((e) => e.mutation.id === mutationId);
      if (!entry || entry.state === 'pending') return;
      await store.removeEntries([mutationId]);
      const provisional = (await store.meta<string[]>(META.provisional)) ?? [];
      const caseId = caseIdOf(entry);
      if (caseId && provisional.includes(caseId))
        await store.setMeta(
          META.provisional,
          provisional.filter((id) => id !== caseId),
        );
      notify();
    },

    sync() {
      running ??= runPass({
        store,
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

function secureRandom(): number {
  const a = new Uint32Array(1);
  globalThis.crypto.getRandomValues(a);
  return a[0]! / 2 ** 32;
}

/** RFC 4122 version 4; crypto.randomUUID is missing on pages not served over HTTPS. */
function randomUuid(): string {
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
