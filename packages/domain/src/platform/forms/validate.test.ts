import { describe, expect, it } from 'vitest';
import type { FormAnswers, FormDefinition, FormField } from './definition.js';
import { cascadeForm, householdForm, meetingForm } from './testing/sample-forms.js';
import { checkSubmission, defaultAnswers, normalizeAnswers, validate } from './validate.js';

const now = new Date('2026-06-15T10:00:00Z');
const form = (fields: FormField[], choices: FormDefinition['choices'] = {}): FormDefinition => ({
  schemaVersion: 1,
  formId: 'f',
  version: '1',
  title: { fr: 'F' },
  fields,
  choices,
});
const codes = (def: FormDefinition, answers: FormAnswers) =>
  validate(def, answers, { now }).map((e) => `${e.field}:${e.code}`);
const one = (type: FormField['type'], value: FormAnswers[string], extra: Partial<FormField> = {}) =>
  codes(form([{ type, name: 'x', ...extra } as FormField], { l: [{ name: 'a', label: { fr: 'A' } }] }), {
    x: value,
  });

describe('validate: the value table', () => {
  it.each([
    ['integer', 3, []],
    ['integer', 3.5, ['x:invalid_type']],
    ['integer', 2 ** 53, ['x:invalid_type']],
    ['integer', '3', ['x:invalid_type']],
    ['decimal', 3.5, []],
    ['decimal', Number.POSITIVE_INFINITY, ['x:invalid_type']],
    ['money', 1500, []],
    ['money', 10.5, ['x:invalid_type']],
    ['money', -1, ['x:out_of_range']],
    ['money', 10 ** 13 + 1, ['x:out_of_range']],
    ['date', '2024-02-29', []],
    ['date', '2023-02-29', ['x:invalid_type']],
    ['date', '2024-2-1', ['x:invalid_type']],
    ['time', '07:30', []],
    ['time', '07:30:15', []],
    ['time', '24:00', ['x:invalid_type']],
    ['datetime', '2024-05-01T10:00:00Z', []],
    ['datetime', '2024-05-01T10:00+01:00', []],
    ['datetime', '2024-13-01T10:00:00Z', ['x:invalid_type']],
    ['yes_no', true, []],
    ['yes_no', 'yes', ['x:invalid_type']],
    ['text', 'x'.repeat(10_000), []],
    ['text', 'x'.repeat(10_001), ['x:too_long']],
    ['text', 12, ['x:invalid_type']],
    ['geopoint', { lat: 9.55, lon: 1.19, accuracy: 5 }, []],
    ['geopoint', { lat: 91, lon: 1 }, ['x:out_of_range']],
    ['geopoint', { lat: 9, lon: 1, z: 1 }, ['x:invalid_type']],
    ['geopoint', '9 1', ['x:invalid_type']],
    ['image', 'photo_1.jpg', []],
    ['image', '../etc/passwd', ['x:invalid_type']],
    ['signature', 'x'.repeat(201), ['x:invalid_type']],
  ] as const)('%s %j', (type, value, expected) => {
    expect(one(type, value as FormAnswers[string])).toEqual(expected);
  });

  it('checks selects against their list, unique names, and other when or_other', () => {
    expect(one('select_one', 'a', { list: 'l' })).toEqual([]);
    expect(one('select_one', 'b', { list: 'l' })).toEqual(['x:invalid_choice']);
    expect(one('select_one', ['a'], { list: 'l' })).toEqual(['x:invalid_type']);
    expect(one('select_multiple', ['a'], { list: 'l' })).toEqual([]);
    expect(one('select_multiple', ['a', 'a'], { list: 'l' })).toEqual(['x:invalid_choice']);
    expect(one('select_multiple', 'a', { list: 'l' })).toEqual(['x:invalid_type']);
    expect(one('select_one', 'other', { list: 'l' })).toEqual(['x:invalid_choice']);
    expect(one('select_one', 'other', { list: 'l', orOther: true })).toEqual(['x_other:required']);
    const def = form([{ type: 'select_one', name: 'x', list: 'l', orOther: true }], {
      l: [{ name: 'a', label: { fr: 'A' } }],
    });
    expect(codes(def, { x: 'other', x_other: 'Puits' })).toEqual([]);
    expect(codes(def, { x: 'a', x_other: 'Puits' })).toEqual(['x_other:not_relevant']);
  });

  it('checks a select against the list its choice filter leaves', () => {
    expect(codes(cascadeForm, { region: 'kara', prefecture: 'kozah' })).toEqual([]);
    expect(codes(cascadeForm, { region: 'savanes', prefecture: 'kozah' })).toEqual([
      'prefecture:invalid_choice',
    ]);
    expect(codes(cascadeForm, { region: 'kara', prefecture: 'binah', crops: ['yam', 'sorghum'] })).toEqual([
      'crops:invalid_choice',
    ]);
  });
});

describe('validate: ODK rules', () => {
  it('requires answers, with the form message when there is one', () => {
    const def = form([
      { type: 'text', name: 'a', required: true, requiredMessage: { fr: 'Le nom !', en: 'The name!' } },
      { type: 'integer', name: 'b', required: true },
    ]);
    const errors = validate(def, { a: '', b: null }, { now });
    expect(errors.map((e) => [e.field, e.code, e.message.fr])).toEqual([
      ['a', 'required', 'Le nom !'],
      ['b', 'required', 'Cette question est obligatoire.'],
    ]);
    expect(errors[0]?.message.en).toBe('The name!');
  });

  it('runs constraints only on non-empty values of the right type', () => {
    const def = form([{ type: 'integer', name: 'n', constraint: '. > 5' }]);
    expect(codes(def, {})).toEqual([]);
    expect(codes(def, { n: 3 })).toEqual(['n:constraint']);
    expect(codes(def, { n: 'abc' })).toEqual(['n:invalid_type']);
    expect(codes(def, { n: 6 })).toEqual([]);
  });

  it('does not check what does not apply, and refuses answers to it', () => {
    const def = form([
      { type: 'yes_no', name: 'show' },
      {
        type: 'group',
        name: 'g',
        relevant: "${show} = 'yes'",
        children: [{ type: 'integer', name: 'n', required: true, constraint: '. > 5' }],
      },
    ]);
    expect(codes(def, { show: false })).toEqual([]);
    expect(codes(def, { show: false, n: 1 })).toEqual(['n:not_relevant']);
    expect(codes(def, { show: true })).toEqual(['n:required']);
  });

  it('refuses unknown keys, group names as keys, and unknown keys inside repeat instances', () => {
    const def = form([
      { type: 'group', name: 'g', children: [{ type: 'text', name: 'a' }] },
      { type: 'repeat', name: 'r', children: [{ type: 'text', name: 'b' }] },
    ]);
    expect(codes(def, { a: 'x', g: 'y', zz: 1, r: [{ b: 'x', a: 'y' }, 3] })).toEqual([
      'g:unknown_field',
      'zz:unknown_field',
      'r[0].a:unknown_field',
      'r[1]:invalid_type',
    ]);
  });

  it('reads only own keys (a field may be called constructor), and refuses answers that are not an object', () => {
    const def = form([
      { type: 'integer', name: 'constructor', required: true },
      { type: 'text', name: 'toString' },
    ]);
    expect(codes(def, {})).toEqual(['constructor:required']);
    expect(codes(def, { constructor: 3 })).toEqual([]);
    expect(codes(def, JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}'))).toEqual([
      '__proto__:unknown_field',
    ]);
    expect(codes(def, null as never)).toEqual([':invalid_type', 'constructor:required']);
    expect(codes(def, ['x'] as never)).toEqual([':invalid_type', 'constructor:required']);
  });

  it('checks repeats: arrays, at most 500, exactly repeat_count, each instance field by field', () => {
    const ok = { member_count: 1, members: [{ member_name: 'Afi', age: 30 }], adults: 1 };
    expect(codes(householdForm, ok)).toEqual([]);
    expect(codes(householdForm, { ...ok, member_count: 2 })).toEqual(['members:repeat_count']);
    expect(codes(householdForm, { ...ok, members: { member_name: 'x' } as never })).toEqual([
      'members:invalid_type',
    ]);
    expect(codes(householdForm, { ...ok, members: [{ age: 200, phones: [{ phone: '12' }] }] })).toEqual([
      'members[0].member_name:required',
      'members[0].age:constraint',
      'members[0].phones[0].phone:constraint',
    ]);
    const free = form([{ type: 'repeat', name: 'r', children: [{ type: 'text', name: 'b' }] }]);
    expect(codes(free, { r: Array.from({ length: 501 }, () => ({})) })).toEqual(['r:out_of_range']);
  });

  it('accepts a stale calculation (normalize replaces it) and is the same on every run', () => {
    const answers = { women: 2, men: 3, total: '99', meeting_date: '2026-01-02', held: true };
    expect(codes(meetingForm, answers)).toEqual([]);
    expect(normalizeAnswers(meetingForm, answers, { now })).toEqual({
      meeting_date: '2026-01-02',
      women: 2,
      men: 3,
      total: '5',
      held: true,
    });
  });
});

describe('normalizeAnswers', () => {
  it('drops answers that do not apply and unknown keys, keeps repeat instances', () => {
    const answers = {
      member_count: 1,
      members: [{ member_name: 'Kodjo', age: 8, activities: ['farming'], extra: 1, rank: '7' }],
      junk: 'x',
    };
    expect(normalizeAnswers(householdForm, answers, { now })).toEqual({
      member_count: 1,
      members: [{ member_name: 'Kodjo', age: 8, rank: '1' }],
      total_age: '8',
    });
  });

  it('keeps the other text only when other is chosen', () => {
    const base = { meeting_date: '2026-01-02', women: 1, men: 1 };
    expect(
      normalizeAnswers(meetingForm, { ...base, place: 'school', place_other: 'x' }, { now }),
    ).not.toHaveProperty('place_other');
    expect(
      normalizeAnswers(meetingForm, { ...base, place: 'other', place_other: 'Puits' }, { now }),
    ).toMatchObject({
      place_other: 'Puits',
    });
  });
});

describe('checkSubmission', () => {
  it('gives the errors and the normalised answers of one run', () => {
    const answers = { member_count: 1, members: [{ member_name: 'Ama', age: 200 }], junk: 1 };
    const { errors, answers: stored } = checkSubmission(householdForm, answers, { now });
    expect(errors).toEqual(validate(householdForm, answers, { now }));
    expect(stored).toEqual(normalizeAnswers(householdForm, answers, { now }));
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'junk:unknown_field',
      'members[0].age:constraint',
      'adults:required',
    ]);
  });
});

describe('defaultAnswers', () => {
  it('gives literal and dynamic defaults, for the form or a repeat instance', () => {
    const def = form([
      { type: 'integer', name: 'n', default: '3' },
      { type: 'date', name: 'd', default: 'today()' },
      { type: 'repeat', name: 'r', children: [{ type: 'yes_no', name: 'ok', default: 'yes' }] },
    ]);
    expect(defaultAnswers(def, { now })).toEqual({ n: 3, d: '2026-06-15' });
    expect(defaultAnswers(def, { now, repeat: 'r' })).toEqual({ ok: true });
  });
});
