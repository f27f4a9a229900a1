import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';
import { chainIssues } from './chains-service.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
let adminId: string;

const SEEDED = ['village', 'canton', 'commune', 'prefecture', 'region', 'country'];

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const admin = await makeUser(t, ['admin'], [tree.country]);
  adminId = admin.id;
  s.admin = await login(t, admin.username);
  s.focal = await login(t, (await makeUser(t, ['focal_point'], [tree.a.region])).username);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const chains = async () => (await call('focal', 'GET', '/api/v1/grm/escalation-chains')).json().items;
const putDefault = (levels: unknown) =>
  call('admin', 'PUT', '/api/v1/grm/escalation-chains/default', { levels });
const regionUrl = (id: string) => `/api/v1/grm/escalation-chains/region/${id}`;

describe('escalation chains', () => {
  it('lists the seeded default chain with region null', async () => {
    expect(await chains()).toEqual([{ id: expect.any(String), region: null, levels: SEEDED }]);
  });

  it('replaces the default chain and audits the change; an identical save writes nothing', async () => {
    const levels = ['village', 'canton', 'prefecture', 'country'];
    const res = await putDefault(levels);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ region: null, levels });
    expect((await putDefault(levels)).statusCode).toBe(200);
    const audit = await t.db.query<{ action: string; actor_id: string; changes: unknown }>(
      `select action, actor_id, changes from audit_log where entity = 'escalation_chain' and entity_id = $1`,
      [res.json().id],
    );
    expect(audit).toEqual([
      { action: 'update', actor_id: adminId, changes: { levels: { from: SEEDED, to: levels } } },
    ]);
    expect((await putDefault(SEEDED)).statusCode).toBe(200);
  });

  it('refuses unknown, repeated and misordered levels, too few levels and a chain not ending at the country', async () => {
    const details = async (levels: unknown) => {
      const res = await putDefault(levels);
      expect(res.statusCode).toBe(400);
      return res.json().details;
    };
    expect(await details(['village', 'hamlet', 'country'])).toEqual([
      { path: 'levels.1', message: 'unknown_level' },
    ]);
    expect(await details(['village', 'canton', 'canton', 'country'])).toEqual([
      { path: 'levels.2', message: 'duplicate' },
    ]);
    expect(await details(['canton', 'village', 'country'])).toEqual([
      { path: 'levels.1', message: 'out_of_order' },
    ]);
    expect(await details(['country'])).toEqual([{ path: 'levels', message: 'at_least_two_levels' }]);
    expect(await details(['village', 'region'])).toEqual([
      { path: 'levels', message: 'must_end_with_country' },
    ]);
    expect(await details(['country', 'region'])).toEqual([
      { path: 'levels.1', message: 'out_of_order' },
      { path: 'levels', message: 'must_end_with_country' },
    ]);
    expect((await chains())[0].levels).toEqual(SEEDED);
  });

  it('checks order by rank, so renamed or added levels need no code change', () => {
    const ranks = new Map([
      ['country', 0],
      ['district', 1],
      ['hamlet', 9],
    ]);
    expect(chainIssues(['hamlet', 'district', 'country'], ranks)).toEqual([]);
    expect(chainIssues(['district', 'hamlet', 'country'], ranks)).toEqual([
      { path: 'levels.1', message: 'out_of_order' },
    ]);
  });

  it('creates, replaces and removes a region chain, which falls back to the default', async () => {
    const url = regionUrl(tree.a.region.id);
    const created = await call('admin', 'PUT', url, { levels: ['village', 'canton', 'region', 'country'] });
    expect(created.statusCode).toBe(200);
    const region = { id: tree.a.region.id, code: tree.a.region.code, name: tree.a.region.name };
    expect(created.json()).toMatchObject({ region, levels: ['village', 'canton', 'region', 'country'] });
    const replaced = await call('admin', 'PUT', url, { levels: ['canton', 'country'] });
    expect(replaced.json()).toEqual({ id: created.json().id, region, levels: ['canton', 'country'] });
    expect(await chains()).toEqual([
      expect.objectContaining({ region: null }),
      { id: created.json().id, region, levels: ['canton', 'country'] },
    ]);
    expect((await call('admin', 'DELETE', url)).statusCode).toBe(204);
    expect(await chains()).toHaveLength(1);
    expect((await call('admin', 'DELETE', url)).statusCode).toBe(404);
    const audit = await t.db.query<{ action: string }>(
      `select action from audit_log where entity = 'escalation_chain' and entity_id = $1 order by id`,
      [created.json().id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('accepts only units of level region', async () => {
    for (const id of [tree.a.prefecture.id, tree.country.id, randomUUID()]) {
      const res = await call('admin', 'PUT', regionUrl(id), { levels: ['canton', 'country'] });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path: 'regionId', message: 'not_a_region' }]);
      expect((await call('admin', 'DELETE', regionUrl(id))).statusCode).toBe(400);
    }
    expect(
      (await call('admin', 'PUT', regionUrl('nope'), { levels: ['canton', 'country'] })).statusCode,
    ).toBe(400);
  });

  it('documents every configuration route in the OpenAPI description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths).filter((p) => p.startsWith('/api/v1/grm/'));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/grm/committees',
        '/api/v1/grm/committees/{id}',
        '/api/v1/grm/escalation-chains',
        '/api/v1/grm/escalation-chains/default',
        '/api/v1/grm/escalation-chains/region/{regionId}',
        '/api/v1/grm/routing-rules',
        '/api/v1/grm/routing-rules/preview',
        '/api/v1/grm/routing-rules/{id}',
      ]),
    );
  });

  it('lets only administrators write', async () => {
    expect(
      (await call('focal', 'PUT', '/api/v1/grm/escalation-chains/default', { levels: SEEDED })).statusCode,
    ).toBe(403);
    const url = regionUrl(tree.b.region.id);
    expect((await call('focal', 'PUT', url, { levels: ['region', 'country'] })).statusCode).toBe(403);
    expect((await call('focal', 'DELETE', url)).statusCode).toBe(403);
    expect(await chains()).toHaveLength(1);
  });
});
