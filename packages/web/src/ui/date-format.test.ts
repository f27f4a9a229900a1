import { describe, expect, it } from 'vitest';
import { datePattern, formatIsoDate, parseTypedDate } from './date-format';

const fr = datePattern('fr-TG');
const en = datePattern('en');

describe('date fields in the app language', () => {
  it('writes day, month and year in the order of the language', () => {
    expect(formatIsoDate('2026-12-07', fr)).toBe('07/12/2026');
    expect(formatIsoDate('2026-12-07', en)).toBe('12/07/2026');
    expect(formatIsoDate('', fr)).toBeUndefined();
    expect(formatIsoDate('07/12/2026', fr)).toBeUndefined();
  });

  it('reads what a person types back into an ISO date', () => {
    expect(parseTypedDate('07/12/2026', fr)).toBe('2026-12-07');
    expect(parseTypedDate(' 7.12.2026 ', fr)).toBe('2026-12-07');
    expect(parseTypedDate('7-12-2026', fr)).toBe('2026-12-07');
    expect(parseTypedDate('12/07/2026', en)).toBe('2026-12-07');
    expect(parseTypedDate('2026-12-07', fr)).toBe('2026-12-07');
  });

  it('refuses what is not a real date with a four-digit year', () => {
    for (const typed of ['31/02/2026', '07/13/2026', '07/12/26', '07/12', 'demain', '', '2026-02-30']) {
      expect(parseTypedDate(typed, fr), typed).toBeUndefined();
    }
  });
});
