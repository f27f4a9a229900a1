import type { FieldType, FormField, FormValue } from './definition.js';
import type { ExprScalar, ExprValue } from './expr/types.js';

/**
 * The answer value table of definition.ts, checked; and the conversion of answers to the values expressions
 * see (ODK: unanswered is '', a select_multiple is its names separated by spaces, a geopoint `lat lon alt acc`).
 */

export const MAX_TEXT = 10_000;
export const MAX_REPEAT_INSTANCES = 500;
export const MAX_MONEY = 10 ** 13;
const ATTACHMENT_REF = /^[A-Za-z0-9._-]{1,200}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/;
const DATETIME =
  /^(\d{4}-\d{2}-\d{2})T(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?)(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;

export type ValueProblem = 'invalid_type' | 'invalid_choice' | 'too_long' | 'out_of_range';

export function isEmpty(value: FormValue | undefined): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isGeopoint(v: FormValue): 'ok' | ValueProblem {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'invalid_type';
  const g = v as Record<string, unknown>;
  for (const key of Object.keys(g))
    if (!['lat', 'lon', 'alt', 'accuracy'].includes(key)) return 'invalid_type';
  for (const key of ['lat', 'lon', 'alt', 'accuracy'])
    if (g[key] !== undefined && (typeof g[key] !== 'number' || !Number.isFinite(g[key])))
      return 'invalid_type';
  if (typeof g.lat !== 'number' || typeof g.lon !== 'number') return 'invalid_type';
  if (Math.abs(g.lat) > 90 || Math.abs(g.lon) > 180) return 'out_of_range';
  if (typeof g.accuracy === 'number' && g.accuracy < 0) return 'out_of_range';
  if (typeof g.alt === 'number' && Math.abs(g.alt) > 100_000) return 'out_of_range';
  return 'ok';
}

/**
 * Whether a non-empty answer fits its field's type; `choices` is the choice names allowed now (after the
 * choice filter). Repeats and containers are checked by the engine, not here.
 */
export function checkValue(
  field: FormField,
  value: FormValue,
  choices: ReadonlySet<string> | undefined,
): ValueProblem | undefined {
  const type: FieldType = field.type;
  switch (type) {
    case 'text':
    case 'calculate':
      if (typeof value !== 'string') return 'invalid_type';
      return value.length > MAX_TEXT ? 'too_long' : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? undefined : 'invalid_type';
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'invalid_type';
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'invalid_type';
      return value < 0 || value > MAX_MONEY ? 'out_of_range' : undefined;
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : 'invalid_type';
    case 'time':
      return typeof value === 'string' && TIME.test(value) ? undefined : 'invalid_type';
    case 'datetime': {
      const m = typeof value === 'string' ? DATETIME.exec(value) : null;
      return m && isCalendarDate(m[1]!) ? undefined : 'invalid_type';
    }
    case 'yes_no':
      return typeof value === 'boolean' ? undefined : 'invalid_type';
    case 'select_one':
      if (typeof value !== 'string') return 'invalid_type';
      if (field.orOther && value === 'other') return undefined;
      return choices?.has(value) ? undefined : 'invalid_choice';
    case 'select_multiple': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'invalid_type';
      const names = value as string[];
      if (new Set(names).size !== names.length) return 'invalid_choice';
      return names.every((n) => choices?.has(n) || (field.orOther && n === 'other'))
        ? undefined
        : 'invalid_choice';
    }
    case 'geopoint': {
      const r = isGeopoint(value);
      return r === 'ok' ? undefined : r;
    }
    case 'image':
    case 'audio':
    case 'file':
    case 'signature':
      return typeof value === 'string' && ATTACHMENT_REF.test(value) ? undefined : 'invalid_type';
    default:
      return undefined;
  }
}

/** An answer as expressions see it. */
export function toExprValue(value: FormValue | undefined): ExprScalar {
  if (value === undefined || value === null) return '';
  // A yes/no stays a boolean; comparisons with 'yes'/'no' are rewritten at compile time (yes-no.ts).
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return (value as string[]).join(' ');
    return '';
  }
  const g = value as { lat: number; lon: number; alt?: number; accuracy?: number };
  return `${g.lat} ${g.lon} ${g.alt ?? 0} ${g.accuracy ?? 0}`;
}

/** A computed expression value stored as the field type's answer (an unanswerable result is null). */
export function fromExprValue(
  type: FieldType,
  value: ExprValue,
  conv: { toText(v: ExprValue): string; toNumber(v: ExprValue): number; toBoolean(v: ExprValue): boolean },
): FormValue {
  switch (type) {
    case 'integer':
    case 'money': {
      const n = conv.toNumber(value);
      return Number.isFinite(n) ? Math.trunc(n) : null;
    }
    case 'decimal': {
      const n = conv.toNumber(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'yes_no': {
      if (typeof value === 'boolean') return value;
      const text = conv.toText(value);
      if (text === '') return null;
      if (text === 'true' || text === 'yes' || text === '1') return true;
      if (text === 'false' || text === 'no' || text === '0') return false;
      return conv.toBoolean(value);
    }
    case 'select_multiple': {
      const text = conv.toText(value).trim();
      return text === '' ? [] : text.split(/\s+/);
    }
    default: {
      const text = conv.toText(value);
      return text === '' ? null : text;
    }
  }
}
