import { describe, expect, it } from 'vitest';
import { run } from './test-context.js';
import type { ExprScalar, ExprValue } from './types.js';
import { toBoolean, toNumber, toText } from './values.js';

const NaN_ = Number.NaN;

describe('evaluate: literals, references, the current field', () => {
  it.each<[string, ExprValue]>([
    ["'abc'", 'abc'],
    ['"a\'b"', "a'b"],
    ['12.50', 12.5],
    ['${age}', 34],
    ['${blank}', ''],
    ['${unknown_here}', ''],
    ['.', 'cur'],
    ['${amounts}', [1000, 2500, 500]],
  ])('%s → %j', (source, expected) => {
    expect(run(source, 'cur')).toEqual(expected);
  });
});

describe('evaluate: arithmetic (XPath numbers)', () => {
  it.each<[string, number]>([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['7 div 2', 3.5],
    ['7 mod 3', 1],
    ['-7 mod 3', -1],
    ['7 mod -3', 1],
    ['5.5 mod 2', 1.5],
    ['1 div 0', Infinity],
    ['-1 div 0', -Infinity],
    ['0 div 0', NaN_],
    ['5 mod 0', NaN_],
    ['-${age}', -34],
    ['- - 3', 3],
    ['-2 * 3', -6],
    ['${age} + 1', 35],
    ["${text_number} + '1'", 43],
    ['${blank} + 1', NaN_],
    ["'abc' * 2", NaN_],
    ["' 12 ' + 0", 12],
    ["'1e3' + 0", NaN_],
    ["'0x10' + 0", NaN_],
    ['${consent} + ${consent}', 2],
    ['${refused} * 5', 0],
    // Dates are days since 1970-01-01 UTC, so `today() - ${dob}` is an age in days.
    ['today() - ${dob}', 13057],
    ["'1970-01-02' + 0", 1],
    ["'2026-03-01T12:00:00Z' - '2026-03-01'", 0.5],
    ["'2026-03-01T12:00:00+01:00' - '2026-03-01'", 11 / 24],
    ['int((today() - ${dob}) div 365.25)', 35],
    ["'2026-02-30' + 0", NaN_],
  ])('%s → %d', (source, expected) => {
    const value = run(source) as number;
    if (Number.isNaN(expected)) expect(value).toBeNaN();
    else expect(value).toBeCloseTo(expected, 10);
  });
});

describe('evaluate: comparisons (ODK semantics)', () => {
  it.each<[string, boolean]>([
    ["'' = ''", true],
    ["${blank} = ''", true],
    ["${blank} != ''", false],
    ["${name} != ''", true],
    ['${age} = 34', true],
    ["${age} = '34'", true],
    ["${age} = '34.0'", true],
    ['${text_number} = 42', true],
    ["'abc' = 0", false],
    ["'abc' != 0", true],
    ["'abc' = 'ABC'", false],
    ["'10' = '10.0'", false],
    ['${blank} > 5', false],
    ['${blank} < 5', false],
    ['${blank} = 0', false],
    ['${blank} != 0', true],
    ["'10' > '9'", true],
    ["'abc' < 'abd'", false],
    ['0 div 0 = 0 div 0', false],
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 >= 4', false],
    ['1 < 2 < 3', true],
    ['3 > 2 > 1', false],
    ['${consent} = true()', true],
    ["${consent} = 'yes'", true],
    ["${refused} = ''", true],
    ['${consent} = 1', true],
    ['${dob} < today()', true],
    ["${dob} = date('1990-06-15')", true],
    ["${dob} <= '1990-06-15'", true],
    ["${dob} > '1990-06-15'", false],
    ['${visit} > ${dob}', true],
    ['today() = date(20527)', true],
    ['${amounts} = 2500', true],
    ['${amounts} = 7', false],
    ['${amounts} > 2000', true],
    ['${amounts} < 100', false],
    ['${nothing} = 0', false],
    ['${nothing} != 0', true],
  ])('%s → %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});

describe('evaluate: and / or', () => {
  it.each<[string, boolean]>([
    ['1 and 0', false],
    ["'a' and 'b'", true],
    ["'' or 0", false],
    ['${blank} or ${name}', true],
    ['${age} > 18 and ${consent}', true],
    ['${age} < 18 or ${refused}', false],
    ['1 = 1 or 1 = 2 and 1 = 3', true],
    ['(1 = 1 or 1 = 2) and 1 = 3', false],
    ["'false' and 1", true],
    ['0 div 0 or 0', false],
  ])('%s → %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('short-circuits: the right side is not evaluated', () => {
    let resolved = 0;
    const answers = new Proxy({} as Record<string, ExprValue>, {
      get: (_t, name) => {
        resolved++;
        return name === 'yes' ? true : '';
      },
    });
    expect(run('${no} and ${x}', '', answers)).toBe(false);
    expect(run('${yes} or ${x}', '', answers)).toBe(true);
    expect(resolved).toBe(2);
  });
});

describe('coercions', () => {
  it.each<[ExprValue, string]>([
    [3, '3'],
    [3.0, '3'],
    [-0, '0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e21, '1000000000000000000000'],
    [NaN_, 'NaN'],
    [Infinity, 'Infinity'],
    [true, 'true'],
    [false, 'false'],
    ['', ''],
    [{ date: 20527, time: false }, '2026-03-15'],
    [{ date: 20527.4375, time: true }, '2026-03-15T10:30:00.000Z'],
    [{ date: NaN_, time: false }, ''],
    [['a', 'b'], 'a'],
    [[], ''],
  ])('toText(%j) → %j', (value, expected) => {
    expect(toText(value)).toBe(expected);
  });

  it.each<[ExprValue, boolean]>([
    ['', false],
    ['false', true],
    ['0', true],
    [0, false],
    [NaN_, false],
    [-1, true],
    [[], false],
    [[''], true],
    [{ date: 0, time: false }, true],
  ])('toBoolean(%j) → %s', (value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });

  it.each<[ExprScalar | ExprScalar[], number]>([
    ['', NaN_],
    ['  -3.5 ', -3.5],
    ['.5', 0.5],
    ['5.', 5],
    ['+5', NaN_],
    ['Infinity', NaN_],
    [true, 1],
    ['1970-01-11', 10],
    [[7, 8], 7],
  ])('toNumber(%j) → %d', (value, expected) => {
    expect(toNumber(value)).toEqual(expected);
  });
});
