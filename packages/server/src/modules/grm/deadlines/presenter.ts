import { type BusinessCalendar, deadlineStatus, type IsoDate } from '@coso/domain';
import type { DeadlineRow, HolidayRow, SlaSettingsRow } from './repo.js';

/** A deadline of the case file, with its countdown in business days as of `today`. */
export function presentDeadline(d: DeadlineRow, calendar: BusinessCalendar, today: IsoDate) {
  return {
    kind: d.kind,
    startedOn: d.startedOn,
    dueDate: d.dueDate,
    ...deadlineStatus(calendar, d.dueDate, today, d.metAt !== null),
    handlingLevel: d.handlingLevel,
    metAt: d.metAt,
    remindedAt: d.remindedAt,
    breachedAt: d.breachedAt,
  };
}
export type CaseDeadline = ReturnType<typeof presentDeadline>;

export function presentHoliday(h: Omit<HolidayRow, 'createdAt'> & { source: 'computed' | 'entered' }) {
  return { date: h.date, labelFr: h.labelFr, labelEn: h.labelEn, kind: h.kind, source: h.source };
}

export function presentSettings(s: SlaSettingsRow) {
  return {
    id: s.id,
    level: s.level,
    category: s.categoryCode,
    acknowledgeDays: s.acknowledgeDays,
    resolveDays: s.resolveDays,
    answerDays: s.answerDays,
    appealDays: s.appealDays,
    reminderDays: s.reminderDays,
    autoEscalate: s.autoEscalate,
    answerLapse: s.answerLapse,
    updatedAt: s.updatedAt,
  };
}
