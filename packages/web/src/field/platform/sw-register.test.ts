import { describe, expect, it } from 'vitest';
import { type PendingUpdate, registerServiceWorker, SKIP_WAITING } from './sw-register';

class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  constructor(public state: string) {
    super();
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  become(state: string) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  waiting: FakeWorker | null = null;
  installing: FakeWorker | null = null;
  update = async () => undefined;
  startInstall(worker: FakeWorker) {
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
  }
}

class FakeContainer extends EventTarget {
  registration = new FakeRegistration();
  registered: unknown[] = [];
  constructor(public controller: FakeWorker | null) {
    super();
  }
  async getRegistration() {
    return this.registered.length > 0 || this.registration.waiting ? this.registration : undefined;
  }
  async register(url: string, options: unknown) {
    this.registered.push([url, options]);
    return this.registration;
  }
  takeOver(worker: FakeWorker) {
    this.controller = worker;
    this.dispatchEvent(new Event('controllerchange'));
  }
}

function setup(controller: FakeWorker | null, busy: () => boolean = () => false) {
  const container = new FakeContainer(controller);
  const updates: PendingUpdate[] = [];
  let reloads = 0;
  const register = () =>
    registerServiceWorker((u) => updates.push(u), {
      container: container as unknown as ServiceWorkerContainer,
      reload: () => reloads++,
      isBusy: busy,
      busyPollMs: 5,
    });
  return { container, updates, register, reloads: () => reloads };
}

describe('registerServiceWorker', () => {
  it('registers /terrain/sw.js for /terrain/ and takes over a first page without reloading it', async () => {
    const s = setup(null);
    await s.register();
    expect(s.container.registered).toEqual([
      ['/terrain/sw.js', { scope: '/terrain/', updateViaCache: 'none' }],
    ]);
    const first = new FakeWorker('installing');
    s.container.registration.startInstall(first);
    first.become('installed');
    expect(s.updates).toEqual([]);
    s.container.takeOver(first);
    expect(s.reloads()).toBe(0);
  });

  it('offers an update installed while the app runs, and applies it only when asked', async () => {
    const s = setup(new FakeWorker('activated'));
    await s.register();
    const next = new FakeWorker('installing');
    s.container.registration.startInstall(next);
    next.become('installed');
    expect(s.updates).toHaveLength(1);
    expect(next.messages).toEqual([]);

    await s.updates[0]!.apply();
    expect(next.messages).toEqual([SKIP_WAITING]);
    s.container.takeOver(next);
    s.container.takeOver(next);
    expect(s.reloads()).toBe(1);
  });

  it('never activates while a sync runs', async () => {
    let syncing = true;
    const s = setup(new FakeWorker('activated'), () => syncing);
    await s.register();
    const next = new FakeWorker('installing');
    s.container.registration.startInstall(next);
    next.become('installed');
    const applied = s.updates[0]!.apply();
    await new Promise((r) => setTimeout(r, 30));
    expect(next.messages).toEqual([]);
    syncing = false;
    await applied;
    expect(next.messages).toEqual([SKIP_WAITING]);
  });

  it('offers (without applying) a version found by the check made at registration', async () => {
    const s = setup(new FakeWorker('activated'));
    const found = new FakeWorker('installing');
    s.container.register = async (url: string, options: unknown) => {
      s.container.registered.push([url, options]);
      s.container.registration.installing = found;
      return s.container.registration;
    };
    await s.register();
    expect(s.updates).toHaveLength(0);
    found.become('installed');
    found.become('installed');
    expect(s.updates).toHaveLength(1);
    expect(found.messages).toEqual([]);
  });

  it('activates a version left waiting by an earlier session when the app starts', async () => {
    const s = setup(new FakeWorker('activated'));
    const waiting = new FakeWorker('installed');
    s.container.registration.waiting = waiting;
    await s.register();
    await new Promise((r) => setTimeout(r, 0));
    expect(waiting.messages).toEqual([SKIP_WAITING]);
    expect(s.updates).toEqual([]);
  });
});
