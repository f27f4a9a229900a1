import { FIELD_NAME } from '../definition.js';
import type { BinaryOperator, ExprNode } from './ast.js';
import { type Token, tokenize } from './lexer.js';
import { FUNCTION_ARITY } from './signatures.js';
import { ExpressionError } from './types.js';

/** Operators by XPath 1.0 precedence, loosest first; every level is left-associative. */
const LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['or'],
  ['and'],
  ['=', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', 'div', 'mod'],
];

const MAX_DEPTH = 100;

/** `'${field}'` as jr:choice-name's second argument (XLSForm quotes it; pyxform turns it into a path). */
const QUOTED_REFERENCE = /^\s*\$\{([^}]*)\}\s*$/;

/** Parses an XLSForm expression once into its tree; throws ExpressionError with the offending offset. */
export function parseExpression(source: string): ExprNode {
  const parser = new Parser(tokenize(source));
  if (parser.peek().kind === 'eof') throw new ExpressionError('syntax', 'Empty expression', 0);
  const node = parser.expression(0);
  const rest = parser.peek();
  if (rest.kind !== 'eof') throw parser.unexpected(rest);
  return node;
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  expression(level: number): ExprNode {
    const operators = LEVELS[level];
    if (!operators) return this.unary();
    let left = this.expression(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || !operators.includes(token.text as BinaryOperator)) return left;
      this.next();
      const right = this.expression(level + 1);
      left = { kind: 'binary', op: token.text as BinaryOperator, left, right, offset: token.offset };
    }
  }

  private unary(): ExprNode {
    const token = this.peek();
    // Deep nesting would overflow the stack (a RangeError, not an import problem) before any real form needs it.
    if (++this.depth > MAX_DEPTH)
      throw new ExpressionError(
        'syntax',
        `Expression nested more than ${MAX_DEPTH} levels deep`,
        token.offset,
      );
    try {
      if (token.kind === 'operator' && token.text === '-') {
        this.next();
        return { kind: 'negate', operand: this.unary(), offset: token.offset };
      }
      const node = this.primary();
      const after = this.peek();
      if (after.kind === 'slash' || after.kind === 'bracket')
        throw new ExpressionError('unsupported_path', 'Paths and predicates are not supported', after.offset);
      return node;
    } finally {
      this.depth--;
    }
  }

  private primary(): ExprNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: Number(token.text), offset: token.offset };
      case 'string':
        return { kind: 'literal', value: token.text, offset: token.offset };
      case 'ref':
        return { kind: 'ref', name: token.text, offset: token.offset };
      case 'dot':
        return { kind: 'current', offset: token.offset };
      case 'dotdot':
        throw new ExpressionError('unsupported_path', '".." is only supported as position(..)', token.offset);
      case 'slash':
        throw new ExpressionError(
          'unsupported_path',
          'Absolute paths are not supported: refer to fields as $' + '{name}',
          token.offset,
        );
      case 'lparen': {
        const inner = this.expression(0);
        const close = this.next();
        if (close.kind !== 'rparen') throw this.unexpected(close, '")"');
        return inner;
      }
      case 'name':
        if (this.peek().kind === 'lparen') return this.call(token);
        throw new ExpressionError(
          'unsupported_path',
          FUNCTION_ARITY.has(token.text)
            ? `Bare name "${token.text}": write ${token.text}() for the function`
            : `Bare name "${token.text}": refer to fields as \${${token.text}}`,
          token.offset,
        );
      default:
        throw this.unexpected(token);
    }
  }

  private call(name: Token): ExprNode {
    const arity = FUNCTION_ARITY.get(name.text);
    if (!arity) throw new ExpressionError('unknown_function', `Unknown function "${name.text}"`, name.offset);
    this.next(); // (
    const args: ExprNode[] = [];
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        args.push(this.argument(name.text));
        const separator = this.next();
        if (separator.kind === 'rparen') break;
        if (separator.kind !== 'comma') throw this.unexpected(separator, '"," or ")"');
      }
    } else this.next();
    const [min, max] = arity;
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw new ExpressionError(
        'arity',
        `Function "${name.text}" takes ${expected} argument(s), not ${args.length}`,
        name.offset,
      );
    }
    return checkCall(name, args);
  }

  /** An argument; `..` only as position's. */
  private argument(fn: string): ExprNode {
    const token = this.peek();
    if (fn === 'position') {
      if (token.kind !== 'dotdot')
        throw new ExpressionError(
          'unsupported_path',
          'position() takes ".." only: position(..)',
          token.offset,
        );
      this.next();
      return { kind: 'parent', offset: token.offset };
    }
    return this.expression(0);
  }

  unexpected(token: Token, expected?: string): ExpressionError {
    const found = token.kind === 'eof' ? 'end of expression' : `"${token.text}"`;
    return new ExpressionError(
      'syntax',
      `Unexpected ${found}${expected ? `, ${expected} expected` : ''}`,
      token.offset,
    );
  }
}

/** The checks some functions need on the shape of their arguments. */
function checkCall(name: Token, args: ExprNode[]): ExprNode {
  const base = { kind: 'call', name: name.text, offset: name.offset } as const;
  if (name.text === 'jr:choice-name') {
    const field = args[1]!;
    const match =
      field.kind === 'literal' && typeof field.value === 'string' && QUOTED_REFERENCE.exec(field.value);
    if (field.kind !== 'ref' && !match)
      throw new ExpressionError(
        'unsupported_path',
        "jr:choice-name's second argument must name a field: '$" + "{field}'",
        field.offset,
      );
    if (match && !FIELD_NAME.test(match[1]!))
      throw new ExpressionError('syntax', `Invalid field name in reference: "\${${match[1]}}"`, field.offset);
    const ref: ExprNode = match ? { kind: 'ref', name: match[1]!, offset: field.offset } : field;
    return { ...base, args: [args[0]!, ref] };
  }
  if (name.text === 'indexed-repeat') {
    if (args.length % 2 === 0)
      throw new ExpressionError(
        'arity',
        'indexed-repeat takes a field then pairs of a repeat and an index',
        name.offset,
      );
    // The field, then each repeat: references; the indexes in between are any expression.
    for (let i = 0; i < args.length; i += i === 0 ? 1 : 2) {
      const arg = args[i]!;
      if (arg.kind !== 'ref')
        throw new ExpressionError(
          'syntax',
          `indexed-repeat's argument ${i + 1} must be a \${name} reference`,
          arg.offset,
        );
    }
  }
  if (name.text === 'regex') {
    const pattern = args[1]!;
    if (pattern.kind === 'literal') {
      try {
        return { ...base, args, regex: new RegExp(String(pattern.value)) };
      } catch (error) {
        throw new ExpressionError(
          'syntax',
          `Invalid regular expression: ${(error as Error).message}`,
          pattern.offset,
        );
      }
    }
  }
  return { ...base, args };
}

/** Every field the expression reads (`${name}`), each once, in order of appearance. */
export function referencesOf(node: ExprNode): string[] {
  const names = new Set<string>();
  visit(node, (n) => {
    if (n.kind === 'ref') names.add(n.name);
  });
  return [...names];
}

/** Functions that read the current field when called without arguments (XPath's context node). */
const CONTEXT_DEFAULT = new Set(['string', 'string-length', 'normalize-space', 'number']);

/** Whether the expression reads the value of the field it belongs to (`.`, once(), string-length(), …). */
export function usesCurrent(node: ExprNode): boolean {
  let found = false;
  visit(node, (n) => {
    if (n.kind === 'current') found = true;
    else if (n.kind === 'call' && (n.name === 'once' || (n.args.length === 0 && CONTEXT_DEFAULT.has(n.name))))
      found = true;
  });
  return found;
}

function visit(node: ExprNode, fn: (node: ExprNode) => void): void {
  fn(node);
  if (node.kind === 'negate') visit(node.operand, fn);
  else if (node.kind === 'binary') {
    visit(node.left, fn);
    visit(node.right, fn);
  } else if (node.kind === 'call') for (const arg of node.args) visit(arg, fn);
}
