import type { Balances } from '@coso/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../context.js';
import { createTestApp, login, makeTree, PASSWORD, type TestApp } from '../../../test/harness.js';
import { get, makeContract } from '../../../test/mis-finance-kit.js';
import { seedDemoMisFinance } from './demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('records the demo lines through the service, once, and the balances follow', async () => {
  const tree = await makeTree(t.db);
  expect(await seedDemoMisFinance(t.db, t.services.context)).toBe(false);
  await t.services.users.create(SYSTEM_CONTEXT, {
    username: 'finances',
    displayName: 'Finances',
    email: null,
    locale: 'fr',
    roles: ['finance_officer'],
    jurisdictionIds: [tree.country.id],
    password: PASSWORD,
  });
  await makeContract(t.db, tree.a.villages[0]!, 10_000_000);
  await makeContract(t.db, tree.a.canton, 5_000_000);
  expect(await seedDemoMisFinance(t.db, t.services.context)).toBe(true);
  expect(await seedDemoMisFinance(t.db, t.services.context)).toBe(false);
  const s = await login(t, 'finances');
  const b = (await get(t, s, 'balances')).json() as Balances;
  expect(b.totals).toMatchObject({
    allocated: 18_000_000,
    transferred: 12_600_000,
    disbursed: 9_000_000,
    paid: 6_000_000,
  });
});
