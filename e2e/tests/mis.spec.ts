import { expect, type Page, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { PageChecks } from '../pages/page-checks.js';
import { staffApi } from '../pages/work-pages.js';

// The MIS sub-projects (issue #16): the infrastructure specialist opens a sub-project at the contract or site
// stage, records three progress events (the last with a photo) and sees its step and % change after each; a
// percentage going down is refused with the rule's reason; axe on the list, the new form and the detail.
test.describe.configure({ timeout: 180_000 });

// A real 1×1 PNG: the server reads the type from the bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

interface Summary {
  id: string;
  status: string;
}

/** A sub-project at "contract signed" or "site handed over" (the demo has some), else one brought there. */
async function subprojectAtContractStage(page: Page): Promise<Summary> {
  const api = await staffApi(page);
  for (const status of ['contract_signed', 'site_handover']) {
    const page1 = await api.get('/api/v1/mis/subprojects', { status, limit: '1' });
    if (page1.items.length > 0) return page1.items[0] as Summary;
  }
  const villages = await api.get('/api/v1/geo/units', { level: 'village', mine: 'true', limit: '1' });
  const created = await api.post('/api/v1/mis/subprojects', {
    villageId: villages.items[0].id,
    title: 'Forage e2e',
    component: '1.1',
    sector: 'water',
    type: 'hand_pump',
    estimatedCost: 9_500_000,
  });
  // Togo is on UTC: the server's "today" (the date of its first event, identified) is this one.
  const date = new Date().toISOString().slice(0, 10);
  for (const step of ['approved', 'company_selected', 'contract_signed'])
    await api.post(`/api/v1/mis/subprojects/${created.id}/events`, { step, date });
  return { id: created.id, status: 'contract_signed' };
}

async function recordStep(page: Page, step: string, percent?: string, photo = false) {
  await page.getByRole('button', { name: 'Enregistrer une étape' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Étape atteinte').selectOption({ label: step });
  if (percent !== undefined) await dialog.getByLabel('Avancement physique (%)').fill(percent);
  if (photo) {
    await dialog
      .getByLabel('Photos et procès-verbaux')
      .setInputFiles({ name: 'chantier.png', mimeType: 'image/png', buffer: PNG });
    await expect(dialog.getByText('chantier.png envoyé')).toBeVisible();
  }
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
}

test('the infrastructure specialist records progress on a sub-project and sees its step and % move', async ({
  page,
}) => {
  await new LoginPage(page).loginAs('specialiste.infra');
  const checks = new PageChecks(page);
  await checks.visit('/mis/subprojects');
  await expect(page.getByRole('table')).toBeVisible();
  await checks.axe('/mis/subprojects');
  await checks.visit('/mis/subprojects/new');
  await checks.axe('/mis/subprojects/new');

  const sp = await subprojectAtContractStage(page);
  await checks.visit(`/mis/subprojects/${sp.id}`);
  await checks.axe('/mis/subprojects/:id');
  const status = page.getByTestId('mis-status');
  const percent = page.getByTestId('mis-percent');

  const steps: [string, string | undefined, string, string][] =
    sp.status === 'contract_signed'
      ? [
          ['Remise du site', undefined, 'Remise du site', '0 %'],
          ['Travaux en cours', '30', 'Travaux en cours', '30 %'],
          ['Travaux en cours', '60', 'Travaux en cours', '60 %'],
        ]
      : [
          ['Travaux en cours', '30', 'Travaux en cours', '30 %'],
          ['Travaux en cours', '60', 'Travaux en cours', '60 %'],
          ['Travaux en cours', '80', 'Travaux en cours', '80 %'],
        ];
  for (const [i, [step, pct, shown, shownPct]] of steps.entries()) {
    await recordStep(page, step, pct, i === 1);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(status).toHaveText(shown);
    await expect(percent).toHaveText(shownPct);
  }
  await expect(page.getByTestId('mis-files').getByRole('img')).toHaveCount(1);
  await checks.axe('/mis/subprojects/:id after the events');

  // The physical progress never goes down: refused with the rule's reason, nothing recorded.
  await recordStep(page, 'Travaux en cours', '40');
  await expect(page.getByTestId('event-error')).toHaveText(
    'Le pourcentage ne peut pas baisser par rapport au dernier enregistré.',
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
  await expect(percent).toHaveText(steps[2]![3]);

  const detail = await (await page.request.get(`/api/v1/mis/subprojects/${sp.id}`)).json();
  expect(detail).toMatchObject({ status: 'works_in_progress', progressPercent: Number(steps[2]![1]) });
  checks.expectClean([
    /409 POST .*\/api\/v1\/mis\/subprojects\/[^/]+\/events/,
    /status of 409 .*\/api\/v1\/mis\/subprojects\/[^/]+\/events/,
  ]);
});
