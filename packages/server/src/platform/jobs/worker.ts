import path from 'node:path';
import { togoDate } from '@coso/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Db, RootDb } from '../../db/driver.js';
import { type Clock, systemClock } from '../../lib/clock.js';
import { purgeStalePartials, STALE_PARTIAL_HOURS } from '../../lib/file-store.js';
import { ROLLUP_EVERY_MINUTES, refreshRollup, rollupWanted } from '../../modules/grm/reports/rollup-build.js';
import { generateDueReports } from '../../modules/grm/reports/runs.js';
import type { Vault } from '../../vault/vault.js';
import { purgeExpired } from '../auth/repo.js';
import { createExportService, exportsDir } from '../exports/jobs.js';
import { createNotificationSender } from '../notifications/sender.js';
import { pruneRemovals } from '../sync/prune.js';
import { purgeStaleUploads, uploadsDir } from '../sync/uploads.js';
import { startDeadlineScan } from './deadline-scan.js';

export interface PeriodicTask {
  name: string;
  everyMs: number;
  /**
   * Runs under the task's lock (Db.exclusive) but in no transaction: a task opens short transactions of its
   * own for database work only, and does file I/O or rendering outside them.
   */
  run(db: Db): Promise<void>;
}

const EXPORT_POLL_MS = 3000;

/** The advisory-lock namespace of the periodic tasks: (WORKER_LOCK, index in the task list). */
export const WORKER_LOCK = 7_402_028;

/**
 * Runs periodic housekeeping in-process. Each run holds its task's lock (Db.exclusive: a session advisory lock
 * on PostgreSQL) so that, with several processes on one database, a task runs in one of them at a time, and
 * never twice at once in one process.
 */
export function startWorker({
  db,
  config,
  log,
  vault,
  clock = systemClock,
}: {
  db: RootDb;
  config: Config;
  log: FastifyBaseLogger;
  vault: Vault;
  clock?: Clock;
}) {
  // Deadline reminders, breaches and auto-escalation (docs/decisions/0006-job-worker.md).
  const deadlineScan = startDeadlineScan({ db, clock, log });
  // Delivers the notification outbox (in-app, email, SMS) after commit; see platform/notifications/sender.ts.
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
  const partialsBefore = () => new Date(clock.now().getTime() - STALE_PARTIAL_HOURS * 3_600_000);
  const tasks: PeriodicTask[] = [
    { name: 'purge-auth', everyMs: 15 * 60_000, run: (db) => purgeExpired(db, config.login.windowMinutes) },
    // Abandoned resumable uploads (platform/sync/uploads.ts: STALE_UPLOAD_DAYS, UNUSED_UPLOAD_DAYS), and the
    // partial files of writes a killed process left behind (lib/file-store.ts: STALE_PARTIAL_HOURS).
    {
      name: 'purge-uploads',
      everyMs: 60 * 60_000,
      run: async (db) => {
        await purgeStaleUploads(db, uploadsDir(config.dataDir), partialsBefore());
        await purgeStalePartials(path.join(config.dataDir, 'files'), partialsBefore());
        await purgeStalePartials(exportsDir(config.dataDir), partialsBefore(), (name) =>
          name.endsWith('.part'),
        );
      },
    },
    // Last month's and last quarter's national reports, once (modules/grm/reports/runs.ts).
    {
      name: 'periodic-reports',
      everyMs: 60 * 60_000,
      run: async (db) => void (await generateDueReports(db, config.dataDir, togoDate(clock.now()))),
    },
    // The summary's rollup, once the live query gets slow (modules/grm/reports/rollup-build.ts: ROLLUP_MIN_CASES).
    // Database work only, so one transaction: readers keep the previous rollup until it commits.
    {
      name: 'report-rollup',
      everyMs: ROLLUP_EVERY_MINUTES * 60_000,
      run: async (db) => {
        if (await rollupWanted(db))
          await db.transaction((tx) => refreshRollup(tx, togoDate(clock.now()), clock.now()));
      },
    },
    // Files of expired background exports (platform/exports/jobs.ts: EXPORT_TTL_HOURS).
    { name: 'purge-exports', everyMs: 60 * 60_000, run: async (db) => void (await exports.purgeExpired(db)) },
    // (Appended: a task's place in this list is its lock key.) Removals older than devices may be offline (platform/sync/prune.ts: REMOVALS_RETENTION_DAYS).
    {
      name: 'prune-sync-removals',
      everyMs: 24 * 3_600_000,
      run: (db) => db.transaction(async (tx) => void (await pruneRemovals(tx, clock.now()))),
    },
  ];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  const runTask = (task: PeriodicTask, index: number): Promise<boolean> => {
    const run = db
      .exclusive([WORKER_LOCK, index], () => task.run(db))
      .catch((err) => {
        log.error({ err, task: task.name }, 'periodic task failed');
        return false;
      })
      .finally(() => running.delete(run));
    running.add(run);
    return run;
  };
  const timers = tasks.map((task, index) =>
    setInterval(() => {
      if (!stopped) void runTask(task, index);
    }, task.everyMs),
  );
  return {
    /** Runs every periodic task once now (tests, and an administrator's catch-up); resolves when done. */
    runAll: () => Promise.all([...tasks.map(runTask), deadlineScan.runNow()]),
    /** Stops the timers and waits for the runs in progress (the caller then closes the database). */
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.all(running);
      clearInterval(exportTimer);
      await exporting;
      await deadlineScan.stop();
      await sender.stop();
    },
  };
}
