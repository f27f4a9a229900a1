import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { registerReferenceLists, requireReferenceList } from './lists.js';

/** Reference lists: registered by modules, served under their API names, an unregistered one refused. */

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
const item = { labelFr: 'Essai', labelEn: 'Test', sort: 5 };

describe('reference lists', () => {
  it('serves every registered list under its API name, with the routing flags on categories only', async () => {
    const res = await call('GET', '/api/v1/reference?all=true');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(
      ['ageGroups', 'categories', 'channels', 'genders', 'types', 'vulnerabilityGroups'].sort(),
    );
    const saved = await call('PUT', '/api/v1/reference/category/essai_liste', item);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ code: 'essai_liste', label: 'Essai', sensitive: false });
    const gender = await call('PUT', '/api/v1/reference/gender/essai_liste', item);
    expect(gender.statusCode).toBe(200);
    expect(gender.json()).not.toHaveProperty('sensitive');
  });

  it('refuses a list no module registered with 400, and writes nothing', async () => {
    const res = await call('PUT', '/api/v1/reference/colour/red', item);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_error' });
    expect(await t.db.query(`select 1 from reference_items where list = 'colour'`)).toEqual([]);
    expect(() => requireReferenceList('colour')).toThrow();
    expect(() => registerReferenceLists([{ name: 'category', apiKey: 'other' }])).toThrow(/registered twice/);
  });
});
