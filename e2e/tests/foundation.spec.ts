import { expect, test } from '@playwright/test';
import { GeoImportPage } from '../pages/geo-import-page.js';
import { LoginPage } from '../pages/login-page.js';
import { UsersPage } from '../pages/users-page.js';

test('an administrator logs in in French, sees the demo banner, and can switch to English', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  const login = new LoginPage(page);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await login.login('admin', 'mauvais-mot-de-passe-1');
  await expect(page.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
  await login.login('admin');
  await expect(page.getByText('Bienvenue, Administrateur COSO')).toBeVisible();
  await expect(page.getByText(/démonstration/i).first()).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Welcome, Administrateur COSO')).toBeVisible();
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByText('Bienvenue, Administrateur COSO')).toBeVisible();
});

test('an administrator creates a focal point for Centrale, who can then log in', async ({
  page,
  browser,
}) => {
  await new LoginPage(page).loginAs('admin');
  const users = new UsersPage(page);
  const username = `focal.test${Date.now() % 100000}`;
  await users.openNew();
  await users.create({
    username,
    displayName: 'Point focal de test (Centrale)',
    email: `${username}@example.org`,
    password: 'Bienvenue-Kara-2027',
    roleLabel: 'Point focal MGP',
    jurisdictionSearch: 'Centrale',
    jurisdictionName: /^Centrale \(région\)/,
  });
  await expect(page.getByText("L'utilisateur a été créé.")).toBeVisible();
  await users.expectListed(username);

  const other = await browser.newContext();
  const newcomer = await other.newPage();
  await new LoginPage(newcomer).loginAs(username, 'Bienvenue-Kara-2027');
  await expect(newcomer.getByText('Point focal MGP').first()).toBeVisible();
  await other.close();
});

test('an administrator imports a village CSV with one bad row and sees the row error', async ({ page }) => {
  await new LoginPage(page).loginAs('admin');
  const imports = new GeoImportPage(page);
  await imports.open();
  const csv = [
    'Région;Préfecture;Commune;Canton;Village;Frontalier;Rural;Latitude;Longitude;Code',
    'Kara;Kozah;Kozah 1;Lama;Village Essai Un;non;oui;9,55;1,19;E2E-V1',
    'Kara;Kozah;Kozah 1;Lama;Village Essai Deux;non;oui;abc;1,20;E2E-V2',
  ].join('\n');
  await imports.upload('villages.csv', csv, { dryRun: true });
  const rejected = imports.rejectedRows();
  await expect(rejected).toBeVisible();
  const row = rejected.getByRole('row').filter({ hasText: 'Latitude' });
  await expect(row.getByRole('cell').first()).toHaveText('3');
  await expect(row).toContainText('abc');
  await expect(page.getByText('Créées : 1')).toBeVisible();

  await imports.upload('villages.csv', csv, { dryRun: false });
  await expect(
    page.getByText("L'import contient des lignes en erreur ; rien n'a été importé."),
  ).toBeVisible();
  const search = await page.request.get('/api/v1/geo/units?q=Village%20Essai');
  expect((await search.json()).items).toEqual([]);
});
