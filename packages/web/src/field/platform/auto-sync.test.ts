import type { SyncEngine, SyncReport } from '@coso/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBrowserAutoSync } from './auto-sync';
import type { SignalSources } from './browser-signals';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(report: SyncReport = { ok: true, pushed: 0, pulled: 0, uploaded: 0 }) {
  let passes = 0;
  const engine = {
    sync: async () => {
      passes++;
      return report;
    },
  } as unknown as SyncEngine;
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const sources = { window, document, navigator: { onLine: true } } as unknown as SignalSources;
  const stop = startBrowserAutoSync(engine, { intervalMs: 60_000, sources });
  return { passes: () => passes, window, stop };
}

describe('startBrowserAutoSync', () => {
  it('syncs at once, then at every interval', async () => {
    const s = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.passes()).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.passes()).toBe(2);
    s.stop();
  });

  it('syncs as soon as the connection returns, without waiting for a backoff', async () => {
    const s = setup({
      ok: false,
      pushed: 0,
      pulled: 0,
      uploaded: 0,
      error: { kind: 'offline', message: 'x' },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.passes()).toBe(1);
    s.window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.passes()).toBe(2);
    s.stop();
  });

  it('stops its timers and its listeners', async () => {
    const s = setup();
    await vi.advanceTimersByTimeAsync(0);
    s.stop();
    s.window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(s.passes()).toBe(1);
  });
});
