import { describe, expect, it } from 'vitest';
import type { DeviceSchema } from './device.js';
import { createMemoryStore } from './memory-store.js';
import type { PullResponse, SyncRow } from './protocol.js';

const page = (rows: SyncRow[], extra: Partial<PullResponse> = {}): PullResponse => ({
  reset: false,
  changes: { complaints: rows },
  removed: {},
  cursor: 'next',
  hasMore: false,
  ...extra,
});

/** Cases and their timelines, as the grievance module registers them (tasks: a table this version lacks). */
const schema: DeviceSchema = {
  tables: { complaints: [], complaint_events: ['complaintId'] },
  children: { complaints: [{ table: 'complaint_events', parentKey: 'complaintId' }] },
};

describe('memory store', () => {
  it('applies a page all or nothing, in place', async () => {
    const store = createMemoryStore();
    await store.applyPull(page([{ id: 'a', changeSeq: 1 }], { cursor: 'one' }), schema);
    // A row that cannot be stored (not cloneable) fails the page before anything of it is applied.
    const bad = page(
      [
        { id: 'b', changeSeq: 2 },
        { id: 'c', changeSeq: 3, f: () => 1 },
      ],
      {
        removed: { complaints: ['a'] },
      },
    );
    await expect(store.applyPull(bad, schema)).rejects.toThrow();
    expect((await store.rows('complaints')).map((r) => r.id)).toEqual(['a']);
    expect(await store.cursor()).toBe('one');
  });

  it('skips a table it does not know and drops a removed case with its timeline', async () => {
    const store = createMemoryStore();
    await store.applyPull(
      {
        ...page([{ id: 'a', changeSeq: 1 }]),
        changes: {
          complaints: [{ id: 'a', changeSeq: 1 }],
          complaint_events: [{ id: 'e', changeSeq: 2, complaintId: 'a' }],
          tasks: [{ id: 't', changeSeq: 3 }],
        } as PullResponse['changes'],
      },
      schema,
    );
    await store.applyPull(page([], { removed: { complaints: ['a'] }, cursor: 'two' }), schema);
    expect(await store.rows('complaints')).toEqual([]);
    expect(await store.rows('complaint_events')).toEqual([]);
    expect(await store.cursor()).toBe('two');
  });
});
