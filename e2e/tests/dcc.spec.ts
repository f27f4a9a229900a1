import { expect, test } from '@playwright/test';
import { FieldApp } from '../pages/field-app.js';
import { LoginPage } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';

// The DCC cycle on the demo data (issue #15): the CDD specialist walks the cycle, the review queue and the
// progress pages (axe finds no serious violation), opens a submitted task and sends it back with a comment;
// the facilitator's phone shows their villages, a village's tasks and a task, also checked by axe.
test.describe.configure({ timeout: 180_000 });

test('the CDD specialist reviews a submitted task from the queue and returns it with a comment', async ({
  page,
}) => {
  await new LoginPage(page).loginAs('specialiste.dcc');
  const checks = new PageChecks(page);
  await checks.visit('/dcc/cycles');
  await checks.axe('/dcc/cycles');
  await page.getByRole('link', { name: 'COSO 2026-2027' }).click();
  await expect(page).toHaveURL(/\/dcc\/cycles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'COSO 2026-2027' })).toBeVisible();
  await checks.axe('/dcc/cycles/:id');
  await checks.visit('/dcc/progress');
  await checks.axe('/dcc/progress');

  await checks.visit('/dcc/review');
  await checks.axe('/dcc/review');
  const queue = page.getByRole('table');
  const first = queue.getByRole('link').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/dcc\/tasks\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await checks.axe('/dcc/tasks/:id');

  await page.getByRole('button', { name: 'Renvoyer avec un commentaire' }).click();
  await page.getByLabel('Commentaire pour l’animateur').fill('Le nombre de ménages manque de précision.');
  await page.getByRole('button', { name: 'Renvoyer', exact: true }).click();
  await expect(page.getByText('Le nombre de ménages manque de précision.').first()).toBeVisible();
  const detail = await page.request.get(`/api/v1/dcc/task-instances/${id}`);
  expect(detail.status()).toBe(200);
  expect(await detail.json()).toMatchObject({
    status: 'returned',
    returnComment: 'Le nombre de ménages manque de précision.',
  });
  checks.expectClean();
});

test('the facilitator finds their villages, a village’s tasks and a task on the phone', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    baseURL: baseURL!,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const field = new FieldApp(page);
  await field.login('facilitateur.kara');
  const checks = new PageChecks(page);
  await page.getByTestId('home-dcc').click();
  await expect(page).toHaveURL(/\/terrain\/dcc$/);
  await expect(page.getByRole('heading', { name: 'Mes villages' })).toBeVisible();
  await checks.axe('/terrain/dcc');
  await page
    .getByRole('link', { name: /^Ouvrir / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/terrain\/dcc\/villages\/[0-9a-f-]{36}$/);
  await checks.axe('/terrain/dcc/villages/:id');
  await page.locator('a[href*="/tasks/"]').first().click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await checks.axe('/terrain/dcc/villages/:id/tasks/:id');
  expect(checks.violations).toEqual([]);
  await context.close();
});
