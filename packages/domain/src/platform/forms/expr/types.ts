/**
 * The contract between the XLSForm expression language (parse once into an AST, evaluate without `eval`) and
 * the form engine that gives expressions their values. The engine knows the form's tree and the answers; the
 * evaluator knows only the language, and asks the engine through an ExprContext.
 */

/**
 * A value as expressions see it, as in ODK: strings (an unanswered field is ''), numbers, booleans, and dates
 * (`today()`, `date()`, or a `YYYY-MM-DD` answer in a date context) as days since 1970-01-01 UTC wrapped so
 * that they print back as dates.
 */
export type ExprScalar = string | number | boolean | { readonly date: number; readonly time: boolean };
/** A node-set: the values of one field across the instances of a repeat (for `sum()`, `count()`, …). */
export type ExprValue = ExprScalar | readonly ExprScalar[];

export interface ExprContext {
  /**
   * `${name}`: the field's value in the current repeat instance when the field is outside any repeat or in a
   * repeat that contains the current field; the values across instances (a node-set) when the field lies in
   * a repeat the current field is not inside. Unknown names never reach here: compile-time checks refuse them.
   */
  resolve(name: string): ExprValue;
  /** `.`: the value of the field the expression belongs to (its constraint, its relevance). */
  current(): ExprScalar;
  /** `position(..)`: the 1-based index of the current instance of the innermost enclosing repeat. */
  position(): number;
  /** `indexed-repeat(${field}, ${repeat1}, i1[, ${repeat2}, i2…])`: one instance's value. */
  indexedRepeat(field: string, path: readonly { repeat: string; index: number }[]): ExprScalar;
  /** `jr:choice-name(value, '${field}')`: the label of `value` in the field's choice list ('' if none). */
  choiceLabel(field: string, value: string): string;
  /** `today()` and `now()`; the server passes its clock, the device its own. */
  now(): Date;
}

/** Why an expression cannot be parsed: the import reports it with the row and column it came from. */
export type ExprErrorCode = 'syntax' | 'unknown_function' | 'arity' | 'unsupported_path';

export class ExpressionError extends Error {
  constructor(
    readonly code: ExprErrorCode,
    message: string,
    /** 0-based character offset in the source. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}
