import { z } from 'zod';

/**
 * How far ahead of the server's clock a client's date may be. Laptops and phones drift by a few minutes, and
 * a case typed at 23:58 may reach the server after midnight; more than that is a wrong clock or a typo
 * (2099), not a drift.
 */
export const CLOCK_SKEW_MINUTES = 10;
const SKEW_MS = CLOCK_SKEW_MINUTES * 60_000;

/** The project's start when the configuration names none (PROJECT_START_DATE). */
export const DEFAULT_PROJECT_START = '2023-01-01';

/**
 * No configured start may be earlier, and the schemas refuse anything earlier on their own: a browser does not
 * know the configuration, and PostgreSQL cannot store every year ISO 8601 can write (0000).
 */
export const EARLIEST_PROJECT_START = '2000-01-01';

/** What a client's date is checked against: the project's first day (YYYY-MM-DD) and the server's clock. */
export interface DateBounds {
  projectStart: string;
  now: Date;
}

export type DateBoundIssue = 'date_in_future' | 'date_before_project_start';

/** Today's date in YYYY-MM-DD for the given instant, in UTC+0 (Togo's time zone, no daylight saving). */
export function togoDate(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/** Why an instant (ISO 8601) is out of bounds, if it is; an unreadable one is the format check's concern. */
export function instantBoundIssue(
  iso: string,
  { projectStart, now }: DateBounds,
): DateBoundIssue | undefined {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  if (at > now.getTime() + SKEW_MS) return 'date_in_future';
  if (at < Date.parse(`${projectStart}T00:00:00Z`)) return 'date_before_project_start';
  return undefined;
}

/** Why a day (YYYY-MM-DD, in Togo) is out of bounds, if it is. */
export function dayBoundIssue(day: string, { projectStart, now }: DateBounds): DateBoundIssue | undefined {
  if (day > togoDate(new Date(now.getTime() + SKEW_MS))) return 'date_in_future';
  if (day < projectStart) return 'date_before_project_start';
  return undefined;
}

/** Bounds a schema knows without the configuration: the server's (or browser's) clock, and the hard floor. */
const schemaBounds = (): DateBounds => ({ projectStart: EARLIEST_PROJECT_START, now: new Date() });

/** A client-sent instant (ISO 8601 with an offset), not in the future beyond the skew, not before 2000. */
export const clientInstantSchema = z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
  const issue = instantBoundIssue(value, schemaBounds());
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});

/** A client-sent day (YYYY-MM-DD), not after today in Togo (plus the skew), not before 2000. */
export const clientDaySchema = z.iso.date().superRefine((value, ctx) => {
  const issue = dayBoundIssue(value, schemaBounds());
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});

/**
 * A day used as a filter (from/to of lists, reports, the audit log): any year a person may mean, but never
 * year 0000 (PostgreSQL has no year zero: a 500) nor past 9999 once a day is added to an end date.
 */
export const filterDaySchema = z.iso
  .date()
  .refine((day) => day >= '1900-01-01' && day <= '9998-12-31', { message: 'date_out_of_range' });

/**
 * The device's clock as the server sees it: the time a mutation carries is trusted only within the bounds
 * (a phone reset to 1970, or set years ahead, says nothing about when the case was received); otherwise the
 * server's own time stands in.
 */
export function trustedDeviceTime(deviceTime: string | undefined, bounds: DateBounds): string {
  if (deviceTime !== undefined && !Number.isNaN(Date.parse(deviceTime))) {
    if (!instantBoundIssue(deviceTime, bounds)) return deviceTime;
  }
  return bounds.now.toISOString();
}

/** The dates of a new case checked against the configured bounds, as field issues (path and message code). */
export function complaintDateIssues(
  input: { receivedAt?: string | undefined; incidentDate?: string | undefined },
  bounds: DateBounds,
): Array<{ path: string; message: DateBoundIssue }> {
  const issues: Array<{ path: string; message: DateBoundIssue }> = [];
  const received = input.receivedAt === undefined ? undefined : instantBoundIssue(input.receivedAt, bounds);
  if (received) issues.push({ path: 'receivedAt', message: received });
  const incident = input.incidentDate === undefined ? undefined : dayBoundIssue(input.incidentDate, bounds);
  if (incident) issues.push({ path: 'incidentDate', message: incident });
  return issues;
}
