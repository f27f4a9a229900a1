import type { ExprNode } from '../ast.js';
import type { ExprScalar } from '../types.js';
import { first, nodes, toNumber, toText } from '../values.js';
import { arg, type ExprFunction } from './shared.js';

const SPACES = /\s+/;

/** The choice names of a select_multiple answer ('a b c'); none for ''. */
function tokens(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(SPACES);
}

function refName(node: ExprNode | undefined): string {
  // The parser guarantees references where these functions need names.
  return node?.kind === 'ref' ? node.name : '';
}

export const SELECT_FUNCTIONS: Readonly<Record<string, ExprFunction>> = {
  selected: (call, ctx, ev) => {
    const wanted = toText(arg(call, 1, ctx, ev)).trim();
    return tokens(toText(arg(call, 0, ctx, ev))).includes(wanted);
  },
  'count-selected': (call, ctx, ev) => tokens(toText(arg(call, 0, ctx, ev))).length,
  /** The choice at a 0-based index, '' beyond the end. */
  'selected-at': (call, ctx, ev) => {
    const index = toNumber(arg(call, 1, ctx, ev));
    if (!Number.isInteger(index) || index < 0) return '';
    return tokens(toText(arg(call, 0, ctx, ev)))[index] ?? '';
  },
  'jr:choice-name': (call, ctx, ev) => {
    const value = toText(arg(call, 0, ctx, ev));
    return value === '' ? '' : ctx.choiceLabel(refName(call.args[1]), value);
  },
  position: (_call, ctx) => ctx.position(),
  'indexed-repeat': (call, ctx, ev) => {
    const path: { repeat: string; index: number }[] = [];
    for (let i = 1; i < call.args.length; i += 2)
      path.push({ repeat: refName(call.args[i]), index: toNumber(arg(call, i + 1, ctx, ev)) });
    for (const step of path) if (!Number.isInteger(step.index) || step.index < 1) return '';
    return ctx.indexedRepeat(refName(call.args[0]), path);
  },
  /** The number of nodes (a value outside a repeat is a set of one). */
  count: (call, ctx, ev) => nodes(arg(call, 0, ctx, ev)).length,
  'count-non-empty': (call, ctx, ev) => {
    let n = 0;
    for (const value of nodes(arg(call, 0, ctx, ev))) if (toText(value) !== '') n++;
    return n;
  },
  /** XPath: the sum of the nodes as numbers, so an empty node makes it NaN. */
  sum: (call, ctx, ev) => {
    let total = 0;
    for (const value of nodes(arg(call, 0, ctx, ev))) total += toNumber(value);
    return total;
  },
  /** join(separator, node-set) or join(separator, a, b, …). */
  join: (call, ctx, ev) => {
    const separator = toText(arg(call, 0, ctx, ev));
    const parts: string[] = [];
    for (let i = 1; i < call.args.length; i++) {
      const value = arg(call, i, ctx, ev);
      if (call.args.length === 2) for (const v of nodes(value)) parts.push(toText(v));
      else parts.push(toText(first(value) as ExprScalar));
    }
    return parts.join(separator);
  },
};
