import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, LoginPage } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';

// Every main page, as each role that sees it differently: axe finds no serious or critical violation and
// the console stays clean (no request the page could not use). One login per role, pages in sequence.
// axe takes a few seconds per page on a busy machine: the walks get more time than the default minute.
test.describe.configure({ timeout: 240_000 });

interface CaseRow {
  id: string;
  trackingCode: string;
  sensitive: boolean;
}

/** A case the logged-in user can open, through the page's own session. */
async function someCase(request: APIRequestContext, sensitive: boolean): Promise<CaseRow> {
  const res = await request.get('/api/v1/complaints', { params: { limit: '50' } });
  expect(res.status()).toBe(200);
  const found = ((await res.json()).items as CaseRow[]).find((c) => c.sensitive === sensitive);
  expect(found, `a ${sensitive ? 'sensitive' : 'non-sensitive'} case in the demo data`).toBeTruthy();
  return found!;
}

async function walk(checks: PageChecks, label: string, paths: string[]) {
  for (const path of paths) {
    await checks.visit(path);
    await checks.axe(`${label} ${path}`);
  }
}

/** Checks start once logged in: the login page's own 401 on /me is the anonymous walk's business. */
async function loggedIn(page: Page, username: string) {
  await new LoginPage(page).loginAs(username);
  return new PageChecks(page);
}

test('anonymous pages: login, citizen pages and the field app login', async ({
  page,
  playwright,
  baseURL,
}) => {
  const staff = await playwright.request.newContext({ baseURL: baseURL! });
  await staff.post('/api/v1/auth/login', { data: { login: 'agent.grm', password: DEMO_PASSWORD } });
  const code = (await someCase(staff, false)).trackingCode;
  await staff.dispose();

  const checks = new PageChecks(page);
  await walk(checks, 'anonymous', ['/public', '/public/plainte', '/public/suivi', '/public/statistiques']);
  await checks.visit('/public/suivi');
  await page.getByLabel('Code de suivi').fill(code);
  await page.getByRole('button', { name: 'Voir l’état' }).click();
  await expect(page.getByTestId('public-status')).toBeVisible();
  await checks.axe('anonymous /public/suivi (tracked)');
  // Citizen pages never ask for a session; the login page has to.
  expect(checks.consoleErrors).toEqual([]);
  await walk(checks, 'anonymous', ['/login', '/terrain/']);
  checks.expectClean([/\/login: 401 GET \S+\/api\/v1\/me$/, /\/login: Failed to load resource.*401/]);
});

for (const [part, paths] of [
  ['users and geography', ['/', '/admin/users', '/admin/users/new', '/geo', '/geo/import']],
  [
    'grievance configuration',
    ['/grm/reference', '/grm/committees', '/grm/escalation', '/grm/routing', '/grm/deadlines'],
  ],
  [
    'notifications, audit and account',
    [
      '/admin/notification-templates',
      '/admin/notification-outbox',
      '/admin/jobs',
      '/admin/audit',
      '/notifications',
      '/account',
    ],
  ],
] as const) {
  test(`administrator: ${part}`, async ({ page }) => {
    const checks = await loggedIn(page, 'admin');
    await walk(checks, 'admin', [...paths]);
    checks.expectClean();
  });
}

test('grievance officer: lists, intake, an ordinary case and its action dialog', async ({ page }) => {
  const checks = await loggedIn(page, 'agent.grm');
  const c = await someCase(page.request, false);
  await walk(checks, 'agent.grm', ['/', '/complaints?queue=mine', '/complaints/new', '/complaints/import']);
  await walk(checks, 'agent.grm', [`/complaints/${c.id}`]);
  const actions = page.getByRole('region', { name: 'Actions' }).getByRole('button');
  if ((await actions.count()) > 0) {
    await actions.first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // The dialog's body keeps its distance from the edges.
    const padding = await dialog.locator('.modal-body').evaluate((el) => getComputedStyle(el).paddingLeft);
    expect(padding).toBe('16px');
    await checks.axe('agent.grm case action dialog');
    await page.keyboard.press('Escape');
  }
  checks.expectClean();
});

test('grievance officer: reports, indicators, map and downloads', async ({ page }) => {
  const checks = await loggedIn(page, 'agent.grm');
  await walk(checks, 'agent.grm', ['/reports', '/reports/indicators', '/reports/map', '/reports/downloads']);
  checks.expectClean();
});

test('GBV focal point: a sensitive case page', async ({ page }) => {
  const checks = await loggedIn(page, 'vbg.focal');
  const c = await someCase(page.request, true);
  await walk(checks, 'vbg.focal', ['/complaints', `/complaints/${c.id}`]);
  checks.expectClean();
});

for (const [username, paths] of [
  ['focal.kara', ['/', '/complaints?queue=area', '/complaints?queue=unassigned']],
  ['superviseur', ['/', '/complaints?queue=area', '/reports']],
  ['analyste', ['/', '/reports/indicators', '/reports/downloads']],
] as const) {
  test(`${username}: home, lists and dashboards`, async ({ page }) => {
    const checks = await loggedIn(page, username);
    await walk(checks, username, [...paths]);
    checks.expectClean();
  });
}

test('date fields are written in the app language, not the browser’s', async ({ page }) => {
  await new LoginPage(page).loginAs('analyste');
  await page.goto('/reports');
  const from = page.getByLabel('Reçues du', { exact: true });
  await from.fill('01/12/2026');
  await from.blur();
  await expect(page).toHaveURL(/from=2026-12-01/);
  await expect(from).toHaveAttribute('placeholder', 'jj/mm/aaaa');
  await page.getByRole('button', { name: 'English' }).click();
  try {
    await expect(page.getByLabel('Received from', { exact: true })).toHaveValue('12/01/2026');
    await expect(page.getByLabel('Received from', { exact: true })).toHaveAttribute(
      'placeholder',
      'mm/dd/yyyy',
    );
  } finally {
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(from).toHaveValue('01/12/2026');
  }
});

test('on a 360-pixel phone, staff pages do not scroll sideways', async ({ browser }) => {
  const wide: string[] = [];
  for (const [username, paths] of [
    [
      'agent.grm',
      ['/', '/complaints', 'CASE', '/complaints/new', '/reports', '/reports/indicators', '/reports/map'],
    ],
    ['admin', ['/admin/users', '/geo', '/grm/routing', '/admin/notification-outbox', '/admin/audit']],
  ] as const) {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const checks = await loggedIn(page, username);
    for (const path of paths) {
      await checks.visit(path === 'CASE' ? `/complaints/${(await someCase(page.request, false)).id}` : path);
      const width = await checks.documentWidth();
      if (width > 360) wide.push(`${username} ${path}: ${width}px`);
    }
    // The user's name in the top bar is whole or shortened with an ellipsis, never cut by the screen's edge.
    const name = page.locator('.app-header .dropdown-toggle');
    const box = await name.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(360);
    await context.close();
  }
  expect(wide, 'pages wider than the 360-pixel screen').toEqual([]);
});

test('on a 1366×768 laptop, the case list shows its last column without scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const checks = await loggedIn(page, 'agent.grm');
  await checks.visit('/complaints');
  const box = page.locator('.table-responsive').first();
  const { scroll, client } = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client + 1);
  await context.close();
});
