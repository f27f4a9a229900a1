// Renders the field app's PNG icons from public/terrain/icons/icon.svg with the Chromium used by the e2e
// tests: `node packages/web/build/field-icons.mjs`. The maskable icon is the same drawing on a full-bleed
// square (its glyph already sits inside the safe circle, 80% of the side).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const dir = fileURLToPath(new URL('../public/terrain/icons/', import.meta.url));
const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const maskable = svg.replace('rx="112" ', '');
const outputs = [
  ['icon-192.png', svg, 192],
  ['icon-512.png', svg, 512],
  ['maskable-512.png', maskable, 512],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
for (const [name, source, size] of outputs) {
  await page.setViewportSize({ width: size, height: size });
  const html = `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`;
  await page.setContent(html);
  await page.locator('svg').screenshot({ path: path.join(dir, name), omitBackground: true });
  console.log(`${name} ${fs.statSync(path.join(dir, name)).size} bytes`);
}
await browser.close();
