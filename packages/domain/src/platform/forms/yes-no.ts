import type { ExprNode } from './expr/index.js';

/**
 * A yes/no answer is a boolean (definition.ts), and expressions may test it as one (`${q}`, `not(${q})`,
 * `${q} = true()`). XLSForm authors, whose yes/no is a `select_one yes_no` (and which the XLSForm export
 * produces), write `${q} = 'yes'` or `${q} = 'no'`: in XPath that compares a boolean with a non-empty string,
 * true for "yes" in both cases. So at compile time such a comparison with a yes/no literal becomes
 * `string(${q}) = 'true'` / `'false'`, exact also while the question is unanswered ('' matches neither).
 */

const YES = new Set(['yes', 'oui', 'true', '1']);
const NO = new Set(['no', 'non', 'false', '0']);

export function rewriteYesNoComparisons(
  node: ExprNode,
  isYesNo: (name: string) => boolean,
  currentIsYesNo: boolean,
): ExprNode {
  const answer = (n: ExprNode) =>
    (n.kind === 'ref' && isYesNo(n.name)) || (n.kind === 'current' && currentIsYesNo);
  const word = (n: ExprNode): 'true' | 'false' | undefined => {
    if (n.kind !== 'literal' || typeof n.value !== 'string') return undefined;
    const v = n.value.trim().toLowerCase();
    return YES.has(v) ? 'true' : NO.has(v) ? 'false' : undefined;
  };
  const visit = (n: ExprNode): ExprNode => {
    switch (n.kind) {
      case 'negate':
        return { ...n, operand: visit(n.operand) };
      case 'call':
        return { ...n, args: n.args.map(visit) };
      case 'binary': {
        if (n.op === '=' || n.op === '!=') {
          for (const [a, b] of [
            [n.left, n.right],
            [n.right, n.left],
          ] as const) {
            const w = word(b);
            if (answer(a) && w) {
              const asText: ExprNode = { kind: 'call', name: 'string', args: [a], offset: a.offset };
              return { ...n, left: asText, right: { kind: 'literal', value: w, offset: b.offset } };
            }
          }
        }
        return { ...n, left: visit(n.left), right: visit(n.right) };
      }
      default:
        return n;
    }
  };
  return visit(node);
}
