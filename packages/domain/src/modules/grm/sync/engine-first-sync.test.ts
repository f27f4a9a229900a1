import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PulledPage, type Transport, TransportError } from '../../../platform/sync/device.js';
import type { PullProgress, SyncReport } from '../../../platform/sync/engine-api.js';
import { PULL_NOTIFY_EVERY_MS } from '../../../platform/sync/engine-pull.js';
import { createMemoryStore } from '../../../platform/sync/memory-store.js';
import type { SyncRow } from '../../../platform/sync/protocol.js';
import { createAutoSync } from '../../../platform/sync/scheduler.js';
import type { SyncEngine } from './device.js';
import { createSyncEngine } from './device.js';

/** A first sync as a phone lives it: codes first, progress as pages arrive, and an overloaded server obeyed. */

const caseRow = (i: number): SyncRow => ({ id: `c${i}`, changeSeq: i, status: 'received', version: 1 });

/** A server feed of `pages` pages of 10 cases each, 1000 bytes a page, whose positions run 0 → 100·pages. */
function pagedTransport(pages: number, calls: string[], clock?: { ms: number; perPage: number }) {
  const transport: Transport = {
    async pull(cursor) {
      const n = cursor ? Number(cursor) : 0;
      calls.push(`pull:${n}`);
      if (clock) clock.ms += clock.perPage;
      const page: PulledPage = {
        reset: n === 0,
        changes: { complaints: Array.from({ length: 10 }, (_, i) => caseRow(n * 10 + i + 1)) },
        removed: {},
        cursor: String(n + 1),
        hasMore: n + 1 < pages,
        progress: { done: (n + 1) * 100, end: pages * 100 },
        receivedBytes: 1000,
      };
      return page;
    },
    push: async () => ({ results: [] }),
    async reserveCodes(count) {
      calls.push('codes');
      return Array.from({ length: count }, (_, i) => `CODE${i}`);
    },
    upload: async () => 'up',
  };
  return transport;
}

describe('first sync', () => {
  it('reserves tracking codes before the first page of cases', async () => {
    const calls: string[] = [];
    const engine = createSyncEngine({ store: createMemoryStore(), transport: pagedTransport(3, calls) });
    expect((await engine.sync()).ok).toBe(true);
    expect(calls).toEqual(['codes', 'pull:0', 'pull:1', 'pull:2']);
    expect((await engine.status()).reservedCodes).toBe(50);
  });

  it('still pulls when the server refuses codes to this role, and says so after', async () => {
    const calls: string[] = [];
    const transport = pagedTransport(2, calls);
    transport.reserveCodes = async () => {
      throw new TransportError('server', 'Interdit', 'forbidden');
    };
    const engine = createSyncEngine({ store: createMemoryStore(), transport });
    const report = await engine.sync();
    expect(report).toMatchObject({ ok: false, pulled: 20, error: { code: 'forbidden' } });
    expect(await engine.complaints()).toHaveLength(20);
  });

  it('reports items, bytes, share done and an estimate while pages arrive, then clears it', async () => {
    const calls: string[] = [];
    const clock = { ms: Date.parse('2026-12-07T10:00:00Z'), perPage: 2_000 };
    const seen: PullProgress[] = [];
    let engine: SyncEngine;
    const transport = pagedTransport(4, calls, clock);
    const pull = transport.pull.bind(transport);
    // What the status says when each page is asked for: the pages before it have been counted.
    transport.pull = async (cursor, limit) => {
      const progress = (await engine.status()).pull;
      if (progress) seen.push(progress);
      return pull(cursor, limit);
    };
    engine = createSyncEngine({ store: createMemoryStore(), transport, now: () => new Date(clock.ms) });
    await engine.sync();
    expect(seen.map((p) => [p.pages, p.items, p.bytes, p.fraction, p.remainingMs])).toEqual([
      [1, 10, 1000, 0.25, 6_000], // 2 s for a quarter: 6 s left
      [2, 20, 2000, 0.5, 4_000],
      [3, 30, 3000, 0.75, 2_000],
    ]);
    expect(seen.every((p) => p.full)).toBe(true);
    expect((await engine.status()).pull).toBeUndefined();
  });

  it('tells the screens at most once a second during a long pull, and once at the end', async () => {
    const calls: string[] = [];
    // 10 pages of 300 ms each: 3 s in all.
    const clock = { ms: 0, perPage: 300 };
    const engine = createSyncEngine({
      store: createMemoryStore(),
      transport: pagedTransport(10, calls, clock),
      now: () => new Date(clock.ms),
    });
    let notified = 0;
    engine.subscribe(() => notified++);
    await engine.sync();
    expect(PULL_NOTIFY_EVERY_MS).toBe(1_000);
    // sync() start, 2 during the pull (at ≥ 1 s and ≥ 2 s), the pass's end, and the pass promise settling.
    expect(notified).toBeLessThanOrEqual(6);
    expect(notified).toBeGreaterThanOrEqual(4);
  });
});

describe('auto-sync and Retry-After', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const busy = (retryAfterMs: number): SyncReport => ({
    ok: false,
    pushed: 0,
    pulled: 0,
    uploaded: 0,
    error: { kind: 'server', message: 'Serveur surchargé', code: 'overloaded', retryAfterMs },
  });
  const fine: SyncReport = { ok: true, pushed: 0, pulled: 0, uploaded: 0 };

  it('waits at least what the server asked before the next pass, even when woken meanwhile', async () => {
    vi.useFakeTimers();
    const outcomes = [busy(120_000), fine];
    const sync = vi.fn(async () => outcomes.shift() ?? fine);
    const auto = createAutoSync({ sync } as unknown as SyncEngine, {
      intervalMs: 600_000,
      backoffMs: 1_000,
      random: () => 0,
      setTimeout,
      clearTimeout,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1);
    // The backoff alone would retry after ~0.5 s; the server said two minutes.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sync).toHaveBeenCalledTimes(1);
    // The connection coming back does not override the server's wish.
    auto.trigger();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(sync).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sync).toHaveBeenCalledTimes(2);
    // Once it has passed, a trigger runs at once again.
    auto.trigger();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(3);
    auto.stop();
  });

  it('carries the Retry-After of a failed pass into its report', async () => {
    const transport = pagedTransport(1, []);
    transport.pull = async () => {
      throw new TransportError('server', 'Serveur surchargé', 'overloaded', 30_000);
    };
    const engine = createSyncEngine({ store: createMemoryStore(), transport });
    expect((await engine.sync()).error).toMatchObject({ kind: 'server', retryAfterMs: 30_000 });
  });
});
