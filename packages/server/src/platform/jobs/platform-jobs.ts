import path from 'node:path';
import { purgeStalePartials, STALE_PARTIAL_HOURS } from '../../lib/file-store.js';
import { purgeExpired } from '../auth/repo.js';
import { exportsDir } from '../exports/jobs.js';
import { createNotificationSender } from '../notifications/sender.js';
import { pruneRemovals } from '../sync/prune.js';
import { purgeStaleUploads, uploadsDir } from '../sync/uploads.js';
import type { JobContext, JobDefinition } from './registry.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One sender per worker (a worker passes the same context to every run): it keeps its SMTP transport. */
const senders = new WeakMap<JobContext, ReturnType<typeof createNotificationSender>>();
const SENDER_BATCH = 50;

function senderOf(ctx: JobContext) {
  let sender = senders.get(ctx);
  if (!sender) {
    sender = createNotificationSender(ctx);
    senders.set(ctx, sender);
    // Say where messages go, so that a forgotten SMTP_URL or SMS_GATEWAY shows before anyone waits.
    const settings = ctx.config.notifications;
    const where = { email: settings.smtpUrl ? 'smtp' : 'not configured', sms: settings.sms.gateway };
    if (!settings.smtpUrl || settings.sms.gateway === 'log')
      ctx.log.warn(where, 'notifications: not every channel sends');
    else ctx.log.info(where, 'notifications: sender started');
  }
  return sender;
}

/** The platform's own jobs; modules add theirs (e.g. modules/grm/jobs.ts). */
export const PLATFORM_JOBS: readonly JobDefinition[] = [
  {
    key: 'platform.notification-sender',
    description:
      'Delivers the notification outbox (in-app, email, SMS); a full batch is followed by the next.',
    everyMs: 5_000,
    run: async (ctx) => {
      const sender = senderOf(ctx);
      let r: Awaited<ReturnType<typeof sender.runOnce>>;
      do r = await sender.runOnce({ batchSize: SENDER_BATCH });
      while (!ctx.signal.aborted && r.sent + r.retried + r.failed + r.skipped >= SENDER_BATCH);
    },
  },
  {
    // Polled, outside any transaction (a long export must not hold one), one export at a time.
    key: 'platform.exports',
    description: 'Runs the background exports waiting in the queue.',
    everyMs: 3_000,
    run: async ({ exports }) => void (await exports.runPending()),
  },
  {
    key: 'platform.purge-auth',
    description: 'Purges expired sessions and old login failures.',
    everyMs: 15 * MINUTE,
    retry: { attempts: 3, backoffMs: MINUTE },
    run: ({ db, config }) => purgeExpired(db, config.login.windowMinutes),
  },
  {
    // Abandoned resumable uploads (platform/sync/uploads.ts: STALE_UPLOAD_DAYS, UNUSED_UPLOAD_DAYS), and the
    // partial files of writes a killed process left behind (lib/file-store.ts: STALE_PARTIAL_HOURS).
    key: 'platform.purge-uploads',
    description: 'Purges abandoned uploads and the partial files of interrupted writes.',
    everyMs: HOUR,
    retry: { attempts: 3, backoffMs: MINUTE },
    run: async ({ db, config, clock }) => {
      const before = () => new Date(clock.now().getTime() - STALE_PARTIAL_HOURS * 3_600_000);
      await purgeStaleUploads(db, uploadsDir(config.dataDir), before());
      await purgeStalePartials(path.join(config.dataDir, 'files'), before());
      await purgeStalePartials(exportsDir(config.dataDir), before(), (name) => name.endsWith('.part'));
    },
  },
  {
    // Files of expired background exports (platform/exports/jobs.ts: EXPORT_TTL_HOURS).
    key: 'platform.purge-exports',
    description: 'Deletes the files of expired exports.',
    everyMs: HOUR,
    retry: { attempts: 3, backoffMs: MINUTE },
    run: async ({ db, exports }) => void (await exports.purgeExpired(db)),
  },
  {
    // Removals older than devices may be offline (platform/sync/prune.ts: REMOVALS_RETENTION_DAYS).
    key: 'platform.prune-sync-removals',
    description: 'Prunes sync removals older than devices may stay offline.',
    everyMs: 24 * HOUR,
    retry: { attempts: 3, backoffMs: 5 * MINUTE },
    run: ({ db, clock }) => db.transaction(async (tx) => void (await pruneRemovals(tx, clock.now()))),
  },
];
