import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FormAnswers, FormDefinition, FormError, FormField } from '@coso/domain';
import fc from 'fast-check';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORMS } from '../../domain/src/platform/forms/testing/sample-forms.js';

/**
 * The one-validation promise of issue #14 (docs/decisions/0021-forms-as-data.md): the server's build of
 * `validate` (tsc's output in packages/domain/dist, what Node runs) and the browser's (the forms entry bundled
 * by Vite, run in headless Chromium) give the same errors for the same random answers — so a device can never
 * accept what the server refuses. Chromium is Debian's (/usr/bin/chromium or CHROMIUM_PATH); none is downloaded.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const now = '2026-06-15T10:00:00.000Z';
type Validate = (def: FormDefinition, answers: FormAnswers, opts?: { now?: Date }) => FormError[];

let serverValidate: Validate;
let browser: Browser;
let page: Page;
let outDir: string;

beforeAll(async () => {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-b', 'packages/domain'], { cwd: root, stdio: 'pipe' });
  const dist = pathToFileURL(join(root, 'packages/domain/dist/platform/forms/index.js')).href;
  serverValidate = ((await import(/* @vite-ignore */ dist)) as { validate: Validate }).validate;

  outDir = mkdtempSync(join(tmpdir(), 'coso-forms-build-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      target: 'es2022',
      lib: {
        entry: join(root, 'packages/domain/src/platform/forms/index.ts'),
        formats: ['iife'],
        name: 'CosoForms',
        fileName: () => 'forms.js',
      },
    },
  });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  page = await browser.newPage();
  await page.addScriptTag({ content: readFileSync(join(outDir, 'forms.js'), 'utf8') });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Answers of every shape: valid, out of range, of the wrong type, absent; unknown keys now and then. */
function answerOf(field: FormField, def: FormDefinition): fc.Arbitrary<unknown> {
  const names = field.list ? (def.choices[field.list] ?? []).map((c) => c.name) : [];
  const junk = fc.constantFrom<unknown>('', null, 'x', 3, true, [], {});
  const date = fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const valid: Record<string, fc.Arbitrary<unknown>> = {
    text: fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9]{8}$/)),
    integer: fc.oneof(fc.integer({ min: -3, max: 130 }), fc.double({ min: -5, max: 50, noNaN: true })),
    decimal: fc.double({ noNaN: true }),
    money: fc.oneof(fc.integer({ min: -10, max: 1_000_000 }), fc.constant(10 ** 13 + 1)),
    date: fc.oneof(date, fc.constantFrom('2023-02-29', '2024-02-29')),
    yes_no: fc.boolean(),
    select_one: fc.constantFrom(...names, 'other', 'nowhere'),
    select_multiple: fc.oneof(
      fc.subarray(names),
      fc.array(fc.constantFrom(...names, 'other'), { maxLength: 3 }),
    ),
    geopoint: fc.record({
      lat: fc.double({ min: -100, max: 100, noNaN: true }),
      lon: fc.double({ min: -200, max: 200, noNaN: true }),
    }),
    image: fc.constantFrom('photo.jpg', '../x', 'a b'),
    calculate: fc.string({ maxLength: 4 }),
  };
  return fc.oneof(
    { weight: 4, arbitrary: valid[field.type] ?? fc.string({ maxLength: 4 }) },
    { weight: 1, arbitrary: junk },
  );
}

function answersOf(fields: readonly FormField[], def: FormDefinition, depth = 0): fc.Arbitrary<FormAnswers> {
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  const add = (list: readonly FormField[]) => {
    for (const f of list) {
      if (f.type === 'group') add(f.children ?? []);
      else if (f.type === 'repeat')
        entries[f.name] = fc.array(answersOf(f.children ?? [], def, depth + 1), { maxLength: depth ? 2 : 4 });
      else if (f.type !== 'note') entries[f.name] = answerOf(f, def);
      if (f.orOther) entries[`${f.name}_other`] = fc.constantFrom('', 'Puits', 7);
    }
  };
  add(fields);
  if (depth === 0) entries.stray = fc.constant('?');
  return fc.record(entries, { requiredKeys: [] }) as fc.Arbitrary<FormAnswers>;
}

/** Answers each sample form accepts, run first, so that the agreement covers the error-free side too. */
const VALID: Record<string, FormAnswers> = {
  meeting: {
    meeting_date: '2026-01-02',
    women: 2,
    men: 3,
    held: true,
    budget: 5000,
    place: 'other',
    place_other: 'Puits',
  },
  household: {
    member_count: 2,
    members: [
      { member_name: 'Afi', age: 34, activities: ['trade'], phones: [{ phone: '90112233' }] },
      { member_name: 'Kodjo', age: 8 },
    ],
    adults: 1,
  },
  cascade: {
    region: 'savanes',
    prefecture: 'tone',
    crops: ['maize', 'sorghum'],
    location: { lat: 10.86, lon: 0.2 },
  },
};

describe('validate: the server build and the browser build agree', () => {
  it.each(SAMPLE_FORMS.map((def) => [def.formId, def] as const))(
    'on random answers to %s',
    async (_id, def) => {
      let withErrors = 0;
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(answersOf(def.fields, def), async (answers) => {
          const server = serverValidate(def, answers, { now: new Date(now) });
          const inBrowser = await page.evaluate(
            ([d, a, n]) =>
              (globalThis as unknown as { CosoForms: { validate: Validate } }).CosoForms.validate(d, a, {
                now: new Date(n),
              }),
            [def, answers, now] as const,
          );
          if (server.length) withErrors++;
          for (const e of server) seen.add(`${e.field.replace(/\[\d+\]/g, '[]')}:${e.code}`);
          expect(JSON.stringify(inBrowser)).toBe(JSON.stringify(server));
        }),
        { numRuns: 150, examples: [[VALID[def.formId]!]] },
      );
      // The generator must reach both sides of the rules and many of them, or agreement proves little.
      expect(serverValidate(def, VALID[def.formId]!, { now: new Date(now) })).toEqual([]);
      expect(withErrors).toBeGreaterThan(50);
      expect(seen.size).toBeGreaterThan(8);
    },
    60_000,
  );
});
