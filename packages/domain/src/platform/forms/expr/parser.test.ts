import { describe, expect, it } from 'vitest';
import type { ExprNode } from './ast.js';
import { parseExpression, referencesOf, usesCurrent } from './parser.js';
import { KNOWN_FUNCTIONS } from './signatures.js';
import { type ExprErrorCode, ExpressionError } from './types.js';

/** The tree as a compact S-expression, so precedence tables stay readable. */
function show(node: ExprNode): string {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'string' ? `'${node.value}'` : String(node.value);
    case 'ref':
      return `$${node.name}`;
    case 'current':
      return '.';
    case 'parent':
      return '..';
    case 'negate':
      return `(neg ${show(node.operand)})`;
    case 'binary':
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(show).join(' ')})`;
  }
}

describe('parseExpression: precedence and associativity (XPath 1.0)', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['10 - 4 - 3', '(- (- 10 4) 3)'],
    ['8 div 4 div 2', '(div (div 8 4) 2)'],
    ['7 mod 3 * 2', '(* (mod 7 3) 2)'],
    ['-2 * 3', '(* (neg 2) 3)'],
    ['- - 1', '(neg (neg 1))'],
    ['1 < 2 = 3 > 4', '(= (< 1 2) (> 3 4))'],
    ['1 < 2 < 3', '(< (< 1 2) 3)'],
    ['${a} = 1 or ${b} = 2 and ${c} = 3', '(or (= $a 1) (and (= $b 2) (= $c 3)))'],
    ['${a} + 1 >= ${b} * 2', '(>= (+ $a 1) (* $b 2))'],
    [". != '' and . <= 5", "(and (!= . '') (<= . 5))"],
    ['${x}-1', '(- $x 1)'],
    ['${x} div${y}', '(div $x $y)'],
    ['.5 + 5.', '(+ 0.5 5)'],
    ['"it\'s"', "'it's'"],
    ['not(${a}) and true()', '(and not($a) true())'],
    ["jr:choice-name(${c}, '${c}')", 'jr:choice-name($c $c)'],
    ['position(..) = 1', '(= position(..) 1)'],
    ['indexed-repeat(${name}, ${kids}, 2)', 'indexed-repeat($name $kids 2)'],
    ['if(${a} > 1, concat(\'a\', "b"), coalesce(${b}, 0))', "if((> $a 1) concat('a' 'b') coalesce($b 0))"],
    ['count-selected(${m}) - -1', '(- count-selected($m) (neg 1))'],
  ])('%s → %s', (source, tree) => {
    expect(show(parseExpression(source))).toBe(tree);
  });

  it('keeps the offsets of nodes', () => {
    const node = parseExpression('1 +  ${abc}');
    expect(node).toMatchObject({ kind: 'binary', offset: 2, left: { offset: 0 }, right: { offset: 5 } });
  });

  it('accepts nesting as deep as real forms write it', () => {
    const deep = `${'if(${a}, 1, '.repeat(40)}0${')'.repeat(40)}`;
    expect(parseExpression(deep).kind).toBe('call');
    expect(show(parseExpression(`${'('.repeat(99)}1${')'.repeat(99)}`))).toBe('1');
  });

  it('parses a long flat chain without nesting limits', () => {
    const node = parseExpression(Array.from({ length: 1500 }, (_, i) => `\${f${i}}`).join(' + '));
    expect(referencesOf(node)).toHaveLength(1500);
  });

  it('compiles a literal regex pattern once', () => {
    const node = parseExpression("regex(., '^[0-9]{8}$')");
    expect(node.kind === 'call' && node.regex?.source).toBe('^[0-9]{8}$');
  });
});

describe('parseExpression: errors', () => {
  it.each<[string, ExprErrorCode, number, RegExp?]>([
    ['', 'syntax', 0],
    ['   ', 'syntax', 0],
    ['1 +', 'syntax', 3, /end of expression/],
    ['(1 + 2', 'syntax', 6],
    ['1 2', 'syntax', 2],
    ["'abc", 'syntax', 0, /Unterminated/],
    ['${abc', 'syntax', 0, /Unterminated/],
    ['${1abc} = 1', 'syntax', 0, /1abc/],
    ['${} = 1', 'syntax', 0],
    ['1 ! 2', 'syntax', 2],
    ['1 # 2', 'syntax', 2],
    ['concat(1,)', 'syntax', 9],
    ['concat(1 2)', 'syntax', 9],
    ['foo(1)', 'unknown_function', 0, /"foo"/],
    ['1 + jr:itext(1)', 'unknown_function', 4, /jr:itext/],
    ['if(1, 2)', 'arity', 0, /3/],
    ['. and not()', 'arity', 6],
    ['today(1)', 'arity', 0],
    ['round(1, 2, 3)', 'arity', 0],
    ['indexed-repeat(${a}, ${r}, 1, ${s})', 'arity', 0],
    ['indexed-repeat(${a}, 2, 1)', 'syntax', 21],
    ['/data/age > 3', 'unsupported_path', 0],
    ['${a} + ../age', 'unsupported_path', 7],
    ['age > 3', 'unsupported_path', 0, /\$\{age\}/],
    ['${a} = true', 'unsupported_path', 7, /true\(\)/],
    ['${a}/b', 'unsupported_path', 4],
    ['${a}[1]', 'unsupported_path', 4],
    ['count(*)', 'unsupported_path', 6],
    ['position(${a})', 'unsupported_path', 9],
    ["jr:choice-name(${c}, 'c')", 'unsupported_path', 21],
    ["jr:choice-name(${c}, '${9}')", 'syntax', 21],
    ["regex(., '[a-')", 'syntax', 9, /regular expression/],
    [`${'('.repeat(101)}1${')'.repeat(101)}`, 'syntax', 100, /nested/],
    [`${'-'.repeat(101)}1`, 'syntax', 100, /nested/],
  ])('%j → %s at %d', (source, code, offset, message) => {
    let error: unknown;
    try {
      parseExpression(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({ code, offset });
    if (message) expect((error as Error).message).toMatch(message);
  });
});

describe('referencesOf and usesCurrent', () => {
  it('lists each reference once, in order, including choice-name and indexed-repeat arguments', () => {
    const node = parseExpression(
      "${b} + ${a} + ${b} + indexed-repeat(${n}, ${r}, ${i}) + string-length(jr:choice-name(${c}, '${d}'))",
    );
    expect(referencesOf(node)).toEqual(['b', 'a', 'n', 'r', 'i', 'c', 'd']);
    expect(referencesOf(parseExpression('1 + 2'))).toEqual([]);
  });

  it.each([
    ['. > 5', true],
    ['${a} > 5', false],
    ["once(concat('x', ${a}))", true],
    ['string-length() < 4', true],
    ['string-length(${a}) < 4', false],
    ['regex(., "x")', true],
  ])('%s → %s', (source, expected) => {
    expect(usesCurrent(parseExpression(source))).toBe(expected);
  });

  it('lists the known functions', () => {
    expect(KNOWN_FUNCTIONS).toContain('jr:choice-name');
    expect(new Set(KNOWN_FUNCTIONS).size).toBe(KNOWN_FUNCTIONS.length);
  });
});
