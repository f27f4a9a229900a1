import {
  type DeadlineKind,
  deadlineStatus,
  HANDLER_DEADLINES,
  type IsoDate,
  isActionAllowed,
  isoDateOf,
} from '@coso/domain';
import { SYSTEM_CONTEXT } from '../../../context.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { type Clock, systemClock } from '../../../lib/clock.js';
import { applyActionInTx } from '../complaints/actions.js';
import * as complaints from '../complaints/repo.js';
import { routeUp } from '../complaints/routing.js';
import { notifyEvent } from '../notifications/producers.js';
import { loadCalendar } from './calendar.js';
import * as repo from './repo.js';
import { settingsFor } from './sync.js';

export interface ScanResult {
  reminders: number;
  breaches: number;
  escalations: number;
  /** Answer windows lapsed: cases flagged "no answer", and cases closed "no response". */
  answerFlags: number;
  answerClosures: number;
}

type Fired = 'reminder' | 'breach' | 'escalation' | 'flag' | 'closure';

const ANSWER_LAPSE_NOTE =
  "Délai de réponse du plaignant écoulé : clôture automatique (complainant's answer window lapsed: closed automatically)";

const AUTO_ESCALATION_REASON =
  'Délai dépassé : escalade automatique (deadline breached: automatic escalation)';

/**
 * Fires deadline reminders and breaches, each exactly once. Every deadline is handled in its own transaction
 * that locks the case (skipping cases another scan or a person is working on), re-reads the deadline, and
 * writes its mark (reminded_at / breached_at) together with the case event and the outbox row: a crash rolls
 * all of them back, a second scan finds the mark. Whatever fell due while no scan ran is caught up, since
 * the work list is "due on or before today and not yet marked".
 */
export function createDeadlineScanner({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  async function breach(tx: Queryable, d: repo.DeadlineRow, now: Date): Promise<Fired[]> {
    // A reminder that was not sent before the due date is pointless now: the breach replaces it.
    await repo.markDeadline(tx, d.complaintId, d.kind, { breachedAt: now, remindedAt: now });
    const c = (await complaints.findComplaint(tx, d.complaintId))!;
    const payload = { deadline: d.kind, dueDate: d.dueDate, handlingLevel: d.handlingLevel };
    const eventId = await complaints.appendEvent(tx, {
      complaintId: c.id,
      actorId: null,
      kind: 'deadline_breached',
      fromStatus: null,
      toStatus: null,
      payload,
    });
    await notifyEvent(
      tx,
      {},
      {
        id: eventId,
        complaintId: c.id,
        kind: 'deadline_breached',
        actorId: null,
        toStatus: null,
        payload,
      },
    );
    const settings = await settingsFor(tx, c.handlingLevel, c.categoryCode);
    if (d.kind === 'answer') return answerLapsed(tx, c.id, c.status, settings.answerLapse, d.dueDate, now);
    const escalate =
      settings.autoEscalate &&
      HANDLER_DEADLINES.includes(d.kind) &&
      isActionAllowed(c.status, 'escalate') &&
      (await routeUp(tx, c)) !== null;
    if (!escalate) return ['breach'];
    // The same code path as a person's escalation (lifecycle, routing, new deadlines, event, audit).
    await applyActionInTx(
      tx,
      SYSTEM_CONTEXT,
      c.id,
      { action: 'escalate', reason: AUTO_ESCALATION_REASON },
      { now },
    );
    return ['breach', 'escalation'];
  }

  /**
   * The complainant did not answer the proposed resolution in time: per the settings' rule, the case is
   * closed "no response" through the same path as staff recording it, or flagged with an answer_lapsed
   * event for a person to decide (its handlers were told by the breach's notification).
   */
  async function answerLapsed(
    tx: Queryable,
    complaintId: string,
    status: Parameters<typeof isActionAllowed>[0],
    rule: 'flag' | 'close',
    dueDate: IsoDate,
    now: Date,
  ): Promise<Fired[]> {
    if (rule === 'close' && isActionAllowed(status, 'record_answer')) {
      await applyActionInTx(
        tx,
        SYSTEM_CONTEXT,
        complaintId,
        { action: 'record_answer', answer: 'no_response', appeal: false, comment: ANSWER_LAPSE_NOTE },
        { now },
      );
      return ['breach', 'closure'];
    }
    const payload = { deadline: 'answer', dueDate, rule: 'flag' };
    await complaints.appendEvent(tx, {
      complaintId,
      actorId: null,
      kind: 'answer_lapsed',
      fromStatus: null,
      toStatus: null,
      payload,
    });
    return ['breach', 'flag'];
  }

  async function remind(tx: Queryable, d: repo.DeadlineRow, today: IsoDate, now: Date): Promise<Fired[]> {
    await repo.markDeadline(tx, d.complaintId, d.kind, { remindedAt: now });
    const c = (await complaints.findComplaint(tx, d.complaintId))!;
    const calendar = await loadCalendar(tx, today);
    const { remainingBusinessDays } = deadlineStatus(calendar, d.dueDate, today, false);
    const payload = { deadline: d.kind, dueDate: d.dueDate, remainingBusinessDays };
    const eventId = await complaints.appendEvent(tx, {
      complaintId: c.id,
      actorId: null,
      kind: 'deadline_reminder',
      fromStatus: null,
      toStatus: null,
      payload,
    });
    await notifyEvent(
      tx,
      {},
      {
        id: eventId,
        complaintId: c.id,
        kind: 'deadline_reminder',
        actorId: null,
        toStatus: null,
        payload,
      },
    );
    return ['reminder'];
  }

  async function handle(complaintId: string, kind: DeadlineKind, today: IsoDate, now: Date) {
    return db.transaction(async (tx): Promise<Fired[]> => {
      const d = await repo.lockForScan(tx, complaintId, kind);
      if (!d) return [];
      if (d.breachedAt === null && d.dueDate < today) return breach(tx, d, now);
      if (d.remindedAt === null && d.remindOn <= today) return remind(tx, d, today, now);
      return [];
    });
  }

  return {
    /** One pass over everything due today or earlier; returns what it fired. */
    async scan({ batchSize = 200 }: { batchSize?: number } = {}): Promise<ScanResult> {
      const now = clock.now();
      const today = isoDateOf(now);
      const result: ScanResult = {
        reminders: 0,
        breaches: 0,
        escalations: 0,
        answerFlags: 0,
        answerClosures: 0,
      };
      const seen = new Set<string>();
      for (;;) {
        const batch = (await repo.dueForScan(db, today, batchSize + seen.size)).filter(
          (d) => !seen.has(`${d.complaintId}/${d.kind}`),
        );
        if (batch.length === 0) break;
        for (const d of batch) {
          seen.add(`${d.complaintId}/${d.kind}`);
          for (const fired of await handle(d.complaintId, d.kind, today, now)) {
            if (fired === 'reminder') result.reminders++;
            else if (fired === 'breach') result.breaches++;
            else if (fired === 'flag') result.answerFlags++;
            else if (fired === 'closure') result.answerClosures++;
            else result.escalations++;
          }
        }
      }
      return result;
    },
  };
}

export type DeadlineScanner = ReturnType<typeof createDeadlineScanner>;
