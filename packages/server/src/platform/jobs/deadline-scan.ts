import type { FastifyBaseLogger } from 'fastify';
import type { RootDb } from '../../db/driver.js';
import type { Clock } from '../../lib/clock.js';
import { createDeadlineScanner } from '../../modules/grm/deadlines/scanner.js';

// Same namespace as the periodic tasks of worker.ts (7_402_028, index); 100 keeps clear of their indexes.
const SCAN_LOCK: [number, number] = [7_402_028, 100];

/**
 * Runs the deadline scan every `everyMs`, and once shortly after start so that whatever fell due while the
 * platform was down is caught up at once. Db.exclusive keeps the scan to one process at a time (a session
 * advisory lock on PostgreSQL, never a transaction held open for the whole scan: that one sat "idle in
 * transaction" for minutes), while the scan's own per-deadline transactions come and go. Exactly-once does
 * not rest on this lock but on the per-deadline marks; the lock only saves duplicate work.
 */
export function startDeadlineScan({
  db,
  clock,
  log,
  everyMs = 5 * 60_000,
}: {
  db: RootDb;
  clock: Clock;
  log: FastifyBaseLogger;
  everyMs?: number;
}) {
  const scanner = createDeadlineScanner({ db, clock });
  let running: Promise<void> | undefined;
  const run = async () => {
    const result = await scanner.scan();
    if (Object.values(result).some((n) => n > 0)) log.info({ result }, 'deadline scan');
  };
  const tick = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        await db.exclusive(SCAN_LOCK, run);
      } catch (err) {
        log.error({ err }, 'deadline scan failed');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  return {
    /** A scan now (or the one in progress); resolves when it ends. */
    runNow: tick,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
