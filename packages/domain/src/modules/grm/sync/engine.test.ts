import { describe, expect, it, vi } from 'vitest';
import { type LocalFile, type Transport, TransportError } from '../../../platform/sync/device.js';
import { deviceSchema } from '../../../platform/sync/entities.js';
import { createMemoryStore } from '../../../platform/sync/memory-store.js';
import type { Mutation, MutationResult, PullResponse } from '../../../platform/sync/protocol.js';
import { createAutoSync } from '../../../platform/sync/scheduler.js';
import type { SyncEngine } from './device.js';
import { createSyncEngine, GRM_DEVICE_ENTITIES } from './device.js';

const VILLAGE = '7d0c2a7e-9d7b-4c61-9a43-2f7a1f0c0001';
const input = {
  type: 'complaint',
  category: 'works',
  channel: 'in_person',
  description: 'La pompe du forage est en panne.',
  villageId: VILLAGE,
  ongoing: false,
  recurring: false,
  complainant: { anonymous: true, kind: 'individual', vulnerabilities: [], notifyConsent: false },
} as unknown as Parameters<SyncEngine['createComplaint']>[0];

const emptyPage: PullResponse = { reset: false, changes: {}, removed: {}, cursor: 'c1', hasMore: false };

/** A transport that applies every mutation, remembers what it saw, and can fail on demand. */
function fakeTransport(overrides: Partial<Transport> = {}) {
  const pushed: Mutation[][] = [];
  const uploads: LocalFile[] = [];
  let version = 0;
  const transport: Transport = {
    pull: vi.fn(async () => emptyPage),
    push: vi.fn(async (mutations: Mutation[]) => {
      pushed.push(mutations);
      const results: MutationResult[] = mutations.map((m) => ({
        id: m.id,
        status: 'applied',
        result: { version: ++version, trackingCode: 'SERVERCODE' },
      }));
      return { results };
    }),
    reserveCodes: vi.fn(async (n: number) => Array.from({ length: n }, (_, i) => `CODE${i}`)),
    upload: vi.fn(async (file: LocalFile) => {
      uploads.push(file);
      return `up-${file.id}`;
    }),
    ...overrides,
  };
  return { transport, pushed, uploads };
}

describe('sync engine', () => {
  it('shows an offline complaint at once, then pushes it before its file, each case once per batch', async () => {
    const store = createMemoryStore();
    const { transport, pushed, uploads } = fakeTransport();
    const engine = createSyncEngine({ store, transport });
    const blob = new Blob(['photo']);
    const made = await engine.createComplaint(input, [{ blob, name: 'p.jpg', type: 'image/jpeg' }]);
    expect(made.trackingCode).toMatch(/^[2-9A-Z]{9}$/);
    expect((await engine.complaints()).map((c) => c.id)).toEqual([made.id]);
    expect((await engine.status()).pendingMutations).toBe(2);

    const report = await engine.sync();
    expect(report).toMatchObject({ ok: true, pushed: 2, uploaded: 1 });
    expect(uploads).toHaveLength(1);
    // The creation and the attachment of the same case go in two successive batches, in order.
    expect(pushed.map((b) => b.map((m) => m.type))).toEqual([['complaint.create'], ['attachment.add']]);
    expect(pushed[1]![0]!.payload).toMatchObject({ complaintId: made.id, uploadId: `up-${uploads[0]!.id}` });
    expect((await engine.status()).pendingMutations).toBe(0);
    // Codes were refilled for the next complaints recorded offline.
    expect((await engine.status()).reservedCodes).toBe(50);
  });

  it('rebases a chain of offline actions on the version the server answered', async () => {
    const store = createMemoryStore();
    const { transport, pushed } = fakeTransport();
    await store.applyPull(
      {
        ...emptyPage,
        changes: {
          complaints: [{ id: 'c1', changeSeq: 1, status: 'received', version: 4, trackingCode: 'X' }],
        },
      },
      deviceSchema(GRM_DEVICE_ENTITIES),
    );
    const engine = createSyncEngine({ store, transport });
    await engine.act('c1', { action: 'acknowledge' });
    await engine.act('c1', { action: 'start' });
    expect((await engine.complaint('c1'))?.status).toBe('in_progress');
    await engine.sync();
    expect(pushed.map((b) => b.map((m) => m.baseVersion))).toEqual([[4], [1]]);
  });

  it('keeps the outbox when the server wants a new login, and wipes the phone when the account is disabled', async () => {
    const store = createMemoryStore();
    const fail = (kind: 'auth' | 'revoked') => async () => {
      throw new TransportError(kind, kind);
    };
    const auth = createSyncEngine({ store, transport: fakeTransport({ push: fail('auth') }).transport });
    await auth.createComplaint(input);
    expect((await auth.sync()).error?.kind).toBe('auth');
    expect((await auth.status()).pendingMutations).toBe(1);

    const revoked = createSyncEngine({
      store,
      transport: fakeTransport({ push: fail('revoked') }).transport,
    });
    expect((await revoked.sync()).error?.kind).toBe('revoked');
    expect(await store.outbox()).toEqual([]);
    expect(await revoked.complaints()).toEqual([]);
  });

  it('marks refused entries for the user and retries the retryable ones', async () => {
    const store = createMemoryStore();
    let code = 'upload_incomplete';
    const { transport } = fakeTransport({
      push: async (ms) => ({
        results: ms.map((m) => ({ id: m.id, status: 'rejected' as const, code, message: code })),
      }),
    });
    const engine = createSyncEngine({ store, transport });
    await engine.createComplaint(input);
    await engine.sync();
    expect((await engine.status()).pendingMutations).toBe(1);
    code = 'validation_error';
    await engine.sync();
    const status = await engine.status();
    expect(status.pendingMutations).toBe(0);
    expect(status.failed.map((f) => f.result?.code)).toEqual(['validation_error']);
    await engine.discard(status.failed[0]!.mutation.id);
    expect((await engine.status()).failed).toEqual([]);
  });

  it('never loses an entry when the answer to a push is lost', async () => {
    const store = createMemoryStore();
    const seen = new Set<string>();
    let lose = true;
    const { transport } = fakeTransport({
      push: async (ms) => {
        const results = ms.map((m) => ({
          id: m.id,
          status: seen.has(m.id) ? ('duplicate' as const) : ('applied' as const),
        }));
        for (const m of ms) seen.add(m.id);
        if (lose) {
          lose = false;
          throw new TransportError('offline', 'Pas de connexion');
        }
        return { results };
      },
    });
    const engine = createSyncEngine({ store, transport });
    await engine.createComplaint(input);
    expect((await engine.sync()).ok).toBe(false);
    expect((await engine.status()).lastError).toBe('Pas de connexion');
    expect((await engine.status()).pendingMutations).toBe(1);
    expect((await engine.sync()).ok).toBe(true);
    expect((await engine.status()).pendingMutations).toBe(0);
    expect(seen.size).toBe(1);
  });
});

describe('auto-sync', () => {
  it('backs off after failures, resets on success, and waits for a trigger after an auth error', async () => {
    vi.useFakeTimers();
    try {
      const outcomes = ['offline', 'offline', 'ok', 'auth'];
      const sync = vi.fn(async () => {
        const next = outcomes.shift() ?? 'ok';
        return next === 'ok'
          ? { ok: true, pushed: 0, pulled: 0, uploaded: 0 }
          : { ok: false, pushed: 0, pulled: 0, uploaded: 0, error: { kind: next as 'auth', message: next } };
      });
      const auto = createAutoSync({ sync } as unknown as SyncEngine, {
        intervalMs: 60_000,
        backoffMs: 1_000,
        random: () => 0.999,
        setTimeout,
        clearTimeout,
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(sync).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sync).toHaveBeenCalledTimes(2); // ~1 s after the first failure
      await vi.advanceTimersByTimeAsync(2_000);
      expect(sync).toHaveBeenCalledTimes(3); // ~2 s after the second
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sync).toHaveBeenCalledTimes(4); // the interval after a success; this one asks for a login
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(sync).toHaveBeenCalledTimes(4);
      auto.trigger();
      await vi.advanceTimersByTimeAsync(0);
      expect(sync).toHaveBeenCalledTimes(5);
      auto.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
