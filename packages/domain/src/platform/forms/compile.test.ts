import { describe, expect, it } from 'vitest';
import { compileForm } from './compile.js';
import type { FormDefinition, FormField } from './definition.js';
import { cascadeForm, householdForm, meetingForm } from './testing/sample-forms.js';

const form = (fields: FormField[], choices: FormDefinition['choices'] = {}): FormDefinition => ({
  schemaVersion: 1,
  formId: 'f',
  version: '1',
  title: { fr: 'F' },
  fields,
  choices,
});
const problems = (def: FormDefinition) =>
  compileForm(def).problems.map(({ field, property, code, offset }) => ({ field, property, code, offset }));

describe('compileForm', () => {
  it('compiles the sample forms without problems', () => {
    for (const def of [meetingForm, householdForm, cascadeForm]) {
      const { form: compiled, problems: found } = compileForm(def);
      expect(found).toEqual([]);
      expect(compiled?.fields.size).toBeGreaterThan(3);
    }
  });

  it('caches per definition object', () => {
    expect(compileForm(meetingForm)).toBe(compileForm(meetingForm));
    expect(compileForm({ ...meetingForm })).not.toBe(compileForm(meetingForm));
  });

  it('orders calculations after what they read, whatever the document order', () => {
    const def = form([
      { type: 'calculate', name: 'c', calculation: '${b} * 2' },
      { type: 'calculate', name: 'b', calculation: '${a} + 1' },
      { type: 'integer', name: 'a' },
    ]);
    expect(compileForm(def).form?.order.map((f) => f.name)).toEqual(['a', 'b', 'c']);
  });

  it('reports duplicate names, empty groups, questions with children and missing lists', () => {
    const def = form([
      { type: 'text', name: 'a' },
      { type: 'group', name: 'g', children: [{ type: 'integer', name: 'a' }] },
      { type: 'repeat', name: 'r', children: [] },
      { type: 'text', name: 't', children: [{ type: 'text', name: 'u' }] },
      { type: 'select_one', name: 's', list: 'nope' },
      { type: 'select_multiple', name: 'm' },
      { type: 'calculate', name: 'c' },
    ]);
    expect(problems(def)).toEqual([
      { field: 'a', property: 'name', code: 'duplicate_name', offset: undefined },
      { field: 'r', property: 'children', code: 'bad_structure', offset: undefined },
      { field: 't', property: 'children', code: 'bad_structure', offset: undefined },
      { field: 's', property: 'list', code: 'missing_list', offset: undefined },
      { field: 'm', property: 'list', code: 'missing_list', offset: undefined },
      { field: 'c', property: 'calculation', code: 'bad_structure', offset: undefined },
    ]);
  });

  it("reserves <name>_other for a select's other text", () => {
    const def = form(
      [
        { type: 'select_one', name: 's', list: 'l', orOther: true },
        { type: 'text', name: 's_other' },
      ],
      { l: [{ name: 'x', label: { fr: 'X' } }] },
    );
    expect(problems(def)).toEqual([
      { field: 's_other', property: 'name', code: 'duplicate_name', offset: undefined },
    ]);
  });

  it('reports bad expressions, unknown functions and unknown fields with the property and offset', () => {
    const def = form([
      { type: 'integer', name: 'a', relevant: '${b} > 1', constraint: '. > (1' },
      { type: 'text', name: 'b', calculation: 'frobnicate(1)', readOnly: 'true()' },
      { type: 'text', name: 'c', required: '/data/a = 1' },
    ]);
    const found = problems(def);
    expect(found).toContainEqual({
      field: 'a',
      property: 'constraint',
      code: 'bad_expression',
      offset: expect.any(Number),
    });
    expect(found).toContainEqual({
      field: 'b',
      property: 'calculation',
      code: 'unknown_function',
      offset: 0,
    });
    expect(found).toContainEqual({
      field: 'c',
      property: 'required',
      code: 'unsupported_path',
      offset: expect.any(Number),
    });
    expect(found).toHaveLength(3);
    const unknown = problems(form([{ type: 'integer', name: 'a', relevant: '1 = 1 and ${zz} > 1' }]));
    expect(unknown).toEqual([{ field: 'a', property: 'relevant', code: 'unknown_field', offset: 10 }]);
  });

  it('lets a choice filter name choice columns bare, but checks its ${references}', () => {
    expect(problems(cascadeForm)).toEqual([]);
    const def = form([{ type: 'select_one', name: 's', list: 'l', choiceFilter: 'region = ${nowhere}' }], {
      l: [{ name: 'x', label: { fr: 'X' } }],
    });
    expect(problems(def)).toEqual([
      { field: 's', property: 'choiceFilter', code: 'unknown_field', offset: 9 },
    ]);
  });

  it('reports circular calculations once, and accepts relevance that reads a later field', () => {
    const def = form([
      { type: 'calculate', name: 'a', calculation: '${b} + 1' },
      { type: 'calculate', name: 'b', calculation: '${a} + 1' },
      { type: 'calculate', name: 'self', calculation: '${self} + 1' },
      { type: 'integer', name: 'x', relevant: '${y} > 1' },
      { type: 'integer', name: 'y', relevant: '${x} > 1' },
    ]);
    expect(problems(def)).toEqual([
      { field: 'a', property: 'calculation', code: 'circular_reference', offset: undefined },
      { field: 'self', property: 'calculation', code: 'circular_reference', offset: undefined },
    ]);
  });

  it('checks defaults against the type, and accepts dynamic defaults', () => {
    const def = form(
      [
        { type: 'integer', name: 'i', default: 'abc' },
        { type: 'integer', name: 'j', default: '12' },
        { type: 'date', name: 'd', default: '2024-02-30' },
        { type: 'date', name: 'today', default: 'today()' },
        { type: 'select_one', name: 's', list: 'l', default: 'y' },
        { type: 'select_multiple', name: 'm', list: 'l', default: 'x z' },
        { type: 'yes_no', name: 'yn', default: 'yes' },
      ],
      {
        l: [
          { name: 'x', label: { fr: 'X' } },
          { name: 'z', label: { fr: 'Z' } },
        ],
      },
    );
    expect(problems(def).map((p) => p.field)).toEqual(['i', 'd', 's']);
    expect(problems(def).every((p) => p.code === 'bad_default' && p.property === 'default')).toBe(true);
  });
});
