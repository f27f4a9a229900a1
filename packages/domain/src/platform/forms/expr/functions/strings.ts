import type { ExprContext, ExprScalar } from '../types.js';
import { toNumber, toText } from '../values.js';
import { arg, type CallNode, type Evaluate, type ExprFunction } from './shared.js';

/** Patterns computed at fill time (regex(., ${pattern})), compiled once each; invalid ones never match. */
const dynamicPatterns = new Map<string, RegExp | null>();
const MAX_DYNAMIC_PATTERNS = 200;

function dynamicPattern(source: string): RegExp | null {
  let pattern = dynamicPatterns.get(source);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(source);
    } catch {
      pattern = null;
    }
    if (dynamicPatterns.size >= MAX_DYNAMIC_PATTERNS) dynamicPatterns.clear();
    dynamicPatterns.set(source, pattern);
  }
  return pattern;
}

function text(call: CallNode, i: number, ctx: ExprContext, ev: Evaluate): string {
  return toText(arg(call, i, ctx, ev));
}

const HEX = '0123456789abcdef';

/** A random lowercase hexadecimal string (uuid(n)), or a version 4 UUID; no secure context needed. */
function randomId(length?: number): string {
  const hex = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += HEX[Math.floor(Math.random() * 16)];
    return out;
  };
  if (length !== undefined) return hex(Math.max(0, Math.min(1000, Math.floor(length))));
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const variant = HEX[8 + Math.floor(Math.random() * 4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

export const STRING_FUNCTIONS: Readonly<Record<string, ExprFunction>> = {
  string: (call, ctx, ev) => text(call, 0, ctx, ev),
  /** Every argument's text, a node-set's nodes each in turn (as ODK). */
  concat: (call, ctx, ev) => {
    let out = '';
    for (const node of call.args) {
      const value = ev(node, ctx);
      if (Array.isArray(value)) for (const v of value as readonly ExprScalar[]) out += toText(v);
      else out += toText(value);
    }
    return out;
  },
  'string-length': (call, ctx, ev) => [...text(call, 0, ctx, ev)].length,
  regex: (call, ctx, ev) => {
    const pattern = call.regex ?? dynamicPattern(text(call, 1, ctx, ev));
    return pattern ? pattern.test(text(call, 0, ctx, ev)) : false;
  },
  contains: (call, ctx, ev) => text(call, 0, ctx, ev).includes(text(call, 1, ctx, ev)),
  'starts-with': (call, ctx, ev) => text(call, 0, ctx, ev).startsWith(text(call, 1, ctx, ev)),
  'ends-with': (call, ctx, ev) => text(call, 0, ctx, ev).endsWith(text(call, 1, ctx, ev)),
  /** ODK's substr(text, start[, end]): 0-based, end excluded, negative positions from the end. */
  substr: (call, ctx, ev) => {
    const s = text(call, 0, ctx, ev);
    const start = toNumber(arg(call, 1, ctx, ev));
    const end = call.args.length > 2 ? toNumber(arg(call, 2, ctx, ev)) : s.length;
    if (Number.isNaN(start) || Number.isNaN(end)) return '';
    return s.slice(Math.trunc(start), Math.trunc(end));
  },
  /** XPath's substring(text, start[, length]): 1-based, positions rounded. */
  substring: (call, ctx, ev) => {
    const s = text(call, 0, ctx, ev);
    const start = Math.round(toNumber(arg(call, 1, ctx, ev)));
    const end = call.args.length > 2 ? start + Math.round(toNumber(arg(call, 2, ctx, ev))) : Infinity;
    if (Number.isNaN(start) || Number.isNaN(end)) return '';
    let out = '';
    for (let i = Math.max(1, start); i < end && i <= s.length; i++) out += s[i - 1];
    return out;
  },
  'substring-before': (call, ctx, ev) => {
    const s = text(call, 0, ctx, ev);
    const at = s.indexOf(text(call, 1, ctx, ev));
    return at < 0 ? '' : s.slice(0, at);
  },
  'substring-after': (call, ctx, ev) => {
    const s = text(call, 0, ctx, ev);
    const needle = text(call, 1, ctx, ev);
    const at = s.indexOf(needle);
    return at < 0 ? '' : s.slice(at + needle.length);
  },
  'normalize-space': (call, ctx, ev) => text(call, 0, ctx, ev).trim().replace(/\s+/g, ' '),
  translate: (call, ctx, ev) => {
    const s = text(call, 0, ctx, ev);
    const from = [...text(call, 1, ctx, ev)];
    const to = [...text(call, 2, ctx, ev)];
    let out = '';
    for (const c of s) {
      const at = from.indexOf(c);
      if (at < 0) out += c;
      else if (at < to.length) out += to[at];
    }
    return out;
  },
  uuid: (call, ctx, ev) => randomId(call.args.length > 0 ? toNumber(arg(call, 0, ctx, ev)) || 0 : undefined),
};
