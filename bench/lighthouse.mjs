// Lighthouse mobile (its default: Moto G Power profile, simulated slow 4G, 4× CPU slowdown) on the field app
// (/terrain/) and the citizen pages (/public), RUNS times each, interleaved; prints the medians of the
// performance score, FCP, LCP, TBT and the bytes transferred (compressed, as on the wire).
//
// The built server runs like `npm start` on its own port and fresh data folder (like e2e/playwright.config.ts),
// in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium; never a downloaded browser).
//
//   npm run build && node bench/lighthouse.mjs [--runs 3] [--port 3290] [--web-dist DIR] [--label after] [--json]
//                                              [--seeded DIR]
//
// --seeded copies a data folder already holding the demo data (a stopped server's DATA_DIR) instead of
// seeding a new one (2–3 minutes on a busy machine); the copy is removed at the end.
// --web-dist serves another build of packages/web (e.g. a copy of dist made before a change) through the same
// server, so a before/after pair differs only in the browser bundle.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('runs', 3));
const port = Number(opt('port', 3290));
const webDist = opt('web-dist');
const label = opt('label', webDist ? path.basename(webDist) : 'current');
const pages = ['/terrain/', '/public'];
const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-lighthouse-'));
if (opt('seeded')) fs.cpSync(path.resolve(opt('seeded')), dataDir, { recursive: true });
const base = `http://127.0.0.1:${port}`;

const server = spawn('node', [path.join(root, 'packages/server/dist/main.js')], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    COSO_ENV: 'demo',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
    ...(webDist ? { WEB_DIST: path.resolve(webDist) } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => {
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
};

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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

let chrome;
try {
  await ready();
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  const results = Object.fromEntries(pages.map((p) => [p, []]));
  for (let run = 0; run < runs; run++) {
    for (const page of pages) {
      // Lighthouse's default config is the mobile one; each run starts with an empty cache and storage.
      const { lhr } = await lighthouse(`${base}${page}`, {
        port: chrome.port,
        onlyCategories: ['performance'],
        logLevel: 'error',
      });
      const a = lhr.audits;
      results[page].push({
        benchmark: lhr.environment.benchmarkIndex,
        score: Math.round(lhr.categories.performance.score * 100),
        fcp: a['first-contentful-paint'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        bytes: a['total-byte-weight'].numericValue,
      });
    }
  }
  const rows = pages.map((page) => {
    const r = results[page];
    const pick = (k) => median(r.map((x) => x[k]));
    return {
      page,
      scores: r.map((x) => x.score),
      score: pick('score'),
      fcp: pick('fcp'),
      lcp: pick('lcp'),
      tbt: pick('tbt'),
      bytes: pick('bytes'),
      benchmark: pick('benchmark'),
    };
  });
  if (args.includes('--json')) console.log(JSON.stringify({ label, runs, rows }));
  else {
    // benchmarkIndex: Lighthouse's measure of this machine's speed at the time (≈ 1,000–2,000 on an idle desktop);
    // a low figure means the 4× CPU slowdown was applied to an already busy CPU and TBT is inflated.
    const bench = rows.map((r) => Math.round(r.benchmark)).join(' / ');
    console.log(`Lighthouse mobile (${label}), medians of ${runs} runs; benchmarkIndex ${bench}`);
    console.log(
      '| page | performance (runs) | FCP | LCP | TBT | transferred |\n| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of rows) {
      console.log(
        `| ${r.page} | ${r.score} (${r.scores.join(', ')}) | ${(r.fcp / 1000).toFixed(1)} s | ${(r.lcp / 1000).toFixed(1)} s | ${Math.round(r.tbt)} ms | ${(r.bytes / 1024).toFixed(0)} KB |`,
      );
    }
  }
} finally {
  await chrome?.kill();
  stop();
}
