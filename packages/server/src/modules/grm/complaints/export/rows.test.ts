import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../../../context.js';
import { toAuthUser } from '../../../../platform/auth/service.js';
import { findUserById } from '../../../../platform/users/repo.js';
import { createTestApp, makeTree, makeUser, type TestApp, uniq } from '../../../../test/harness.js';
import { type ComplaintFilter, listComplaints } from '../list.js';
import { complaintExportPages } from './rows.js';

/**
 * The export is the list, row for row: the same cases in the same order, across page boundaries that fall
 * inside runs of cases received in the same microsecond (where only the id keeps the order total), for
 * every sort, scope and a few filters. The list is walked as the API walks it; the export with tiny pages.
 */
let t: TestApp;
const actors: Record<string, AuthUser> = {};
let today: string;

async function actor(roles: Parameters<typeof makeUser>[1], units: Parameters<typeof makeUser>[2]) {
  return toAuthUser((await findUserById(t.db, (await makeUser(t, roles, units)).id))!);
}

beforeAll(async () => {
  t = await createTestApp();
  today = new Date().toISOString().slice(0, 10);
  const tree = await makeTree(t.db);
  actors.national = await actor(['grm_officer'], [tree.country]);
  actors.kara = await actor(['focal_point'], [tree.a.region]);
  actors.village = await actor(['facilitator'], [tree.a.villages[0]!]);
  actors.vbg = await actor(['sensitive_focal_point'], [tree.country]);
  actors.supervisor = await actor(['supervisor'], [tree.country]);
  const villages = [...tree.a.villages, ...tree.b.villages, tree.a.canton];
  const suffix = uniq().toUpperCase();
  // 400 cases on 5 instants: 80 cases share each microsecond. Some sensitive, some published, some assigned
  // to the Kara focal point (seen by them whatever the place), statuses and categories spread.
  for (const [i, v] of villages.entries()) {
    await t.db.query(
      `insert into complaints (id, tracking_code, reference, type_code, category_code, channel_code, sensitive,
                               status, description, village_id, area_path, anonymous, handling_level,
                               handling_unit_id, received_at, assignee_id, published_at, public_summary)
       select gen_random_uuid(), 'RW' || $4 || lpad(($5 * 1000 + g)::text, 5, '0'), 'ROWS-' || $4 || '-' || $5 || '-' || g,
              'complaint', case when g % 3 = 0 then 'works' else 'land' end, 'hotline', g % 7 = 0,
              case when g % 2 = 0 then 'received' else 'in_progress' end, 'Cas ' || g, $1, $2, true, 'region', $3,
              timestamptz '2025-03-01 08:00:00.123456+00' + make_interval(secs => g % 5),
              case when g % 11 = 0 then $6::uuid end, case when g % 4 = 0 then now() end,
              case when g % 4 = 0 then 'Résumé ' || g end
         from generate_series(1, 57) g`,
      [v.id, v.path, tree.a.region.id, suffix, i, actors.kara.id],
    );
  }
}, 180_000); // a fresh database and 400 cases: slow on a loaded 2-core machine
afterAll(() => t?.close());

async function listed(who: AuthUser, f: ComplaintFilter) {
  const ids: string[] = [];
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const rows = await listComplaints(t.db, who, { ...f, today }, after, 50);
    ids.push(...rows.map((r) => r.id));
    if (rows.length < 50) return ids;
    after = { at: rows.at(-1)!.cursorAt, id: rows.at(-1)!.id };
  }
}

async function exported(who: AuthUser, f: ComplaintFilter, pageSize: number) {
  const ids: string[] = [];
  let pages = 0;
  for await (const rows of complaintExportPages(t.db, who, { ...f, today }, pageSize)) {
    pages += 1;
    ids.push(...rows.map((r) => r.id));
  }
  return { ids, pages };
}

describe('case-list export rows', () => {
  const FILTERS: Array<[string, ComplaintFilter]> = [
    ['newest first', { sort: 'received_desc' }],
    ['oldest first', { sort: 'received_asc' }],
    ['by due date', { sort: 'due_asc' }],
    ['status and category', { sort: 'received_desc', status: ['received'], category: ['works'] }],
    ['assigned to me', { sort: 'received_desc', assignee: 'me' }],
  ];
  for (const [label, f] of FILTERS) {
    it(`are the list's, row for row, for every scope (${label})`, async () => {
      for (const [who, a] of Object.entries(actors)) {
        const list = await listed(a, f);
        const { ids, pages } = await exported(a, f, 7);
        expect({ who, ids }).toEqual({ who, ids: list });
        expect(pages).toBe(Math.ceil(list.length / 7));
      }
    });
  }

  it('actually cross page boundaries inside a microsecond', async () => {
    const list = await listed(actors.national!, { sort: 'received_desc' });
    expect(list.length).toBeGreaterThan(200);
    const { ids } = await exported(actors.national!, { sort: 'received_desc' }, 13);
    expect(ids).toEqual(list);
  });
});
