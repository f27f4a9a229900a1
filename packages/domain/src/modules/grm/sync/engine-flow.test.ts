import { describe, expect, it } from 'vitest';
import { TransportError } from '../../../platform/sync/device.js';
import { createFakeServer, SENSITIVE_CATEGORY } from '../../../platform/sync/fake-server.js';
import { createMemoryStore } from '../../../platform/sync/memory-store.js';
import type { SyncEngine } from './device.js';
import { createSyncEngine } from './device.js';

type Input = Parameters<SyncEngine['createComplaint']>[0];
const input = (category = 'works'): Input =>
  ({
    type: 'complaint',
    category,
    channel: 'in_person',
    description: 'La pompe du forage est en panne.',
    villageId: '7d0c2a7e-9d7b-4c61-9a43-2f7a1f0c0001',
    ongoing: false,
    recurring: false,
    complainant: { anonymous: true, kind: 'individual', vulnerabilities: [], notifyConsent: false },
  }) as unknown as Input;
const photo = () => [{ blob: new Blob(['0123456789']), name: 'p.jpg', type: 'image/jpeg' }];

async function setup() {
  const server = createFakeServer();
  const store = createMemoryStore();
  const engine = createSyncEngine({ store, transport: server.transport });
  expect((await engine.sync()).ok).toBe(true); // reference lists and reserved codes
  return { server, store, engine };
}

describe('sync engine against a fake server', () => {
  it('holds back only the case whose file did not upload, keeps the progress, and sends it in order later', async () => {
    const { server, engine } = await setup();
    const a = await engine.createComplaint(input(), photo());
    await engine.act(a.id, { action: 'acknowledge' });
    const b = await engine.createComplaint(input());
    server.fail('upload', new TransportError('server', 'Bad gateway', 'http_502'));

    const report = await engine.sync();
    expect(report).toMatchObject({ ok: false, error: { kind: 'server', code: 'http_502' } });
    expect([...server.cases.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(server.cases.get(a.id)!.status).toBe('received');
    const waiting = await engine.status();
    expect(waiting.pendingMutations).toBe(2);
    expect(waiting).toMatchObject({ pendingFiles: 1, uploadedBytes: 5, totalBytes: 10 });
    expect((await engine.complaint(a.id))?.status).toBe('acknowledged');

    expect((await engine.sync()).ok).toBe(true);
    expect(server.batches.at(-2)!.map((m) => m.type)).toEqual(['attachment.add']);
    expect(server.batches.at(-1)!.map((m) => m.type)).toEqual(['complaint.act']);
    expect(server.attachments).toHaveLength(1);
    expect(server.cases.get(a.id)!.status).toBe('acknowledged');
    expect(await engine.status()).toMatchObject({ pendingMutations: 0, pendingFiles: 0 });
  });

  it('keeps the actions on a case whose creation must be retried behind it', async () => {
    const { server, engine } = await setup();
    const a = await engine.createComplaint(input());
    await engine.act(a.id, { action: 'acknowledge' });
    const push = server.transport.push;
    let first = true;
    server.transport.push = async (ms) => {
      if (!first) return push(ms);
      first = false;
      return { results: ms.map((m) => ({ id: m.id, status: 'rejected', code: 'service_unavailable' })) };
    };
    expect((await engine.sync()).ok).toBe(true);
    expect(server.batches).toHaveLength(0);
    expect((await engine.status()).pendingMutations).toBe(2);
    await engine.sync();
    expect(server.batches.map((b) => b.map((m) => m.type))).toEqual([
      ['complaint.create'],
      ['complaint.act'],
    ]);
    expect(server.cases.get(a.id)!.status).toBe('acknowledged');
  });

  it('refuses for good a file the server will never take, and still files the case', async () => {
    const { server, engine } = await setup();
    const a = await engine.createComplaint(input(), photo());
    server.fail('upload', new TransportError('server', 'Type de fichier refusé.', 'unsupported_media_type'));
    expect((await engine.sync()).ok).toBe(true);
    expect(server.cases.has(a.id)).toBe(true);
    const { failed, pendingMutations } = await engine.status();
    expect(pendingMutations).toBe(0);
    expect(failed.map((f) => [f.mutation.type, f.state, f.result?.code])).toEqual([
      ['attachment.add', 'rejected', 'unsupported_media_type'],
    ]);
  });

  it('sends at most 20 mutations per request, in the order they were made', async () => {
    const { server, engine } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) ids.push((await engine.createComplaint(input())).id);
    const before = server.batches.length;
    expect((await engine.sync()).pushed).toBe(45);
    const batches = server.batches.slice(before);
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(batches.flat().map((m) => (m.payload as { id: string }).id)).toEqual(ids);
  });

  it('shares one running pass between concurrent calls', async () => {
    const { server, engine } = await setup();
    await engine.createComplaint(input());
    const [x, y] = [engine.sync(), engine.sync()];
    expect(x).toBe(y);
    await x;
    expect(server.batches).toHaveLength(1);
  });

  it('turns a stale action into a conflict showing the server version, and lets the user drop it', async () => {
    const { server, engine } = await setup();
    const a = await engine.createComplaint(input());
    await engine.sync();
    await engine.act(a.id, { action: 'acknowledge' });
    expect(server.officerAct(a.id, { action: 'reject_ineligible', reason: 'Hors projet.' })).toBe(true);
    await engine.sync();
    const { failed } = await engine.status();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ state: 'conflict', result: { status: 'conflict' } });
    expect(failed[0]!.result!.current).toMatchObject({ id: a.id, version: 2 });
    expect((await engine.complaint(a.id))?.status).toBe(server.cases.get(a.id)!.status);
    await engine.discard(failed[0]!.mutation.id);
    expect((await engine.status()).failed).toEqual([]);
  });

  it('keeps a filed case on screen until the pull brings it, and lets a sensitive one go', async () => {
    const { server, engine } = await setup();
    const open = await engine.createComplaint(input());
    const hidden = await engine.createComplaint(input(SENSITIVE_CATEGORY));
    expect((await engine.complaint(hidden.id))?.sensitive).toBe(true);
    server.fail('pull', 'offline');
    expect((await engine.sync()).error?.kind).toBe('offline');
    // Acknowledged but not yet pulled: no gap on screen, with the server's tracking code and reference.
    expect(await engine.complaint(open.id)).toMatchObject({ pending: false, reference: 'REF-1' });
    expect(await engine.complaint(hidden.id)).toBeUndefined();
    await engine.sync();
    expect(await engine.complaint(open.id)).toMatchObject({
      changeSeq: server.cases.get(open.id)!.changeSeq,
    });
    expect((await engine.complaints()).map((c) => c.id)).toEqual([open.id]);
  });

  it('never files a case twice when the answer to a push is lost', async () => {
    const { server, engine } = await setup();
    const a = await engine.createComplaint(input(), photo());
    server.fail('push', 'lose');
    expect((await engine.sync()).error?.kind).toBe('offline');
    expect((await engine.status()).pendingMutations).toBe(2);
    expect((await engine.sync()).ok).toBe(true);
    expect(server.created.get(a.id)).toBe(1);
    expect(server.attachments).toHaveLength(1);
    expect((await engine.status()).pendingMutations).toBe(0);
  });

  it('marks a code made on the device as provisional until the server settles it', async () => {
    const server = createFakeServer();
    const engine = createSyncEngine({ store: createMemoryStore(), transport: server.transport });
    const made = await engine.createComplaint(input());
    expect(made.provisionalCode).toBe(true);
    expect((await engine.complaint(made.id))?.provisionalCode).toBe(true);
    await engine.sync();
    expect((await engine.complaint(made.id))?.provisionalCode).toBeUndefined();
    const next = await engine.createComplaint(input());
    expect(next.provisionalCode).toBeUndefined();
    expect(next.trackingCode).toMatch(/^RSV/);
  });
});
