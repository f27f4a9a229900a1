import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { DccPhone, findParticipationTask, type Participation, type TaskDetail } from '../pages/dcc-phone.js';
import { FieldApp } from '../pages/field-app.js';
import { DEMO_PASSWORD, LoginPage } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';

// The proof of issue #15, on the demo data: a facilitator on a phone goes offline, fills the participation
// form of a village assembly, adds the minutes and photos, marks the task complete, reconnects (the server
// has it, with its files); the CDD specialist returns it with a comment; the facilitator sees the comment,
// corrects a count offline and resubmits; the specialist validates it and the progress page moves: the
// facilitator's validated tasks +1 in the league, and the area × phase cell of the task's phase goes up.
// The task is found through the API (a participation task to do whose prerequisites are done).
// About 2 minutes on an idle machine; the margin is for a busy one (shared cores, parallel builds).
test.describe.configure({ timeout: 300_000 });

/** A 1×1 PNG: the phone re-encodes a slot's photo as JPEG; a document slot keeps it as it is. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const file = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG });
const RETURN_COMMENT = 'Les femmes de plus de 35 ans sont plus nombreuses sur la liste : recomptez-les.';

/** The text of the cell in column `header` of the row holding `rowText` (row headers count as cells). */
async function cell(table: Locator, rowText: string, header: string): Promise<string> {
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((h) => h.trim() === header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  const row = table.getByRole('row').filter({ hasText: rowText }).first();
  return ((await row.locator('th, td').nth(index).textContent()) ?? '').trim();
}

/** The progress page as the specialist reads it: validated tasks of a facilitator, a phase's % per area. */
async function readProgress(page: Page, checks: PageChecks, facilitator: string, phase: string) {
  await checks.visit('/dcc/progress');
  const areas = page.getByRole('table', { name: 'Zones × phases (% de tâches validées)' });
  const league = page.getByRole('table', { name: 'Classement des animateurs' });
  await expect(league.getByRole('row').filter({ hasText: facilitator })).toBeVisible();
  const byArea = new Map<string, string>();
  for (const name of await areas.getByRole('rowheader').allTextContents())
    byArea.set(name.trim(), await cell(areas, name.trim(), phase));
  return { validated: Number(await cell(league, facilitator, 'Tâches validées')), byArea };
}

async function detailOf(api: APIRequestContext, id: string): Promise<TaskDetail> {
  const res = await api.get(`/api/v1/dcc/task-instances/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as TaskDetail;
}

test('a facilitator completes a village assembly offline, the specialist returns it, then validates the correction', async ({
  browser,
  baseURL,
  page: desk,
  playwright,
}) => {
  // The facilitator's API view: which task to take, and what the server holds after each sync.
  const api = await playwright.request.newContext({ baseURL: baseURL! });
  const login = await api.post('/api/v1/auth/login', {
    data: { login: 'facilitateur.kara', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const me = ((await login.json()) as { user: { displayName: string } }).user.displayName;
  const target = await findParticipationTask(api);
  const phaseName = (
    (await (await api.get(`/api/v1/dcc/task-instances/${target.instanceId}`)).json()) as {
      phaseName: string;
    }
  ).phaseName;

  // The facilitator's phone: first sync online, then the network goes.
  const phoneContext = await browser.newContext({
    baseURL: baseURL!,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await phoneContext.newPage();
  const field = new FieldApp(phone);
  const dcc = new DccPhone(phone, field);
  const phoneChecks = new PageChecks(phone);
  await field.login('facilitateur.kara');
  await phone.getByTestId('home-dcc').click();
  await expect(phone.getByRole('heading', { name: 'Mes villages' })).toBeVisible();
  await phoneContext.setOffline(true);

  await dcc.openVillage(target.village!);
  await dcc.openTask(target.instanceId);
  await dcc.openForm();
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const counts: Participation = {
    date: yesterday,
    menLe35: 12,
    womenLe35: 9,
    menGt35: 15,
    womenGt35: 11,
    households: 30,
    minorities: 4,
  };
  await dcc.fill(counts);
  await phoneChecks.axe('/terrain/dcc/villages/:id/tasks/:id/form');
  await dcc.backToTask();
  await dcc.attach('Procès-verbal (PV)', file('pv.png'));
  await dcc.attach('Photo de la liste de présence', file('presence.png'));
  await dcc.complete();
  await expect(field.badge).toHaveAttribute('data-pending-changes', '4');
  await phoneChecks.axe('/terrain/dcc/villages/:id/tasks/:id (queued offline)');

  // Back online: the outbox drains (two files, the draft, the submission) and the server holds the task.
  await phoneContext.setOffline(false);
  await dcc.syncNow();
  const sent = await detailOf(api, target.instanceId);
  expect(sent).toMatchObject({
    status: 'submitted',
    answers: {
      meeting_date: yesterday,
      men_le35: 12,
      women_le35: 9,
      men_gt35: 15,
      women_gt35: 11,
      households: 30,
      ethnic_minorities: 4,
    },
  });
  // The form's calculations are recomputed by the server (a calculate's value is text, as in XLSForm).
  expect(String(sent.answers?.total_participants)).toBe('47');
  expect(sent.files.map((f) => f.slot).sort()).toEqual(['attendance_list', 'pv']);

  // The specialist finds it in the review queue and returns it with a comment.
  await new LoginPage(desk).loginAs('specialiste.dcc');
  const deskChecks = new PageChecks(desk);
  await deskChecks.visit('/dcc/review');
  await desk.locator(`a[href$="/dcc/tasks/${target.instanceId}"]`).first().click();
  await expect(desk).toHaveURL(new RegExp(`/dcc/tasks/${target.instanceId}$`));
  await expect(desk.getByText(target.village!).first()).toBeVisible();
  await desk.getByRole('button', { name: 'Renvoyer avec un commentaire' }).click();
  await desk.getByLabel('Commentaire pour l’animateur').fill(RETURN_COMMENT);
  await desk.getByRole('button', { name: 'Renvoyer', exact: true }).click();
  await expect(desk.getByText(RETURN_COMMENT).first()).toBeVisible();

  // The facilitator syncs and reads the comment on the returned task; offline again, corrects and resubmits.
  await dcc.syncNow();
  const comment = phone.getByTestId('dcc-return-comment');
  await expect(comment).toContainText(RETURN_COMMENT);
  await phoneChecks.axe('/terrain/dcc/villages/:id/tasks/:id (returned)');
  await phoneContext.setOffline(true);
  await dcc.openForm();
  await expect(phone.getByLabel(/^Femmes — Plus de 35 ans/)).toHaveValue('11');
  await dcc.fill({ womenGt35: 14 });
  await dcc.backToTask();
  await dcc.complete();
  await expect(field.badge).toHaveAttribute('data-pending-changes', '2');
  await phoneContext.setOffline(false);
  await dcc.syncNow();
  const corrected = await detailOf(api, target.instanceId);
  expect(corrected).toMatchObject({
    status: 'submitted',
    answers: { women_gt35: 14 },
  });
  expect(String(corrected.answers?.total_participants)).toBe('50');
  expect(corrected.version).toBeGreaterThan(sent.version);

  // The specialist validates it: the progress page moves.
  const before = await readProgress(desk, deskChecks, me, phaseName);
  await deskChecks.visit(`/dcc/tasks/${target.instanceId}`);
  await desk.getByRole('button', { name: 'Valider' }).click();
  await desk.getByRole('dialog').getByRole('button', { name: 'Valider' }).click();
  await expect(desk.getByText('Tâche validée ; l’animateur est prévenu.')).toBeVisible();
  expect((await detailOf(api, target.instanceId)).status).toBe('validated');
  const after = await readProgress(desk, deskChecks, me, phaseName);
  expect(after.validated).toBe(before.validated + 1);
  const moved = [...after.byArea].filter(([area, pct]) => before.byArea.get(area) !== pct);
  expect(moved, 'exactly one area moves in the phase').toHaveLength(1);
  const [area, pct] = moved[0]!;
  expect(Number.parseInt(pct, 10)).toBeGreaterThan(Number.parseInt(before.byArea.get(area) ?? '0', 10));

  expect({ phone: phoneChecks.violations, desk: deskChecks.violations }).toEqual({ phone: [], desk: [] });
  await phoneContext.close();
  await api.dispose();
});
