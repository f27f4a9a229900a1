import { first, toBoolean, toText } from '../values.js';
import { arg, type ExprFunction } from './shared.js';

export const LOGIC_FUNCTIONS: Readonly<Record<string, ExprFunction>> = {
  not: (call, ctx, ev) => !toBoolean(arg(call, 0, ctx, ev)),
  if: (call, ctx, ev) => arg(call, toBoolean(arg(call, 0, ctx, ev)) ? 1 : 2, ctx, ev),
  /** The first argument that is not empty (ODK takes two; more are accepted), else ''. */
  coalesce: (call, ctx, ev) => {
    for (const node of call.args) {
      const value = first(ev(node, ctx));
      if (toText(value) !== '') return value;
    }
    return '';
  },
  boolean: (call, ctx, ev) => toBoolean(arg(call, 0, ctx, ev)),
  true: () => true,
  false: () => false,
  'boolean-from-string': (call, ctx, ev) => {
    const text = toText(arg(call, 0, ctx, ev));
    return text === 'true' || text === '1';
  },
  /** The field keeps its value once it has one (ODK: a calculation that runs only while the field is empty). */
  once: (call, ctx, ev) => {
    const current = ctx.current();
    return toText(current) !== '' ? current : first(arg(call, 0, ctx, ev));
  },
};
