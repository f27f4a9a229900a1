import type { Actor } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type TestApp } from '../../test/harness.js';
import { toAuthUser } from '../auth/service.js';
import { type ComplaintFilter, listComplaints } from './list.js';

/**
 * A text search starts from its matches when they are few (GIN and trigram indexes), else from the sort
 * order; both plans must return the same page, scoped the same way.
 */
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const WHO = ['officer', 'facilitator', 'focalB', 'boss', 'vbg'] as const;
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
  const officer = await login(t, actors.officer.username);
  const places = [tree.a.villages[0]!, tree.a.villages[1]!, tree.a.villages[2]!, tree.b.villages[0]!];
  const words = ['forage', 'magasinier', 'latrine forage', 'piste'];
  for (let i = 0; i < 12; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: officer.headers,
      payload: {
        type: 'complaint',
        category: 'works',
        channel: 'in_person',
        description: `Plainte ${i} au sujet du ${words[i % 4]} du village.`,
        villageId: places[i % 4]!.id,
        complainant: { anonymous: true },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    cases.push({ ...(res.json() as { id: string; reference: string }), words: words[i % 4]! });
  }
  // One sensitive case, one published summary (the only text wider staff may search).
  await t.db.query('update complaints set sensitive = true where id = $1', [cases[5]!.id]);
  await t.db.query(
    `update complaints set public_summary = 'Retard de paiement du magasinier', published_at = now() where id = $1`,
    [cases[4]!.id],
  );
});
afterAll(() => t?.close());

const list = (who: keyof typeof actors, f: Partial<ComplaintFilter>, fewHits?: number) =>
  listComplaints(t.db, actors[who], { sort: 'received_desc', ...f }, undefined, 50, { fewHits }).then(
    (rows) => rows.map((r) => r.id),
  );

describe('text search plans', () => {
  const queries = ['forage', 'magasinier', 'latrine', 'nothing-like-this', 'MGP-20', 'forage OR piste'];
  for (const who of WHO) {
    it(`gives ${who} the same page from the matches first as from the sort order`, async () => {
      for (const q of queries) {
        for (const sort of ['received_desc', 'due_asc'] as const) {
          const fromMatches = await list(who, { q, sort });
          expect(await list(who, { q, sort }, 0), `${who} ${q} ${sort}`).toEqual(fromMatches);
        }
      }
    });
  }

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
