import { describe, expect, it } from 'vitest';
import { run } from '../test-context.js';
import type { ExprValue } from '../types.js';

const NaN_ = Number.NaN;
const golden = (rows: [string, ExprValue][], current: ExprValue = '') =>
  it.each(rows)('%s → %j', (source, expected) => {
    expect(run(source, current as never)).toEqual(expected);
  });

describe('strings', () => {
  golden(
    [
      ['string(${age})', '34'],
      ['string(1 div 3 * 3)', '1'],
      ['string(${consent})', 'true'],
      ['string(today())', '2026-03-15'],
      ['string()', 'current'],
      ["concat('a', 1, ${consent}, ${blank}, 'z')", 'a1truez'],
      ['concat(${names})', 'AnaBia'],
      ['concat()', ''],
      ['string-length(${name})', 12],
      ["string-length('Évé ')", 4],
      ['string-length(${blank})', 0],
      ['string-length()', 7],
      ["regex('12345678', '^[0-9]{8}$')", true],
      ["regex('1234567', '^[0-9]{8}$')", false],
      ["regex(${blank}, '^[0-9]*$')", true],
      ["regex('ab', 'b')", true],
      ["regex('123', ${pattern})", true],
      ["regex('12a', ${pattern})", false],
      ["regex('[', ${bad_pattern})", false],
      ["contains(${name}, 'Agb')", true],
      ["contains(${name}, 'agb')", false],
      ["contains(${blank}, '')", true],
      ["starts-with(${name}, 'Kos')", true],
      ["ends-with(${name}, 'beko')", true],
      ["ends-with(${blank}, 'x')", false],
      ["substr('hello', 1, 3)", 'el'],
      ["substr('hello', 2)", 'llo'],
      ["substr('hello', 0, 10)", 'hello'],
      ["substr('hello', -2)", 'lo'],
      ["substr('hello', ${blank})", ''],
      ["substring('12345', 2, 3)", '234'],
      ["substring('12345', 1.5, 2.6)", '234'],
      ["substring('12345', 0, 3)", '12'],
      ["substring('12345', 2)", '2345'],
      ["substring-before('2026-03-15', '-')", '2026'],
      ["substring-before('abc', 'x')", ''],
      ["substring-after('2026-03-15', '-')", '03-15'],
      ["substring-after('abc', 'x')", ''],
      ["normalize-space('  a \t b  ')", 'a b'],
      ['normalize-space()', 'current'],
      ["translate('bar', 'abc', 'ABC')", 'BAr'],
      ["translate('--aaa--', 'a-', 'A')", 'AAA'],
    ],
    'current',
  );
  it('uuid() is a v4 UUID, uuid(n) n hexadecimal digits', () => {
    expect(run('uuid()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(run('uuid(6)')).toMatch(/^[0-9a-f]{6}$/);
    expect(run('uuid()')).not.toBe(run('uuid()'));
  });
});

describe('numbers', () => {
  golden([
    ['number(${text_number})', 42],
    ['number(${blank})', NaN_],
    ["number('abc')", NaN_],
    ['number(${consent})', 1],
    ["number('1970-01-03')", 2],
    ['int(3.7)', 3],
    ['int(-3.7)', -3],
    ["int('12.9')", 12],
    ['int(${blank})', NaN_],
    ['round(2.5)', 3],
    ['round(2.4)', 2],
    ['round(-2.5)', -3],
    ['round(1.005, 2)', 1.01],
    ['round(2.34567, 3)', 2.346],
    ['round(1234.5, -2)', 1200],
    ['round(${blank})', NaN_],
    ['round(2.5, ${blank})', NaN_],
    ['floor(-1.5)', -2],
    ['ceiling(1.2)', 2],
    ['abs(-4)', 4],
    ['pow(2, 10)', 1024],
    ['pow(${blank}, 2)', NaN_],
    ['sqrt(16)', 4],
    ['sqrt(-1)', NaN_],
    ['exp(0)', 1],
    ['exp10(3)', 1000],
    ['log(1)', 0],
    ['log10(1000)', 3],
    ['min(3, 1, 2)', 1],
    ['max(${amounts})', 2500],
    ['max(${amounts}, 9000)', 9000],
    ['min(${ages})', 7],
    ['max(${nothing})', NaN_],
    ['max(1, ${blank})', NaN_],
  ]);
  it('pi() and random()', () => {
    expect(run('pi()')).toBeCloseTo(Math.PI);
    const r = run('random()') as number;
    expect(r >= 0 && r < 1).toBe(true);
  });
});
