import { expect, type Page, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { CaseDialog, HomeWork, staffApi } from '../pages/work-pages.js';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' });

test("a focal point's home counts what waits and opens the overdue list", async ({ page }) => {
  await new LoginPage(page).loginAs('focal.kara');
  await expect(page.getByRole('heading', { name: 'À traiter maintenant' })).toBeVisible();
  const home = new HomeWork(page);
  const overdue = await home.count('overdue');
  await home.open('overdue');
  await expect(page).toHaveURL(/overdue=true/);
  await expect(page.getByLabel('Échéance', { exact: true })).toHaveValue('overdue');
  // The list shows exactly the counted cases (one page of 50 at most), each marked overdue.
  const rows = page.locator('tbody tr').filter({ has: page.getByRole('link') });
  await expect(rows).toHaveCount(Math.min(overdue, 50));
  await expect(rows.filter({ hasNot: page.getByText('En retard', { exact: true }) })).toHaveCount(0);
  // Choosing no deadline filter drops it from the address.
  await page.getByLabel('Échéance', { exact: true }).selectOption('');
  await expect(page).not.toHaveURL(/overdue=/);
  await expect(menu(page).getByRole('link', { name: 'Mes dossiers' })).toBeVisible();
});

test('the read-only supervisor sees no queues of their own, and is told why lists look empty', async ({
  page,
}) => {
  await new LoginPage(page).loginAs('superviseur');
  await expect(page.getByText(/aucun dossier n’attend d’action de votre part/)).toBeVisible();
  await expect(menu(page).getByRole('link', { name: 'Ma zone' })).toBeVisible();
  await expect(menu(page).getByRole('link', { name: 'Mes dossiers' })).toHaveCount(0);
  await expect(menu(page).getByRole('link', { name: 'Non assignées' })).toHaveCount(0);
  await menu(page).getByRole('link', { name: 'Ma zone' }).click();
  await expect(page.getByText('Chargement…')).toHaveCount(0);
  const rows = await page
    .locator('tbody tr')
    .filter({ has: page.getByRole('link') })
    .count();
  if (rows === 0)
    await expect(page.getByText(/seuls les dossiers dont la synthèse a été publiée/)).toBeVisible();
});

test('reassign and take over in Kara, a region with one focal point', async ({ browser }) => {
  // Three people in turn, each with a login and a case page: more than the default minute on 2 cores.
  test.setTimeout(180_000);
  const karaContext = await browser.newContext();
  const kara = await karaContext.newPage();
  await new LoginPage(kara).loginAs('focal.kara');
  const karaApi = await staffApi(kara);
  const mine = await karaApi.get('/api/v1/complaints', {
    queue: 'mine',
    status: 'received,acknowledged,in_progress',
  });
  const kase = mine.items[0] as { id: string; village: { id: string } };
  expect(kase, 'focal.kara has an open case').toBeTruthy();

  // Kara's only focal point can hand the case to the national officer, shown with their workload.
  const karaCase = new CaseDialog(kara);
  await karaCase.openCase(kase.id);
  let dialog = await karaCase.start('Réassigner');
  await expect(dialog.getByLabel('Nouvelle personne chargée')).toBeVisible();
  await expect(dialog.locator('option', { hasText: 'Afi Mensah' })).toContainText('dossier(s) ouvert(s)');
  await expect(dialog.getByRole('button', { name: 'Confirmer' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await karaContext.close();

  // The national officer takes the case over, then gives it back to Kara's focal point.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await new LoginPage(officer).loginAs('agent.grm');
  const officerApi = await staffApi(officer);
  const officerCase = new CaseDialog(officer);
  await officerCase.openCase(kase.id);
  dialog = await officerCase.start('Prendre en charge');
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await expect(dialog).toBeHidden();
  expect((await officerApi.get(`/api/v1/complaints/${kase.id}`)).assignee.id).toBe(officerApi.me.id);
  dialog = await officerCase.start('Réassigner');
  const back = await dialog.locator('option', { hasText: 'point focal Kara' }).getAttribute('value');
  await dialog.getByLabel('Nouvelle personne chargée').selectOption(back!);
  await dialog.getByLabel('Motif').fill('Retour au point focal de la région');
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await expect(dialog).toBeHidden();
  const given = await officerApi.get(`/api/v1/complaints/${kase.id}`);
  expect(given.assignee.id).toBe(karaApi.me.id);
  await officerContext.close();

  // Kara's focal point is told in words, with accents and labels rather than codes (the worker delivers it).
  const toldContext = await browser.newContext();
  const told = await toldContext.newPage();
  await new LoginPage(told).loginAs('focal.kara');
  await told.goto('/notifications');
  const notice = told
    .locator('li, .list-group-item')
    .filter({ hasText: `Le dossier ${given.reference} vous est attribué au niveau` })
    .first();
  // The list is read when the page opens: look again until the worker's next pass has delivered it.
  await expect(async () => {
    await told.reload();
    await expect(notice).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(notice).toContainText(
    /au niveau (national|régional|préfectoral|communal|cantonal|du village)\./,
  );
  await expect(notice).toContainText('Catégorie : ');
  await expect(notice).not.toContainText(`Catégorie : ${given.category}.`);
  await toldContext.close();

  // A GBV case: only the sensitive-case focal point may hold it, so nobody else can receive it and
  // "Confirmer" is disabled with the reason, instead of failing on an empty field.
  const vbgContext = await browser.newContext();
  const vbg = await vbgContext.newPage();
  await new LoginPage(vbg).loginAs('vbg.focal');
  const vbgApi = await staffApi(vbg);
  const gbv = await vbgApi.post('/api/v1/complaints', {
    type: 'complaint',
    category: 'gbv_sea',
    channel: 'in_person',
    description: 'Signalement reçu en entretien confidentiel.',
    villageId: kase.village.id,
    complainant: { anonymous: true },
  });
  expect(gbv.assignee?.id, 'a GBV case goes to the sensitive-case focal point').toBe(vbgApi.me.id);
  const vbgCase = new CaseDialog(vbg);
  await vbgCase.openCase(gbv.id);
  dialog = await vbgCase.start('Réassigner');
  await expect(dialog.getByTestId('reassign-no-choice')).toContainText(
    'Personne d’autre ne peut recevoir ce dossier',
  );
  await expect(dialog.getByRole('button', { name: 'Confirmer' })).toBeDisabled();
  await vbgContext.close();
});
