import type { FormDefinition } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { answerLines } from './answers-view';
import { filledSlots, startingAnswers } from './dcc-device';
import { readInstance } from './dcc-rows';

const def: FormDefinition = {
  schemaVersion: 1,
  formId: 'assemblee',
  version: '2',
  title: { fr: 'Assemblée' },
  fields: [
    { type: 'note', name: 'intro', label: { fr: 'Comptez les présents' } },
    {
      type: 'group',
      name: 'participation',
      label: { fr: 'Participation', en: 'Attendance' },
      children: [
        { type: 'integer', name: 'women', label: { fr: 'Femmes', en: 'Women' } },
        { type: 'integer', name: 'men', label: { fr: 'Hommes', en: 'Men' } },
      ],
    },
    { type: 'select_one', name: 'place', label: { fr: 'Lieu' }, list: 'places' },
    { type: 'select_multiple', name: 'groups', label: { fr: 'Groupes' }, list: 'groups' },
    { type: 'image', name: 'photo', label: { fr: 'Photo' } },
    { type: 'group', name: 'empty', label: { fr: 'Vide' }, children: [{ type: 'text', name: 'x' }] },
    {
      type: 'repeat',
      name: 'needs',
      label: { fr: 'Besoin' },
      children: [{ type: 'text', name: 'need', label: { fr: 'Intitulé' } }],
    },
  ],
  choices: {
    places: [{ name: 'school', label: { fr: 'École' } }],
    groups: [
      { name: 'women', label: { fr: 'Femmes' } },
      { name: 'youth', label: { fr: 'Jeunes' } },
    ],
  },
};

const words = { yes: 'Oui', no: 'Non', file: 'Fichier joint' };

describe('answerLines', () => {
  it('reads the answers in the form’s order with labels, choices and numbered repeats', () => {
    const answers = {
      women: 14,
      men: 9,
      place: 'school',
      groups: ['women', 'youth'],
      photo: 'b3c1',
      needs: [{ need: 'Forage' }, { need: 'Salle de classe' }],
    };
    expect(answerLines(def, answers, 'fr', words)).toEqual([
      { kind: 'heading', label: 'Participation', depth: 0 },
      { kind: 'answer', label: 'Femmes', value: '14', depth: 1 },
      { kind: 'answer', label: 'Hommes', value: '9', depth: 1 },
      { kind: 'answer', label: 'Lieu', value: 'École', depth: 0 },
      { kind: 'answer', label: 'Groupes', value: 'Femmes, Jeunes', depth: 0 },
      { kind: 'answer', label: 'Photo', value: 'Fichier joint', depth: 0 },
      { kind: 'heading', label: 'Besoin 1', depth: 0 },
      { kind: 'answer', label: 'Intitulé', value: 'Forage', depth: 1 },
      { kind: 'heading', label: 'Besoin 2', depth: 0 },
      { kind: 'answer', label: 'Intitulé', value: 'Salle de classe', depth: 1 },
    ]);
  });

  it('speaks English when asked and leaves out empty groups', () => {
    const lines = answerLines(def, { women: 3 }, 'en', words);
    expect(lines).toEqual([
      { kind: 'heading', label: 'Attendance', depth: 0 },
      { kind: 'answer', label: 'Women', value: '3', depth: 1 },
    ]);
  });
});

describe('task work on the phone', () => {
  const instance = readInstance({
    id: 'i1',
    changeSeq: 3,
    taskId: 't',
    unitId: 'v',
    status: 'returned',
    version: 4,
    answers: { women: 2 },
    files: [{ slot: 'pv', uploadId: 'u1', filename: 'pv.pdf' }],
  });

  it('opens with the phone’s newer answers, else the server’s', () => {
    expect(startingAnswers(instance, { page: 0, files: {}, attachments: [] })).toEqual({ women: 2 });
    expect(startingAnswers(instance, { answers: { women: 5 }, page: 1, files: {}, attachments: [] })).toEqual(
      { women: 5 },
    );
  });

  it('counts a slot filled by a file on the server or queued here, not by a refused one', () => {
    const queued = (slot: string, mutationId: string) => ({
      slot,
      name: `${slot}.jpg`,
      type: 'image/jpeg',
      mutationId,
      queuedAt: '',
    });
    const work = { page: 0, files: {}, attachments: [queued('photos', 'm1'), queued('list', 'm2')] };
    expect([...filledSlots(instance, work, new Set(['m2']))].sort()).toEqual(['photos', 'pv']);
  });
});
