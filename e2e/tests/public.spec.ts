import { execFileSync } from 'node:child_process';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../pages/login-page.js';
import { PublicFilePage } from '../pages/public-file-page.js';
import { PublicTrackPage } from '../pages/public-track-page.js';

// A small phone: the public pages must work there without login.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** Staff's part through the API, as focal.kara (routing sends an ordinary Kara complaint to them). */
async function handleAsKara(request: APIRequestContext, code: string) {
  const login = await request.post('/api/v1/auth/login', {
    data: { login: 'focal.kara', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  const list = await request.get('/api/v1/complaints', { params: { q: code } });
  const items = (await list.json()).items as Array<{ id: string; trackingCode: string }>;
  const found = items.find((c) => c.trackingCode.replaceAll('-', '') === code.replaceAll('-', ''));
  expect(found, 'focal.kara sees the new case').toBeTruthy();
  for (const data of [
    { action: 'acknowledge' },
    { action: 'start' },
    {
      action: 'propose_resolution',
      resolution: 'Un passage piéton sera ouvert dans la clôture cette semaine.',
    },
  ]) {
    const res = await request.post(`/api/v1/complaints/${found!.id}/actions`, { data, headers });
    expect(res.status(), data.action).toBe(200);
  }
}

test('a citizen files on a phone, tracks, and accepts the proposed solution with a rating', async ({
  page,
  playwright,
  baseURL,
}) => {
  const filing = new PublicFilePage(page);
  await filing.openFromHome();
  const code = await filing.file({
    category: 'Travaux des sous-projets (qualité, retards, dommages, foncier)',
    description: 'La clôture du chantier de Kassiki bloque le chemin du marché depuis une semaine.',
    place: ['Kara', 'Kozah', 'Kozah 1', 'Lama', 'Kassiki'],
    name: 'Afi Mensah',
    phone: '+228 90 44 55 66',
  });
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]$/);
  // Nothing scrolls sideways on a 360-pixel screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const tracking = new PublicTrackPage(page);
  await tracking.track(code);
  await tracking.expectStatus('Reçue');
  await expect(page.getByText('Afi Mensah')).toHaveCount(0);
  await expect(page.getByText(/La clôture du chantier/)).toHaveCount(0);

  const staff = await playwright.request.newContext({ baseURL: baseURL! });
  await handleAsKara(staff, code);
  await staff.dispose();

  await tracking.track(code);
  await tracking.expectStatus('Solution proposée : votre réponse est attendue');
  await tracking.acceptWithRating('5566', 4, 'Merci pour la rapidité.');
  await tracking.expectStatus('Clôturée');
  await expect(page.getByText('Votre note : 4 sur 5')).toBeVisible();

  // A fresh visit shows the same: closed, rated, nothing more to answer.
  await tracking.track(code);
  await tracking.expectStatus('Clôturée');
  await expect(page.getByRole('button', { name: 'Envoyer ma réponse' })).toHaveCount(0);
});

test('the confirmation says whether an SMS follows and offers the receipt to download', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000); // two filings through the whole form
  const filing = new PublicFilePage(page);
  await filing.openFromHome();
  const code = await filing.file({
    category: 'Travaux des sous-projets (qualité, retards, dommages, foncier)',
    description: 'Le chantier de Kassiki déverse ses gravats dans le champ de Ɖossou.',
    place: ['Kara', 'Kozah', 'Kozah 1', 'Lama', 'Kassiki'],
    name: 'Ɖossou Akɔvi',
    phone: '90 44 55 77',
    notifyConsent: true,
  });
  await expect(page.getByTestId('sms-follows')).toHaveText(/recevoir ce code par SMS/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger le reçu (PDF)' }).tap(),
  ]);
  expect(download.suggestedFilename()).toBe(`recu-${code}.pdf`);
  const pdf = testInfo.outputPath('recu.pdf');
  await download.saveAs(pdf);
  // poppler's pdftotext (Debian package poppler-utils) reads the receipt as a person would.
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Accusé de réception');
  expect(text).toContain(code);
  expect(text).not.toContain('Akɔvi'); // the citizen's copy carries no name

  // Without consent, the page says no SMS will follow.
  await filing.openFromHome();
  await filing.file({
    category: 'Travaux des sous-projets (qualité, retards, dommages, foncier)',
    description: 'La piste de Kassiki est coupée par une tranchée du chantier.',
    place: ['Kara', 'Kozah', 'Kozah 1', 'Lama', 'Kassiki'],
    name: 'Afi Mensah',
    phone: '90 44 55 78',
  });
  await expect(page.getByTestId('sms-follows')).toHaveText(/Aucun SMS ne suivra/);
});
