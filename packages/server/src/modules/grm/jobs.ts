import { togoDate } from '@coso/domain';
import type { JobDefinition } from '../../platform/jobs/registry.js';
import { createDeadlineScanner } from './deadlines/scanner.js';
import { ROLLUP_EVERY_MINUTES, refreshRollup, rollupWanted } from './reports/rollup-build.js';
import { generateDueReports } from './reports/runs.js';

const MINUTE = 60_000;

/** The grievance module's background jobs (registered through the module object). */
export const GRM_JOBS: readonly JobDefinition[] = [
  {
    // Reminders, breaches and auto-escalation (docs/decisions/0006-job-worker.md). Once shortly after start,
    // so that whatever fell due while the platform was down is caught up at once. Exactly-once rests on the
    // per-deadline marks, not on the job's lock: the lock only saves duplicate work.
    key: 'grm.deadline-scan',
    description: 'Deadline reminders, breaches and automatic escalation.',
    everyMs: 5 * MINUTE,
    firstRunAfterMs: 5_000,
    retry: { attempts: 3, backoffMs: 30_000 },
    run: async ({ db, clock, log }) => {
      const result = await createDeadlineScanner({ db, clock }).scan();
      if (Object.values(result).some((n) => n > 0)) log.info({ result }, 'deadline scan');
    },
  },
  {
    // Last month's and last quarter's national reports, once (modules/grm/reports/runs.ts).
    key: 'grm.periodic-reports',
    description: "Renders last month's and last quarter's national reports, once each.",
    everyMs: 60 * MINUTE,
    retry: { attempts: 3, backoffMs: 2 * MINUTE },
    run: async ({ db, config, clock }) =>
      void (await generateDueReports(db, config.dataDir, togoDate(clock.now()))),
  },
  {
    // The summary's rollup, once the live query gets slow (reports/rollup-build.ts: ROLLUP_MIN_CASES). Database
    // work only, so one transaction: readers keep the previous rollup until it commits.
    key: 'grm.report-rollup',
    description: 'Refreshes the case summary rollup once the live query gets slow.',
    everyMs: ROLLUP_EVERY_MINUTES * MINUTE,
    run: async ({ db, clock }) => {
      if (await rollupWanted(db))
        await db.transaction((tx) => refreshRollup(tx, togoDate(clock.now()), clock.now()));
    },
  },
];
