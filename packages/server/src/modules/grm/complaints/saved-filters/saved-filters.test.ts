import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const URL = '/api/v1/complaints/saved-filters';

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  for (const [key, roles] of [
    ['ama', ['focal_point']],
    ['kofi', ['focal_point']],
    ['analyst', ['analyst']],
  ] as const) {
    s[key] = await login(t, (await makeUser(t, [...roles], [tree.a.region])).username);
  }
});
afterAll(() => t.close());

const save = (who: string, payload: object) =>
  t.app.inject({ method: 'POST', url: URL, headers: s[who]!.headers, payload });
const list = async (who: string) =>
  (await t.app.inject({ url: URL, headers: { cookie: s[who]!.cookie } })).json().items as Array<{
    id: string;
    name: string;
    query: Record<string, string>;
  }>;
const remove = (who: string, id: string) =>
  t.app.inject({ method: 'DELETE', url: `${URL}/${id}`, headers: s[who]!.headers });

describe('saved filters', () => {
  it('are created, listed by name and deleted by their owner only', async () => {
    const query = {
      queue: 'area',
      status: 'received,acknowledged',
      area: tree.a.region.id,
      cursor: 'x',
      limit: '20',
    };
    const created = await save('ama', { name: 'Nouvelles de ma région', query });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: expect.any(String),
      name: 'Nouvelles de ma région',
      // Stored as the query string it came from, without paging parameters.
      query: { queue: 'area', status: 'received,acknowledged', area: tree.a.region.id },
      createdAt: expect.any(String),
    });
    await save('ama', { name: 'Escaladées', query: { escalated: 'true' } });
    expect((await list('ama')).map((f) => f.name)).toEqual(['Escaladées', 'Nouvelles de ma région']);

    expect(await list('kofi')).toEqual([]);
    const id = created.json().id;
    const stolen = await remove('kofi', id);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().code).toBe('not_found');
    expect((await remove('ama', id)).statusCode).toBe(204);
    expect((await list('ama')).map((f) => f.name)).toEqual(['Escaladées']);
    expect((await remove('ama', id)).statusCode).toBe(404);
  });

  it('refuses a duplicate name (409) but lets another user use it', async () => {
    expect((await save('kofi', { name: 'Mes dossiers', query: { queue: 'mine' } })).statusCode).toBe(201);
    const again = await save('kofi', { name: 'Mes dossiers', query: { queue: 'unassigned' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    expect((await save('ama', { name: 'Mes dossiers', query: { queue: 'mine' } })).statusCode).toBe(201);
  });

  it('refuses a query the case list would refuse, and callers who cannot read cases', async () => {
    for (const query of [{ status: 'lost' }, { from: '12/03/2024' }, { area: 'kara' }]) {
      const res = await save('ama', { name: 'Mauvais', query });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_error');
      expect(res.json().details[0].path).toMatch(/^query\./);
    }
    expect((await save('ama', { name: '', query: {} })).statusCode).toBe(400);
    expect((await save('analyst', { name: 'X', query: {} })).statusCode).toBe(403);
    expect((await remove('ama', 'not-a-uuid')).statusCode).toBe(400);
  });

  it('static paths win over /complaints/:id, and the routes appear in the OpenAPI document', async () => {
    const detail = await t.app.inject({ url: URL, headers: { cookie: s.ama!.cookie } });
    expect(detail.statusCode).toBe(200);
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      URL,
      `${URL}/{id}`,
      '/api/v1/complaints/export.csv',
      '/api/v1/complaints/export.xlsx',
      '/api/v1/complaints/import',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
