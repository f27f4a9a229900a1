import fs from 'node:fs';
import path from 'node:path';
import type { AtRule, Plugin, Root, Rule } from 'postcss';

/**
 * Bootstrap ships as one 230 kB stylesheet that blocks the first paint of every page, the phone's included;
 * the app uses a fraction of it. This PostCSS plugin drops, from Bootstrap's stylesheet only, the selectors
 * naming a class that no source file mentions — the PurgeCSS idea, kept small and conservative:
 * - a "mention" is any word of any file under the source folders (code, i18n, HTML), so a class written in
 *   a string, a map of tones or a test still counts;
 * - a class built at run time from a prefix (`btn-${tone}`, `'text-bg-' + x`) keeps every class with that
 *   prefix;
 * - classes inside :not(…) do not count (`.btn:not(.dropdown-toggle)` still styles every .btn);
 * - element, attribute and :root rules, custom properties and @keyframes/@font-face are left untouched.
 */
export function trimBootstrap(options: { sources: string[]; files: string[]; keep?: string[] }): Plugin {
  let known: { words: Set<string>; prefixes: string[] } | undefined;
  const scan = () => {
    const words = new Set(options.keep ?? []);
    const prefixes = new Set<string>();
    const read = (file: string) => {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/[A-Za-z0-9_-]+/g)) words.add(m[0]);
      for (const m of text.matchAll(/([A-Za-z0-9_-]+-)(?:\$\{|['"`]\s*\+)/g)) prefixes.add(m[1]);
    };
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(tsx?|html|css)$/.test(entry.name)) read(full);
      }
    };
    for (const dir of options.sources) walk(dir);
    for (const file of options.files) read(file);
    return { words, prefixes: [...prefixes] };
  };
  const used = (cls: string) => {
    known ??= scan();
    return known.words.has(cls) || known.prefixes.some((p) => cls.startsWith(p));
  };
  const keepSelector = (selector: string) => {
    const outside = selector.replace(/:not\([^)]*\)/g, '');
    for (const m of outside.matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g)) if (!used(m[1])) return false;
    return true;
  };
  return {
    postcssPlugin: 'coso-trim-bootstrap',
    Once(root: Root) {
      const from = root.source?.input.file ?? '';
      if (!/[\\/]node_modules[\\/]bootstrap[\\/]/.test(from)) return;
      root.walkRules((rule: Rule) => {
        const parent = rule.parent as AtRule | undefined;
        if (parent?.type === 'atrule' && /keyframes$/i.test(parent.name)) return;
        const kept = rule.selectors.filter(keepSelector);
        if (kept.length === 0) rule.remove();
        else if (kept.length < rule.selectors.length) rule.selectors = kept;
      });
      // Media and supports blocks left without rules.
      root.walkAtRules((at: AtRule) => {
        if (at.nodes && at.nodes.length === 0) at.remove();
      });
    },
  };
}
