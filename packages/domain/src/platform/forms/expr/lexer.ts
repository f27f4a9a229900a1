import { FIELD_NAME } from '../definition.js';
import { ExpressionError } from './types.js';

/**
 * Tokens of the XLSForm expression language. XPath's rule for `and`, `or`, `div`, `mod` and `*`: they are
 * operators only after an operand (a literal, a reference, `.`, `..`, `)` or a name), so `div` can still name
 * a function or a column elsewhere.
 */
export type TokenKind =
  | 'number'
  | 'string'
  | 'ref'
  | 'name'
  | 'dot'
  | 'dotdot'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'operator'
  | 'slash'
  | 'bracket'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The literal's value, the reference's name, the operator or the name as written. */
  readonly text: string;
  readonly offset: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_.-]/;
const DIGIT = /[0-9]/;
const WORD_OPERATORS = new Set(['and', 'or', 'div', 'mod']);
const OPERAND_END: ReadonlySet<TokenKind> = new Set([
  'number',
  'string',
  'ref',
  'name',
  'dot',
  'dotdot',
  'rparen',
]);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const afterOperand = () => {
    const last = tokens[tokens.length - 1];
    return last !== undefined && OPERAND_END.has(last.kind);
  };
  const push = (kind: TokenKind, text: string, offset: number) => tokens.push({ kind, text, offset });
  while (i < source.length) {
    const c = source[i]!;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError('syntax', 'Unterminated string literal', start);
      push('string', source.slice(i + 1, end), start);
      i = end + 1;
    } else if (c === '$' && source[i + 1] === '{') {
      const end = source.indexOf('}', i + 2);
      if (end < 0) throw new ExpressionError('syntax', 'Unterminated reference: "}" expected', start);
      const name = source.slice(i + 2, end);
      if (!FIELD_NAME.test(name))
        throw new ExpressionError('syntax', `Invalid field name in reference: "\${${name}}"`, start);
      push('ref', name, start);
      i = end + 1;
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(source[i + 1] ?? ''))) {
      while (i < source.length && DIGIT.test(source[i]!)) i++;
      if (source[i] === '.') {
        i++;
        while (i < source.length && DIGIT.test(source[i]!)) i++;
      }
      push('number', source.slice(start, i), start);
    } else if (c === '.') {
      const dotdot = source[i + 1] === '.';
      i += dotdot ? 2 : 1;
      push(dotdot ? 'dotdot' : 'dot', dotdot ? '..' : '.', start);
    } else if (NAME_START.test(c)) {
      i++;
      while (i < source.length && NAME_CHAR.test(source[i]!)) i++;
      // A prefixed name such as jr:choice-name.
      if (source[i] === ':' && NAME_START.test(source[i + 1] ?? '')) {
        i++;
        while (i < source.length && NAME_CHAR.test(source[i]!)) i++;
      }
      const word = source.slice(start, i);
      push(WORD_OPERATORS.has(word) && afterOperand() ? 'operator' : 'name', word, start);
    } else if (c === '(' || c === ')' || c === ',') {
      push(c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', c, start);
      i++;
    } else if (c === '!' || c === '<' || c === '>') {
      const withEquals = source[i + 1] === '=';
      if (c === '!' && !withEquals) throw new ExpressionError('syntax', 'Unexpected character "!"', start);
      i += withEquals ? 2 : 1;
      push('operator', withEquals ? `${c}=` : c, start);
    } else if (c === '=' || c === '+' || c === '-') {
      push('operator', c, start);
      i++;
    } else if (c === '*') {
      if (!afterOperand())
        throw new ExpressionError('unsupported_path', 'Wildcard paths are not supported', start);
      push('operator', '*', start);
      i++;
    } else if (c === '/') {
      const double = source[i + 1] === '/';
      i += double ? 2 : 1;
      push('slash', double ? '//' : '/', start);
    } else if (c === '[' || c === ']') {
      push('bracket', c, start);
      i++;
    } else {
      throw new ExpressionError('syntax', `Unexpected character "${c}"`, start);
    }
  }
  tokens.push({ kind: 'eof', text: '', offset: source.length });
  return tokens;
}
