/**
 * The parsed form of an expression: plain data (no closures), built once by `parseExpression` and walked by
 * `evaluate` for every submission. `offset` is the 0-based position in the source, for error reports.
 */

export type BinaryOperator =
  | 'or'
  | 'and'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | 'div'
  | 'mod';

export type ExprNode =
  | { readonly kind: 'literal'; readonly value: string | number; readonly offset: number }
  /** `${name}`; also the quoted `'${field}'` of jr:choice-name, which pyxform rewrites into a path. */
  | { readonly kind: 'ref'; readonly name: string; readonly offset: number }
  /** `.`: the value of the field the expression belongs to. */
  | { readonly kind: 'current'; readonly offset: number }
  /** `..`: only as the argument of `position(..)`. */
  | { readonly kind: 'parent'; readonly offset: number }
  | { readonly kind: 'negate'; readonly operand: ExprNode; readonly offset: number }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: ExprNode;
      readonly right: ExprNode;
      readonly offset: number;
    }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly ExprNode[];
      readonly offset: number;
      /** regex() with a literal pattern: compiled once at parse time. */
      readonly regex?: RegExp;
    };
