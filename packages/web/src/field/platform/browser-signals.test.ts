import { describe, expect, it } from 'vitest';
import { listenForSyncSignals, type SignalSources } from './browser-signals';

function fakeBrowser() {
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
  const navigator = { onLine: true };
  const sources = { window, document, navigator } as unknown as SignalSources;
  const calls: string[] = [];
  const stop = listenForSyncSignals(
    { wake: () => calls.push('wake'), sleep: () => calls.push('sleep') },
    sources,
  );
  const show = (persisted: boolean) =>
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted }));
  return { window, document, navigator, calls, stop, show };
}

describe('listenForSyncSignals', () => {
  it('wakes the scheduler when the connection returns and sleeps it when it goes', () => {
    const b = fakeBrowser();
    b.window.dispatchEvent(new Event('offline'));
    b.window.dispatchEvent(new Event('online'));
    expect(b.calls).toEqual(['sleep', 'wake']);
  });

  it('wakes it when the app comes back to the foreground or out of the page cache, if online', () => {
    const b = fakeBrowser();
    b.document.dispatchEvent(new Event('visibilitychange'));
    b.document.visibilityState = 'visible';
    b.document.dispatchEvent(new Event('visibilitychange'));
    b.show(false);
    b.show(true);
    b.navigator.onLine = false;
    b.document.dispatchEvent(new Event('visibilitychange'));
    b.show(true);
    expect(b.calls).toEqual(['wake', 'wake']);
  });

  it('stops listening', () => {
    const b = fakeBrowser();
    b.stop();
    b.window.dispatchEvent(new Event('online'));
    b.window.dispatchEvent(new Event('offline'));
    expect(b.calls).toEqual([]);
  });
});
