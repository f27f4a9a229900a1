/**
 * Business days for grievance deadlines (GRM.md, Deadlines): weekends and public holidays do not count.
 * Dates are calendar days written YYYY-MM-DD; Togo is on UTC all year, so a date never shifts with daylight
 * saving and plain UTC arithmetic is exact.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const toTime = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);
const fromTime = (t: number): IsoDate => new Date(t).toISOString().slice(0, 10);

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromTime(toTime(date) + days * DAY_MS);
}

export function isWeekend(date: IsoDate): boolean {
  const day = new Date(toTime(date)).getUTCDay();
  return day === 0 || day === 6;
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, valid for every year of the calendar). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Fixed-date public holidays of Togo (month-day). */
export const TOGO_FIXED_HOLIDAYS: ReadonlyArray<{ monthDay: string; fr: string; en: string }> = [
  { monthDay: '01-01', fr: 'Jour de l’An', en: "New Year's Day" },
  { monthDay: '04-27', fr: 'Fête de l’Indépendance', en: 'Independence Day' },
  { monthDay: '05-01', fr: 'Fête du Travail', en: 'Labour Day' },
  { monthDay: '06-21', fr: 'Journée des Martyrs', en: "Martyrs' Day" },
  { monthDay: '08-15', fr: 'Assomption', en: 'Assumption' },
  { monthDay: '11-01', fr: 'Toussaint', en: "All Saints' Day" },
  { monthDay: '12-25', fr: 'Noël', en: 'Christmas' },
];

/** Christian movable holidays derived from Easter; Muslim feasts (moon-sighted) are entered per year. */
export function easterHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  return [1, 39, 50].map((offset) => addCalendarDays(easter, offset)); // Easter Monday, Ascension, Whit Monday
}

/** A working calendar: weekends plus a set of holiday dates. */
export class BusinessCalendar {
  private readonly holidays: ReadonlySet<IsoDate>;

  constructor(holidays: Iterable<IsoDate>) {
    this.holidays = new Set(holidays);
  }

  isBusinessDay(date: IsoDate): boolean {
    return !isWeekend(date) && !this.holidays.has(date);
  }

  /**
   * The date `days` business days after `date` (before it when negative). Day 0 is `date` itself moved
   * forward to a business day, so a case received on a Saturday starts counting on Monday.
   */
  addBusinessDays(date: IsoDate, days: number): IsoDate {
    const step = days < 0 ? -1 : 1;
    let current = date;
    if (days === 0) {
      while (!this.isBusinessDay(current)) current = addCalendarDays(current, 1);
      return current;
    }
    let left = Math.abs(days);
    while (left > 0) {
      current = addCalendarDays(current, step);
      if (this.isBusinessDay(current)) left--;
    }
    return current;
  }

  /** Business days from `from` (excluded) to `to` (included); negative when `to` is earlier. */
  businessDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to < from) return -this.businessDaysBetween(to, from);
    let count = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1))
      if (this.isBusinessDay(d)) count++;
    return count;
  }
}

/** Togo's calendar for the given years: fixed holidays, Easter-derived ones, and the extra dates entered. */
export function togoCalendar(years: readonly number[], extra: Iterable<IsoDate> = []): BusinessCalendar {
  const dates: IsoDate[] = [...extra];
  for (const year of years) {
    for (const h of TOGO_FIXED_HOLIDAYS) dates.push(`${year}-${h.monthDay}`);
    dates.push(...easterHolidays(year));
  }
  return new BusinessCalendar(dates);
}
