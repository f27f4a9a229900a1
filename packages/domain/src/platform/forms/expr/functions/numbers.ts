import type { ExprContext, ExprValue } from '../types.js';
import { nodes, toNumber } from '../values.js';
import { arg, type CallNode, type Evaluate, type ExprFunction } from './shared.js';

function num(call: CallNode, i: number, ctx: ExprContext, ev: Evaluate): number {
  return toNumber(arg(call, i, ctx, ev));
}

/**
 * round(x[, digits]) half away from zero, as JavaRosa's BigDecimal HALF_UP. The shifted value is nudged by
 * two ulps so that round(1.005, 2) is 1.01 as a person expects (binary 1.005 is slightly less than 1.005).
 */
export function roundTo(x: number, digits: number): number {
  if (Number.isNaN(digits)) return Number.NaN;
  if (!Number.isFinite(x)) return x;
  const d = Math.max(-20, Math.min(20, Math.trunc(digits)));
  const magnitude = Math.abs(x);
  let result: number;
  if (d >= 0) {
    const scale = 10 ** d;
    result = Math.floor(magnitude * scale * (1 + 2 * Number.EPSILON) + 0.5) / scale;
  } else {
    const scale = 10 ** -d;
    result = Math.floor(magnitude / scale + 0.5) * scale;
  }
  return x < 0 ? -result : result;
}

/** The numbers of every argument, a node-set's nodes each in turn (min(), max()). */
function* allNumbers(call: CallNode, ctx: ExprContext, ev: Evaluate): Generator<number> {
  for (const node of call.args) for (const value of nodes(ev(node, ctx))) yield toNumber(value);
}

function extreme(call: CallNode, ctx: ExprContext, ev: Evaluate, pick: (a: number, b: number) => number) {
  let result: number | undefined;
  for (const n of allNumbers(call, ctx, ev)) {
    if (Number.isNaN(n)) return Number.NaN;
    result = result === undefined ? n : pick(result, n);
  }
  return result ?? Number.NaN;
}

const unary =
  (fn: (x: number) => number): ExprFunction =>
  (call, ctx, ev): ExprValue =>
    fn(num(call, 0, ctx, ev));

export const NUMBER_FUNCTIONS: Readonly<Record<string, ExprFunction>> = {
  number: unary((x) => x),
  /** Truncates toward zero; NaN stays NaN. */
  int: unary(Math.trunc),
  round: (call, ctx, ev) => roundTo(num(call, 0, ctx, ev), call.args.length > 1 ? num(call, 1, ctx, ev) : 0),
  floor: unary(Math.floor),
  ceiling: unary(Math.ceil),
  abs: unary(Math.abs),
  pow: (call, ctx, ev) => num(call, 0, ctx, ev) ** num(call, 1, ctx, ev),
  sqrt: unary(Math.sqrt),
  exp: unary(Math.exp),
  exp10: unary((x) => 10 ** x),
  log: unary(Math.log),
  log10: unary(Math.log10),
  pi: () => Math.PI,
  min: (call, ctx, ev) => extreme(call, ctx, ev, Math.min),
  max: (call, ctx, ev) => extreme(call, ctx, ev, Math.max),
  random: () => Math.random(),
};
