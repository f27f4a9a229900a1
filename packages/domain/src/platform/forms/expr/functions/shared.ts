import type { ExprNode } from '../ast.js';
import type { ExprContext, ExprValue } from '../types.js';

export type CallNode = Extract<ExprNode, { kind: 'call' }>;
export type Evaluate = (node: ExprNode, ctx: ExprContext) => ExprValue;

/**
 * A function receives its call (arguments unevaluated, so that if(), coalesce(), and/or-like functions stay
 * lazy and no argument array is allocated per call) and the evaluator to use on them.
 */
export type ExprFunction = (call: CallNode, ctx: ExprContext, ev: Evaluate) => ExprValue;

/** The value of argument `i`; the current field's (XPath's context node) when it is absent. */
export function arg(call: CallNode, i: number, ctx: ExprContext, ev: Evaluate): ExprValue {
  const node = call.args[i];
  return node ? ev(node, ctx) : ctx.current();
}
