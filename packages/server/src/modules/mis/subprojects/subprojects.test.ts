import { type SubprojectDetail, type SubprojectSummary, togoDate } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/harness.js';
import { createSubproject, misWorld, SUBPROJECTS, schoolBody } from '../../../test/mis-kit.js';

/**
 * Sub-projects (issue #16): creation with its checks (unit, codes, beneficiary villages, jurisdiction), the
 * scoped list with its filters and pages, the detail (404 out of scope) and edits with their version.
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof misWorld>>;
let karaSchool: SubprojectDetail;

const post = (s: Session, payload: object) =>
  t.app.inject({ method: 'POST', url: SUBPROJECTS, headers: s.headers, payload });
const list = async (s: Session, query = '') => {
  const res = await t.app.inject({ url: `${SUBPROJECTS}?${query}`, headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: SubprojectSummary[]; nextCursor: string | null };
};

beforeAll(async () => {
  t = await createTestApp();
  w = await misWorld(t);
  karaSchool = await createSubproject(
    t,
    w.kara,
    schoolBody(w.tree.a.villages[0]!.id, { identifiedOn: undefined }),
  );
}, 300_000);
afterAll(() => t.close());

describe('creating a sub-project', () => {
  it('starts it at identified today, with its code, CVD, own village as beneficiary and an audit entry', async () => {
    const v = w.tree.a.villages[0]!;
    expect(karaSchool.code).toMatch(/^SP-\d{6}$/);
    expect(karaSchool).toMatchObject({
      status: 'identified',
      progressPercent: 0,
      amountSpent: 0,
      estimatedCost: 45_000_000,
      version: 1,
      unit: { id: v.id, level: 'village' },
      cvd: { id: w.tree.cvdA },
      beneficiaryVillages: [{ id: v.id }],
      attributes: { classrooms: 3 },
    });
    expect(karaSchool.areaNames).toEqual([
      w.tree.a.region.name,
      w.tree.a.prefecture.name,
      w.tree.a.commune.name,
      w.tree.a.canton.name,
    ]);
    expect(karaSchool.events).toHaveLength(1);
    expect(karaSchool.events[0]).toMatchObject({ kind: 'step', step: 'identified', date: togoDate() });
    expect(karaSchool.nextSteps).toEqual(['not_approved', 'approved']);
    const audit = await t.db.query(
      `select 1 from audit_log where entity = 'mis_subproject' and entity_id = $1 and action = 'create'`,
      [karaSchool.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('stands a market in a canton, serving several of its villages', async () => {
    const market = await createSubproject(t, w.national, {
      cantonId: w.tree.a.canton.id,
      title: 'Marché cantonal',
      component: '1.2a',
      sector: 'economy',
      type: 'market',
      estimatedCost: 80_000_000,
      beneficiaryVillageIds: w.tree.a.villages.slice(0, 3).map((v) => v.id),
    });
    expect(market.unit.level).toBe('canton');
    expect(market.cvd).toBeNull();
    expect(market.beneficiaryVillages).toHaveLength(3);
  });

  it('refuses bad input with a code, writing nothing', async () => {
    const v = w.tree.a.villages[1]!.id;
    const before = await t.db.query('select id from mis_subprojects');
    const cases: Array<[object, number, string]> = [
      [schoolBody(w.tree.a.canton.id), 422, 'mis_unit_level'],
      [{ ...schoolBody(v), cantonId: w.tree.a.canton.id }, 400, 'validation_error'],
      [schoolBody(v, { component: '9.9' }), 422, 'mis_reference_unknown'],
      [schoolBody(v, { type: 'market' }), 422, 'mis_type_sector_mismatch'],
      [schoolBody(v, { attributes: { depth_m: 40 } }), 422, 'mis_reference_unknown'],
      [schoolBody(v, { attributes: { classrooms: 2.5 } }), 400, 'validation_error'],
      [schoolBody(v, { estimatedCost: 1000.5 }), 400, 'validation_error'],
      [schoolBody(v, { estimatedCost: '1000' }), 400, 'validation_error'],
      [
        schoolBody(v, { beneficiaryVillageIds: [w.tree.b.villages[0]!.id] }),
        422,
        'mis_beneficiary_outside_unit',
      ],
      [schoolBody(w.tree.b.villages[0]!.id), 403, 'outside_jurisdiction'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(w.kara, body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toBeTruthy();
    }
    expect(await t.db.query('select id from mis_subprojects')).toHaveLength(before.length);
  });

  it('needs mis.manage to write and mis.read to read', async () => {
    expect((await post(w.finance, schoolBody(w.tree.a.villages[0]!.id))).statusCode).toBe(403);
    const res = await t.app.inject({ url: SUBPROJECTS, headers: w.focal.headers });
    expect(res.statusCode).toBe(403);
  });
});

describe('the list', () => {
  beforeAll(async () => {
    await createSubproject(
      t,
      w.national,
      schoolBody(w.tree.b.villages[0]!.id, {
        title: 'Forage au village',
        sector: 'water',
        type: 'hand_pump',
        attributes: {},
      }),
    );
    for (const v of w.tree.a.villages.slice(1, 4))
      await createSubproject(t, w.kara, schoolBody(v.id, { title: `École ${v.name}` }));
  });

  it('shows each reader the sub-projects of their jurisdiction only', async () => {
    const all = await list(w.national, 'limit=200');
    const kara = await list(w.kara, 'limit=200');
    const savanes = await list(w.savanes, 'limit=200');
    const inBranch = (items: SubprojectSummary[], path: string) =>
      items.every((s) => s.areaNames[0] === path);
    expect(kara.items.length).toBeGreaterThan(0);
    expect(inBranch(kara.items, w.tree.a.region.name)).toBe(true);
    expect(savanes.items.map((s) => s.title)).toEqual(['Forage au village']);
    expect(all.items).toHaveLength(kara.items.length + savanes.items.length);
    const out = await t.app.inject({ url: `${SUBPROJECTS}/${karaSchool.id}`, headers: w.savanes.headers });
    expect(out.statusCode).toBe(404);
    expect(out.json().code).toBe('not_found');
  });

  it('filters by sector, status, text and area', async () => {
    expect((await list(w.national, 'sector=water')).items.map((s) => s.sector)).toEqual(['water']);
    expect((await list(w.national, 'status=approved')).items).toEqual([]);
    const q = await list(w.national, `q=${encodeURIComponent(karaSchool.code)}`);
    expect(q.items.map((s) => s.id)).toEqual([karaSchool.id]);
    const within = await list(w.national, `within=${w.tree.b.canton.id}`);
    expect(within.items.map((s) => s.title)).toEqual(['Forage au village']);
    expect((await list(w.national, `within=${w.tree.b.canton.id}&sector=education`)).items).toEqual([]);
  });

  it('pages by latest change, every row once', async () => {
    const all = (await list(w.national, 'limit=200')).items.map((s) => s.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(w.national, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const bad = await t.app.inject({ url: `${SUBPROJECTS}?cursor=nope`, headers: w.national.headers });
    expect(bad.statusCode).toBe(400);
  });
});

describe('editing', () => {
  const patch = (s: Session, id: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `${SUBPROJECTS}/${id}`, headers: s.headers, payload });

  it('edits with the version read, checks the codes, and refuses a stale version', async () => {
    const s = await createSubproject(t, w.kara, schoolBody(w.tree.a.villages[2]!.id));
    const ok = await patch(w.kara, s.id, {
      baseVersion: 1,
      estimatedCost: 52_500_000,
      beneficiaryVillageIds: w.tree.a.villages.slice(1, 3).map((v) => v.id),
      latitude: 9.55,
      longitude: 1.19,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, estimatedCost: 52_500_000, latitude: 9.55 });
    expect(ok.json().beneficiaryVillages).toHaveLength(2);
    const stale = await patch(w.kara, s.id, { baseVersion: 1, title: 'Autre titre' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const mismatch = await patch(w.kara, s.id, { baseVersion: 2, sector: 'water' });
    expect(mismatch.json().code).toBe('mis_type_sector_mismatch');
    const half = await patch(w.kara, s.id, { baseVersion: 2, latitude: null });
    expect(half.statusCode).toBe(400);
    const outside = await patch(w.kara, s.id, {
      baseVersion: 2,
      beneficiaryVillageIds: [w.tree.b.villages[1]!.id],
    });
    expect(outside.json().code).toBe('mis_beneficiary_outside_unit');
    const other = await patch(w.savanes, s.id, { baseVersion: 2, title: 'Hors zone' });
    expect(other.statusCode).toBe(403); // an analyst has no mis.manage
    const detail = await t.app.inject({ url: `${SUBPROJECTS}/${s.id}`, headers: w.kara.headers });
    expect(detail.json()).toMatchObject({ version: 2, title: s.title, sector: 'education' });
  });
});
