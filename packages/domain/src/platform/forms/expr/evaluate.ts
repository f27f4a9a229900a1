import type { ExprNode } from './ast.js';
import { FUNCTIONS } from './functions/index.js';
import type { ExprContext, ExprValue } from './types.js';
import { compare, equals, toBoolean, toNumber } from './values.js';

/**
 * The value of a parsed expression. Pure apart from the context's answers and clock (and random()/uuid()):
 * the same tree and context give the same value on the device and on the server. Never throws for any answer.
 */
export function evaluate(node: ExprNode, ctx: ExprContext): ExprValue {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'ref':
      return ctx.resolve(node.name);
    case 'current':
      return ctx.current();
    case 'parent':
      // Only reachable as position's argument, which position() reads itself.
      return '';
    case 'negate':
      return -toNumber(evaluate(node.operand, ctx));
    case 'call': {
      const fn = FUNCTIONS.get(node.name);
      // The parser refuses unknown names; a hand-built tree with one evaluates to ''.
      return fn ? fn(node, ctx, evaluate) : '';
    }
    case 'binary':
      switch (node.op) {
        case 'or':
          return toBoolean(evaluate(node.left, ctx)) || toBoolean(evaluate(node.right, ctx));
        case 'and':
          return toBoolean(evaluate(node.left, ctx)) && toBoolean(evaluate(node.right, ctx));
        case '=':
          return equals(evaluate(node.left, ctx), evaluate(node.right, ctx));
        case '!=':
          return !equals(evaluate(node.left, ctx), evaluate(node.right, ctx));
        case '<':
        case '<=':
        case '>':
        case '>=':
          return compare(node.op, evaluate(node.left, ctx), evaluate(node.right, ctx));
        case '+':
          return toNumber(evaluate(node.left, ctx)) + toNumber(evaluate(node.right, ctx));
        case '-':
          return toNumber(evaluate(node.left, ctx)) - toNumber(evaluate(node.right, ctx));
        case '*':
          return toNumber(evaluate(node.left, ctx)) * toNumber(evaluate(node.right, ctx));
        case 'div':
          return toNumber(evaluate(node.left, ctx)) / toNumber(evaluate(node.right, ctx));
        case 'mod':
          // JavaScript's % is XPath's mod: the sign of the dividend, NaN for a zero divisor.
          return toNumber(evaluate(node.left, ctx)) % toNumber(evaluate(node.right, ctx));
      }
  }
}
