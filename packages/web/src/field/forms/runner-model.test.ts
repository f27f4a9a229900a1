import { type FormAnswers, type FormDefinition, type FormField, formPages, formState } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import {
  clampPage,
  documentOrder,
  type EnginePage,
  fillLabel,
  firstPageWithError,
  fitRepeatCounts,
  managedRepeats,
  pathOrder,
  runnerPages,
} from './runner-model';

const text = (name: string): FormField => ({ type: 'text', name });
const def: FormDefinition = {
  schemaVersion: 1,
  formId: 'f',
  version: '1',
  title: { fr: 'F' },
  fields: [
    text('village'),
    {
      type: 'repeat',
      name: 'parcelles',
      children: [
        text('surface'),
        { type: 'repeat', name: 'arbres', children: [text('espece')] },
        text('note'),
      ],
    },
    { type: 'repeat', name: 'fixe', repeatCount: '2', children: [text('x')] },
    { type: 'group', name: 'g', children: [{ type: 'repeat', name: 'membres', children: [text('nom')] }] },
    text('fin'),
  ],
  choices: {},
};
const page = (...paths: string[]): EnginePage => ({
  key: paths.join('+'),
  fields: paths.map((path) => ({ path, field: text(path) })),
});
const describePages = (pages: ReturnType<typeof runnerPages>) =>
  pages.map((p) => (p.kind === 'repeat' ? `+${p.path}` : p.key));

describe('the runner’s pages', () => {
  it('orders paths as they are filled: instance by instance, then what follows the repeat', () => {
    const order = documentOrder(def);
    const sorted = [
      'fin',
      'parcelles[1].surface',
      'parcelles[0].note',
      'parcelles[0].arbres[1].espece',
      'village',
    ]
      .map((p) => [p, pathOrder(p, order)] as const)
      .sort((a, b) => {
        for (let i = 0; i < Math.min(a[1].length, b[1].length); i++)
          if (a[1][i] !== b[1][i]) return a[1][i]! - b[1][i]!;
        return a[1].length - b[1].length;
      })
      .map(([p]) => p);
    expect(sorted).toEqual([
      'village',
      'parcelles[0].arbres[1].espece',
      'parcelles[0].note',
      'parcelles[1].surface',
      'fin',
    ]);
  });

  it('adds a page to size each repeat after its instances, nested ones per instance, none for a fixed count', () => {
    const answers: FormAnswers = { parcelles: [{ arbres: [{}] }, {}], fixe: [{}, {}] };
    const repeats = managedRepeats(def, answers, () => true);
    expect(repeats.map((r) => r.path)).toEqual([
      'parcelles',
      'parcelles[0].arbres',
      'parcelles[1].arbres',
      'membres',
    ]);
    const pages = runnerPages(
      def,
      [
        page('village'),
        page('parcelles[0].surface'),
        page('parcelles[0].arbres[0].espece'),
        page('parcelles[0].note'),
        page('parcelles[1].surface'),
        page('parcelles[1].note'),
        page('fixe[0].x'),
        page('fixe[1].x'),
        page('fin'),
      ],
      repeats,
    );
    expect(describePages(pages)).toEqual([
      'village',
      'parcelles[0].surface',
      'parcelles[0].arbres[0].espece',
      '+parcelles[0].arbres',
      'parcelles[0].note',
      'parcelles[1].surface',
      // No instance yet: the page sits where the repeat is.
      '+parcelles[1].arbres',
      'parcelles[1].note',
      '+parcelles',
      'fixe[0].x',
      'fixe[1].x',
      '+membres',
      'fin',
    ]);
  });

  it('leaves out repeats that are not relevant, and what is inside them', () => {
    const answers: FormAnswers = { parcelles: [{ arbres: [{}] }] };
    const repeats = managedRepeats(def, answers, (path) => !path.startsWith('parcelles'));
    expect(repeats.map((r) => r.path)).toEqual(['membres']);
  });

  it('finds the first page with an error, a repeat’s own error on its page, and keeps the page in range', () => {
    const pages = runnerPages(
      def,
      [page('village'), page('membres[0].nom'), page('fin')],
      [{ path: 'membres', field: def.fields[3]!.children![0]! }],
    );
    expect(describePages(pages)).toEqual(['village', 'membres[0].nom', '+membres', 'fin']);
    expect(firstPageWithError(pages, ['fin', 'membres[0].nom'])).toBe(1);
    expect(firstPageWithError(pages, ['membres'])).toBe(2);
    expect(firstPageWithError(pages, ['unknown'])).toBeUndefined();
    expect(clampPage(7, pages.length)).toBe(3);
    expect(clampPage(-1, pages.length)).toBe(0);
  });
});

describe('fixed repeat counts', () => {
  const repeat = def.fields[2]!;
  it('add or drop instances to match the count, and leave the answers alone when they match', () => {
    const fresh = () => ({ x: 'défaut' });
    const two = fitRepeatCounts({}, [{ path: 'fixe', relevant: true, repeatCount: 2, field: repeat }], fresh);
    expect(two).toEqual({ fixe: [{ x: 'défaut' }, { x: 'défaut' }] });
    const one = fitRepeatCounts(
      two,
      [{ path: 'fixe', relevant: true, repeatCount: 1, field: repeat }],
      fresh,
    );
    expect(one).toEqual({ fixe: [{ x: 'défaut' }] });
    expect(
      fitRepeatCounts(one, [{ path: 'fixe', relevant: true, repeatCount: 1, field: repeat }], fresh),
    ).toBe(one);
    expect(
      fitRepeatCounts(one, [{ path: 'fixe', relevant: false, repeatCount: 3, field: repeat }], fresh),
    ).toBe(one);
  });
});

describe('labels with answers in them', () => {
  const values: Record<string, unknown> = { total: 12, 'membres[1].nom': 'Awa', nom: 'dehors' };
  const fill = (text: string, path: string) =>
    fillLabel(
      text,
      path,
      (p) => values[p],
      (v) => String(v),
    );
  it('take the answer of the same instance first, then from outside, and nothing for an unknown name', () => {
    expect(fill('Total : ${total}', 'total_note')).toBe('Total : 12');
    expect(fill('Âge de ${nom} ?', 'membres[1].age')).toBe('Âge de Awa ?');
    expect(fill('Âge de ${nom} ?', 'membres[0].age')).toBe('Âge de dehors ?');
    expect(fill('${inconnu}!', 'x')).toBe('!');
    expect(fill('Sans référence', 'x')).toBe('Sans référence');
  });
});

describe('with the form engine', () => {
  const form: FormDefinition = {
    schemaVersion: 1,
    formId: 'reunion',
    version: '1',
    title: { fr: 'Réunion' },
    fields: [
      { type: 'yes_no', name: 'pv_signe', required: true },
      { type: 'image', name: 'photo', relevant: '${pv_signe}', required: true },
      { type: 'repeat', name: 'membres', children: [text('nom')] },
      { type: 'integer', name: 'n' },
    ],
    choices: {},
  };
  const pagesOf = (answers: FormAnswers) => {
    const state = formState(form, answers, { now: new Date('2026-12-07T10:00:00Z') });
    const relevant = (path: string) => state.fields.get(path)?.relevant ?? false;
    return describePages(runnerPages(form, formPages(form, state), managedRepeats(form, answers, relevant)));
  };
  it('follows skip logic and gives each instance its pages, then the repeat page', () => {
    expect(pagesOf({})).toEqual(['pv_signe', '+membres', 'n']);
    expect(pagesOf({ pv_signe: true, membres: [{}, {}] })).toEqual([
      'pv_signe',
      'photo',
      'membres[0].nom',
      'membres[1].nom',
      '+membres',
      'n',
    ]);
  });
});
