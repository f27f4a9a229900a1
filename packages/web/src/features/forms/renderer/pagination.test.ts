import { type FormDefinition, formPages, formState } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { fitRepeatCounts } from './engine';
import { desktopPages, firstPageOfInstance, pageOfPath } from './pagination';

const def: FormDefinition = {
  schemaVersion: 1,
  formId: 'visite',
  version: '1',
  title: { fr: 'Visite' },
  fields: [
    { type: 'text', name: 'village', label: { fr: 'Village' }, required: true },
    { type: 'yes_no', name: 'has_cvd', label: { fr: 'CVD ?' } },
    {
      type: 'group',
      name: 'cvd',
      label: { fr: 'CVD' },
      appearance: ['field-list'],
      relevant: '${has_cvd}',
      children: [
        { type: 'text', name: 'president', label: { fr: 'Président' } },
        { type: 'select_one', name: 'kind', list: 'kinds', orOther: true, label: { fr: 'Type' } },
      ],
    },
    {
      type: 'repeat',
      name: 'members',
      label: { fr: 'Membre' },
      children: [
        { type: 'text', name: 'name', label: { fr: 'Nom' } },
        { type: 'integer', name: 'age', label: { fr: 'Âge' } },
      ],
    },
    { type: 'integer', name: 'n_plots', label: { fr: 'Parcelles' } },
    {
      type: 'repeat',
      name: 'plots',
      label: { fr: 'Parcelle' },
      repeatCount: '${n_plots}',
      children: [{ type: 'decimal', name: 'area', label: { fr: 'Surface' } }],
    },
    { type: 'note', name: 'end', label: { fr: 'Fin' } },
  ],
  choices: { kinds: [{ name: 'a', label: { fr: 'A' } }] },
};

const now = new Date('2026-03-01T10:00:00Z');
const pagesOf = (answers: Parameters<typeof formState>[1]) => {
  const state = formState(def, answers, { now });
  return desktopPages(formPages(def, state), state);
};
const keys = (answers: Parameters<typeof formState>[1]) => pagesOf(answers).map((p) => p.key);

describe('desktop pages', () => {
  it('puts an empty repeat’s page where the repeat stands, and follows relevance', () => {
    expect(keys({})).toEqual(['village', 'has_cvd', 'repeat:members', 'n_plots', 'end']);
    expect(keys({ has_cvd: true })).toEqual([
      'village',
      'has_cvd',
      'cvd',
      'repeat:members',
      'n_plots',
      'end',
    ]);
  });

  it('puts a repeat’s page after its last instance; a fixed repeat_count has none', () => {
    const answers = { members: [{}, {}], n_plots: 1, plots: [{}] };
    expect(keys(answers)).toEqual([
      'village',
      'has_cvd',
      'members[0].name',
      'members[0].age',
      'members[1].name',
      'members[1].age',
      'repeat:members',
      'n_plots',
      'plots[0].area',
      'end',
    ]);
  });

  it('finds the page of an answer, an "other" text and a repeat', () => {
    const pages = pagesOf({ has_cvd: true, members: [{}, {}] });
    expect(pages[pageOfPath(pages, 'members[1].age')]?.key).toBe('members[1].age');
    expect(pages[pageOfPath(pages, 'kind_other')]?.key).toBe('cvd');
    expect(pages[pageOfPath(pages, 'members')]?.key).toBe('repeat:members');
    expect(pages[firstPageOfInstance(pages, 'members[1]')]?.key).toBe('members[1].name');
    expect(pageOfPath(pages, 'nowhere')).toBe(-1);
  });
});

describe('repeat_count', () => {
  it('fits the instances to the count, and settles', () => {
    const grow = { n_plots: 3, plots: [{ area: 1.5 }] };
    const fitted = fitRepeatCounts(formState(def, grow, { now }), grow);
    expect(fitted.plots).toEqual([{ area: 1.5 }, {}, {}]);
    expect(fitRepeatCounts(formState(def, fitted, { now }), fitted)).toBe(fitted);
    const shrink = { n_plots: 1, plots: [{ area: 1 }, { area: 2 }] };
    expect(fitRepeatCounts(formState(def, shrink, { now }), shrink).plots).toEqual([{ area: 1 }]);
  });
});
