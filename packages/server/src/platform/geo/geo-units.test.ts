import { randomUUID } from 'node:crypto';
import { nameKey } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUnit,
  makeUser,
  type Session,
  type TestApp,
  type TestUnit,
  uniq,
} from '../../test/harness.js';
import { sqlNameKey } from './repo.js';

interface UnitItem {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  childCount: number;
}

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
});
afterAll(() => t.close());

const get = (url: string, who: Session = admin, lang = 'fr') =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, 'accept-language': lang } });

async function list(
  query: string,
  who: Session = admin,
): Promise<{ items: UnitItem[]; nextCursor: string | null }> {
  const res = await get(`/api/v1/geo/units?${query}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('GET /api/v1/geo/levels', () => {
  it('lists the levels top-down with their labels', async () => {
    const res = await get('/api/v1/geo/levels');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((l: { code: string }) => l.code)).toEqual([
      'country',
      'region',
      'prefecture',
      'commune',
      'canton',
      'village',
    ]);
    expect(res.json().items[1]).toEqual({ code: 'region', rank: 1, labelFr: 'Région', labelEn: 'Region' });
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/geo/levels' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });
});

describe('GET /api/v1/geo/units', () => {
  it('lists the roots when no filter is given, with their child counts', async () => {
    const { items, nextCursor } = await list('');
    expect(items).toEqual([
      {
        id: tree.country.id,
        code: tree.country.code,
        name: tree.country.name,
        level: 'country',
        parentId: null,
        childCount: 2,
      },
    ]);
    expect(nextCursor).toBeNull();
  });

  it('lists the children of a parent', async () => {
    const { items } = await list(`parent=${tree.a.canton.id}`);
    expect(ids(items).sort()).toEqual(ids(tree.a.villages).sort());
    expect(items.every((i) => i.parentId === tree.a.canton.id && i.childCount === 0)).toBe(true);
    const regions = await list(`parent=${tree.country.id}`);
    expect(regions.items.map((r) => r.childCount)).toEqual([1, 1]);
  });

  it('lists a whole subtree with `within`, without the unit itself', async () => {
    const { items } = await list(`within=${tree.a.region.id}`);
    const expected = [tree.a.prefecture, tree.a.commune, tree.a.canton, ...tree.a.villages];
    expect(ids(items).sort()).toEqual(ids(expected).sort());
    const villages = await list(`within=${tree.b.region.id}&level=village`);
    expect(ids(villages.items).sort()).toEqual(ids(tree.b.villages).sort());
  });

  it('filters by level', async () => {
    const { items } = await list('level=canton');
    expect(ids(items).sort()).toEqual([tree.a.canton.id, tree.b.canton.id].sort());
  });

  it('searches names ignoring accents and case, and codes', async () => {
    const suffix = uniq();
    const keran = await makeUnit(t.db, tree.a.canton, 'village', { name: `Kéran ${suffix}` });
    for (const q of [`keran ${suffix}`, `KÉRAN ${suffix}`, `eran ${suffix}`]) {
      expect(ids((await list(`q=${encodeURIComponent(q)}`)).items)).toEqual([keran.id]);
    }
    const coded = await makeUnit(t.db, tree.b.canton, 'village', { code: `TG-${suffix}.07_b` });
    expect(ids((await list(`q=${encodeURIComponent(`tg-${suffix}.07_b`)}`)).items)).toEqual([coded.id]);
    expect((await list('q=%25')).items).toEqual([]);
  });

  it('searches alternate spellings too, ignoring accents and case', async () => {
    const suffix = uniq();
    const unit = await makeUnit(t.db, tree.b.canton, 'village');
    await t.db.query('update geo_units set alt_names = $2 where id = $1', [
      unit.id,
      [`Tchèkpo-Dédé ${suffix}`],
    ]);
    expect(ids((await list(`q=${encodeURIComponent(`tchekpo dede ${suffix}`)}`)).items)).toEqual([unit.id]);
  });

  it('folds alternate spellings in SQL exactly as nameKey does', async () => {
    const samples = [
      'Tchèkpo-Dédé',
      'L’ÎLE_d’Été.  Nord',
      'ŊÖŁÇÀ Ɔ́kɔ Ɛwe',
      'Kozah\u0301 Ii',
      ' A--b ',
      'Ñamá',
    ];
    const rows = await t.db.query<{ k: string }>(
      `select ${sqlNameKey('s')} as k from unnest($1::text[]) with ordinality x(s, n) order by n`,
      [samples],
    );
    expect(rows.map((r) => r.k)).toEqual(samples.map(nameKey));
  });

  it('restricts to the caller’s jurisdiction with mine=true', async () => {
    const user = await makeUser(t, ['facilitator'], [tree.a.commune]);
    const facilitator = await login(t, user.username);
    expect(ids((await list('mine=true', facilitator)).items)).toEqual([tree.a.commune.id]);
    const villages = await list('mine=true&level=village', facilitator);
    expect(villages.items.length).toBeGreaterThanOrEqual(3);
    expect(villages.items.every((v) => v.level === 'village')).toBe(true);
    expect(ids(villages.items)).toEqual(expect.arrayContaining(ids(tree.a.villages)));
    expect(ids(villages.items)).not.toEqual(expect.arrayContaining([tree.b.villages[0]!.id]));
    const all = await list('level=village', facilitator);
    expect(ids(all.items)).toEqual(expect.arrayContaining(ids(tree.b.villages)));
    const outside = await list(`parent=${tree.b.canton.id}&mine=true`, facilitator);
    expect(outside.items).toEqual([]);
  });

  it('walks every page with limit and nextCursor, without duplicates or gaps', async () => {
    const commune = await makeUnit(t.db, tree.b.prefecture, 'commune');
    const made: TestUnit[] = [];
    // The same names in two cantons make the id the tie-breaker of the keyset.
    for (const canton of [await makeUnit(t.db, commune, 'canton'), await makeUnit(t.db, commune, 'canton')]) {
      for (let i = 0; i < 6; i++) made.push(await makeUnit(t.db, canton, 'village', { name: `Bassar ${i}` }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `within=${commune.id}&level=village&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const { items, nextCursor } = await list(query);
      expect(items.length).toBe(pages < 2 ? 5 : 2);
      seen.push(...ids(items));
      cursor = nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);
    expect(seen.sort()).toEqual(ids(made).sort());
  });

  it('answers 400 invalid_cursor for a forged cursor and validation_error for a bad limit', async () => {
    for (const cursor of ['garbage', Buffer.from('{"nameKey":1}').toString('base64url')]) {
      const res = await get(`/api/v1/geo/units?cursor=${cursor}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid_cursor');
    }
    const res = await get('/api/v1/geo/units?limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_error');
  });
});

describe('GET /api/v1/geo/units/:id', () => {
  it('returns the unit with its attributes and its ancestors, root first', async () => {
    const village = tree.a.villages[0]!;
    const res = await get(`/api/v1/geo/units/${village.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: village.id,
      code: village.code,
      name: village.name,
      level: 'village',
      parentId: tree.a.canton.id,
      childCount: 0,
      altNames: [],
      border: false,
      rural: null,
      latitude: null,
      longitude: null,
    });
    expect(res.json().ancestors).toEqual(
      [tree.country, tree.a.region, tree.a.prefecture, tree.a.commune, tree.a.canton].map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        level: u.level,
      })),
    );
    const root = await get(`/api/v1/geo/units/${tree.country.id}`);
    expect(root.json()).toMatchObject({ id: tree.country.id, ancestors: [], childCount: 2 });
  });

  it('answers 404 not_found for an unknown id and 400 for a malformed one', async () => {
    const missing = await get(`/api/v1/geo/units/${randomUUID()}`, admin, 'en');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    expect(missing.json()).toEqual({ code: 'not_found', message: 'Not found.' });
    const malformed = await get('/api/v1/geo/units/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_error');
    expect(malformed.json().details[0].path).toBe('params.id');
  });
});
