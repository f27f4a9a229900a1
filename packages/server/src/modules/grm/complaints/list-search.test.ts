import type { Actor } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAuthUser } from '../../../platform/auth/service.js';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUser,
  type TestApp,
} from '../../../test/harness.js';
import { type ComplaintFilter, listComplaints } from './list.js';

/**
 * A text search starts from its matches when they are few (GIN and trigram indexes), else from the sort
 * order; both plans must return the same page, scoped the same way.
 */
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const WHO = ['officer', 'facilitator', 'focalB', 'boss', 'vbg', 'bossVbg'] as const;
const actors = {} as Record<(typeof WHO)[number], Actor>;
const cases: Array<{ id: string; reference: string; words: string }> = [];

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const user = async (roles: Parameters<typeof makeUser>[1], units: Parameters<typeof makeUser>[2]) =>
    toAuthUser(await makeUser(t, roles, units));
  actors.officer = await user(['grm_officer'], [tree.country]);
  actors.facilitator = await user(['facilitator'], [tree.a.villages[1]!, tree.a.villages[2]!]);
  actors.focalB = await user(['focal_point'], [tree.b.region]);
  actors.boss = await user(['supervisor'], [tree.country]);
  actors.vbg = await user(['sensitive_focal_point'], [tree.country]);
  // Wider staff who also handle sensitive cases: published summaries and sensitive originals at once.
  actors.bossVbg = await user(['supervisor', 'sensitive_focal_point'], [tree.a.region, tree.b.villages[0]!]);
  const officer = await login(t, actors.officer.username);
  const places = [tree.a.villages[0]!, tree.a.villages[1]!, tree.a.villages[2]!, tree.b.villages[0]!];
  const words = ['forage', 'magasinier', 'latrine forage', 'piste'];
  for (let i = 0; i < 12; i++) {
    const filed = await fileComplaint(t, officer, places[i % 4]!.id, {
      description: `Plainte ${i} au sujet du ${words[i % 4]} du village.`,
    });
    cases.push({ ...filed, words: words[i % 4]! });
  }
  // One sensitive case, one published summary (the only text wider staff may search).
  await t.db.query('update complaints set sensitive = true where id = $1', [cases[5]!.id]);
  await t.db.query(
    `update complaints set public_summary = 'Retard de paiement du magasinier', published_at = now() where id = $1`,
    [cases[4]!.id],
  );
  // Overdue cases, and a case of region b assigned to the facilitator of region a's villages.
  await t.db.query(`update complaints set next_due_date = '2020-01-01' where id = any($1)`, [
    [cases[2]!.id, cases[5]!.id, cases[7]!.id, cases[8]!.id],
  ]);
  await t.db.query('update complaints set assignee_id = $2 where id = $1', [
    cases[7]!.id,
    actors.facilitator.id,
  ]);
});
afterAll(() => t?.close());

type Tuning = { fewHits?: number; maxBranches?: number };
const list = (who: (typeof WHO)[number], f: Partial<ComplaintFilter>, tuning: Tuning = {}) =>
  listComplaints(t.db, actors[who], { sort: 'received_desc', ...f }, undefined, 50, tuning).then((rows) =>
    rows.map((r) => r.id),
  );

describe('list plans', () => {
  // Matches first or sort order first; one pick per scope branch or the whole rule as one OR.
  const plans: Tuning[] = [{ fewHits: 0 }, { maxBranches: 0 }, { fewHits: 0, maxBranches: 0 }];
  const filters: Array<Partial<ComplaintFilter>> = [
    ...['forage', 'magasinier', 'latrine', 'nothing-like-this', 'MGP-20', 'forage OR piste'].map((q) => ({
      q,
    })),
    {},
    { status: ['received'] },
    { overdue: 'true' },
    { area: undefined, sensitive: 'true' },
  ];
  for (const who of WHO) {
    it(`gives ${who} the same page whatever the plan`, async () => {
      for (const f of filters) {
        for (const sort of ['received_desc', 'received_asc', 'due_asc'] as const) {
          const page = await list(who, { ...f, sort });
          for (const plan of plans)
            expect(await list(who, { ...f, sort }, plan), `${who} ${JSON.stringify(f)} ${sort}`).toEqual(
              page,
            );
        }
      }
    });
  }

  it('pages through the same cases, two at a time, whatever the plan', async () => {
    for (const who of WHO) {
      for (const sort of ['received_desc', 'due_asc'] as const) {
        const pages: string[][] = [];
        for (const plan of [{}, { maxBranches: 0 }]) {
          const seen: string[] = [];
          let after: { at: string; id: string } | undefined;
          for (let i = 0; i < 20; i++) {
            const rows = await listComplaints(t.db, actors[who], { sort }, after, 2, plan);
            seen.push(...rows.map((r) => r.id));
            if (rows.length < 2) break;
            after = { at: rows[1]!.cursorAt, id: rows[1]!.id };
          }
          pages.push(seen);
        }
        expect(pages[0], `${who} ${sort}`).toEqual(pages[1]);
        expect(new Set(pages[0]).size).toBe(pages[0]!.length);
      }
    }
    // The facilitator: the ordinary cases of villages a1 and a2 (5 is sensitive), and 7 assigned from b.
    const mine = await list('facilitator', {});
    expect(mine).toHaveLength(6);
    expect(mine).toContain(cases[7]!.id);
  });

  it('scopes matches: original text for handlers of the area, published summary for wider staff', async () => {
    const ids = (pick: (c: (typeof cases)[number], i: number) => boolean) =>
      cases.filter(pick).map((c) => c.id);
    const sorted = (xs: string[]) => [...xs].sort();
    // Ordinary magasinier cases (i % 4 == 1): 1 and 9 (5 is sensitive), and 4 by its published summary.
    expect(sorted(await list('officer', { q: 'magasinier' }))).toEqual(
      sorted(ids((c, i) => (c.words === 'magasinier' && i !== 5) || i === 4)),
    );
    // The facilitator of villages a1 and a2: cases 1, 9 (a1, magasinier) and 2, 6, 10 (a2, latrine forage).
    expect(sorted(await list('facilitator', { q: 'forage' }))).toEqual(sorted(ids((_, i) => i % 4 === 2)));
    expect(await list('focalB', { q: 'magasinier' })).toEqual([]);
    // Wider staff: only the published summary matches, never the description.
    expect(await list('boss', { q: 'magasinier' })).toEqual([cases[4]!.id]);
    expect(await list('boss', { q: 'forage' })).toEqual([]);
    // The sensitive case reaches the sensitive-case focal point only.
    expect(await list('vbg', { q: 'magasinier' })).toEqual([cases[5]!.id]);
  });

  it('matches a reference fragment as a plain substring: % and _ are not wildcards', async () => {
    const ref = cases[3]!.reference; // MGP-2026-000004
    expect(await list('officer', { q: ref.slice(4) })).toEqual([cases[3]!.id]);
    expect(await list('officer', { q: ref.slice(4).replace('-', '_') })).toEqual([]);
    expect(await list('officer', { q: `${ref.slice(0, 8)}%${ref.slice(-2)}` })).toEqual([]);
  });
});
