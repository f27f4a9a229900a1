import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TransportError } from '../../../platform/sync/device.js';
import { createFakeServer, type Fault, SENSITIVE_CATEGORY } from '../../../platform/sync/fake-server.js';
import { createMemoryStore } from '../../../platform/sync/memory-store.js';
import type { ComplaintAction } from '../complaints/lifecycle.js';
import type { SyncEngine } from './device.js';
import { createSyncEngine } from './device.js';

/**
 * Whatever happens between the phone and the server (lost answers, cuts, refused uploads, expired login),
 * no queued change is ever lost or applied twice, and after a clean sync the phone shows what the server has.
 */

type Fail = 'none' | 'offline' | 'losePush' | 'losePull' | 'upload' | 'auth';
type Step =
  | { kind: 'create'; sensitive: boolean; file: boolean }
  | { kind: 'act'; pick: number; action: ComplaintAction }
  | { kind: 'officer'; pick: number; action: ComplaintAction }
  | { kind: 'sync'; fail: Fail };

const action = fc.constantFrom<ComplaintAction>(
  { action: 'acknowledge' },
  { action: 'start' },
  { action: 'comment', text: 'Visite faite.' },
  { action: 'withdraw', reason: 'Retirée.' },
  { action: 'reopen', reason: 'Nouveau fait.' },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), sensitive: fc.boolean(), file: fc.boolean() }),
  fc.record({ kind: fc.constant('act' as const), pick: fc.nat(), action }),
  fc.record({ kind: fc.constant('officer' as const), pick: fc.nat(), action }),
  fc.record({
    kind: fc.constant('sync' as const),
    fail: fc.constantFrom<Fail>('none', 'offline', 'losePush', 'losePull', 'upload', 'auth'),
  }),
);

const input = (category: string) =>
  ({
    type: 'complaint',
    category,
    channel: 'in_person',
    description: 'Le puits du village est sec.',
    villageId: '7d0c2a7e-9d7b-4c61-9a43-2f7a1f0c0001',
    ongoing: false,
    recurring: false,
    complainant: { anonymous: true, kind: 'individual', vulnerabilities: [], notifyConsent: false },
  }) as unknown as Parameters<SyncEngine['createComplaint']>[0];

const faults: Record<
  Exclude<Fail, 'none'>,
  [Parameters<ReturnType<typeof createFakeServer>['fail']>[0], Fault]
> = {
  offline: ['push', 'offline'],
  losePush: ['push', 'lose'],
  losePull: ['pull', 'lose'],
  upload: ['upload', new TransportError('server', 'Bad gateway', 'http_502')],
  auth: ['pull', new TransportError('auth', 'Session expirée', 'unauthenticated')],
};

describe('sync engine property', () => {
  it('loses nothing, applies nothing twice, and converges after a clean sync', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const server = createFakeServer();
        const store = createMemoryStore();
        const queued: string[] = [];
        const enqueue = store.enqueue;
        store.enqueue = async (entry) => {
          queued.push(entry.mutation.id);
          return enqueue(entry);
        };
        const engine = createSyncEngine({ store, transport: server.transport });
        const created: string[] = [];

        for (const s of steps) {
          if (s.kind === 'create') {
            const files = s.file ? [{ blob: new Blob(['abc']), name: 'a.jpg', type: 'image/jpeg' }] : [];
            created.push(
              (await engine.createComplaint(input(s.sensitive ? SENSITIVE_CATEGORY : 'works'), files)).id,
            );
          } else if (s.kind === 'act') {
            const cases = await engine.complaints();
            if (cases.length) await engine.act(cases[s.pick % cases.length]!.id, s.action);
          } else if (s.kind === 'officer') {
            const ids = [...server.cases.keys()];
            if (ids.length) server.officerAct(ids[s.pick % ids.length]!, s.action);
          } else {
            if (s.fail !== 'none') server.fail(...faults[s.fail]);
            await engine.sync();
            server.clearFaults(); // a fault this pass did not reach (it stopped earlier) is not kept
          }
          // Never lost: each queued change is still on the phone or was acknowledged by the server.
          const outbox = new Set((await store.outbox()).map((e) => e.mutation.id));
          for (const id of queued) expect(outbox.has(id) || server.acknowledged.has(id)).toBe(true);
        }

        expect((await engine.sync()).ok).toBe(true);
        expect((await engine.sync()).pushed).toBe(0);

        const status = await engine.status();
        expect(status.pendingMutations).toBe(0);
        for (const f of status.failed) expect(f.mutation.type).toBe('complaint.act');
        for (const id of created) expect(server.created.get(id)).toBe(1);
        for (const [, n] of server.created) expect(n).toBe(1);

        const mine = (await engine.complaints()).map((c) => [c.id, c.status, c.version, c.trackingCode]);
        const theirs = [...server.cases.values()]
          .filter((c) => !c.sensitive)
          .map((c) => [c.id, c.status, c.version, c.trackingCode]);
        const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
        expect(mine.sort(byId)).toEqual(theirs.sort(byId));
        const withFiles = steps.filter((s) => s.kind === 'create' && s.file).length;
        expect(server.attachments).toHaveLength(withFiles);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
