import { randomUUID } from 'node:crypto';
import {
  createDeviceEngine,
  createMemoryStore,
  type DeviceEngine,
  type PullResponse,
  type PushResponse,
  TEST_NOTE_COMMENTS,
  TEST_NOTES,
  type Transport,
  TransportError,
  testNoteEntity,
} from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../modules/index.js';
import { createTestApp, makeTree, makeUser } from '../../test/harness.js';
import { NOTE_TABLES_SQL, noteModule } from '../../test/note-module.js';
import { toAuthUser } from '../auth/service.js';
import { findUserById } from '../users/repo.js';
import { deviceToken } from './pull-test-kit.js';

/**
 * Issue #13, Proof: a synced entity of a module outside grm (test/note-module.ts), registered through the
 * module list like any module, travels through the real server (feed, push, removals) and the domain's
 * device engine with its memory store, none of which knows it.
 */

/** The app with the test module after the real ones (the composition root), and the module's tables. */
async function createNoteApp() {
  const t = await createTestApp({}, undefined, [...MODULES, noteModule]);
  await t.db.exec(NOTE_TABLES_SQL);
  return t;
}

let t: Awaited<ReturnType<typeof createNoteApp>>;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createNoteApp();
  tree = await makeTree(t.db);
});
afterAll(() => t?.close());

/** The field app's transport over inject(), with a switch to go offline; no tracking codes (no cases here). */
function device(headers: Record<string, string>) {
  const link = { online: true };
  const call = async <T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> => {
    if (!link.online) throw new TransportError('offline', 'Pas de connexion');
    const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    if (res.statusCode !== 200) throw new TransportError('server', res.body);
    return res.json() as T;
  };
  const transport: Transport = {
    pull: (cursor, limit) =>
      call<PullResponse>('GET', `/api/v1/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
    push: (mutations) => call<PushResponse>('POST', '/api/v1/sync/push', { mutations }),
    reserveCodes: async () => [],
    upload: () => Promise.reject(new Error('no files in this test')),
  };
  const engine: DeviceEngine = createDeviceEngine({
    store: createMemoryStore(),
    transport,
    entities: [testNoteEntity],
  });
  return { engine, link };
}

async function deviceOf(roles: Parameters<typeof makeUser>[1], units: Parameters<typeof makeUser>[2]) {
  const user = await makeUser(t, roles, units);
  return { user, ...device(await deviceToken(t, user.username)) };
}

describe('a synced entity of a test-only module', () => {
  it('is registered next to the grievance tables, in the pull feed and its documented answer', async () => {
    expect(t.services.sync.tables).toEqual(
      expect.arrayContaining(['complaints', TEST_NOTES, TEST_NOTE_COMMENTS]),
    );
    expect(t.services.sync.mutations.types()).toEqual(
      expect.arrayContaining(['complaint.create', 'test_note.create', 'test_note.edit']),
    );
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const pull = spec.paths['/api/v1/sync/pull'].get;
    expect(pull.description).toContain(`${TEST_NOTES} and ${TEST_NOTE_COMMENTS}`);
  });

  it('is created offline, pushed, pulled by a device of its area, never by one outside, and leaves with its area', async () => {
    const village = tree.a.villages[0]!;
    const one = await deviceOf(['facilitator'], [tree.a.canton]);
    const two = await deviceOf(['focal_point'], [tree.a.region]);
    const three = await deviceOf(['focal_point'], [tree.b.region]);
    for (const d of [one, two, three]) expect((await d.engine.sync()).ok).toBe(true);

    // Device 1, offline: the note and a comment are queued, and shown at once.
    one.link.online = false;
    const noteId = randomUUID();
    const commentId = randomUUID();
    await one.engine.enqueue('test_note.create', {
      id: noteId,
      villageId: village.id,
      text: 'Pont à réparer',
    });
    await one.engine.enqueue('test_note.comment', { id: commentId, noteId, text: 'Vu ce matin' });
    expect(await one.engine.rows(TEST_NOTES)).toEqual([
      expect.objectContaining({ id: noteId, pending: true }),
    ]);
    expect((await one.engine.sync()).ok).toBe(false);

    // Back online: pushed, applied on the server, then pulled back as the server's rows.
    one.link.online = true;
    expect((await one.engine.sync()).ok).toBe(true);
    expect((await one.engine.status()).pendingMutations).toBe(0);
    const [stored] = await t.db.query<{ created_by: string; area_path: string }>(
      'select created_by, area_path from test_notes where id = $1',
      [noteId],
    );
    expect(stored).toEqual({ created_by: one.user.id, area_path: village.path });
    expect(await one.engine.rows(TEST_NOTES)).toEqual([
      expect.objectContaining({ id: noteId, villageId: village.id, text: 'Pont à réparer', version: 1 }),
    ]);
    expect((await one.engine.rows(TEST_NOTES))[0]).not.toHaveProperty('pending');

    // Device 2, same region: the note and its comment. Device 3, another region: nothing of it.
    await two.engine.sync();
    await three.engine.sync();
    expect(await two.engine.rows(TEST_NOTES)).toEqual([expect.objectContaining({ id: noteId, version: 1 })]);
    expect(await two.engine.rows(TEST_NOTE_COMMENTS, { noteId })).toEqual([
      expect.objectContaining({ id: commentId, text: 'Vu ce matin' }),
    ]);
    expect(await three.engine.rows(TEST_NOTES)).toEqual([]);
    expect(await three.engine.rows(TEST_NOTE_COMMENTS)).toEqual([]);

    // An edit from device 2 on the version it holds applies; device 1's, on the old version, is a conflict
    // whose current row is the note as the feed sends it.
    await two.engine.enqueue('test_note.edit', { noteId, text: 'Pont réparé' }, { baseVersion: 1 });
    expect((await two.engine.sync()).ok).toBe(true);
    const stale = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: await deviceToken(t, one.user.username),
      payload: {
        mutations: [
          {
            id: randomUUID(),
            type: 'test_note.edit',
            payload: { noteId, text: 'Pont cassé' },
            baseVersion: 1,
            clientTime: new Date().toISOString(),
          },
        ],
      },
    });
    expect(stale.json().results[0]).toMatchObject({
      status: 'conflict',
      current: { id: noteId, text: 'Pont réparé', version: 2, villageId: village.id },
    });

    // The note moves to the other region: it leaves devices 1 and 2 with its comment, and reaches device 3.
    const elsewhere = tree.b.villages[0]!;
    await t.db.query('update test_notes set village_id = $2, area_path = $3 where id = $1', [
      noteId,
      elsewhere.id,
      elsewhere.path,
    ]);
    for (const d of [one, two, three]) expect((await d.engine.sync()).ok).toBe(true);
    for (const d of [one, two]) {
      expect(await d.engine.rows(TEST_NOTES)).toEqual([]);
      expect(await d.engine.rows(TEST_NOTE_COMMENTS)).toEqual([]);
    }
    expect(await three.engine.rows(TEST_NOTES)).toEqual([
      expect.objectContaining({ id: noteId, villageId: elsewhere.id, text: 'Pont réparé', version: 2 }),
    ]);
    expect(await three.engine.rows(TEST_NOTE_COMMENTS)).toEqual([expect.objectContaining({ id: commentId })]);

    // Device 3's user moves to the first region: the device starts over and holds nothing of the note.
    const admin = toAuthUser((await findUserById(t.db, (await makeUser(t, ['admin'], [tree.country])).id))!);
    await t.services.users.update({ actor: admin, ip: null }, three.user.id, {
      jurisdictionIds: [tree.a.region.id],
    });
    expect((await three.engine.sync()).ok).toBe(true);
    expect(await three.engine.rows(TEST_NOTES)).toEqual([]);
    expect(await three.engine.rows(TEST_NOTE_COMMENTS)).toEqual([]);
  });
});
