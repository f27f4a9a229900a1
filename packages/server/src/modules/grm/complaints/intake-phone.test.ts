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
import { createPayload, mutation, push } from '../../../test/sync-push-kit.js';
import { findIdentity } from './repo.js';

// The citizen form refused "92345678" that staff and field forms accepted: one rule now, stored as +228.
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let officer: Session;
let facilitator: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  await makeUser(t, ['focal_point'], [tree.a.region]);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
  facilitator = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
});
afterAll(() => t.close());

const complainant = (phone: string) => ({ anonymous: false, name: 'Afi Mensah', phone, confidential: false });
const body = (phone: string) => ({
  type: 'complaint',
  category: 'works',
  description: `La clôture du chantier bloque le chemin ${randomUUID()}`,
  villageId: tree.a.villages[0]!.id,
  complainant: complainant(phone),
});
const phoneOf = async (id: string) => (await findIdentity(t.db, t.services.vault, id))?.phone;
let ip = 0;

describe('one phone rule on every path', () => {
  it('the public form accepts a local 8-digit number and stores it as +228', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: body('92345678'),
      remoteAddress: `10.8.0.${++ip}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.db.query<{ id: string }>('select id from complaints where tracking_code = $1', [
      res.json().trackingCode.replaceAll('-', ''),
    ]);
    expect(await phoneOf(row!.id)).toBe('+22892345678');
  });

  it('staff intake and the field sync store the same number the same way', async () => {
    const staff = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: officer.headers,
      payload: { ...body('92 34 56 78'), channel: 'hotline' },
    });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(await phoneOf(staff.json().id)).toBe('+22892345678');
    const payload = createPayload(tree.a.villages[0]!.id, { complainant: complainant('228 92345678') });
    const [result] = await push(t, facilitator, [mutation('complaint.create', payload)]);
    expect(result).toMatchObject({ status: 'applied' });
    expect(await phoneOf(payload.id)).toBe('+22892345678');
  });

  it('refuses what is no phone number with phone_e164, on the public form too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: body('9234567'),
      remoteAddress: `10.8.0.${++ip}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'complainant.phone', message: 'phone_e164' }]);
  });
});
