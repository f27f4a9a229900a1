import type { ExprScalar, ExprValue } from './types.js';

/**
 * Coercions as ODK does them (XPath 1.0 plus dates): an unanswered value is '', number('') is NaN, a date
 * is a count of days since 1970-01-01 UTC that prints back as `YYYY-MM-DD` (a datetime as ISO 8601).
 */

export type DateValue = { readonly date: number; readonly time: boolean };

const DAY_MS = 86_400_000;
/** XPath numbers: no exponent, no sign other than a leading minus, no hexadecimal, no `Infinity`. */
const NUMBER_TEXT = /^\s*-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*$/;
const DATE_TEXT =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$/;

export function isDate(value: ExprValue): value is DateValue {
  return typeof value === 'object' && !Array.isArray(value);
}

export function dateValue(days: number, time: boolean): DateValue {
  return { date: days, time };
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil), no Date object. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `YYYY-MM-DD` or an ISO datetime as days since the epoch (fractional for a datetime); a datetime without an
 * offset is read as UTC (Togo's time zone), so the device and the server agree. Undefined for anything else.
 */
export function parseDateText(text: string): { days: number; time: boolean } | undefined {
  // Most texts are not dates: a cheap look at the shape before the regular expression.
  if (text.length < 10 || !text.includes('-')) return undefined;
  const m = DATE_TEXT.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const days = daysFromCivil(year, month, day);
  if (h === undefined) return { days, time: false };
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s ?? 0) + (frac ? Number(`0.${frac}`) : 0);
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes =
      (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  return { days: days + (hours * 3600 + (minutes - offsetMinutes) * 60 + seconds) / 86_400, time: true };
}

/** A node-set's value as a single value: its first node, as XPath does (an empty set is ''). */
export function first(value: ExprValue): ExprScalar {
  return Array.isArray(value) ? ((value as readonly ExprScalar[])[0] ?? '') : (value as ExprScalar);
}

export function toNumber(value: ExprValue): number {
  const v = first(value);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object') return v.date;
  if (v === '') return Number.NaN;
  if (NUMBER_TEXT.test(v)) return Number(v);
  return parseDateText(v)?.days ?? Number.NaN;
}

export function toBoolean(value: ExprValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  const v = value as ExprScalar;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  return !Number.isNaN(v.date);
}

/** ODK's printing: 3 not 3.0, NaN as 'NaN', dates as `YYYY-MM-DD`, datetimes as ISO 8601 in UTC. */
export function toText(value: ExprValue): string {
  const v = first(value);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return dateText(v);
}

function numberText(n: number): string {
  if (Number.isInteger(n))
    return Math.abs(n) < 1e21 ? (Object.is(n, -0) ? '0' : n.toFixed(0)) : BigInt(n).toString();
  return String(n);
}

export function dateText(value: DateValue): string {
  if (!Number.isFinite(value.date)) return '';
  const ms = Math.round(value.date * DAY_MS);
  if (Math.abs(ms) > 8.64e15) return '';
  const iso = new Date(ms).toISOString();
  return value.time ? iso : iso.slice(0, 10);
}

/** A value as a date (a date, a date string, or a count of days); undefined when it is not one. */
export function toDate(value: ExprValue, time: boolean): DateValue | undefined {
  const v = first(value);
  if (typeof v === 'object') return time === v.time ? v : dateValue(v.date, time);
  if (typeof v === 'string') {
    const parsed = parseDateText(v);
    if (parsed) return dateValue(time ? parsed.days : Math.floor(parsed.days), time);
  }
  if (typeof v === 'string' && !NUMBER_TEXT.test(v)) return undefined;
  const n = toNumber(v);
  if (!Number.isFinite(n)) return undefined;
  return dateValue(time ? n : Math.floor(n), time);
}

/**
 * `=` and `!=` (XPath 1.0): a node-set equals a value when one of its nodes does; with a boolean on either
 * side both are booleans; with a number or a date, numbers (NaN equals nothing); else strings. `!=` is the
 * negation of `=`, as in JavaRosa.
 */
export function equals(left: ExprValue, right: ExprValue): boolean {
  if (Array.isArray(left)) return (left as readonly ExprScalar[]).some((l) => equals(l, right));
  if (Array.isArray(right)) return (right as readonly ExprScalar[]).some((r) => equals(left, r));
  const l = left as ExprScalar;
  const r = right as ExprScalar;
  if (typeof l === 'boolean' || typeof r === 'boolean') return toBoolean(l) === toBoolean(r);
  if (typeof l === 'number' || typeof r === 'number' || typeof l === 'object' || typeof r === 'object')
    return toNumber(l) === toNumber(r);
  return l === r;
}

/** `<`, `<=`, `>`, `>=`: always numeric (dates as days); NaN compares false; a node-set when one node does. */
export function compare(op: '<' | '<=' | '>' | '>=', left: ExprValue, right: ExprValue): boolean {
  if (Array.isArray(left)) return (left as readonly ExprScalar[]).some((l) => compare(op, l, right));
  if (Array.isArray(right)) return (right as readonly ExprScalar[]).some((r) => compare(op, left, r));
  const l = toNumber(left);
  const r = toNumber(right);
  switch (op) {
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    case '>=':
      return l >= r;
  }
}

/** The values of a node-set, or the single value as a set of one. */
export function nodes(value: ExprValue): readonly ExprScalar[] {
  return Array.isArray(value) ? (value as readonly ExprScalar[]) : [value as ExprScalar];
}
