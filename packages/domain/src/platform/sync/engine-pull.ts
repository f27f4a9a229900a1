import type { LocalStore, Transport } from './device.js';
import type { PullProgress } from './engine-api.js';
import type { EntityRegistry } from './entities.js';
import { SYNC_PULL_DEFAULT_LIMIT } from './protocol.js';

/** The pull step of a sync pass (engine-sync.ts): pages until the server has nothing more, with progress. */

/**
 * Screens re-read the device's data on every notification; during a first sync of hundreds of pages, telling
 * them after each page would make a slow phone re-derive its whole case list hundreds of times. Progress is
 * announced at most this often (and once at the end).
 */
export const PULL_NOTIFY_EVERY_MS = 1_000;

export interface PullDeps {
  store: LocalStore;
  /** Which tables the device keeps, and which rows leave with a removed one. */
  registry: Pick<EntityRegistry, 'schema'>;
  transport: Transport;
  now: () => Date;
  notify: () => void;
  /** The pull under way, for status(); undefined when it ends. */
  onProgress: (progress: PullProgress | undefined) => void;
}

/** Pulls every page after the stored cursor; returns the number of rows received. */
export async function pullAll({
  store,
  registry,
  transport,
  now,
  notify,
  onProgress,
}: PullDeps): Promise<number> {
  const started = now().getTime();
  const progress: PullProgress = {
    full: (await store.cursor()) === undefined,
    pages: 0,
    items: 0,
    bytes: 0,
    startedAt: new Date(started).toISOString(),
  };
  let from: number | undefined;
  let told = started;
  try {
    for (;;) {
      const page = await transport.pull(await store.cursor(), SYNC_PULL_DEFAULT_LIMIT);
      await store.applyPull(page, registry.schema);
      if (page.reset) progress.full = true;
      progress.pages++;
      for (const rows of Object.values(page.changes)) progress.items += rows?.length ?? 0;
      progress.bytes += page.receivedBytes ?? 0;
      if (page.progress) {
        // A full pull covers the feed from its start; an incremental one from where its first page began.
        from ??= progress.full ? 0 : page.progress.done;
        estimate(progress, page.progress, from, now().getTime() - started);
      }
      onProgress({ ...progress });
      if (!page.hasMore) break;
      if (now().getTime() - told >= PULL_NOTIFY_EVERY_MS) {
        told = now().getTime();
        notify();
      }
    }
  } finally {
    onProgress(undefined);
  }
  return progress.items;
}

function estimate(
  progress: PullProgress,
  position: { done: number; end: number },
  from: number,
  elapsedMs: number,
) {
  const span = position.end - from;
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, (position.done - from) / span));
  progress.fraction = fraction;
  if (fraction > 0) progress.remainingMs = Math.round((elapsedMs * (1 - fraction)) / fraction);
  else delete progress.remainingMs;
}
