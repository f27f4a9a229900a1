import { dateValue, parseDateText, toDate, toText } from '../values.js';
import { arg, type ExprFunction } from './shared.js';

const DAY_MS = 86_400_000;
const TIME_TEXT = /^\s*(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?\s*$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const FORMAT_CODE = /%(.)/g;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A time of day (`HH:MM[:SS]` with an optional offset) as a fraction of a UTC day; NaN if not one. */
function decimalTime(text: string): number {
  const m = TIME_TEXT.exec(text);
  if (!m) {
    const datetime = parseDateText(text);
    return datetime?.time ? datetime.days - Math.floor(datetime.days) : Number.NaN;
  }
  const [, h, mi, s, frac, zone] = m;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return Number.NaN;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes =
      (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  const seconds = Number(h) * 3600 + Number(mi) * 60 + Number(s ?? 0) + (frac ? Number(`0.${frac}`) : 0);
  const fraction = (seconds - offsetMinutes * 60) / 86_400;
  return fraction - Math.floor(fraction);
}

/** ODK's format-date: %Y %y %m %n %b %d %e %H %h %M %S %3 %a, in UTC (Togo's time); '' for a non-date. */
function formatDate(value: ReturnType<typeof toDate>, format: string): string {
  if (!value || !Number.isFinite(value.date)) return '';
  const date = new Date(Math.round(value.date * DAY_MS));
  if (Number.isNaN(date.getTime())) return '';
  return format.replace(FORMAT_CODE, (whole, code: string) => {
    switch (code) {
      case 'Y':
        return String(date.getUTCFullYear());
      case 'y':
        return pad(date.getUTCFullYear() % 100);
      case 'm':
        return pad(date.getUTCMonth() + 1);
      case 'n':
        return String(date.getUTCMonth() + 1);
      case 'b':
        return MONTHS[date.getUTCMonth()]!;
      case 'd':
        return pad(date.getUTCDate());
      case 'e':
        return String(date.getUTCDate());
      case 'H':
        return pad(date.getUTCHours());
      case 'h':
        return String(date.getUTCHours());
      case 'M':
        return pad(date.getUTCMinutes());
      case 'S':
        return pad(date.getUTCSeconds());
      case '3':
        return pad(date.getUTCMilliseconds(), 3);
      case 'a':
        return WEEKDAYS[date.getUTCDay()]!;
      case '%':
        return '%';
      default:
        return whole;
    }
  });
}

const formatDateFunction: ExprFunction = (call, ctx, ev) =>
  formatDate(toDate(arg(call, 0, ctx, ev), true), toText(arg(call, 1, ctx, ev)));

export const DATE_FUNCTIONS: Readonly<Record<string, ExprFunction>> = {
  /** The day of the context's clock in UTC (Togo's time zone, so the device and the server agree). */
  today: (_call, ctx) => dateValue(Math.floor(ctx.now().getTime() / DAY_MS), false),
  now: (_call, ctx) => dateValue(ctx.now().getTime() / DAY_MS, true),
  /** A date from a date string, a datetime (its day) or a number of days; '' for anything else. */
  date: (call, ctx, ev) => toDate(arg(call, 0, ctx, ev), false) ?? '',
  'date-time': (call, ctx, ev) => toDate(arg(call, 0, ctx, ev), true) ?? '',
  'decimal-date-time': (call, ctx, ev) => toDate(arg(call, 0, ctx, ev), true)?.date ?? Number.NaN,
  'decimal-time': (call, ctx, ev) => decimalTime(toText(arg(call, 0, ctx, ev))),
  'format-date': formatDateFunction,
  'format-date-time': formatDateFunction,
};
