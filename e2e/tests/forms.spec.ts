import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { MEETING_FORM_ID, MEETING_TITLE, meetingXlsForm } from '../fixtures/forms/village-meeting.js';
import { FieldApp } from '../pages/field-app.js';
import { DEMO_PASSWORD, LoginPage } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';

// Forms as data, end to end (issue #14): the administrator imports an XLSForm (dry run, then publish) and
// previews it as desktop and phone; a facilitator on a phone receives it by sync, fills it OFFLINE (skip
// logic, a constraint refused, a repeat instance, a photo), reloads in the middle and resumes the draft,
// sends it, and once online the submission is on the server. axe finds no serious violation on the admin's
// forms pages nor on the phone's form page. The .xlsx is built by the test (fixtures/forms/village-meeting.ts).
// The second test fills the latest version the first one published (found through the API, so that it
// also runs after a failure of the first's page checks).
test.describe.configure({ timeout: 120_000 });

/** A new version per run: a data folder kept between runs keeps the earlier versions. */
const VERSION = `e2e-${Date.now()}`;
/** This run's answer to "Précisez le type de réunion": finds its submission among earlier runs' ones. */
const OTHER_TYPE = `Restitution du diagnostic ${Date.now().toString(36)}`;

/** A 1×1 PNG: the phone re-encodes it as JPEG before keeping it. */
const PHOTO = {
  name: 'reunion.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
};

async function staff(
  playwright: { request: { newContext: (o: { baseURL: string }) => Promise<APIRequestContext> } },
  baseURL: string,
) {
  const request = await playwright.request.newContext({ baseURL });
  const login = await request.post('/api/v1/auth/login', {
    data: { login: 'admin', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return request;
}

test('an administrator checks an XLSForm, publishes it and previews it as desktop and phone', async ({
  page,
}) => {
  await new LoginPage(page).loginAs('admin');
  const checks = new PageChecks(page);

  await checks.visit('/admin/forms');
  await checks.axe('/admin/forms');
  await page.getByRole('link', { name: 'Importer un XLSForm' }).click();
  await expect(page).toHaveURL(/\/admin\/forms\/import$/);
  await page
    .getByRole('button', { name: 'Fichier XLSForm (.xlsx)' })
    .setInputFiles(await meetingXlsForm(VERSION));

  // The dry run: the summary, no problem, nothing published yet.
  const publish = page.getByRole('button', { name: 'Publier' });
  await expect(publish).toBeDisabled();
  await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
  await expect(page.getByText('Vérification terminée : rien n’a été publié.')).toBeVisible();
  await expect(page.getByText('Aucun problème trouvé.')).toBeVisible();
  await expect(page.getByText(MEETING_TITLE).first()).toBeVisible();
  await checks.axe('/admin/forms/import (dry run)');

  await publish.click();
  await expect(page.getByText('Formulaire publié.')).toBeVisible();
  await page.getByRole('link', { name: 'Ouvrir le formulaire publié' }).click();
  await expect(page).toHaveURL(/\/admin\/forms\/[0-9a-f-]{36}$/);
  await checks.settle();
  await expect(page.getByText(`${MEETING_FORM_ID}, version ${VERSION}`, { exact: false })).toBeVisible();
  await checks.axe('/admin/forms/:id');

  // Desktop preview: the whole form, skip logic live.
  await page.getByRole('tab', { name: 'Aperçu bureau' }).click();
  const other = page.getByLabel(/Précisez le type de réunion/);
  await expect(other).toHaveCount(0);
  await page.getByRole('radio', { name: 'Autre' }).check();
  await expect(other).toBeVisible();
  await checks.axe('/admin/forms/:id (desktop preview)');

  // Phone preview: the field app's runner, one page at a time, in a 360-pixel frame.
  await page.getByRole('tab', { name: 'Aperçu téléphone' }).click();
  await expect(page.getByText(/^Page 1 sur \d+$/)).toBeVisible();
  await expect(page.getByLabel(/Nom du village/)).toBeVisible();
  await checks.axe('/admin/forms/:id (phone preview)');
  checks.expectClean();
});

/** The phone's runner, one page at a time. */
class Runner {
  constructor(private readonly page: Page) {}
  get progress() {
    return this.page.locator('.fr-progress span');
  }
  async next() {
    const before = await this.progress.textContent();
    await this.page.getByRole('button', { name: 'Suivant' }).click();
    await expect(this.progress).not.toHaveText(before ?? '');
  }
  async previous() {
    const before = await this.progress.textContent();
    await this.page.getByRole('button', { name: 'Précédent' }).click();
    await expect(this.progress).not.toHaveText(before ?? '');
  }
  question(label: RegExp) {
    return this.page.getByLabel(label);
  }
}

test('a facilitator fills the form offline on a phone, resumes the draft after a reload, and it reaches the server', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const admin = await staff(playwright, baseURL!);
  const list = (await (await admin.get('/api/v1/forms')).json()) as {
    items: Array<{ formId: string; versions: Array<{ id: string; version: string }> }>;
  };
  const latest = list.items.find((f) => f.formId === MEETING_FORM_ID)?.versions[0];
  expect(latest, 'the form published by the previous test').toBeTruthy();
  const page = await phone(browser);
  const field = new FieldApp(page);
  await field.login('facilitateur.kara');
  const checks = new PageChecks(page);

  await page.context().setOffline(true);
  await expect(field.badge).toHaveAttribute('data-online', 'false');
  await page.getByRole('link', { name: /Formulaires/ }).click();
  await page
    .getByRole('button', { name: new RegExp(`^Remplir « ${MEETING_TITLE} ».*Version ${latest!.version}`) })
    .click();
  const runner = new Runner(page);

  await runner.question(/Nom du village/).fill('Lama-Tessi');
  await checks.axe('/terrain form page');
  await runner.next();

  // Skip logic: "Assemblée générale" goes straight to the count; "Autre" asks what it was.
  await page.getByRole('radio', { name: 'Assemblée générale' }).check();
  await checks.axe('/terrain form choice page');
  await runner.next();
  await expect(runner.question(/Nombre de participants/)).toBeVisible();
  await runner.previous();
  await page.getByRole('radio', { name: 'Autre' }).check();
  await runner.next();
  await runner.question(/Précisez le type de réunion/).fill(OTHER_TYPE);
  await runner.next();

  // The constraint and its message from the XLSForm: the page does not turn.
  await runner.question(/Nombre de participants/).fill('0');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByText('Entre 1 et 500 participants')).toBeVisible();
  await expect(runner.question(/Nombre de participants/)).toBeVisible();
  await runner.question(/Nombre de participants/).fill('42');
  await runner.next();

  // Reloaded without network in the middle: the runner comes back on the draft, at the page reached, and
  // the draft is listed on the forms screen.
  await expect(runner.progress).toHaveText('Page 5 sur 6');
  await page.reload();
  await expect(field.badge).toHaveAttribute('data-online', 'false');
  await expect(runner.progress).toHaveText('Page 5 sur 6');
  await page.getByRole('link', { name: 'Retour' }).click();
  await page.getByRole('link', { name: new RegExp(`^Reprendre « ${MEETING_TITLE} »`) }).click();
  await expect(runner.progress).toHaveText('Page 5 sur 6');
  await runner.previous();
  await expect(runner.question(/Nombre de participants/)).toHaveValue('42');
  await runner.next();

  // A repeat instance: one committee member.
  await page.getByRole('button', { name: 'Ajouter « Membres du comité présents »' }).click();
  await runner.question(/Nom du membre/).fill('Essozimna Pali');
  await runner.next();
  await page.getByRole('radio', { name: 'Femme' }).check();
  await runner.next();
  await expect(page.getByText('1 saisi(s)')).toBeVisible();
  await checks.axe('/terrain form repeat page');
  await runner.next();

  // The photo, taken from a file here.
  await page.locator('input[type="file"][accept="image/*"]').setInputFiles(PHOTO);
  await expect(page.getByRole('img', { name: /Photo de la réunion/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Envoyer' }).click();
  // Queued on the phone: the submission and its photo leave with the next sync.
  await expect(page.getByTestId('form-submissions')).toContainText('En attente d’envoi');
  await expect(field.badge).toHaveAttribute('data-pending-changes', '1');
  await expect(field.badge).toHaveAttribute('data-pending-files', '1');

  await page.context().setOffline(false);
  await field.openSync();
  await page.getByTestId('sync-now').click();
  await field.expectNothingPending(60_000);

  const res = await admin.get(`/api/v1/forms/${latest!.id}/submissions`);
  expect(res.status()).toBe(200);
  const items = ((await res.json()).items as Array<{ answers: Record<string, unknown> }>).filter(
    (s) => s.answers.meeting_type_other === OTHER_TYPE,
  );
  expect(items).toHaveLength(1);
  const answers = items[0]!.answers;
  expect(answers).toMatchObject({
    village: 'Lama-Tessi',
    meeting_type: 'autre',
    meeting_type_other: OTHER_TYPE,
    participants: 42,
    members: [{ member_name: 'Essozimna Pali', member_sex: 'f' }],
    member_count: '1',
  });
  expect(typeof answers.photo).toBe('string');
  await admin.dispose();
  // Offline, the app's own sync attempts fail as they should; nothing else may.
  checks.expectClean([/net::ERR_INTERNET_DISCONNECTED/]);
  await page.context().close();
});

/** A cheap phone's context, as field.spec.ts uses. */
async function phone(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    baseURL: test.info().project.use.baseURL,
  });
  return context.newPage();
}
