/**
 * Every function the language knows, with its arity [min, max] (max Infinity: variadic). The parser refuses
 * any other name, so an unknown function is an import error with its position, never a failure at fill time.
 */
export const FUNCTION_ARITY: ReadonlyMap<string, readonly [number, number]> = new Map<
  string,
  readonly [number, number]
>([
  // logic
  ['not', [1, 1]],
  ['if', [3, 3]],
  ['coalesce', [2, Infinity]],
  ['boolean', [1, 1]],
  ['true', [0, 0]],
  ['false', [0, 0]],
  ['boolean-from-string', [1, 1]],
  ['once', [1, 1]],
  // selects and repeats
  ['selected', [2, 2]],
  ['count-selected', [1, 1]],
  ['selected-at', [2, 2]],
  ['jr:choice-name', [2, 2]],
  ['position', [1, 1]],
  ['indexed-repeat', [3, 7]],
  ['count', [1, 1]],
  ['count-non-empty', [1, 1]],
  ['sum', [1, 1]],
  ['join', [2, Infinity]],
  // strings
  ['string', [0, 1]],
  ['concat', [0, Infinity]],
  ['string-length', [0, 1]],
  ['regex', [2, 2]],
  ['contains', [2, 2]],
  ['starts-with', [2, 2]],
  ['ends-with', [2, 2]],
  ['substr', [2, 3]],
  ['substring', [2, 3]],
  ['substring-before', [2, 2]],
  ['substring-after', [2, 2]],
  ['normalize-space', [0, 1]],
  ['translate', [3, 3]],
  ['uuid', [0, 1]],
  // numbers
  ['number', [0, 1]],
  ['int', [1, 1]],
  ['round', [1, 2]],
  ['floor', [1, 1]],
  ['ceiling', [1, 1]],
  ['abs', [1, 1]],
  ['pow', [2, 2]],
  ['sqrt', [1, 1]],
  ['exp', [1, 1]],
  ['exp10', [1, 1]],
  ['log', [1, 1]],
  ['log10', [1, 1]],
  ['pi', [0, 0]],
  ['min', [1, Infinity]],
  ['max', [1, Infinity]],
  ['random', [0, 0]],
  // dates
  ['today', [0, 0]],
  ['now', [0, 0]],
  ['date', [1, 1]],
  ['date-time', [1, 1]],
  ['decimal-date-time', [1, 1]],
  ['decimal-time', [1, 1]],
  ['format-date', [2, 2]],
  ['format-date-time', [2, 2]],
]);

/** The names of every known function, in a stable order (for docs and the importer's messages). */
export const KNOWN_FUNCTIONS: readonly string[] = [...FUNCTION_ARITY.keys()];
