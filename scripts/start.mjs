#!/usr/bin/env node
// `npm start`: builds what is missing or stale, then runs the platform (API, job worker and web app) in this
// process. Configuration comes from the environment; see docs/maintainer-guide.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

if (!fs.existsSync(bin('tsc'))) {
  console.error('Dependencies are missing: run `npm install` first.');
  process.exit(1);
}

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!fs.existsSync(dir)) return 0;
  let latest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

// TypeScript's build mode is incremental: it only recompiles what changed.
run(bin('tsc'), ['-b', 'packages/server']);

const web = path.join(root, 'packages', 'web');
const builtIndex = path.join(web, 'dist', 'index.html');
const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
const sources = Math.max(newest(path.join(web, 'src')), newest(path.join(root, 'packages', 'domain', 'src')));
if (builtAt < sources || builtAt === 0) {
  console.log('Building the web app…');
  run(bin('vite'), ['build', '--logLevel', 'warn'], web);
}

await import(path.join(root, 'packages', 'server', 'dist', 'main.js'));
