import { type APIRequestContext, expect, type Request, test } from '@playwright/test';
import { FieldApp, type FieldComplaint } from '../pages/field-app.js';
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
      '--disable-sync',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  },
});
test.setTimeout(90_000);

const UPLOADS = '/api/v1/uploads';
const CHUNK = 256 * 1024;

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

interface Attachment {
  mimeType: string;
  sizeBytes: number;
  url: string;
}

/**
 * The desktop side, through the API as the Kara focal point: the case found by its tracking code, and its
 * files, each downloaded whole.
 */
async function filesOf(request: APIRequestContext, code: string): Promise<Attachment[]> {
  const list = await request.get('/api/v1/complaints', { params: { q: code } });
  expect(list.status()).toBe(200);
  const found = ((await list.json()).items as Array<{ id: string; trackingCode: string }>).find(
    (c) => c.trackingCode.replaceAll('-', '') === code,
  );
  expect(found, `case ${code} on the server`).toBeTruthy();
  const files = await request.get(`/api/v1/complaints/${found!.id}/attachments`);
  expect(files.status()).toBe(200);
  const items = (await files.json()).items as Attachment[];
  for (const file of items) {
    const content = await request.get(file.url);
    expect(content.status()).toBe(200);
    expect(content.headers()['content-type']).toContain(file.mimeType);
    expect((await content.body()).length).toBe(file.sizeBytes);
  }
  return items;
}

async function focalPoint(newContext: () => Promise<APIRequestContext>) {
  const request = await newContext();
  const login = await request.post('/api/v1/auth/login', {
    data: { login: 'focal.kara', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return request;
}

const isUploadPatch = (r: Request) => r.url().includes(UPLOADS) && r.method() === 'PATCH';

test('a facilitator records complaints offline with photos and audio, and they reach the server', async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  const field = new FieldApp(page);
  await field.login('facilitateur.kara');

  await context.setOffline(true);
  await expect(field.badge).toHaveAttribute('data-online', 'false');
  const photo = { name: 'forage.bmp', mimeType: 'image/bmp', buffer: noiseBmp(320, 240) };
  const complaints: FieldComplaint[] = [
    { description: 'La pompe du forage de Lama est cassée depuis dix jours.', photo, audioSeconds: 2 },
    {
      description: 'Les travaux de la salle de classe sont arrêtés sans explication.',
      photo: { ...photo, name: 'classe.bmp' },
      audioSeconds: 2,
    },
  ];
  const codes: string[] = [];
  for (const complaint of complaints) {
    codes.push(await field.recordComplaint(complaint));
    // The receipt, at once and without network: the code above, and where the case stands.
    await expect(page.getByTestId('receipt-sync-state')).toContainText('Enregistrée sur le téléphone');
  }
  expect(new Set(codes).size).toBe(2);
  // Per complaint: its creation and its two files (each an attachment change).
  await expect(field.badge).toHaveAttribute('data-pending-changes', '6');
  await expect(field.badge).toHaveAttribute('data-pending-files', '4');

  // Reloaded without network: the app shell comes from the service worker, the cases from IndexedDB.
  await page.reload();
  await expect(field.badge).toHaveAttribute('data-online', 'false');
  await page.goto('/terrain/cases');
  for (const code of codes) {
    await page.getByRole('searchbox').fill(code);
    const printed = `${code.slice(0, 4)}.${code.slice(4, 8)}.${code.slice(8)}`;
    const card = page.getByRole('link', { name: new RegExp(printed) });
    await expect(card).toBeVisible();
    await expect(card).toContainText("En attente d'envoi");
  }
  await expect(field.badge).toHaveAttribute('data-pending-changes', '6');
  await expect(field.badge).toHaveAttribute('data-pending-files', '4');

  // Network back: "Synchroniser maintenant" (it waits while the automatic pass started by the network runs).
  await context.setOffline(false);
  await field.openSync();
  await page.getByTestId('sync-now').click();
  await field.expectNothingPending(60_000);

  const staff = await focalPoint(() => playwright.request.newContext({ baseURL: baseURL! }));
  for (const code of codes) {
    const types = (await filesOf(staff, code)).map((f) => f.mimeType).sort();
    expect(types).toEqual([expect.stringMatching(/^audio\//), 'image/jpeg']);
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
  // The link is driven over CDP here (Playwright's setOffline cannot throttle): offline, slow, then normal.
  const cdp = await context.newCDPSession(page);
  const link = (offline: boolean, bytesPerSecond = -1) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline,
      latency: bytesPerSecond > 0 ? 300 : 0,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  await link(true);
  await expect(field.badge).toHaveAttribute('data-online', 'false');
  const code = await field.recordComplaint({
    description: 'Des fissures sont apparues sur les murs du nouveau marché.',
    photo: { name: 'marche.bmp', mimeType: 'image/bmp', buffer: noiseBmp(1600, 1200) },
  });
  await field.openSync();

  const created: number[] = [];
  const sentFrom: number[] = [];
  page.on('request', (r) => {
    if (!r.url().includes(UPLOADS)) return;
    if (r.method() === 'POST') created.push(Number(r.headers()['upload-length']));
    if (r.method() === 'PATCH') sentFrom.push(Number(r.headers()['upload-offset']));
  });

  // The network comes back as a slow 2G-like link: the browser's `online` event starts an automatic sync,
  // which takes seconds per chunk.
  const firstChunk = page.waitForResponse((r) => isUploadPatch(r.request()) && r.status() === 204);
  await link(false, 40_000);
  const acknowledged = Number((await firstChunk).headers()['upload-offset']);
  expect(created).toHaveLength(1);
  expect(created[0]).toBeGreaterThan(3 * CHUNK);
  expect(acknowledged).toBeGreaterThan(0);
  expect(acknowledged).toBeLessThan(created[0]!);

  // The signal drops: the chunk on its way (or the next one) fails.
  const broken = page.waitForEvent('requestfailed', (r) => r.url().includes(UPLOADS));
  await link(true, 40_000);
  await broken;
  await expect(field.badge).toHaveAttribute('data-online', 'false');
  const beforeRestore = sentFrom.length;

  // A good connection again.
  await link(false);
  await page.getByTestId('sync-now').click();
  await field.expectNothingPending(60_000);

  // The same upload went on from what the server had, not from zero, and no second upload was created.
  expect(created).toHaveLength(1);
  const resumed = sentFrom.slice(beforeRestore);
  expect(resumed.length).toBeGreaterThan(0);
  expect(resumed[0]).toBeGreaterThanOrEqual(acknowledged);
  const staff = await focalPoint(() => playwright.request.newContext({ baseURL: baseURL! }));
  const files = await filesOf(staff, code);
  expect(files.map((f) => [f.mimeType, f.sizeBytes])).toEqual([['image/jpeg', created[0]]]);
  await staff.dispose();
});
