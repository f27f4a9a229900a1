import { randomUUID } from 'node:crypto';
import { addCalendarDays, easterSunday, type IsoDate, isoDateOf, TOGO_FIXED_HOLIDAYS } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../context.js';
import type { Db } from '../../../db/driver.js';
import { AppError, type FieldIssue, validationError } from '../../../http/app-error.js';
import { type Clock, systemClock } from '../../../lib/clock.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import { listLevels } from '../../../platform/geo/repo.js';
import { findReference } from '../../../platform/reference/repo.js';
import { loadCalendar } from './calendar.js';
import { presentDeadline, presentHoliday } from './presenter.js';
import { recomputeOpenDeadlines } from './recompute.js';
import * as repo from './repo.js';
import type { CreateHolidayInput, SlaSettingsInput } from './schema.js';

type Ctx = RequestContext & { actor: AuthUser };

export type DeadlineService = ReturnType<typeof createDeadlineService>;

const EASTER_HOLIDAYS = [
  { offset: 1, fr: 'Lundi de Pâques', en: 'Easter Monday' },
  { offset: 39, fr: 'Ascension', en: 'Ascension Day' },
  { offset: 50, fr: 'Lundi de Pentecôte', en: 'Whit Monday' },
];

/** The holidays the calendar computes for a year (fixed by law, and Easter-derived). */
function computedHolidays(year: number) {
  const easter = easterSunday(year);
  return [
    ...TOGO_FIXED_HOLIDAYS.map((h) => ({ date: `${year}-${h.monthDay}`, labelFr: h.fr, labelEn: h.en })),
    ...EASTER_HOLIDAYS.map((h) => ({
      date: addCalendarDays(easter, h.offset),
      labelFr: h.fr,
      labelEn: h.en,
    })),
  ].map((h) => ({ ...h, kind: 'fixed' as const, source: 'computed' as const }));
}

/** Holidays, SLA settings and the deadlines of a case, as of the clock's today. */
export function createDeadlineService({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  return {
    today: (): IsoDate => isoDateOf(clock.now()),

    async forCase(complaintId: string) {
      const today = isoDateOf(clock.now());
      const rows = await repo.listDeadlines(db, complaintId);
      const calendar = await loadCalendar(db, rows[0]?.startedOn ?? today);
      return rows.map((d) => presentDeadline(d, calendar, today));
    },

    /** With a year: the computed holidays of that year too, so the administrator sees the whole calendar. */
    async listHolidays(year?: number) {
      const entered = (await repo.listHolidays(db, year)).map((h) => ({ ...h, source: 'entered' as const }));
      const all = year === undefined ? entered : [...computedHolidays(year), ...entered];
      return all.sort((a, b) => a.date.localeCompare(b.date)).map(presentHoliday);
    },

    async addHoliday(ctx: Ctx, input: CreateHolidayInput) {
      const year = Number(input.date.slice(0, 4));
      if (computedHolidays(year).some((h) => h.date === input.date))
        throw validationError([{ path: 'date', message: 'already_a_public_holiday' }]);
      return db.transaction(async (tx) => {
        if (!(await repo.insertHoliday(tx, input)))
          throw new AppError('conflict', { reason: 'holiday_exists' });
        const recomputedCases = await recomputeOpenDeadlines(
          tx,
          { cause: 'holiday_added', date: input.date },
          { actorId: ctx.actor.id, today: isoDateOf(clock.now()) },
        );
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'public_holiday',
          entityId: null,
          action: 'create',
          changes: { ...input, recomputedCases },
          ip: ctx.ip,
        });
        return presentHoliday({ ...input, source: 'entered' });
      });
    },

    /** The open deadlines running over the date are recomputed (recompute.ts), each moved case noting it. */
    async removeHoliday(ctx: Ctx, date: IsoDate) {
      await db.transaction(async (tx) => {
        const removed = await repo.deleteHoliday(tx, date);
        if (!removed) throw new AppError('not_found');
        const recomputedCases = await recomputeOpenDeadlines(
          tx,
          { cause: 'holiday_removed', date },
          { actorId: ctx.actor.id, today: isoDateOf(clock.now()) },
        );
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'public_holiday',
          entityId: null,
          action: 'delete',
          changes: { date, labelFr: removed.labelFr, recomputedCases },
          ip: ctx.ip,
        });
      });
    },

    listSettings: () => repo.listSettings(db),

    async saveSettings(ctx: Ctx, input: SlaSettingsInput) {
      return db.transaction(async (tx) => {
        const issues: FieldIssue[] = [];
        if (input.level && !(await listLevels(tx)).some((l) => l.code === input.level))
          issues.push({ path: 'level', message: 'unknown_level' });
        if (input.category && !(await findReference(tx, 'category', input.category)))
          issues.push({ path: 'category', message: 'unknown_category' });
        if (issues.length) throw validationError(issues);
        const { category, ...rest } = input;
        const settings = { ...rest, categoryCode: category };
        const before = await repo.findSettings(tx, input.level, category);
        await repo.upsertSettings(tx, before?.id ?? randomUUID(), settings);
        const saved = (await repo.findSettings(tx, input.level, category))!;
        const recomputedCases = await recomputeOpenDeadlines(
          tx,
          { cause: 'sla_settings', level: input.level, category },
          { actorId: ctx.actor.id, today: isoDateOf(clock.now()) },
        );
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'sla_settings',
          entityId: saved.id,
          action: before ? 'update' : 'create',
          changes: { ...settings, recomputedCases },
          ip: ctx.ip,
        });
        return { settings: saved, created: !before };
      });
    },
  };
}
