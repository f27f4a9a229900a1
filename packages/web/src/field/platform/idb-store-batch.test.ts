import 'fake-indexeddb/auto';
import { deviceSchema, GRM_DEVICE_ENTITIES, type PullResponse, type SyncRow } from '@coso/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type IdbStore, openIdbStore } from './idb-store';

/** How a pull page reaches IndexedDB: the cost a phone pays hundreds of times during a first sync. */

const SCHEMA = deviceSchema(GRM_DEVICE_ENTITIES);
const opened: IdbStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  vi.restoreAllMocks();
});

const cases = (n: number, from = 0): SyncRow[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${from + i}`, changeSeq: from + i + 1, status: 'received' }));
const events = (n: number): SyncRow[] =>
  Array.from({ length: n }, (_, i) => ({ id: `e${i}`, changeSeq: 1000 + i, complaintId: `c${i % 10}` }));

describe('IndexedDB store: pull pages', () => {
  it('writes a page of cases and timelines in one relaxed transaction, and nothing else', async () => {
    const store = await openIdbStore(crypto.randomUUID(), SCHEMA);
    opened.push(store);
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const page: PullResponse = {
      reset: true,
      changes: { complaints: cases(200), complaint_events: events(300) },
      removed: {},
      cursor: 'p1',
      hasMore: true,
    };
    await store.applyPull(page);
    // One transaction for the 500 rows and the cursor; relaxed durability: a page lost to a crash is pulled
    // again (rows and cursor commit together), so it need not wait for the disk like the outbox does.
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![2]).toEqual({ durability: 'relaxed' });
    spy.mockRestore();
    expect(await store.rows('complaints')).toHaveLength(200);
    expect(await store.rows('complaint_events')).toHaveLength(300);
    expect(await store.cursor()).toBe('p1');
  });
});
