import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';

// A village's full file (issue #15 "Progress") on the demo data: the CDD specialist opens a village's task from
// the review queue, follows the village's name to its file and finds the cycle and that task there; axe finds
// no serious violation on the file.
test.describe.configure({ timeout: 180_000 });

test('the specialist follows a task’s village to the village’s file', async ({ page }) => {
  await new LoginPage(page).loginAs('specialiste.dcc');
  const checks = new PageChecks(page);
  await checks.visit('/dcc/review');
  const villageLinks = 'a[href^="/dcc/villages/"]';
  const row = page
    .getByRole('row')
    .filter({ has: page.locator(villageLinks) })
    .first();
  await expect(row).toBeVisible();
  const taskLink = row.locator('a[href^="/dcc/tasks/"]');
  const taskName = ((await taskLink.textContent()) ?? '').trim();
  await taskLink.click();
  await expect(page).toHaveURL(/\/dcc\/tasks\/[0-9a-f-]{36}$/);
  const taskPath = new URL(page.url()).pathname;

  // The task page's own link (its details list), once the queue's rows are gone.
  const village = page.locator(`dl ${villageLinks}`);
  await expect(village).toHaveCount(1);
  const villageName = ((await village.textContent()) ?? '').trim();
  await village.click();
  await expect(page).toHaveURL(/\/dcc\/villages\/[0-9a-f-]{36}$/);
  await expect(
    page.getByRole('heading', { level: 1, name: `Dossier du village ${villageName}` }),
  ).toBeVisible();
  const cycle = page.getByRole('region', { name: /^COSO 2026-2027/ });
  await expect(cycle).toBeVisible();
  const task = cycle.locator(`a[href="${taskPath}"]`);
  await expect(task).toHaveText(taskName);
  await expect(page.getByRole('region', { name: 'Chronologie' })).toBeVisible();
  await checks.axe('/dcc/villages/:id');

  await task.click();
  await expect(page).toHaveURL(new RegExp(`${taskPath}$`));
  checks.expectClean();
});
