import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';

/**
 * Received times with microseconds (written by SQL, imports from other systems) must not make a page
 * boundary skip or repeat cases: the cursor carries the time as the database prints it.
 */
let t: TestApp;
let officer: Session;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.db);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
  for (let i = 0; i < 4; i++) {
    ids.push((await fileComplaint(t, officer, tree.a.villages[0]!.id)).id);
  }
  // Four cases within the same millisecond, apart only by microseconds.
  for (const [i, id] of ids.entries()) {
    await t.db.query(
      `update complaints set received_at = '2026-06-01 09:00:00.123'::timestamptz + $2 * interval '1 microsecond' where id = $1`,
      [id, i + 1],
    );
  }
});
afterAll(() => t?.close());

describe('case list keyset', () => {
  for (const sort of ['received_asc', 'received_desc']) {
    it(`pages through microsecond-apart cases exactly once (${sort})`, async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i++) {
        const query = new URLSearchParams({ limit: '1', sort, ...(cursor ? { cursor } : {}) });
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/v1/complaints?${query}`,
          headers: officer.headers,
        });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        seen.push(...body.items.map((c: { id: string }) => c.id));
        cursor = body.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect([...seen].sort()).toEqual([...ids].sort());
      expect(seen).toHaveLength(ids.length);
    });
  }
});
