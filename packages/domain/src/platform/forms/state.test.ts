import { describe, expect, it } from 'vitest';
import type { FormDefinition, FormField } from './definition.js';
import { formState } from './state.js';
import { cascadeForm, householdForm, meetingForm } from './testing/sample-forms.js';

const now = new Date('2026-06-15T10:00:00Z');
const form = (fields: FormField[], choices: FormDefinition['choices'] = {}): FormDefinition => ({
  schemaVersion: 1,
  formId: 'f',
  version: '1',
  title: { fr: 'F' },
  fields,
  choices,
});
const at = (def: FormDefinition, answers: Parameters<typeof formState>[1], path: string) =>
  formState(def, answers, { now }).fields.get(path);

describe('formState', () => {
  it('computes calculations in dependency order, typed by the field', () => {
    const def = form([
      { type: 'calculate', name: 'c', calculation: '${b} * 2' },
      { type: 'integer', name: 'b', calculation: '${a} + 1' },
      { type: 'integer', name: 'a' },
      { type: 'yes_no', name: 'big', calculation: '${c} > 10' },
    ]);
    const s = formState(def, { a: 4, b: 99, c: 'stale' }, { now });
    expect(s.fields.get('b')?.value).toBe(5);
    expect(s.fields.get('c')?.value).toBe('10');
    expect(s.fields.get('big')?.value).toBe(false);
    expect(s.fields.get('b')?.readOnly).toBe(true);
    expect([...s.fields.keys()]).toEqual(['c', 'b', 'a', 'big']);
  });

  it('makes a field non-relevant when its group is, and blanks it for the expressions reading it', () => {
    const def = form([
      { type: 'yes_no', name: 'show' },
      { type: 'group', name: 'g', relevant: "${show} = 'yes'", children: [{ type: 'integer', name: 'n' }] },
      { type: 'calculate', name: 'copy', calculation: "concat('n=', ${n})" },
    ]);
    const off = formState(def, { show: false, n: 3 }, { now });
    expect(off.fields.get('n')).toMatchObject({ relevant: false, value: null });
    expect(off.fields.get('copy')?.value).toBe('n=');
    const on = formState(def, { show: true, n: 3 }, { now });
    expect(on.fields.get('n')).toMatchObject({ relevant: true, value: 3 });
    expect(on.fields.get('copy')?.value).toBe('n=3');
  });

  it("tests a yes/no as a boolean, or as XLSForm's select_one yes_no ('yes'/'no', exact while unanswered)", () => {
    const def = form([
      { type: 'yes_no', name: 'q' },
      { type: 'text', name: 'if_no', relevant: "${q} = 'no'" },
      { type: 'text', name: 'if_yes', relevant: "'yes' = ${q}" },
      { type: 'text', name: 'not_no', relevant: "${q} != 'non'" },
      { type: 'text', name: 'bare', relevant: '${q}' },
      { type: 'text', name: 'negated', relevant: 'not(${q})' },
      { type: 'yes_no', name: 'self', constraint: ". = 'yes'" },
    ]);
    const run = (answers: Parameters<typeof formState>[1]) => {
      const s = formState(def, answers, { now });
      return ['if_no', 'if_yes', 'not_no', 'bare', 'negated'].map((n) => s.fields.get(n)?.relevant);
    };
    expect(run({ q: true })).toEqual([false, true, true, true, false]);
    expect(run({ q: false })).toEqual([true, false, false, false, true]);
    expect(run({})).toEqual([false, false, true, false, true]);
    expect(formState(def, { self: false }, { now }).errors.map((e) => e.code)).toEqual(['constraint']);
    expect(formState(def, { self: true }, { now }).errors).toEqual([]);
  });

  it('evaluates required and read-only expressions per instance', () => {
    const def = form([
      { type: 'integer', name: 'age' },
      { type: 'text', name: 'school', required: '${age} < 18', readOnly: '${age} > 90' },
    ]);
    expect(at(def, { age: 10 }, 'school')).toMatchObject({ required: true, readOnly: false });
    expect(at(def, { age: 95 }, 'school')).toMatchObject({ required: false, readOnly: true });
  });

  it('addresses repeat instances by path, with position(), sums and the repeat count', () => {
    const answers = {
      member_count: 2,
      members: [
        { member_name: 'Afi', age: 34, phones: [{ phone: '90000000' }] },
        { member_name: 'Kodjo', age: 8 },
      ],
    };
    const s = formState(householdForm, answers, { now });
    expect(s.fields.get('members')).toMatchObject({ repeatCount: 2, instances: [0, 1] });
    expect(s.fields.get('members[1].rank')?.value).toBe('2');
    expect(s.fields.get('members[0].phones[0].phone')?.value).toBe('90000000');
    expect(s.fields.get('members[1].activities')?.relevant).toBe(false);
    expect(s.fields.get('members[1].phones')?.relevant).toBe(false);
    expect(s.fields.get('total_age')?.value).toBe('42');
    expect(s.fields.get('adults')?.required).toBe(true);
    expect([...s.fields.keys()].slice(0, 4)).toEqual([
      'member_count',
      'members',
      'members[0].member_name',
      'members[0].age',
    ]);
  });

  it('filters choices with bare choice columns and answers (cascading selects)', () => {
    const names = (region: string, path: string) =>
      at(cascadeForm, { region }, path)?.choices?.map((c) => c.name);
    expect(names('kara', 'prefecture')).toEqual(['kozah', 'binah']);
    expect(names('savanes', 'prefecture')).toEqual(['tone']);
    expect(names('savanes', 'crops')).toEqual(['sorghum', 'maize']);
    expect(at(cascadeForm, {}, 'prefecture')?.choices).toEqual([]);
    expect(at(cascadeForm, { region: 'kara' }, 'label_check')?.value).toBe('Kara');
  });

  it('gives a repeat without answered count zero fixed instances', () => {
    expect(at(householdForm, {}, 'members')).toMatchObject({ repeatCount: 0, instances: [] });
  });

  it('lists the current errors', () => {
    const s = formState(meetingForm, { meeting_date: '2030-01-01', women: 3, held: true }, { now });
    expect(s.errors.map((e) => [e.field, e.code])).toEqual([
      ['meeting_date', 'constraint'],
      ['men', 'required'],
    ]);
    expect(s.errors[0]?.message.en).toBe('The date cannot be in the future.');
  });

  it('re-runs a 200-question form well under 100 ms', () => {
    const fields: FormField[] = [];
    for (let i = 0; i < 200; i++)
      fields.push({
        type: 'integer',
        name: `q${i}`,
        ...(i > 0 ? { relevant: `\${q${i - 1}} >= 0` } : {}),
        constraint: '. < 1000',
        required: true,
      });
    fields.push({ type: 'calculate', name: 'total', calculation: '${q0} + ${q199}' });
    const def = form(fields);
    const answers = Object.fromEntries(fields.slice(0, 150).map((f, i) => [f.name, i]));
    formState(def, answers, { now });
    const start = performance.now();
    for (let i = 0; i < 10; i++) formState(def, { ...answers, q0: i }, { now });
    expect((performance.now() - start) / 10).toBeLessThan(20);
  });
});
