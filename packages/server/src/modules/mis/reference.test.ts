import type { MisReference } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeUser, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('MIS reference lists', () => {
  it('answers the lists in the caller’s language, steps in their order with the COSO codes', async () => {
    const u = await makeUser(t, ['finance_officer'], []);
    const s = await login(t, u.username);
    const fr = await t.app.inject({ url: '/api/v1/mis/reference', headers: s.headers });
    expect(fr.statusCode).toBe(200);
    const body = fr.json() as MisReference;
    expect(body.steps.map((x) => x.code)).toEqual([
      'identified',
      'not_approved',
      'approved',
      'tender_launched',
      'company_selected',
      'contract_signed',
      'site_handover',
      'works_in_progress',
      'interrupted',
      'abandoned',
      'completed',
      'technical_acceptance',
      'provisional_acceptance',
      'community_handover',
      'final_acceptance',
    ]);
    expect(body.components.map((c) => c.code)).toEqual(['1.1', '1.2a', '1.2b', '1.3']);
    expect(body.types.find((x) => x.code === 'rural_track')).toMatchObject({
      label: 'Piste rurale',
      sector: 'transport',
    });
    const en = await t.app.inject({
      url: '/api/v1/mis/reference',
      headers: { ...s.headers, 'accept-language': 'en' },
    });
    expect((en.json() as MisReference).types.find((x) => x.code === 'rural_track')?.label).toBe(
      'Rural track',
    );
  });

  it('needs mis.read', async () => {
    const u = await makeUser(t, ['focal_point'], []);
    const s = await login(t, u.username);
    expect((await t.app.inject({ url: '/api/v1/mis/reference', headers: s.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/mis/reference' })).statusCode).toBe(401);
  });
});
