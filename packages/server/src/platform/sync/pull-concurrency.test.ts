import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type TestApp } from '../../test/harness.js';
import { complaintBody, deviceToken, FakeDevice } from './pull-test-kit.js';

// PGlite has one connection: transactions cannot overlap there. The guarantee is tested on PostgreSQL.
const onPostgres = process.env.TEST_DB === 'postgres' && !!process.env.DATABASE_URL;

let t: TestApp;
let device: FakeDevice;
const ids: string[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  const tree = await makeTree(t.db);
  const operator = await makeUser(t, ['grm_officer'], [tree.country]);
  const focal = await makeUser(t, ['focal_point'], [tree.a.region]);
  const s = await login(t, operator.username);
  for (let i = 0; i < 6; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: s.headers,
      payload: complaintBody(tree.a.villages[i % 3]!.id),
    });
    ids.push(res.json().id);
  }
  device = new FakeDevice(t, await deviceToken(t, focal.username));
  await device.sync();
});
afterAll(() => t?.close());

/** Every case on the device carries the change_seq the database has now: no change was skipped. */
async function expectDeviceCurrent() {
  await device.sync();
  const rows = await t.db.query<{ id: string; seq: number }>(
    'select id, change_seq as seq from complaints where id = any($1::uuid[])',
    [ids],
  );
  const onDevice = new Map(device.rows('complaints').map((r) => [r.id, r.changeSeq]));
  for (const r of rows) expect(onDevice.get(r.id), r.id).toBe(r.seq);
}

const touch = (q: { query: TestApp['db']['query'] }, id: string, note: string) =>
  q.query(`update complaints set description = description || $2 where id = $1`, [id, ` ${note}`]);

describe.skipIf(!onPostgres)('commit order on PostgreSQL', () => {
  it('never skips a row whose transaction commits after a later one started', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote!: () => void;
    const firstWrote = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    // T1 takes its number first and commits last; T2 starts after it and would commit first if it could.
    const t1 = t.db.transaction(async (tx) => {
      await touch(tx, ids[0]!, '(T1)');
      wrote();
      await gate;
    });
    await firstWrote;
    const t2 = t.db.transaction((tx) => touch(tx, ids[1]!, '(T2)'));
    await sleep(300);
    device.apply(await device.pullOnce());
    release();
    await Promise.all([t1, t2]);
    await expectDeviceCurrent();
  });

  it('keeps every device current under concurrent writers and pulls', async () => {
    let writing = true;
    const writers = Array.from({ length: 3 }, async (_, w) => {
      for (let i = 0; i < 8; i++) {
        // Each writer has its own two cases: the test is about numbering, not about row locks.
        await t.db.transaction(async (tx) => {
          await touch(tx, ids[w]!, `w${w}.${i}`);
          await sleep(Math.random() * 10);
          await touch(tx, ids[w + 3]!, `w${w}.${i}b`);
          await sleep(Math.random() * 10);
        });
      }
    });
    const puller = (async () => {
      while (writing) {
        device.apply(await device.pullOnce(2));
        await sleep(Math.random() * 3);
      }
    })();
    await Promise.all(writers);
    writing = false;
    await puller;
    await expectDeviceCurrent();
  });
});
