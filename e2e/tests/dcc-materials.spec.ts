import { expect, test } from '@playwright/test';
import { FieldApp } from '../pages/field-app.js';
import { LoginPage } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';

// Supporting material (issue #15): the CDD specialist adds an uploaded PDF and a link to a task of the demo
// cycle's template; the facilitator's phone downloads the PDF for offline reading and opens it with no
// network, the service worker answering from the material cache; axe checks the dialog and the task screen.
test.describe.configure({ timeout: 180_000 });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const TITLE = 'Guide de l’animateur';

interface Task {
  id: string;
  name: string;
  level: string;
  materials: Array<{ title: string; fileId?: string }>;
}

test('a PDF the specialist attaches to a task is readable offline on the facilitator’s phone', async ({
  page,
  browser,
  baseURL,
}) => {
  await new LoginPage(page).loginAs('specialiste.dcc');
  const checks = new PageChecks(page);
  await checks.visit('/dcc/cycles');
  await page.getByRole('link', { name: 'COSO 2026-2027' }).click();
  await expect(page).toHaveURL(/\/dcc\/cycles\/[0-9a-f-]{36}$/);
  const cycleId = page.url().split('/').pop()!;
  const tasksOf = async (): Promise<Array<Task & { phase: string }>> => {
    const template = await (await page.request.get(`/api/v1/dcc/cycles/${cycleId}/template`)).json();
    return template.phases.flatMap((p: { name: string; activities: Array<{ tasks: Task[] }> }) =>
      p.activities.flatMap((a) => a.tasks.map((x) => ({ ...x, phase: p.name }))),
    );
  };
  const task = (await tasksOf()).find((x) => x.level === 'village')!;
  const n = task.materials.length + 1;

  // The template's phases are folded: open the task's one.
  await page.locator('summary', { hasText: task.phase }).first().click();
  await page
    .getByRole('button', { name: `Modifier la tâche « ${task.name} »` })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Ajouter un support' }).click();
  await dialog.getByLabel(`Titre du support ${n}`).fill(TITLE);
  await dialog
    .getByLabel(`Fichier du support ${n} (PDF, audio ou image)`)
    .setInputFiles({ name: 'guide.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(dialog.getByText('envoyé, enregistré à la sauvegarde')).toBeVisible();
  await dialog.getByRole('button', { name: 'Ajouter un support' }).click();
  await dialog.getByLabel(`Titre du support ${n + 1}`).fill('Vidéo de la formation');
  await dialog.getByLabel(`Source du support ${n + 1}`).selectOption('link');
  await dialog.getByLabel(`Type du support ${n + 1}`).selectOption('video');
  await dialog.getByLabel(`Adresse du support ${n + 1}`).fill('https://anadeb.tg/formation');
  await checks.axe('/dcc/cycles/:id task dialog');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`Tâche « ${task.name} » enregistrée.`)).toBeVisible();
  const saved = (await tasksOf()).find((x) => x.id === task.id)!;
  const fileId = saved.materials.find((m) => m.title === TITLE)?.fileId;
  expect(fileId).toMatch(/^[0-9a-f-]{36}$/);
  checks.expectClean();

  const context = await browser.newContext({
    baseURL: baseURL!,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  await new FieldApp(phone).login('facilitateur.kara');
  const phoneChecks = new PageChecks(phone);
  await phone.getByTestId('home-dcc').click();
  await phone
    .getByRole('link', { name: /^Ouvrir / })
    .first()
    .click();
  await phone.locator('a[href*="/tasks/"]', { hasText: task.name }).first().click();
  await expect(phone).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);

  const material = phone.getByRole('listitem').filter({ hasText: TITLE });
  await expect(material).toContainText('PDF · 1 Ko');
  await expect(phone.getByRole('listitem').filter({ hasText: 'Vidéo de la formation' })).toContainText(
    'En ligne uniquement',
  );
  await material.getByRole('button', { name: 'Télécharger pour lecture hors ligne' }).click();
  await expect(material).toContainText('Disponible hors ligne');
  await expect(material.getByRole('button', { name: 'Supprimer du téléphone' })).toBeVisible();
  await phoneChecks.axe('/terrain/dcc/villages/:id/tasks/:id');

  await context.setOffline(true);
  // The page asks the server's address with no token and no network: the service worker answers from the cache.
  const offline = await phone.evaluate(async (path) => {
    const res = await fetch(path);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: (await res.arrayBuffer()).byteLength,
    };
  }, `/api/v1/dcc/materials/${fileId}`);
  expect(offline).toEqual({ status: 200, type: 'application/pdf', bytes: PDF.length });
  await material.getByRole('button', { name: `Ouvrir « ${TITLE} »` }).click();
  await expect(phone.getByTestId('material-open-link')).toHaveAttribute('href', /^blob:/);
  await expect(phone.getByText('Ce fichier n’est plus sur le téléphone')).toHaveCount(0);

  // Removed from the phone: offline, the address is no longer answered.
  await material.getByRole('button', { name: 'Supprimer du téléphone' }).click();
  await expect(material.getByRole('button', { name: 'Télécharger pour lecture hors ligne' })).toBeVisible();
  await context.setOffline(false);
  expect(phoneChecks.violations).toEqual([]);
  await context.close();
});
