import { describe, expect, it } from 'vitest';
import { KNOWN_FUNCTIONS } from '../signatures.js';
import { run } from '../test-context.js';
import type { ExprValue } from '../types.js';
import { FUNCTIONS } from './index.js';

const golden = (rows: [string, ExprValue][], current: ExprValue = '') =>
  it.each(rows)('%s → %j', (source, expected) => {
    expect(run(source, current as never)).toEqual(expected);
  });

it('implements exactly the functions the parser knows', () => {
  expect([...FUNCTIONS.keys()].sort()).toEqual([...KNOWN_FUNCTIONS].sort());
});

describe('logic', () => {
  golden([
    ['not(${consent})', false],
    ['not(${blank})', true],
    ["not('false')", false],
    ['not(0 div 0)', true],
    ["if(${age} >= 18, 'adult', 'minor')", 'adult'],
    ["if(${blank}, 'yes', 'no')", 'no'],
    ['if(1, ${age}, 1 div 0)', 34],
    ['coalesce(${blank}, ${name})', 'Kossi Agbeko'],
    ['coalesce(${blank}, ${blank})', ''],
    ["coalesce(${blank}, '', 0)", 0],
    ['coalesce(${age}, 5)', 34],
    ['coalesce(${nothing}, ${names})', 'Ana'],
    ["boolean('')", false],
    ["boolean('x')", true],
    ['boolean(${nothing})', false],
    ['true()', true],
    ['false()', false],
    ["boolean-from-string('true')", true],
    ["boolean-from-string('1')", true],
    ["boolean-from-string('yes')", false],
    ['boolean-from-string(${blank})', false],
    ["once(concat('id-', ${age}))", 'id-34'],
  ]);
  it('once() keeps the value the field already has', () => {
    expect(run("once(concat('id-', ${age}))", 'id-7')).toBe('id-7');
  });
  it('if() evaluates only the branch it takes', () => {
    let calls = 0;
    const answers = new Proxy({} as Record<string, ExprValue>, {
      get: () => {
        calls++;
        return 'x';
      },
    });
    expect(run("if(true(), 'a', ${other})", '', answers)).toBe('a');
    expect(run("coalesce('a', ${other})", '', answers)).toBe('a');
    expect(calls).toBe(0);
  });
});

describe('selects', () => {
  golden([
    ["selected(${multi}, 'health')", true],
    ["selected(${multi}, 'heal')", false],
    ["selected(${multi}, ' school ')", true],
    ["selected(${one}, 'water')", true],
    ["selected(${blank}, '')", false],
    ["selected(${blank}, 'water')", false],
    ['count-selected(${multi})', 3],
    ['count-selected(${blank})', 0],
    ["count-selected('  a   b ')", 2],
    ['selected-at(${multi}, 0)', 'water'],
    ['selected-at(${multi}, 2)', 'school'],
    ['selected-at(${multi}, 3)', ''],
    ['selected-at(${multi}, -1)', ''],
    ['selected-at(${multi}, 0.5)', ''],
    ['selected-at(${blank}, 0)', ''],
    ["jr:choice-name(${region}, '${region}')", 'Kara'],
    ['jr:choice-name(${region}, "${region}")', 'Kara'],
    ["jr:choice-name('savanes', '${region}')", 'Savanes'],
    ["jr:choice-name('plateaux', '${region}')", ''],
    ["jr:choice-name(${blank}, '${region}')", ''],
    ["jr:choice-name(selected-at(${multi}, 1), '${multi}')", 'Santé'],
  ]);
});

describe('repeats and node-sets', () => {
  golden([
    ['position(..)', 2],
    ['position(..) - 1', 1],
    ['indexed-repeat(${ages}, ${members}, 2)', 7],
    ['indexed-repeat(${ages}, ${members}, position(..) + 1)', 19],
    ['indexed-repeat(${ages}, ${members}, 4)', ''],
    ['indexed-repeat(${ages}, ${members}, 0)', ''],
    ['indexed-repeat(${ages}, ${members}, ${blank})', ''],
    ['sum(${amounts})', 4000],
    ['sum(${ages}) div count(${ages})', 20],
    ['sum(${nothing})', 0],
    ['sum(${age})', 34],
    ['count(${amounts})', 3],
    ['count(${nothing})', 0],
    ['count(${age})', 1],
    ['count-non-empty(${names})', 2],
    ['count-non-empty(${nothing})', 0],
    ['count-non-empty(${blank})', 0],
    ["join(', ', ${names})", 'Ana, , Bia'],
    ["join('-', ${age}, ${name}, 'x')", '34-Kossi Agbeko-x'],
    ["join(' ', ${nothing})", ''],
  ]);
  it('sum() of a node-set with an empty value is NaN (XPath)', () => {
    expect(run('sum(${with_blank})')).toBeNaN();
  });
});
