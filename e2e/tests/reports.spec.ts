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
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
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
