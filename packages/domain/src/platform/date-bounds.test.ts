import { describe, expect, it } from 'vitest';
import { createComplaintSchema } from '../modules/grm/complaints/intake.js';
import { complaintDateIssues, dayBoundIssue, instantBoundIssue, trustedDeviceTime } from './date-bounds.js';

const now = new Date('2026-06-15T12:00:00Z');
const bounds = { projectStart: '2024-01-01', now };

describe('client dates within bounds', () => {
  it('an instant may run ahead of the clock by 10 minutes, not more, and not before the start', () => {
    expect(instantBoundIssue('2026-06-15T12:09:59Z', bounds)).toBeUndefined();
    expect(instantBoundIssue('2026-06-15T12:10:01Z', bounds)).toBe('date_in_future');
    expect(instantBoundIssue('2099-01-01T00:00:00Z', bounds)).toBe('date_in_future');
    expect(instantBoundIssue('2024-01-01T00:00:00Z', bounds)).toBeUndefined();
    expect(instantBoundIssue('2023-12-31T23:59:59Z', bounds)).toBe('date_before_project_start');
    expect(instantBoundIssue('0001-01-01T00:00:00Z', bounds)).toBe('date_before_project_start');
  });

  it('a day may be today in Togo (tomorrow only within the skew before midnight)', () => {
    expect(dayBoundIssue('2026-06-15', bounds)).toBeUndefined();
    expect(dayBoundIssue('2026-06-16', bounds)).toBe('date_in_future');
    expect(dayBoundIssue('2026-06-16', { ...bounds, now: new Date('2026-06-15T23:55:00Z') })).toBeUndefined();
    expect(dayBoundIssue('2023-12-31', bounds)).toBe('date_before_project_start');
  });

  it('the device clock is trusted only within the bounds', () => {
    expect(trustedDeviceTime('2026-06-14T08:00:00Z', bounds)).toBe('2026-06-14T08:00:00Z');
    for (const wrong of ['1970-01-01T00:00:00Z', '2099-01-01T00:00:00Z', 'not a date', undefined]) {
      expect(trustedDeviceTime(wrong, bounds)).toBe(now.toISOString());
    }
  });

  it('reports each out-of-bounds date of a case by its path', () => {
    expect(
      complaintDateIssues({ receivedAt: '2099-01-01T00:00:00Z', incidentDate: '2020-05-01' }, bounds),
    ).toEqual([
      { path: 'receivedAt', message: 'date_in_future' },
      { path: 'incidentDate', message: 'date_before_project_start' },
    ]);
    expect(complaintDateIssues({}, bounds)).toEqual([]);
  });

  it('the intake schema refuses year 0001 and 2099 on its own (no configuration needed)', () => {
    const base = {
      type: 'complaint',
      category: 'works',
      channel: 'web',
      description: 'Le forage est en panne.',
      villageId: '6ffad589-2a82-4ad0-a62e-ce08e95a0872',
      complainant: { anonymous: true },
    };
    const messages = (over: object) =>
      createComplaintSchema.safeParse({ ...base, ...over }).error?.issues.map((i) => i.message);
    expect(messages({ receivedAt: '0001-01-01T00:00:00Z' })).toEqual(['date_before_project_start']);
    expect(messages({ receivedAt: '2099-01-01T00:00:00Z' })).toEqual(['date_in_future']);
    expect(messages({ incidentDate: '0001-01-01' })).toEqual(['date_before_project_start']);
    expect(messages({ incidentDate: '2099-01-01' })).toEqual(['date_in_future']);
  });
});
