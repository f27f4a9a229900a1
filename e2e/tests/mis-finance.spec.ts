import { expect, type Page, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';
import { staffApi } from '../pages/work-pages.js';

// MIS finance (issue #16): the finance officer records an allocation, a transfer and a payment on the finance
// page and reads the balances move by exactly those amounts; axe on the page and on a form.
test.describe.configure({ timeout: 180_000 });

const fcfa = (n: number) => `${new Intl.NumberFormat('fr-FR').format(n)} FCFA`;

interface Amounts {
  allocated: number;
  transferred: number;
  paid: number;
}
interface Balances {
  rows: Array<{ unit: { id: string; name: string }; component: string; amounts: Amounts }>;
  totals: Amounts;
}

async function balances(page: Page): Promise<Balances> {
  return (await page.request.get('/api/v1/mis/finance/balances')).json();
}

async function openForm(page: Page, name: string) {
  await page.getByRole('button', { name }).click();
  return page.getByRole('dialog');
}

test('the finance officer records an allocation, a transfer and a payment and reads the balances', async ({
  page,
}) => {
  await new LoginPage(page).loginAs('finances');
  const checks = new PageChecks(page);
  await checks.visit('/mis/finance');
  await expect(page.getByRole('table')).toBeVisible();
  await checks.axe('/mis/finance');

  const api = await staffApi(page);
  const cantons = await api.get('/api/v1/geo/units', { level: 'canton', mine: 'true', limit: '1' });
  const canton = cantons.items[0] as { id: string; name: string };
  const contracts = (await api.get('/api/v1/mis/finance/contracts', { q: 'SP', limit: '50' }))
    .items as Array<{
    subproject: { code: string };
    remaining: number;
  }>;
  const contract = contracts.find((k) => k.remaining >= 1_000_000);
  expect(contract, 'a demo contract with 1 000 000 FCFA left to pay').toBeDefined();
  const before = await balances(page);
  const rowOf = (b: Balances) => b.rows.find((r) => r.unit.id === canton.id && r.component === '1.1');
  const cantonBefore = rowOf(before)?.amounts ?? { allocated: 0, transferred: 0, paid: 0 };

  // An allocation of 2 000 000 FCFA to the canton, component 1.1.
  let dialog = await openForm(page, 'Nouvelle allocation');
  await dialog.getByLabel('Canton ou CVD').fill(canton.name);
  await dialog.getByRole('list', { name: 'Résultats de la recherche' }).getByRole('button').first().click();
  await dialog.getByLabel('Composante').selectOption('1.1');
  await dialog.getByLabel('Montant (FCFA)').fill('2 000 000');
  await checks.axe('/mis/finance allocation form');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const row = page.getByTestId(`balance-${canton.name}-1.1`);
  await expect(row.getByRole('cell').nth(2)).toHaveText(fcfa(cantonBefore.allocated + 2_000_000));

  // A transfer of 1 500 000 FCFA of that allocation.
  const allocation = (
    await api.get('/api/v1/mis/finance/allocations', { within: canton.id, component: '1.1' })
  ).items[0] as { id: string };
  dialog = await openForm(page, 'Nouveau virement');
  await dialog.getByLabel('Allocation').selectOption(allocation.id);
  await dialog.getByLabel('Montant (FCFA)').fill('1 500 000');
  await dialog.getByLabel('Référence bancaire').fill('VIR-E2E-001');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(row.getByRole('cell').nth(3)).toHaveText(fcfa(cantonBefore.transferred + 1_500_000));

  // A payment of 1 000 000 FCFA against a demo contract: the totals' "Payé" moves by that much.
  dialog = await openForm(page, 'Nouveau paiement');
  await dialog.getByLabel(/^Contrat/).fill(contract!.subproject.code);
  await dialog.getByRole('list', { name: 'Résultats de la recherche' }).getByRole('button').first().click();
  await expect(dialog.getByTestId('chosen-contract')).toContainText(contract!.subproject.code);
  await dialog.getByLabel('Montant (FCFA)').fill('1 000 000');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('balance-totals').getByRole('cell').nth(5)).toHaveText(
    fcfa(before.totals.paid + 1_000_000),
  );

  const after = await balances(page);
  expect(after.totals.allocated - before.totals.allocated).toBe(2_000_000);
  expect(after.totals.transferred - before.totals.transferred).toBe(1_500_000);
  expect(after.totals.paid - before.totals.paid).toBe(1_000_000);
  await checks.axe('/mis/finance after the lines');
  checks.expectClean();
});
