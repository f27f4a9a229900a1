import { expect, test } from '@playwright/test';
import { CasePage } from '../pages/case-page.js';
import { IntakePage } from '../pages/intake-page.js';
import { LoginPage } from '../pages/login-page.js';

// A 1×1 PNG: a real image file, as a phone photo would be.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('an operator records a named complaint with a photo; Kara handles it; Savanes cannot find it', async ({
  browser,
}) => {
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await new LoginPage(operator).loginAs('agent.grm');
  const intake = new IntakePage(operator);
  await intake.open();
  await intake.record({
    category: 'Travaux des sous-projets (qualité, retards, dommages, foncier)',
    channel: 'Téléphone / numéro vert',
    name: 'Abalo Kodjo',
    phone: '90112233',
    description: 'Le forage construit par le projet à Kassiki ne donne plus d’eau depuis trois semaines.',
    villageSearch: 'Kassiki',
    villageOption: /Kassiki/,
    photo: { name: 'forage.png', mimeType: 'image/png', buffer: PHOTO },
  });
  const code = await intake.trackingCode();
  await expect(operator.getByText('Point focal Kara', { exact: false }).first()).toBeVisible();

  // The printable receipt is a PDF that carries the tracking code.
  const receiptHref = await operator
    .getByRole('link', { name: 'Imprimer le reçu (A4)' })
    .getAttribute('href');
  const receipt = await operator.request.get(receiptHref!);
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()['content-type']).toContain('application/pdf');
  expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const thermal = await operator.request.get(receiptHref!.replace('format=a4', 'format=thermal'));
  expect(thermal.status()).toBe(200);
  await operatorContext.close();

  const karaContext = await browser.newContext();
  const kara = await karaContext.newPage();
  await new LoginPage(kara).loginAs('focal.kara');
  const karaCase = new CasePage(kara);
  expect(await karaCase.search(code)).toBe(1);
  await karaCase.openFromList(code);
  await expect(kara.getByText('forage.png').first()).toBeVisible();
  await karaCase.act('Accuser réception');
  await karaCase.expectStatus('Accusé de réception envoyé');
  await karaCase.act('Commencer le traitement');
  await karaCase.expectStatus('En traitement');
  await karaCase.act('Proposer une solution', {
    'Solution proposée': "L'entreprise remplacera la pompe du forage avant la fin du mois.",
  });
  await karaCase.expectStatus('Solution proposée');
  await expect(
    kara.getByText("L'entreprise remplacera la pompe du forage avant la fin du mois.").first(),
  ).toBeVisible();
  await karaContext.close();

  const savanesContext = await browser.newContext();
  const savanes = await savanesContext.newPage();
  await new LoginPage(savanes).loginAs('focal.savanes');
  expect(await new CasePage(savanes).search(code)).toBe(0);
  await expect(savanes.getByText('Aucun dossier ne correspond.')).toBeVisible();
  const direct = await savanes.request.get(`/api/v1/complaints?q=${encodeURIComponent(code)}`);
  expect((await direct.json()).items).toEqual([]);
  await savanesContext.close();
});
