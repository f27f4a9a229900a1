import { describe, expect, it } from 'vitest';
import type { FormAnswers, FormDefinition } from './definition.js';
import { formPages } from './pages.js';
import { formState } from './state.js';
import { householdForm, meetingForm } from './testing/sample-forms.js';

const now = new Date('2026-06-15T10:00:00Z');
const pages = (def: FormDefinition, answers: FormAnswers) =>
  formPages(def, formState(def, answers, { now })).map(
    (p) => `${p.key}=${p.fields.map((f) => f.path).join('+')}`,
  );

describe('formPages', () => {
  it('gives each question a page, a field-list group one page, notes pages, calculations none', () => {
    expect(pages(meetingForm, { held: true })).toEqual([
      'meeting_date=meeting_date',
      'participants=women+men',
      'total_note=total_note',
      'held=held',
      'budget=budget',
      'place=place',
    ]);
  });

  it('skips questions that do not apply, and follows the answers', () => {
    expect(pages(meetingForm, { held: false })).toContain('why_not=why_not');
    expect(pages(meetingForm, { held: false })).not.toContain('budget=budget');
  });

  it('paginates each repeat instance, under the repeat label, transparent groups lending theirs', () => {
    const answers = { member_count: 2, members: [{ age: 30, phones: [{}] }, { age: 5 }] };
    const list = formPages(householdForm, formState(householdForm, answers, { now }));
    expect(list.map((p) => p.key)).toEqual([
      'member_count',
      'members[0].member_name',
      'members[0].age',
      'members[0].activities',
      'members[0].phones[0].phone',
      'members[1].member_name',
      'members[1].age',
      'adults',
    ]);
    expect(list[1]?.title?.en).toBe('Member');
    expect(list[4]?.title?.fr).toBe('Téléphone');
    expect(list[0]?.title).toBeUndefined();
  });

  it('puts a field-list repeat instance on one page', () => {
    const def: FormDefinition = {
      ...householdForm,
      fields: [
        {
          type: 'repeat',
          name: 'kids',
          appearance: ['field-list'],
          children: [
            { type: 'text', name: 'kid' },
            { type: 'integer', name: 'kid_age' },
          ],
        },
      ],
      choices: {},
    };
    expect(pages(def, { kids: [{}, {}] })).toEqual([
      'kids[0]=kids[0].kid+kids[0].kid_age',
      'kids[1]=kids[1].kid+kids[1].kid_age',
    ]);
  });
});
