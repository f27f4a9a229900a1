import { togoDate } from '@coso/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Db, Queryable } from '../db/driver.js';
import { type Clock, systemClock } from '../lib/clock.js';
import { purgeExpired } from '../modules/auth/repo.js';
import { createExportService } from '../modules/exports/jobs.js';
import { createNotificationSender } from '../modules/notifications/sender.js';
import { ROLLUP_EVERY_MINUTES, refreshRollup, rollupWanted } from '../modules/reports/rollup-build.js';
import { generateDueReports } from '../modules/reports/runs.js';
import { pruneRemovals } from '../modules/sync/prune.js';
import { purgeStaleUploads, uploadsDir } from '../modules/sync/uploads.js';
import type { Vault } from '../vault/vault.js';
import { startDeadlineScan } from './deadline-scan.js';

export interface PeriodicTask {
  name: string;
  everyMs: number;
  /** Runs inside the transaction holding the task's lock (on PGlite, any other query would wait for it). */
  run(tx: Queryable): Promise<void>;
}

const EXPORT_POLL_MS = 3000;

/**
 * Runs periodic housekeeping in-process. Each run takes a transaction-level advisory lock so that, with
 * several processes on one PostgreSQL, a task runs in one of them at a time.
 */
export function startWorker({
  db,
  config,
  log,
  vault,
  clock = systemClock,
}: {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
  vault: Vault;
  clock?: Clock;
}) {
  // Deadline reminders, breaches and auto-escalation (docs/decisions/0006-job-worker.md).
  const deadlineScan = startDeadlineScan({ db, clock, log });
  // Delivers the notification outbox (in-app, email, SMS) after commit; see modules/notifications/sender.ts.
  const sender = createNotificationSender({ db, config, vault, clock, log });
  sender.start();
  // Background exports: polled, outside any transaction (a long export must not hold a lock), one at a time.
  const exports = createExportService({ db, dataDir: config.dataDir, clock });
  let exporting: Promise<unknown> | undefined;
  const exportTimer = setInterval(() => {
    exporting ??= exports
      .runPending()
      .catch((err) => log.error({ err }, 'background export failed'))
      .finally(() => {
        exporting = undefined;
      });
  }, EXPORT_POLL_MS);
  const tasks: PeriodicTask[] = [
    { name: 'purge-auth', everyMs: 15 * 60_000, run: (tx) => purgeExpired(tx, config.login.windowMinutes) },
    // Abandoned resumable uploads (modules/sync/uploads.ts: STALE_UPLOAD_DAYS, UNUSED_UPLOAD_DAYS).
    {
      name: 'purge-uploads',
      everyMs: 60 * 60_000,
      run: async (tx) => void (await purgeStaleUploads(tx, uploadsDir(config.dataDir))),
    },
    // Last month's and last quarter's national reports, once (modules/reports/runs.ts).
    {
      name: 'periodic-reports',
      everyMs: 60 * 60_000,
      run: async (tx) => void (await generateDueReports(tx, config.dataDir, togoDate(clock.now()))),
    },
    // The summary's rollup, once the live query gets slow (modules/reports/rollup-build.ts: ROLLUP_MIN_CASES).
    {
      name: 'report-rollup',
      everyMs: ROLLUP_EVERY_MINUTES * 60_000,
      run: async (tx) => {
        if (await rollupWanted(tx)) await refreshRollup(tx, togoDate(clock.now()), clock.now());
      },
    },
    // Files of expired background exports (modules/exports/jobs.ts: EXPORT_TTL_HOURS).
    { name: 'purge-exports', everyMs: 60 * 60_000, run: async (tx) => void (await exports.purgeExpired(tx)) },
    // (Appended: a task's place in this list is its lock key.) Removals older than devices may be offline (modules/sync/prune.ts: REMOVALS_RETENTION_DAYS).
    {
      name: 'prune-sync-removals',
      everyMs: 24 * 3_600_000,
      run: async (tx) => void (await pruneRemovals(tx, clock.now())),
    },
  ];
  const timers = tasks.map((task, index) => {
    const tick = async () => {
      try {
        await db.transaction(async (tx) => {
          const [lock] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1, $2) as ok', [
            7_402_028,
            index,
          ]);
          if (lock?.ok) await task.run(tx);
        });
      } catch (err) {
        log.error({ err, task: task.name }, 'periodic task failed');
      }
    };
    return setInterval(() => void tick(), task.everyMs);
  });
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      clearInterval(exportTimer);
      await exporting;
      await deadlineScan.stop();
      await sender.stop();
    },
  };
}
