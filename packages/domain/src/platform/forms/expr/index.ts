/** The XLSForm expression language: parse once into a tree, evaluate against an ExprContext, no `eval`. */
export type { BinaryOperator, ExprNode } from './ast.js';
export { evaluate } from './evaluate.js';
export { parseExpression, referencesOf, usesCurrent } from './parser.js';
export { KNOWN_FUNCTIONS } from './signatures.js';
export * from './types.js';
export { toBoolean, toNumber, toText } from './values.js';
