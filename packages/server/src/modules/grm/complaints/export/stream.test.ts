import { describe, expect, it } from 'vitest';
import type { ComplaintRow } from '../repo.js';
import type { ExportLabels } from './columns.js';
import { csvStream, prefetched } from './stream.js';

const labels: ExportLabels = { reference: new Map(), levels: new Map() };
const fakeCase = (n: number) =>
  ({
    trackingCode: `CODE${n}`,
    reference: `MGP-2026-${n}`,
    receivedAt: new Date(Date.UTC(2026, 0, 1, 8, 30)),
    typeCode: 'complaint',
    categoryCode: 'works',
    channelCode: 'hotline',
    status: 'received',
    villageName: 'Lama',
    handlingLevel: 'region',
    assigneeName: null,
    gender: null,
    ageGroup: null,
    escalationCount: 0,
  }) as unknown as ComplaintRow;

describe('CSV export stream', () => {
  it('reads pages only as fast as the response consumes them', async () => {
    let pulled = 0;
    async function* pages() {
      for (let p = 0; p < 100; p++) {
        pulled += 1;
        yield Array.from({ length: 500 }, (_, i) => fakeCase(p * 500 + i));
      }
    }
    const stream = csvStream(await prefetched(pages()), labels);
    const iterator = stream[Symbol.asyncIterator]();
    const header = (await iterator.next()).value as string;
    expect(header.startsWith('\uFEFFCode de suivi,')).toBe(true);
    const page = (await iterator.next()).value as string;
    expect(page.split('\n')[0]).toBe(
      'CODE0,MGP-2026-0,2026-01-01 08:30,complaint,works,hotline,Reçue,Lama,region,,,,0',
    );
    await new Promise((resolve) => setTimeout(resolve, 50)); // time for any read-ahead to happen
    // One page sent, one read ahead at most, nowhere near the hundred available.
    expect(pulled).toBeLessThanOrEqual(3);
    stream.destroy();
  });
});
