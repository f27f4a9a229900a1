import 'fake-indexeddb/auto';
import {
  deviceSchema,
  GRM_DEVICE_ENTITIES,
  type LocalFile,
  type OutboxEntry,
  type PullResponse,
  type SyncRow,
  TEST_NOTE_COMMENTS,
  TEST_NOTES,
  testNoteEntity,
} from '@coso/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteIdbStore, type IdbStore, idbStoreName, openIdbStore } from './idb-store';

const SCHEMA = deviceSchema(GRM_DEVICE_ENTITIES);
const opened: IdbStore[] = [];
async function store(userId = crypto.randomUUID()) {
  const s = await openIdbStore(userId, SCHEMA);
  opened.push(s);
  return s;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const row = (id: string, extra: Record<string, unknown> = {}): SyncRow => ({ id, changeSeq: 1, ...extra });
const page = (p: Partial<PullResponse>): PullResponse => ({
  reset: false,
  changes: {},
  removed: {},
  cursor: 'c1',
  hasMore: false,
  ...p,
});
const entry = (files: string[] = []): OutboxEntry => ({
  mutation: {
    id: crypto.randomUUID(),
    type: 'complaint.act',
    payload: {},
    clientTime: new Date().toISOString(),
  },
  files,
  state: 'pending',
  attempts: 0,
});
const file = (id: string, extra: Partial<LocalFile> = {}): LocalFile => ({
  id,
  name: `${id}.jpg`,
  type: 'image/jpeg',
  size: 3,
  uploaded: 0,
  ...extra,
});
const ids = (rows: SyncRow[]) => rows.map((r) => r.id).sort();

describe('openIdbStore: pull', () => {
  it('stores rows and the cursor, and a reset empties every synced table but not the outbox', async () => {
    const s = await store();
    await s.applyPull(page({ changes: { complaints: [row('a'), row('b')], geo_units: [row('g')] } }));
    const queued = entry();
    await s.enqueue(queued);
    expect(ids(await s.rows('complaints'))).toEqual(['a', 'b']);
    expect(await s.cursor()).toBe('c1');

    await s.applyPull(page({ reset: true, changes: { complaints: [row('c')] }, cursor: 'c2' }));
    expect(ids(await s.rows('complaints'))).toEqual(['c']);
    expect(await s.rows('geo_units')).toEqual([]);
    expect(await s.cursor()).toBe('c2');
    expect((await s.outbox()).map((e) => e.mutation.id)).toEqual([queued.mutation.id]);
  });

  it('drops a removed case with its events and attachments, and only those', async () => {
    const s = await store();
    await s.applyPull(
      page({
        changes: {
          complaints: [row('k1'), row('k2')],
          complaint_events: [row('e1', { complaintId: 'k1' }), row('e2', { complaintId: 'k2' })],
          attachments: [row('a1', { complaintId: 'k1' }), row('a2', { complaintId: 'k2' })],
        },
      }),
    );
    await s.applyPull(page({ removed: { complaints: ['k1'], attachments: ['a2'] }, cursor: 'c2' }));
    expect(ids(await s.rows('complaints'))).toEqual(['k2']);
    expect(ids(await s.rows('complaint_events'))).toEqual(['e2']);
    expect(await s.rows('attachments')).toEqual([]);
    expect(await s.row('complaints', 'k2')).toEqual(row('k2'));
  });

  it('applies a page all or nothing: a bad row leaves the tables and the cursor as they were', async () => {
    const s = await store();
    await s.applyPull(page({ changes: { complaints: [row('a')] } }));
    const broken = { changeSeq: 2 } as unknown as SyncRow;
    await expect(
      s.applyPull(
        page({ reset: true, changes: { complaints: [row('b'), broken] }, removed: {}, cursor: 'c9' }),
      ),
    ).rejects.toThrow();
    expect(ids(await s.rows('complaints'))).toEqual(['a']);
    expect(await s.cursor()).toBe('c1');
  });

  it('skips a table this app version does not know', async () => {
    const s = await store();
    const changes = { complaints: [row('a')], future_table: [row('x')] } as PullResponse['changes'];
    await s.applyPull(page({ changes }));
    expect(ids(await s.rows('complaints'))).toEqual(['a']);
  });
});

describe('openIdbStore: outbox and files', () => {
  it('keeps the order mutations were made, across reopening, and updates in place', async () => {
    const userId = crypto.randomUUID();
    const s = await store(userId);
    const queued = Array.from({ length: 12 }, () => entry());
    for (const e of queued) await s.enqueue(e);
    await s.updateEntry({ ...queued[3]!, attempts: 2, lastError: 'offline' });
    s.close();

    const again = await store(userId);
    const outbox = await again.outbox();
    expect(outbox.map((e) => e.mutation.id)).toEqual(queued.map((e) => e.mutation.id));
    expect(outbox[3]).toMatchObject({ attempts: 2, lastError: 'offline' });
  });

  it('does not bring back an entry removed before its update', async () => {
    const s = await store();
    const e = entry();
    await s.enqueue(e);
    await s.removeEntries([e.mutation.id]);
    await s.updateEntry({ ...e, attempts: 1 });
    expect(await s.outbox()).toEqual([]);
  });

  it('refuses the same mutation id twice', async () => {
    const s = await store();
    const e = entry();
    await s.enqueue(e);
    await expect(s.enqueue(e)).rejects.toThrow();
    expect(await s.outbox()).toHaveLength(1);
  });

  it('removes acknowledged entries and the files only they needed', async () => {
    const s = await store();
    await s.putFile(file('f1'), new Blob(['one'], { type: 'image/jpeg' }));
    await s.putFile(file('f2'), new Blob(['two'], { type: 'image/jpeg' }));
    const [a, b, c] = [entry(['f1']), entry(['f2']), entry(['f2'])];
    for (const e of [a, b, c]) await s.enqueue(e);

    await s.removeEntries([a!.mutation.id, b!.mutation.id]);
    expect((await s.outbox()).map((e) => e.mutation.id)).toEqual([c!.mutation.id]);
    expect((await s.files()).map((f) => f.id)).toEqual(['f2']);
    expect(await s.fileBlob('f1')).toBeUndefined();
    expect(await (await s.fileBlob('f2'))!.text()).toBe('two');
  });

  it('keeps the bytes and a saved upload URL when the file record is updated without them', async () => {
    const s = await store();
    await s.putFile(file('f'), new Blob(['abc']));
    await s.saveUploadUrl('f', 'https://x/api/v1/uploads/u1');
    await s.putFile(file('f', { uploaded: 2 }));
    expect(await s.files()).toEqual([file('f', { uploaded: 2, uploadUrl: 'https://x/api/v1/uploads/u1' })]);
    expect(await (await s.fileBlob('f'))!.text()).toBe('abc');
    await s.saveUploadUrl('missing', 'https://x/u');
    expect(await s.files()).toHaveLength(1);
  });
});

describe('openIdbStore: schema', () => {
  it('adds the stores a newer release needs to a database made by an older one', async () => {
    const userId = crypto.randomUUID();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(idbStoreName(userId), 1);
      request.onupgradeneeded = () => request.result.createObjectStore('complaints', { keyPath: 'id' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const s = await store(userId);
    await s.applyPull(
      page({ changes: { complaints: [row('k')], attachments: [row('a', { complaintId: 'k' })] } }),
    );
    await s.applyPull(page({ removed: { complaints: ['k'] } }));
    expect(await s.rows('attachments')).toEqual([]);
  });
});

describe('openIdbStore: the entity registry', () => {
  it('keeps what a phone made before the registry holds, without an upgrade', async () => {
    const userId = crypto.randomUUID();
    // The database as the release before the registry made it: version 1, same stores and index.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(idbStoreName(userId), 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        for (const t of ['reference_items', 'geo_units', 'complaints'])
          db.createObjectStore(t, { keyPath: 'id' });
        for (const t of ['complaint_events', 'attachments'])
          db.createObjectStore(t, { keyPath: 'id' }).createIndex('complaintId', 'complaintId');
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('id', 'id', {
          unique: true,
        });
        db.createObjectStore('files', { keyPath: 'id' });
        db.createObjectStore('blobs');
        db.createObjectStore('meta');
        request.transaction!.objectStore('complaints').put(row('k'));
        request.transaction!.objectStore('complaint_events').put(row('e', { complaintId: 'k' }));
        request.transaction!.objectStore('outbox').add({ id: 'm1', entry: entry() });
        request.transaction!.objectStore('meta').put('c9', 'sync.cursor');
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const s = await store(userId);
    expect(await s.rows('complaints')).toEqual([row('k')]);
    expect(await s.rows('complaint_events', { complaintId: 'k' })).toEqual([row('e', { complaintId: 'k' })]);
    expect(await s.outbox()).toHaveLength(1);
    expect(await s.cursor()).toBe('c9');
    s.close();
    const version = await new Promise<number>((resolve) => {
      const request = indexedDB.open(idbStoreName(userId));
      request.onsuccess = () => {
        resolve(request.result.version);
        request.result.close();
      };
    });
    expect(version).toBe(1);
  });

  it('adds the tables of a new entity to an existing database, keeping its data', async () => {
    const userId = crypto.randomUUID();
    const before = await store(userId);
    await before.applyPull(page({ changes: { complaints: [row('k')] } }));
    before.close();
    const schema = deviceSchema([...GRM_DEVICE_ENTITIES, testNoteEntity]);
    const s = await openIdbStore(userId, schema);
    opened.push(s);
    expect(await s.rows('complaints')).toEqual([row('k')]);
    await s.applyPull(
      page({
        changes: {
          [TEST_NOTES]: [row('n')],
          [TEST_NOTE_COMMENTS]: [row('x', { noteId: 'n' }), row('y', { noteId: 'other' })],
        },
      }),
    );
    expect((await s.rows(TEST_NOTE_COMMENTS, { noteId: 'n' })).map((r) => r.id)).toEqual(['x']);
    await s.applyPull(page({ removed: { [TEST_NOTES]: ['n'] } }));
    expect((await s.rows(TEST_NOTE_COMMENTS)).map((r) => r.id)).toEqual(['y']);
  });
});

describe('openIdbStore: meta, wipe, isolation', () => {
  it('keeps one database per user and wipes everything of one user only', async () => {
    const [alice, bob] = [await store(), await store()];
    for (const s of [alice, bob]) {
      await s.applyPull(page({ changes: { complaints: [row('k')] } }));
      await s.enqueue(entry(['f']));
      await s.putFile(file('f'), new Blob(['x']));
      await s.setMeta('codes', ['AAA']);
    }
    expect(await alice.meta('codes')).toEqual(['AAA']);
    await alice.wipe();
    expect(await alice.rows('complaints')).toEqual([]);
    expect(await alice.outbox()).toEqual([]);
    expect(await alice.files()).toEqual([]);
    expect(await alice.fileBlob('f')).toBeUndefined();
    expect(await alice.meta('codes')).toBeUndefined();
    expect(await alice.cursor()).toBeUndefined();
    expect(await bob.rows('complaints')).toHaveLength(1);
    expect(await bob.outbox()).toHaveLength(1);
  });

  it('deletes a user database even while it is open', async () => {
    const userId = crypto.randomUUID();
    const s = await store(userId);
    await s.setMeta('x', 1);
    await deleteIdbStore(userId);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(idbStoreName(userId));
    const fresh = await store(userId);
    expect(await fresh.meta('x')).toBeUndefined();
  });
});
