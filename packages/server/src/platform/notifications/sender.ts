import type { FastifyBaseLogger } from 'fastify';
import type { NotificationSettings } from '../../config.js';
import type { Db, Queryable } from '../../db/driver.js';
import { type Clock, systemClock } from '../../lib/clock.js';
import type { Vault } from '../../vault/vault.js';
import { type Channels, createChannels, DeliveryError } from './channels.js';
import * as repo from './delivery-repo.js';
import { maskPhone } from './sms.js';
import { findTemplate, missingVariables, render } from './templates.js';
import { subjectKind } from './topics.js';

/** How long a claimed email/SMS row stays 'sending' before it counts as interrupted. */
export const LEASE_MS = 2 * 60_000;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  interrupted: number;
}

/**
 * The wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min… capped at 6 h, with ±20 %
 * jitter so that the retries of one outage do not all fire at once.
 */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Not an error: the message cannot be sent at all (no address, no text); the row ends 'skipped'. */
class Skip extends Error {}

export interface SenderOptions {
  db: Db;
  /** The whole Config fits; only its notification settings are read. */
  config: { notifications: NotificationSettings };
  vault: Vault;
  log: FastifyBaseLogger;
  clock?: Clock;
  /** The email and SMS channels; by default those of the configuration. */
  channels?: Channels;
}

/**
 * Delivers the outbox after commit.
 * - In-app rows are delivered in the transaction that locks them: the inbox row and the 'sent' mark commit
 *   together, so exactly once.
 * - Email and SMS rows are leased ('sending' until lease_until) in a short transaction; the message goes out
 *   with no transaction open; the outcome is then recorded: sent, retried later with backoff, failed after
 *   the last attempt or at once when refused for good, or skipped when there is no address.
 * - A row still 'sending' past its lease was interrupted mid-send: it fails and is never resent by itself,
 *   since the message may have left (repo.failInterrupted). Never twice beats always.
 */
export function createNotificationSender(options: SenderOptions) {
  const { db, vault, log, clock = systemClock } = options;
  const settings = options.config.notifications;
  const channels = options.channels ?? createChannels(settings, log);

  async function text(q: Queryable, row: repo.ClaimedRow) {
    const template = await findTemplate(q, row.topic, row.channel, row.locale);
    if (!template) throw new Skip(`no ${row.channel} text for ${row.topic}`);
    const missing = missingVariables(row.topic, `${template.subject} ${template.body}`, row.payload);
    if (missing.length) throw new Skip(`missing variable(s): ${missing.join(', ')}`);
    return {
      title: render(row.topic, template.subject, row.payload),
      body: render(row.topic, template.body, row.payload),
    };
  }

  async function deliverInApp(tx: Queryable, row: repo.ClaimedRow, now: Date, result: SendResult) {
    try {
      const user = row.recipientUserId ? await repo.findRecipientUser(tx, row.recipientUserId) : undefined;
      if (!user?.active) throw new Skip('no active recipient');
      await repo.insertInbox(tx, row, user.id, await text(tx, row), now);
      await repo.settle(tx, row.id, 'pending', { status: 'sent', providerId: null }, now);
      result.sent++;
    } catch (err) {
      if (!(err instanceof Skip)) throw err;
      await repo.settle(tx, row.id, 'pending', { status: 'skipped', error: err.message }, now);
      result.skipped++;
    }
  }

  /**
   * The address, read at sending time: a user's email or phone, or that of the person the subject is about,
   * read by the subject's module (for a complaint, from the vault).
   */
  async function address(row: repo.ClaimedRow): Promise<string> {
    const what = row.channel === 'email' ? 'email address' : 'phone';
    if (row.recipientKind === 'user') {
      const user = row.recipientUserId ? await repo.findRecipientUser(db, row.recipientUserId) : undefined;
      const to = user?.active ? (row.channel === 'email' ? user.email : user.phone) : null;
      if (!to) throw new Skip(`no ${what} for this user`);
      return to;
    }
    const contact = row.entityType && row.entityId ? subjectKind(row.entityType)?.contact : undefined;
    const found = contact ? await contact(db, vault, row.entityId!) : undefined;
    const to = row.channel === 'email' ? found?.email : found?.phone;
    if (!to) throw new Skip(`the complainant gave no ${what}`);
    return to;
  }

  async function deliverExternal(row: repo.ClaimedRow, result: SendResult) {
    // The row may have waited behind others of its batch: renew its lease, unless another sender already
    // failed it as interrupted (then it is not ours any more).
    if (!(await repo.renewLease(db, row.id, new Date(clock.now().getTime() + LEASE_MS)))) return;
    const channel = row.channel === 'email' ? channels.email : channels.sms;
    let outcome: repo.Outcome;
    let to: string | undefined;
    try {
      if (!channel) throw new Skip('email_not_configured: SMTP_URL is not set');
      to = await address(row);
      const { title, body } = await text(db, row);
      const { providerId } = await channel.deliver({ id: row.id, to, subject: title, text: body });
      outcome = { status: 'sent', providerId: providerId ?? null };
    } catch (err) {
      outcome = failure(row, err, to, clock.now());
    }
    const recorded = await repo.settle(db, row.id, 'sending', outcome, clock.now());
    if (!recorded)
      log.warn({ outboxId: row.id, outcome: outcome.status }, 'delivery outcome after lease end');
    result[countOf(outcome)]++;
  }

  function failure(row: repo.ClaimedRow, err: unknown, to: string | undefined, now: Date): repo.Outcome {
    if (err instanceof Skip) return { status: 'skipped', error: err.message };
    const error = redact(err instanceof Error ? err.message : String(err), to);
    const permanent = err instanceof DeliveryError && err.permanent;
    log.warn({ outboxId: row.id, channel: row.channel, err: error, permanent }, 'notification not delivered');
    if (permanent || row.attempts + 1 >= settings.maxAttempts) return { status: 'failed', error };
    return { status: 'pending', error, nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts + 1)) };
  }

  /** One pass: fail interrupted rows, then deliver up to `batchSize` due rows. */
  async function runOnce({ batchSize = 50 }: { batchSize?: number } = {}): Promise<SendResult> {
    const result: SendResult = { sent: 0, retried: 0, failed: 0, skipped: 0, interrupted: 0 };
    const now = clock.now();
    result.interrupted = await repo.failInterrupted(db, now);
    const external = await db.transaction(async (tx) => {
      const rows = await repo.lockDue(tx, now, batchSize);
      for (const row of rows.filter((r) => r.channel === 'in_app')) await deliverInApp(tx, row, now, result);
      const others = rows.filter((r) => r.channel !== 'in_app');
      await repo.lease(
        tx,
        others.map((r) => r.id),
        new Date(now.getTime() + LEASE_MS),
      );
      return others;
    });
    for (const row of external) await deliverExternal(row, result);
    return result;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  return {
    runOnce,
    /** Polls every `everyMs`, one pass at a time; a full batch is followed at once by the next one. */
    start(everyMs = 5_000, batchSize = 50) {
      // Say at boot where messages go, so that a forgotten SMTP_URL or SMS_GATEWAY shows before anyone waits.
      const where = { email: channels.email ? 'smtp' : 'not configured', sms: settings.sms.gateway };
      if (!channels.email || settings.sms.gateway === 'log')
        log.warn(where, 'notifications: not every channel sends');
      else log.info(where, 'notifications: sender started');
      const tick = () => {
        if (running) return;
        running = (async () => {
          try {
            let r: SendResult;
            do r = await runOnce({ batchSize });
            while (timer && r.sent + r.retried + r.failed + r.skipped >= batchSize);
          } catch (err) {
            log.error({ err }, 'notification sender failed');
          } finally {
            running = undefined;
          }
        })();
      };
      timer = setInterval(tick, everyMs);
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

/**
 * Provider errors may echo the address ("550 <ama@…>: mailbox unavailable", a gateway body quoting the
 * number); the outbox and the logs never keep it: the address, and any run of 7 digits or more, are masked.
 */
export function redact(message: string, to: string | undefined): string {
  const masked = to
    ? message.replace(new RegExp(to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '<recipient>')
    : message;
  return masked.replace(/\+?\d(?: ?\d){6,}/g, (digits) => maskPhone(digits.replace(/\D/g, '')));
}

function countOf(outcome: repo.Outcome): keyof SendResult {
  return outcome.status === 'pending' ? 'retried' : outcome.status;
}

export type NotificationSender = ReturnType<typeof createNotificationSender>;
