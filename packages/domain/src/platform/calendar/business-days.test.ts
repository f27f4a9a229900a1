import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, BusinessCalendar, easterSunday, togoCalendar } from './business-days.js';

const dates = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const calendar = togoCalendar(
  [
    2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035,
    2036,
  ],
  ['2026-03-20', '2026-05-27'],
);

describe('business-day calendar', () => {
  it('knows Easter', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2000)).toBe('2000-04-23');
  });

  it('skips weekends, fixed holidays, Easter Monday and entered feasts', () => {
    expect(calendar.addBusinessDays('2026-04-24', 1)).toBe('2026-04-28'); // Fri → (Sat, Sun, Mon 27 April) → Tue
    expect(calendar.addBusinessDays('2026-04-03', 1)).toBe('2026-04-07'); // Good Friday is a workday; Easter Monday is not
    expect(calendar.addBusinessDays('2026-12-31', 1)).toBe('2027-01-04'); // New Year's Day, then a weekend
    expect(calendar.isBusinessDay('2026-03-20')).toBe(false); // entered by the administrator (Ramadan feast)
    expect(calendar.addBusinessDays('2026-11-28', 0)).toBe('2026-11-30'); // received on a Saturday
  });

  it('lands on business days, and adding then subtracting n days comes back', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), (date, n) => {
        const later = calendar.addBusinessDays(date, n);
        expect(calendar.isBusinessDay(later)).toBe(true);
        expect(later > date).toBe(true);
        expect(calendar.businessDaysBetween(date, later)).toBe(n);
        // From a business day, going back the same number of days returns to it.
        const start = calendar.addBusinessDays(date, 0);
        expect(calendar.addBusinessDays(calendar.addBusinessDays(start, n), -n)).toBe(start);
      }),
    );
  });

  it('is additive across year boundaries', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (date, a, b) => {
        const start = calendar.addBusinessDays(date, 0);
        expect(calendar.addBusinessDays(calendar.addBusinessDays(start, a), b)).toBe(
          calendar.addBusinessDays(start, a + b),
        );
      }),
    );
  });

  it('counts only weekdays in a calendar without holidays', () => {
    const plain = new BusinessCalendar([]);
    fc.assert(
      fc.property(dates, (date) => {
        expect(plain.businessDaysBetween(date, addCalendarDays(date, 7))).toBe(5);
      }),
    );
  });
});
