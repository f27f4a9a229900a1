import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';

/** Renders the first page of a PDF to PNG with poppler's pdftoppm (Debian package poppler-utils). */
function firstPagePng(pdf: string, out: string) {
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    out.replace(/\.png$/, ''),
  ]);
}

test('a supervisor reads the dashboard, narrows it to Kara and downloads the monthly report', async ({
  page,
}, testInfo) => {
  await new LoginPage(page).loginAs('superviseur');
  await page.getByRole('link', { name: 'Tableau de bord', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord des plaintes' })).toBeVisible();

  // The whole period: the demo cases were received over the last weeks.
  await page.getByRole('button', { name: 'Toute la période' }).click();
  const received = page.locator('.report-kpi').filter({ hasText: 'Reçues' }).locator('.value');
  await expect(received).not.toHaveText('0');
  const national = Number(await received.textContent());

  // Drill down from the regions to Kara: fewer cases, and the breadcrumb names it.
  const byArea = page.getByRole('region', { name: 'Par zone' });
  await byArea.getByRole('button', { name: 'Tableau' }).click();
  await byArea.getByRole('button', { name: 'Kara' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Zone' }).getByRole('button', { name: 'Kara' }),
  ).toBeVisible();
  await expect(received).not.toHaveText(String(national));
  expect(Number(await received.textContent())).toBeGreaterThan(0);
  await expect(page.getByRole('img', { name: 'Par statut' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-kara.png'), fullPage: true });

  // Printed: no menu, no filters, every chart with its table.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app-sidebar')).toBeHidden();
  await expect(page.locator('form.report-filters')).toBeHidden();
  await expect(byArea.locator('table')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Par canal' }).locator('table')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-kara-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The monthly report of the area shown, as PDF then XLSX.
  const card = page.getByRole('region', { name: 'Rapport périodique' });
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('link', { name: 'Télécharger le PDF' }).click(),
  ]);
  const pdfPath = testInfo.outputPath(pdf.suggestedFilename());
  await pdf.saveAs(pdfPath);
  expect(pdf.suggestedFilename()).toMatch(/^rapport-plaintes-\d{4}-\d{2}-interne\.pdf$/);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const pngPath = testInfo.outputPath('report-page-1.png');
  firstPagePng(pdfPath, pngPath);
  expect(fs.statSync(pngPath).size).toBeGreaterThan(5_000);

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('link', { name: 'Télécharger le XLSX' }).click(),
  ]);
  const xlsxPath = testInfo.outputPath(xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  // An XLSX file is a zip archive.
  expect(fs.readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');
});

test('the indicators page follows the chosen area and period, kept in its address', async ({ page }) => {
  await new LoginPage(page).loginAs('superviseur');
  await page.goto('/reports/indicators');
  const received = page.getByTestId('indicator-received');
  await expect(received).not.toHaveText('0');
  const national = Number((await received.textContent())?.replace(/\D/g, ''));

  await page.getByLabel('Période').selectOption('24');
  await expect(page).toHaveURL(/months=24/);
  await page.getByLabel('Aller à une zone').fill('Kara');
  await page
    .getByRole('list', { name: 'Résultats de la recherche' })
    .getByRole('button', { name: /^Kara — Togo/ })
    .click();
  await expect(page).toHaveURL(/area=[0-9a-f-]{36}/);
  await expect(
    page.getByRole('navigation', { name: 'Zone' }).getByRole('button', { name: 'Kara' }),
  ).toBeVisible();
  await expect(received).not.toHaveText(String(national));

  // The address is enough to come back to the same view.
  const url = page.url();
  await page.goto('/reports');
  await page.goto(url);
  await expect(page.getByLabel('Période')).toHaveValue('24');
  await expect(
    page.getByRole('navigation', { name: 'Zone' }).getByRole('button', { name: 'Kara' }),
  ).toBeVisible();
});

test('the map shows cases per canton as circles, without a base map, and a circle opens its dashboard', async ({
  page,
}, testInfo) => {
  await new LoginPage(page).loginAs('superviseur');
  await page.getByRole('link', { name: 'Carte des plaintes' }).click();
  await expect(page.getByRole('heading', { name: 'Carte des plaintes', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Toute la période' }).click();
  await page.getByLabel('Niveau').selectOption('canton');

  // No tile URL configured: the light mode, nothing fetched but the API.
  await expect(page.getByLabel('Sans fond de carte')).toBeChecked();
  await expect(page.getByLabel('Avec fond de carte')).toBeDisabled();
  const map = page.locator('svg.area-map');
  await expect(map.locator('image')).toHaveCount(0);
  const symbols = map.locator('a');
  await expect(symbols.first()).toBeVisible();
  expect(await symbols.count()).toBeGreaterThan(1);

  // The table beside it holds the same numbers: its total equals the dashboard's.
  const block = page.getByRole('region', { name: 'Dossiers reçus par canton' });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const cells = await block.locator('tbody tr td:nth-child(2)').allTextContents();
  const mapTotal = cells.reduce((s, c) => s + (Number(c) || 0), 0);
  expect(mapTotal).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('map-cantons.png'), fullPage: true });
  await map.screenshot({ path: testInfo.outputPath('map-symbols.png') });

  // The smallest circle is drawn last (on top): click it, the dashboard opens on that canton.
  const last = symbols.last();
  const name = (await last.getAttribute('aria-label'))!.split(' : ')[0]!;
  await last.click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord des plaintes' })).toBeVisible();
  await expect(page).toHaveURL(/\/reports\?area=/);
  await expect(
    page.getByRole('navigation', { name: 'Zone' }).getByRole('button', { name, exact: true }),
  ).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.report-kpi').filter({ hasText: 'Reçues' }).locator('.value')).not.toHaveText(
    '0',
  );
});

test('with a tile URL from the server, the map draws its base map under the circles', async ({ page }) => {
  // The server does not expose a tile URL yet: the meta answer is extended here, the tiles are served here.
  const tile = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const served: string[] = [];
  await page.route('**/api/v1/meta', async (route) => {
    const meta = await (await route.fetch()).json();
    await route.fulfill({
      json: { ...meta, map: { tileUrl: '/tiles/{z}/{x}/{y}.png', attribution: '© test' } },
    });
  });
  await page.route('**/tiles/**', async (route) => {
    served.push(new URL(route.request().url()).pathname);
    await route.fulfill({ body: tile, contentType: 'image/png' });
  });
  await new LoginPage(page).loginAs('superviseur');
  await page.goto('/reports/map?level=region');
  await expect(page.getByLabel('Avec fond de carte')).toBeChecked();
  const images = page.locator('svg.area-map image');
  await expect(images.first()).toBeAttached();
  expect(served.length).toBeGreaterThan(0);
  expect(served.every((p) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(p))).toBe(true);
  await expect(page.locator('svg.area-map').getByText('© test')).toBeAttached();

  // The light mode drops the tiles.
  await page.getByLabel('Sans fond de carte').check();
  await expect(images).toHaveCount(0);
  await expect(page).toHaveURL(/base=none/);
});

test('an analyst downloads the dataset and prepares a large export in the background', async ({
  page,
}, testInfo) => {
  await new LoginPage(page).loginAs('analyste');
  await page.getByRole('link', { name: 'Rapports et exports' }).click();
  await expect(page.getByRole('heading', { name: 'Rapports et exports', level: 1 })).toBeVisible();
  const dataset = page.getByRole('region', { name: 'Jeu de données pour les analystes' });

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    dataset.getByRole('link', { name: 'Télécharger en CSV' }).first().click(),
  ]);
  const csvPath = testInfo.outputPath(csv.suggestedFilename());
  await csv.saveAs(csvPath);
  expect(csv.suggestedFilename()).toMatch(/^plaintes-jeu-de-donnees-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs
    .readFileSync(csvPath, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toMatch(/^case_ref,received_on,/);
  expect(lines.length).toBeGreaterThan(1);

  // In the background: queued, then ready within a few worker polls, then downloaded.
  const jobs = page.getByRole('region', { name: 'Mes exports en arrière-plan' });
  await dataset.getByRole('button', { name: 'XLSX en arrière-plan' }).first().click();
  await expect(jobs.getByTestId('export-job-done')).toBeVisible({ timeout: 30_000 });
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    jobs
      .getByRole('link', { name: /^Télécharger/ })
      .first()
      .click(),
  ]);
  const xlsxPath = testInfo.outputPath(xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  expect(fs.readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByRole('region', { name: 'Rapports générés automatiquement' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('downloads.png'), fullPage: true });
});
