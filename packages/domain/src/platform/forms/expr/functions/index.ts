import { DATE_FUNCTIONS } from './dates.js';
import { LOGIC_FUNCTIONS } from './logic.js';
import { NUMBER_FUNCTIONS } from './numbers.js';
import { SELECT_FUNCTIONS } from './selects.js';
import type { ExprFunction } from './shared.js';
import { STRING_FUNCTIONS } from './strings.js';

export type { CallNode, Evaluate, ExprFunction } from './shared.js';

/** Every function's implementation by name, built once; the evaluator dispatches through it. */
export const FUNCTIONS: ReadonlyMap<string, ExprFunction> = new Map(
  Object.entries({
    ...LOGIC_FUNCTIONS,
    ...SELECT_FUNCTIONS,
    ...STRING_FUNCTIONS,
    ...NUMBER_FUNCTIONS,
    ...DATE_FUNCTIONS,
  }),
);
