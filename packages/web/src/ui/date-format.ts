/**
 * Dates typed as the app's language writes them. Chromium draws <input type="date"> in the browser's own
 * locale and ignores the page's `lang`, so a French user on an English browser saw mm/dd/yyyy: the date
 * field is a text box in the app's order instead, and these helpers turn its text into ISO dates and back.
 */
export type DatePart = 'day' | 'month' | 'year';

export interface DatePattern {
  order: DatePart[];
  separator: string;
}

/** The order of day, month and year and their separator in a locale ("fr-TG": 07/12/2026). */
export function datePattern(intlTag: string): DatePattern {
  const parts = new Intl.DateTimeFormat(intlTag, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2026, 11, 7)));
  const order = parts
    .map((p) => p.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  return order.length === 3 ? { order, separator } : { order: ['day', 'month', 'year'], separator: '/' };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date (YYYY-MM-DD) as the pattern writes it; undefined for anything else. */
export function formatIsoDate(iso: string, pattern: DatePattern): string | undefined {
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const value: Record<DatePart, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  return pattern.order.map((part) => value[part]).join(pattern.separator);
}

function isoIfReal(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * The ISO date a person typed, in the pattern's order with any of / . - or spaces between the numbers (or
 * already as YYYY-MM-DD); undefined when it is not a real calendar date with a four-digit year.
 */
export function parseTypedDate(text: string, pattern: DatePattern): string | undefined {
  const typed = text.trim();
  const iso = ISO.exec(typed);
  if (iso) return isoIfReal(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = typed.split(/[/.\-\s]+/);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d+$/.test(n))) return undefined;
  const value = {} as Record<DatePart, string>;
  pattern.order.forEach((part, i) => {
    value[part] = numbers[i]!;
  });
  if (value.year.length !== 4 || value.month.length > 2 || value.day.length > 2) return undefined;
  return isoIfReal(Number(value.year), Number(value.month), Number(value.day));
}
