import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { togoCalendar } from '../../../platform/calendar/business-days.js';
import {
  DEADLINE_KINDS,
  deadlineStatus,
  dueDate,
  matchSlaSettings,
  planDeadlines,
  reminderDate,
  type SlaSettings,
} from './deadlines.js';
import { COMPLAINT_STATUSES } from './lifecycle.js';

const calendar = togoCalendar([2025, 2026, 2027], ['2026-03-20']);
const dates = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-10-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const row = (level: string | null, categoryCode: string | null, resolveDays: number): SlaSettings => ({
  level,
  categoryCode,
  acknowledgeDays: 5,
  resolveDays,
  answerDays: 10,
  appealDays: 30,
  reminderDays: 2,
  autoEscalate: false,
});

describe('SLA settings', () => {
  const rows = [
    row(null, null, 30),
    row('region', null, 20),
    row(null, 'works', 15),
    row('region', 'works', 10),
  ];

  it('takes the most specific row: category and level > category > level > default', () => {
    expect(matchSlaSettings(rows, 'region', 'works')?.resolveDays).toBe(10);
    expect(matchSlaSettings(rows, 'canton', 'works')?.resolveDays).toBe(15);
    expect(matchSlaSettings(rows, 'region', 'payments')?.resolveDays).toBe(20);
    expect(matchSlaSettings(rows, 'canton', 'payments')?.resolveDays).toBe(30);
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(rows.slice(1), { minLength: 0, maxLength: 3 }), (others) => {
        const all = [...others, rows[0]!];
        const specific = matchSlaSettings(all, 'region', 'works');
        const reversed = matchSlaSettings([...all].reverse(), 'region', 'works');
        expect(specific).toBe(reversed);
      }),
    );
  });
});

describe('deadline plan', () => {
  it('opens acknowledge at intake, resolve from receipt at acknowledgement, answer at a proposal', () => {
    expect(planDeadlines(null, 'received').open).toEqual([{ kind: 'acknowledge', from: 'received' }]);
    expect(planDeadlines('received', 'acknowledged')).toEqual({
      meet: ['acknowledge'],
      open: [{ kind: 'resolve', from: 'received', keepOpen: true }],
    });
    expect(planDeadlines('in_progress', 'resolution_proposed').open).toEqual([
      { kind: 'answer', from: 'change' },
    ]);
    expect(planDeadlines('in_progress', 'escalated').open).toEqual([{ kind: 'resolve', from: 'change' }]);
    expect(planDeadlines('resolution_proposed', 'appealed').open).toEqual([
      { kind: 'appeal', from: 'change' },
    ]);
  });

  it('meets every deadline when a case ends, and changes nothing when the status stays', () => {
    for (const to of ['closed', 'ineligible', 'withdrawn', 'referred'] as const)
      expect(planDeadlines('in_progress', to)).toEqual({ meet: DEADLINE_KINDS, open: [] });
    for (const s of COMPLAINT_STATUSES) expect(planDeadlines(s, s)).toEqual({ meet: [], open: [] });
  });

  it('never opens a deadline it meets in the same change unless it restarts it', () => {
    for (const from of [null, ...COMPLAINT_STATUSES])
      for (const to of COMPLAINT_STATUSES) {
        const plan = planDeadlines(from, to);
        for (const o of plan.open) if (o.keepOpen) expect(plan.meet).not.toContain(o.kind);
      }
  });
});

describe('due dates', () => {
  it('skips weekends, fixed and Easter holidays and holidays entered by the administrator', () => {
    expect(dueDate(calendar, '2026-03-16', 5)).toBe('2026-03-24'); // Fri 20 March entered (Ramadan end)
    expect(dueDate(calendar, '2026-04-24', 2)).toBe('2026-04-29'); // Mon 27 April: Independence Day
    expect(dueDate(calendar, '2026-03-14', 5)).toBe('2026-03-23'); // received on a Saturday
  });

  it('puts the reminder before the due date, on a business day, never before the start', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 10 }), (start, n, r) => {
        const due = dueDate(calendar, start, n);
        const remind = reminderDate(calendar, start, due, r);
        expect(remind <= due).toBe(true);
        expect(remind >= start).toBe(true);
        if (r <= n && remind !== start) expect(calendar.businessDaysBetween(remind, due)).toBe(r);
      }),
    );
  });

  it('counts the business days left, negative once overdue', () => {
    expect(deadlineStatus(calendar, '2026-03-24', '2026-03-23', false)).toEqual({
      remainingBusinessDays: 1,
      overdue: false,
    });
    expect(deadlineStatus(calendar, '2026-03-24', '2026-03-24', false)).toEqual({
      remainingBusinessDays: 0,
      overdue: false,
    });
    expect(deadlineStatus(calendar, '2026-03-24', '2026-03-26', false)).toEqual({
      remainingBusinessDays: -2,
      overdue: true,
    });
    expect(deadlineStatus(calendar, '2026-03-24', '2026-03-26', true).overdue).toBe(false);
  });
});
