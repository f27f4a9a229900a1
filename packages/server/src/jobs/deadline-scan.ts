import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/driver.js';
import type { Clock } from '../lib/clock.js';
import { createDeadlineScanner } from '../modules/deadlines/scanner.js';

// Same namespace as the periodic tasks of worker.ts (7_402_028, index); 100 keeps clear of their indexes.
const SCAN_LOCK: [number, number] = [7_402_028, 100];

/**
 * Runs the deadline scan every `everyMs`, and once shortly after start so that whatever fell due while the
 * platform was down is caught up at once. On PostgreSQL an advisory lock held by an open transaction keeps
 * the scan to one process at a time, while the scan's own per-deadline transactions use other connections of
 * the pool. An embedded PGlite database belongs to one process and has one connection: no lock there (holding
 * a transaction open would block the scan's own). Exactly-once does not rest on this lock but on the
 * per-deadline marks; the lock only saves duplicate work.
 */
export function startDeadlineScan({
  db,
  clock,
  log,
  everyMs = 5 * 60_000,
}: {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  everyMs?: number;
}) {
  const scanner = createDeadlineScanner({ db, clock });
  let running: Promise<void> | undefined;
  const run = async () => {
    const result = await scanner.scan();
    if (result.reminders + result.breaches + result.escalations > 0) log.info({ result }, 'deadline scan');
  };
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        if (db.kind === 'pglite') return await run();
        await db.transaction(async (tx) => {
          const [lock] = await tx.query<{ ok: boolean }>(
            'select pg_try_advisory_xact_lock($1, $2) as ok',
            SCAN_LOCK,
          );
          if (lock?.ok) await run();
        });
      } catch (err) {
        log.error({ err }, 'deadline scan failed');
      } finally {
        running = undefined;
      }
    })();
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
