import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../platform/sync/device.js';
import type { ComplaintAction } from '../complaints/lifecycle.js';
import type { LocalComplaint } from './device.js';
import type { ComplaintCreatePayload } from './payloads.js';
import {
  caseFromCreate,
  pendingAttachments,
  pendingEvents,
  sensitiveCategoryCodes,
  viewCases,
} from './view.js';

const CASE = '5b0f4c52-7a6e-4d0c-9a3e-000000000001';
const NEW = '5b0f4c52-7a6e-4d0c-9a3e-000000000002';
const VILLAGE = '5b0f4c52-7a6e-4d0c-9a3e-0000000000aa';

let n = 0;
const entry = (type: string, payload: unknown, state: OutboxEntry['state'] = 'pending'): OutboxEntry => ({
  mutation: { id: `m${++n}`, type, payload, clientTime: `2026-01-01T10:00:${String(n).padStart(2, '0')}Z` },
  files: [],
  state,
  attempts: 0,
});
const act = (action: ComplaintAction, state?: OutboxEntry['state'], complaintId = CASE) =>
  entry('complaint.act', { complaintId, action }, state);
const create = (category = 'works') =>
  entry('complaint.create', {
    id: NEW,
    trackingCode: 'ABCDEFGHJ',
    type: 'complaint',
    category,
    channel: 'in_person',
    description: 'Le puits est sec.',
    villageId: VILLAGE,
    ongoing: false,
    recurring: false,
    complainant: { anonymous: true, kind: 'individual', vulnerabilities: [], notifyConsent: false },
  } as unknown as ComplaintCreatePayload);

const server = { id: CASE, changeSeq: 3, status: 'received', version: 2, receivedAt: '2025-12-01T00:00:00Z' };
const base = {
  cases: [server],
  acknowledged: {},
  sensitiveCategories: new Set(['gbv']),
  villageNames: new Map([[VILLAGE, 'Kpalimé']]),
};

describe('device view', () => {
  it('applies pending actions in order on the server row, and not the refused ones', () => {
    const outbox = [
      act({ action: 'acknowledge' }),
      act({ action: 'reopen', reason: 'x' }, 'conflict'),
      act({ action: 'start' }),
    ];
    const [c] = viewCases({ ...base, outbox });
    expect(c).toMatchObject({ id: CASE, status: 'in_progress', version: 2, pending: true });
    expect(viewCases({ ...base, outbox: [act({ action: 'start' }, 'rejected')] })[0]).toEqual(server);
    // An action the lifecycle forbids from the current status leaves it as it is.
    expect(viewCases({ ...base, outbox: [act({ action: 'start' })] })[0]!.status).toBe('received');
  });

  it('shows a case created here with what the lists need, newest first, provisional code marked', () => {
    const cases = viewCases({ ...base, outbox: [create(), act({ action: 'acknowledge' }, 'pending', NEW)] });
    expect(cases.map((c) => c.id)).toEqual([NEW, CASE]);
    expect(cases[0]).toMatchObject({
      status: 'acknowledged',
      version: 0,
      pending: true,
      reference: null,
      trackingCode: 'ABCDEFGHJ',
      villageName: 'Kpalimé',
      category: 'works',
      sensitive: false,
    });
    expect(cases[0]!.provisionalCode).toBeUndefined();
    const provisional = viewCases({ ...base, outbox: [create()], provisional: new Set([NEW]) });
    expect(provisional[0]!.provisionalCode).toBe(true);
    // A sensitive case filed here is the filer's own pending entry, marked sensitive.
    expect(viewCases({ ...base, outbox: [create('gbv')] })[0]).toMatchObject({ id: NEW, sensitive: true });
  });

  it('keeps an acknowledged creation until the server row arrives, which then wins', () => {
    const kept = { ...caseFromCreate(create().mutation.payload as ComplaintCreatePayload, 'x', base) };
    const acknowledged = { [NEW]: { ...kept, trackingCode: 'SERVER123', pending: false } as LocalComplaint };
    expect(viewCases({ ...base, outbox: [], acknowledged }).find((c) => c.id === NEW)).toMatchObject({
      trackingCode: 'SERVER123',
      pending: false,
    });
    const pulled = { id: NEW, changeSeq: 9, status: 'acknowledged', version: 3, trackingCode: 'SERVER123' };
    const after = viewCases({ ...base, cases: [server, pulled], outbox: [], acknowledged });
    expect(after.find((c) => c.id === NEW)).toEqual(pulled);
  });

  it('lists the timeline a chain of pending actions adds, and the queued files', () => {
    const file = { ...entry('attachment.add', { complaintId: CASE, uploadId: '' }), files: ['f1'] };
    const outbox = [act({ action: 'acknowledge' }), act({ action: 'comment', text: 'Vu.' }), file];
    const events = pendingEvents(outbox, CASE, 'received');
    expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.pending])).toEqual([
      ['acknowledge', 'received', 'acknowledged', true],
      ['comment', 'acknowledged', 'acknowledged', true],
    ]);
    expect(events[1]!.payload).toEqual({ text: 'Vu.' });
    expect(pendingAttachments(outbox, CASE)).toMatchObject([{ id: 'f1', complaintId: CASE, pending: true }]);
    expect(pendingAttachments(outbox, NEW)).toEqual([]);
  });

  it('finds the sensitive categories among the reference lists', () => {
    const items = [
      { id: '1', changeSeq: 1, list: 'category', code: 'gbv', sensitive: true },
      { id: '2', changeSeq: 1, list: 'category', code: 'works', sensitive: false },
      { id: '3', changeSeq: 1, list: 'channel', code: 'sms', sensitive: true },
    ];
    expect([...sensitiveCategoryCodes(items)]).toEqual(['gbv']);
  });

  it('gives the case the status its pending timeline ends on, for any chain of actions', () => {
    const action = fc.constantFrom<ComplaintAction>(
      { action: 'acknowledge' },
      { action: 'start' },
      { action: 'comment', text: 'x' },
      { action: 'withdraw', reason: 'x' },
      { action: 'reopen', reason: 'x' },
      { action: 'escalate', reason: 'x' },
      { action: 'propose_resolution', resolution: 'Réparer la pompe.' } as ComplaintAction,
    );
    const state = fc.constantFrom<OutboxEntry['state']>('pending', 'pending', 'rejected', 'conflict');
    fc.assert(
      fc.property(fc.array(fc.tuple(action, state), { maxLength: 8 }), (chain) => {
        const outbox = chain.map(([a, s]) => act(a, s));
        const [c] = viewCases({ ...base, outbox });
        const timeline = pendingEvents(outbox, CASE, 'received');
        const last = [...timeline].reverse().find((e) => e.toStatus !== null);
        expect(c!.status).toBe(last?.toStatus ?? 'received');
        expect(timeline).toHaveLength(chain.filter(([, s]) => s === 'pending').length);
      }),
    );
  });
});
