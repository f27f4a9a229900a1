// Rendering benchmark: one page of a 200-question form (10 pages of 20, forms.mjs longForm) in the field
// app's form runner on a phone (360×740, touch) with Chromium's CPU slowed 4× (CDP
// Emulation.setCPUThrottlingRate), from the "next" tap to the next page painted; median of N page turns.
// Target < 100 ms. Baseline, in the same tab, stylesheet and throttling: the same page as plain inputs built
// by hand-written DOM code on the tap (no React, no engine).
//
//   npm run build && node bench/forms/render.mjs [--turns 30] [--port 4611] [--seeded DIR] [--json]
//
// The built server runs like `npm start` on its own port and a fresh data folder (as bench/lighthouse.mjs;
// --seeded copies a stopped server's DATA_DIR instead of seeding, 2–3 minutes saved); the administrator
// publishes the form as an .xlsx through the import API, the facilitator logs in to /terrain/ and syncs.
// Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core; never a download.
//
// "Painted": the tap's timestamp is taken by a capturing click listener in the page; the end is the first
// frame after the new page's heading is in the DOM (requestAnimationFrame, then a message posted from it:
// the frame has been handed to the compositor). Playwright's own work around the tap is outside the span.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, request } from 'playwright-core';
import { longForm } from './forms.mjs';
import { installPlainPages } from './plain-page.mjs';
import { openRunner } from './runner-driver.mjs';
import { toXlsx } from './xlsform.mjs';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '30' },
    port: { type: 'string', default: '4611' },
    seeded: { type: 'string' },
    rate: { type: 'string', default: '4' },
    json: { type: 'boolean', default: false },
  },
});
const root = fileURLToPath(new URL('../..', import.meta.url));
const base = `http://127.0.0.1:${values.port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-bench-forms-'));
if (values.seeded) fs.cpSync(path.resolve(values.seeded), dataDir, { recursive: true });
const PASSWORD = 'Demo-COSO-2027';

const server = spawn('node', [path.join(root, 'packages/server/dist/main.js')], {
  env: {
    ...process.env,
    PORT: values.port,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    COSO_ENV: 'demo',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function ready() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server not ready after 300 s');
}

/** The administrator's import, as the admin page sends it: the .xlsx, published at once. */
async function publish(def) {
  const admin = await request.newContext({ baseURL: base });
  const login = await admin.post('/api/v1/auth/login', { data: { login: 'admin', password: PASSWORD } });
  if (!login.ok()) throw new Error(`admin login: ${login.status()}`);
  const res = await admin.post('/api/v1/forms/import?dryRun=false', {
    headers: { 'x-csrf-token': (await login.json()).csrfToken },
    multipart: {
      file: {
        name: `${def.formId}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await toXlsx(def),
      },
    },
  });
  const body = await res.json();
  if (res.status() !== 201) throw new Error(`import: ${res.status()} ${JSON.stringify(body).slice(0, 500)}`);
  await admin.dispose();
  return body.form;
}

/**
 * Arms the measurement in the page: the next click's timestamp, then the first frame after an element
 * matching `selector` shows `text` (the new page's heading). Resolves window.__turn with the span in ms.
 */
const arm = (page, until) =>
  page.evaluate(({ selector, text }) => {
    const done = () => [...document.querySelectorAll(selector)].some((e) => e.textContent.includes(text));
    window.__turn = new Promise((resolve) => {
      let t0;
      document.addEventListener('click', (e) => (t0 = e.timeStamp), { capture: true, once: true });
      const painted = () =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - t0);
          channel.port2.postMessage(0);
        });
      const observer = new MutationObserver(() => {
        if (t0 !== undefined && done()) {
          observer.disconnect();
          painted();
        }
      });
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    });
  }, until);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

let browser;
try {
  await ready();
  const def = longForm();
  const form = await publish(def);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  const runner = await openRunner(page, { form, def, password: PASSWORD });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(values.rate) });

  const turns = Number(values.turns);
  const engine = [];
  while (engine.length < turns) {
    const { click, until } = await runner.turn();
    await arm(page, until);
    await click();
    engine.push(await page.evaluate(() => window.__turn));
  }
  const plain = [];
  await page.evaluate(installPlainPages, { groups: def.fields, choices: def.choices });
  for (let i = 0; plain.length < turns; i++) {
    await arm(page, { selector: '#bench-plain h2', text: `Page ${((i + 1) % def.fields.length) + 1} ` });
    await page.locator('#bench-plain-next').click();
    plain.push(await page.evaluate(() => window.__turn));
  }
  const floor = [];
  for (let i = plain.length; floor.length < turns; i++) {
    await arm(page, { selector: '#bench-plain h2', text: `Page ${((i + 1) % def.fields.length) + 1} ` });
    await page.locator('#bench-plain-floor').click();
    floor.push(await page.evaluate(() => window.__turn));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  const rows = [
    { name: 'form runner (engine + React)', times: engine },
    { name: 'plain inputs (hand-written DOM, no engine)', times: plain },
    { name: 'floor: a tap that only renames the heading', times: floor },
  ].map((r) => ({ ...r, median: median(r.times), p90: pct(r.times, 0.9), min: Math.min(...r.times) }));
  if (values.json) console.log(JSON.stringify({ rate: Number(values.rate), turns, rows }));
  else {
    console.log(
      `One page of 20 of a 200-question form, phone viewport, CPU ${values.rate}× slower, ${turns} page turns each.`,
    );
    console.log('| page | median | p90 | min |\n| --- | ---: | ---: | ---: |');
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.median.toFixed(0)} ms | ${r.p90.toFixed(0)} ms | ${r.min.toFixed(0)} ms |`,
      );
    console.log(`Target < 100 ms (median): ${rows[0].median < 100 ? 'met' : 'MISSED'}.`);
  }
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
