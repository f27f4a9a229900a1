import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { FieldApp } from '../pages/field-app.js';
import { DEMO_PASSWORD } from '../pages/login-page.js';

// A cheap phone; Chromium's fake microphone records the audio.
test.use({
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  permissions: ['microphone'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  },
});
test.setTimeout(180_000);

/** A bitmap of random pixels: JPEG compression on the phone cannot make it small, so it needs several chunks. */
function noiseBmp(width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const header = Buffer.alloc(54);
  header.write('BM', 0);
  header.writeUInt32LE(54 + row * height, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(row * height, 34);
  const pixels = Buffer.alloc(row * height);
  let seed = 12345;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = seed >> 16;
  }
  return Buffer.concat([header, pixels]);
}

/** The desktop side, through the API as the Kara focal point: the case and its files. */
async function filesOf(request: APIRequestContext, code: string) {
  const login = await request.post('/api/v1/auth/login', {
    data: { login: 'focal.kara', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const list = await request.get('/api/v1/complaints', { params: { q: code } });
  const found = ((await list.json()).items as Array<{ id: string; trackingCode: string }>).find(
    (c) => c.trackingCode.replaceAll('-', '') === code,
  );
  expect(found, `case ${code} on the server`).toBeTruthy();
  const files = await request.get(`/api/v1/complaints/${found!.id}/attachments`);
  return ((await files.json()).items as Array<{ mimeType: string; url: string }>).map((f) => f.mimeType);
}

async function syncNow(page: Page, field: FieldApp) {
  await page.goto('/terrain/sync');
  await page.getByTestId('sync-now').click();
  await expect(field.badge).toHaveAttribute('data-pending-changes', '0', { timeout: 60_000 });
  await expect(field.badge).toHaveAttribute('data-pending-files', '0');
}

test('a facilitator records complaints offline with photos and audio, and they reach the server', async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  const field = new FieldApp(page);
  await field.login('facilitateur.kara');

  await context.setOffline(true);
  const photo = { name: 'forage.jpg', mimeType: 'image/bmp', buffer: noiseBmp(320, 240) };
  const codes = [
    await field.recordComplaint({
      description: 'La pompe du forage de Lama est cassée depuis dix jours.',
      photo,
      audioMs: 1500,
    }),
    await field.recordComplaint({
      description: 'Les travaux de la salle de classe sont arrêtés sans explication.',
      photo: { ...photo, name: 'classe.jpg' },
      audioMs: 1500,
    }),
  ];
  expect(new Set(codes).size).toBe(2);
  await expect(field.badge).toHaveAttribute('data-pending-changes', '6');

  // Reloaded without network: the app shell comes from the service worker, the cases from IndexedDB.
  await page.reload();
  await page.goto('/terrain/cases');
  for (const code of codes) {
    await page.getByRole('searchbox').fill(code);
    const printed = `${code.slice(0, 4)}.${code.slice(4, 8)}.${code.slice(8)}`;
    const card = page.getByRole('link', { name: new RegExp(printed) });
    await expect(card).toBeVisible();
    await expect(card).toContainText("En attente d'envoi");
  }
  await expect(field.badge).toHaveAttribute('data-pending-changes', '6');

  await context.setOffline(false);
  await syncNow(page, field);
  const staff = await playwright.request.newContext({ baseURL: baseURL! });
  for (const code of codes) {
    const types = await filesOf(staff, code);
    expect(types.sort()).toEqual([expect.stringMatching(/^audio\//), 'image/jpeg']);
  }
  await staff.dispose();
});

test('an upload cut off half-way resumes where it stopped', async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  const field = new FieldApp(page);
  await field.login('facilitateur.kara');
  await context.setOffline(true);
  const code = await field.recordComplaint({
    description: 'Des fissures sont apparues sur les murs du nouveau marché.',
    photo: { name: 'marche.bmp', mimeType: 'image/bmp', buffer: noiseBmp(1600, 1200) },
  });
  await context.setOffline(false);

  const creations: string[] = [];
  const offsets: number[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/api/v1/uploads')) return;
    if (r.method() === 'POST') creations.push(r.url());
    if (r.method() === 'PATCH') offsets.push(Number(r.headers()['upload-offset']));
  });
  // A slow 2G-like link, so the first chunk is on the server while the others are still to come.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 200,
    downloadThroughput: 60_000,
    uploadThroughput: 60_000,
  });
  const firstChunk = page.waitForResponse(
    (r) => r.url().includes('/api/v1/uploads/') && r.request().method() === 'PATCH' && r.status() === 204,
  );
  await page.goto('/terrain/sync');
  await page.getByTestId('sync-now').click();
  await firstChunk;
  await context.setOffline(true);
  await page.waitForTimeout(1000);
  await context.setOffline(false);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await syncNow(page, field);

  expect(creations).toHaveLength(1);
  const resumed = offsets.slice(1);
  expect(resumed.length).toBeGreaterThan(0);
  expect(Math.min(...resumed)).toBeGreaterThan(0);
  const staff = await playwright.request.newContext({ baseURL: baseURL! });
  expect(await filesOf(staff, code)).toEqual(['image/jpeg']);
  await staff.dispose();
});
