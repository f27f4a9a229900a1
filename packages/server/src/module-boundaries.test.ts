import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import boundary between the platform and the modules (docs/decisions/0018-modules-and-registries.md),
 * in the server, the domain and the web app's features:
 * - a module (`modules/<m>/**`, web `features/<m>/**`) may import the platform, the infrastructure and
 *   `@coso/domain`, never another module;
 * - the platform (server and domain `platform/**`, the web's other features) and the infrastructure
 *   (server `db`, `http`, `lib`, `vault`) never import a module: they learn about modules through the module
 *   object and the registries. Only the composition roots may: server `app.ts`, `main.ts`, `modules/index.ts`,
 *   the demo seed and the test kits; domain `index.ts`; web `app.tsx`.
 * Test files may import anything (they exercise the composed app). Relative imports only: `@coso/domain` is
 * the domain's public entry.
 */

const PACKAGES = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Imports that break the rule today and are being removed. Each entry is `from -> to` (paths under
 * packages/, the target as written, without extension), with who removes it. An entry that no longer
 * matches an import fails the test too: delete it when you fix the import.
 */
const ALLOWED_VIOLATIONS: readonly string[] = [
  // Device sync engine (helper B1: domain platform/sync/*): the engine tests' fake server plays the grievance
  // module's mutations (its lifecycle and payloads).
  'domain/src/platform/sync/fake-server.ts -> domain/src/modules/grm/complaints/lifecycle',
  'domain/src/platform/sync/fake-server.ts -> domain/src/modules/grm/sync/payloads',
];

/** The web app's feature folders that are modules (the others are the platform's pages). */
const WEB_MODULES = ['grm', 'dcc', 'mis'];

type Zone = { kind: 'module'; name: string } | { kind: 'platform' } | { kind: 'free' };

/** Where a file (path under packages/) sits; undefined outside the checked trees. */
function zoneOf(file: string): Zone | undefined {
  const [pkg, src, top, second] = file.split('/');
  if (src !== 'src' || top === undefined) return undefined;
  if (pkg === 'server') {
    if (top === 'modules') {
      return second === 'index.ts' ? { kind: 'free' } : { kind: 'module', name: second ?? '' };
    }
    if (['platform', 'db', 'http', 'lib', 'vault'].includes(top)) return { kind: 'platform' };
    return { kind: 'free' }; // app.ts, main.ts, seed/, scripts/, test/ (kits), config.ts, context.ts…
  }
  if (pkg === 'domain') {
    if (top === 'modules') return { kind: 'module', name: second ?? '' };
    return top === 'platform' ? { kind: 'platform' } : { kind: 'free' };
  }
  if (pkg === 'web') {
    if (top !== 'features') return undefined;
    return second && WEB_MODULES.includes(second) ? { kind: 'module', name: second } : { kind: 'platform' };
  }
  return undefined;
}

/** The module a target belongs to, if any (same trees as zoneOf). */
function moduleOf(target: string): string | undefined {
  const zone = zoneOf(target.endsWith('.ts') || target.endsWith('.tsx') ? target : `${target}.ts`);
  if (zone?.kind === 'module') return zone.name;
  // A web target outside features/ (api/, ui/) is shared code, not a module.
  return undefined;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') sourceFiles(full, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const IMPORT =
  /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative import of the checked trees, as `from -> to` (paths under packages/, no extension). */
function crossings(): Array<{ from: string; to: string; zone: Zone; target: string | undefined }> {
  const found = [];
  for (const pkg of ['server', 'domain', 'web']) {
    for (const full of sourceFiles(path.join(PACKAGES, pkg, 'src'))) {
      const from = path.relative(PACKAGES, full).split(path.sep).join('/');
      const zone = zoneOf(from);
      if (!zone || zone.kind === 'free') continue;
      for (const match of fs.readFileSync(full, 'utf8').matchAll(IMPORT)) {
        const spec = match[1] ?? match[2] ?? '';
        if (!spec.startsWith('.')) continue;
        const to = path
          .relative(PACKAGES, path.resolve(path.dirname(full), spec))
          .split(path.sep)
          .join('/')
          .replace(/\.(js|ts|tsx)$/, '');
        found.push({ from, to, zone, target: moduleOf(to) });
      }
    }
  }
  return found;
}

describe('module boundaries', () => {
  const all = crossings();
  const broken = all
    .filter(({ zone, target }) => target !== undefined && (zone.kind === 'platform' || zone.name !== target))
    .map(({ from, to }) => `${from} -> ${to}`);

  it('reads the imports of every tree it checks', () => {
    // A scanner that found nothing would pass for the wrong reason.
    expect(all.filter((c) => c.from.startsWith('server/src/modules/grm/')).length).toBeGreaterThan(100);
    expect(all.filter((c) => c.from.startsWith('domain/src/platform/')).length).toBeGreaterThan(10);
    expect(all.filter((c) => c.from.startsWith('web/src/features/grm/')).length).toBeGreaterThan(50);
    expect(zoneOf('server/src/platform/module.ts')).toEqual({ kind: 'platform' });
    expect(moduleOf('server/src/modules/grm/complaints/service')).toBe('grm');
    expect(moduleOf('server/src/modules/index')).toBeUndefined();
  });

  it('keeps the platform and the infrastructure from importing a module, and modules from each other', () => {
    expect(broken.filter((b) => !ALLOWED_VIOLATIONS.includes(b))).toEqual([]);
  });

  it('lists no allowed violation that is gone (delete the entry once its import is fixed)', () => {
    expect(ALLOWED_VIOLATIONS.filter((a) => !broken.includes(a))).toEqual([]);
  });
});
