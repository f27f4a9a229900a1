import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeTree, makeUser, type TestApp } from '../../test/harness.js';
import { prunedThrough, pruneRemovals } from './prune.js';
import { deviceToken, FakeDevice } from './pull-test-kit.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
});
afterAll(() => t.close());

const removal = (daysAgo: number) =>
  t.db.query(
    `insert into sync_removals (table_name, row_id, old_area_path, old_restricted, at)
     values ('complaints', gen_random_uuid()::text, $1, false, now() - $2 * interval '1 day')`,
    [tree.a.villages[0]!.path, daysAgo],
  );

describe('pruning sync removals', () => {
  it('keeps recent removals, and sends a device that may have missed a pruned one a full pull', async () => {
    const u = await makeUser(t, ['facilitator'], tree.a.villages);
    const device = new FakeDevice(t, await deviceToken(t, u.username));
    await device.sync();
    const before = device.cursor;
    expect((await device.pullOnce(500, before)).reset).toBe(false);

    await removal(200);
    await removal(10);
    const now = new Date();
    expect(await t.db.transaction((tx) => pruneRemovals(tx, now, 180))).toBe(1);
    expect(await t.db.transaction((tx) => pruneRemovals(tx, now, 180))).toBe(0);
    const [left] = await t.db.query<{ n: number }>('select count(*)::int as n from sync_removals');
    expect(left!.n).toBe(1);
    expect(await prunedThrough(t.db)).toBeGreaterThan(0);

    // The old cursor is below the pruned removal: everything again, from the start.
    expect((await device.pullOnce(500, before)).reset).toBe(true);
    expect((await device.sync())[0]!.reset).toBe(true);
    // A cursor issued after the pruning goes on as usual.
    expect((await device.pullOnce(500, device.cursor)).reset).toBe(false);
  });
});
