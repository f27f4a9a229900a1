import { expect, type Page, test } from '@playwright/test';
import { FieldApp } from '../pages/field-app.js';
import { DEMO_PASSWORD } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';

// The facilitator's planning and GPS on the phone (issue #15): a task of a village planned for today and recorded
// as done with a comment and a photo, offline; back online, the server has it. The village's position taken
// with the phone's GPS (mocked) reaches the server too. axe checks the new screens.
test.describe.configure({ timeout: 180_000 });

// A 4×4 PNG: enough for the phone to compress it as a photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4UaEBRwzEcQBTUhaBGaoOzwAAAABJRU5ErkJggg==',
  'base64',
);
const KARA = { latitude: 9.5511, longitude: 1.1861, accuracy: 8 };

const localToday = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

test('the facilitator plans a task, records it done offline, and takes the village position', async ({
  browser,
  baseURL,
  playwright,
}) => {
  const context = await browser.newContext({
    baseURL: baseURL!,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(KARA);
  const page = await context.newPage();
  const field = new FieldApp(page);
  const checks = new PageChecks(page);
  await field.login('facilitateur.kara');

  await page.getByTestId('home-dcc').click();
  await page.getByTestId('dcc-planning').click();
  await expect(page).toHaveURL(/\/terrain\/dcc\/planning$/);
  await checks.axe('/terrain/dcc/planning');

  await context.setOffline(true);
  await expect(field.badge).toHaveAttribute('data-online', 'false');
  await page.getByTestId('dcc-plan-new').click();
  await expect(page.getByLabel('Tâche', { exact: true })).toBeVisible();
  await checks.axe('/terrain/dcc/planning/new');
  const village = await page.getByLabel('Village', { exact: true }).locator('option:checked').textContent();
  const task = (await page.getByLabel('Tâche', { exact: true }).locator('option:checked').textContent())!;
  await page.getByLabel('Date', { exact: true }).fill(await localToday(page));
  await page.getByTestId('dcc-plan-save').click();

  await expect(page).toHaveURL(/\/terrain\/dcc\/planning$/);
  const line = page.getByTestId('dcc-plan').filter({ hasText: task });
  await expect(line).toContainText(village!);
  await expect(line).toContainText('En attente d’envoi');
  await line.getByTestId('dcc-plan-record').click();
  await expect(page).toHaveURL(/\/terrain\/dcc\/planning\/[0-9a-f-]{36}$/);
  const planId = page.url().split('/').pop()!;
  await checks.axe('/terrain/dcc/planning/:id');
  await page.getByText('Fait', { exact: true }).click();
  await page
    .getByLabel('Commentaire (facultatif)')
    .fill('Assemblée tenue : 42 participants, dont 19 femmes.');
  await page
    .locator('#plan-photo')
    .setInputFiles({ name: 'assemblee.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('dcc-plan-photo')).toBeVisible();
  await page.getByTestId('dcc-plan-save').click();
  await expect(page).toHaveURL(/\/terrain\/dcc\/planning$/);
  await expect(line.getByTestId('dcc-plan-outcome')).toHaveText('Fait');
  await expect(field.badge).toHaveAttribute('data-pending-changes', '2');

  // The village's position, still offline: the phone's GPS (mocked) gives Kara.
  await page.goto('/terrain/dcc');
  await page.getByRole('link', { name: `Ouvrir le village ${village}` }).click();
  await expect(page).toHaveURL(/\/terrain\/dcc\/villages\/[0-9a-f-]{36}$/);
  const villageId = page.url().split('/').pop()!;
  await page.getByRole('button', { name: 'Enregistrer la position du village' }).click();
  await expect(page.getByText('Position enregistrée (précision 8 m)', { exact: false })).toBeVisible();
  await expect(page.getByTestId('dcc-village-position')).toContainText('9.55110, 1.18610');
  await checks.axe('/terrain/dcc/villages/:id (position)');

  await context.setOffline(false);
  await field.openSync();
  await page.getByTestId('sync-now').click();
  await field.expectNothingPending(60_000);

  const api = await playwright.request.newContext({ baseURL: baseURL! });
  const login = await api.post('/api/v1/auth/login', {
    data: { login: 'facilitateur.kara', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const plans = await api.get('/api/v1/dcc/plans');
  expect(plans.status()).toBe(200);
  const saved = ((await plans.json()).items as Array<Record<string, unknown>>).find((p) => p.id === planId);
  expect(saved).toMatchObject({
    unitId: villageId,
    taskName: task,
    outcome: 'done',
    comment: 'Assemblée tenue : 42 participants, dont 19 femmes.',
    photoUploadId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
  const places = await api.get('/api/v1/dcc/places', { params: { villageId } });
  expect(places.status()).toBe(200);
  expect((await places.json()).items).toEqual([
    expect.objectContaining({ kind: 'village', latitude: 9.5511, longitude: 1.1861, accuracyM: 8 }),
  ]);
  await api.dispose();
  expect(checks.violations).toEqual([]);
  await context.close();
});
