import {
  type ComplaintAction,
  type ComplaintStatus,
  transition,
} from '../../modules/grm/complaints/lifecycle.js';
import type {
  AttachmentAddPayload,
  ComplaintActPayload,
  ComplaintCreatePayload,
} from '../../modules/grm/sync/payloads.js';
import { type LocalFile, type Transport, TransportError } from './device.js';
import type { Mutation, MutationResult, PullResponse, SyncRow } from './protocol.js';

/**
 * A small in-memory stand-in for the sync server, for the engine's unit tests (the real server is exercised
 * by packages/server/src/platform/sync/convergence.test.ts): idempotent mutations, versions and conflicts,
 * lifecycle rules, sensitive cases kept off the device, and faults injected per call.
 */

export interface FakeCase extends SyncRow {
  status: string;
  version: number;
  trackingCode: string;
  category: string;
  sensitive: boolean;
}

/** 'offline': fails before reaching the server; 'lose': the server does the work, the answer is lost. */
export type Fault = 'offline' | 'lose' | TransportError;
type Call = 'push' | 'pull' | 'upload' | 'codes';

export const SENSITIVE_CATEGORY = 'gbv';

/** How the fake server applies a mutation type of another entity (e.g. the test entity's). */
export type FakeHandler = (mutation: Mutation) => Omit<MutationResult, 'id'>;

/**
 * `mutations`: handlers of more mutation types, which keep their rows with `put` and `remove` (sent by the
 * pull like the cases, in change order).
 */
export function createFakeServer(options: { mutations?: Record<string, FakeHandler> } = {}) {
  const cases = new Map<string, FakeCase>();
  const tables = new Map<string, Map<string, SyncRow>>();
  const removals: Array<{ table: string; id: string; changeSeq: number }> = [];
  const acknowledged = new Map<string, MutationResult>();
  const created = new Map<string, number>();
  const attachments: AttachmentAddPayload[] = [];
  const batches: Mutation[][] = [];
  const faults: Record<Call, Fault[]> = { push: [], pull: [], upload: [], codes: [] };
  const reference: SyncRow[] = [
    { id: 'cat-gbv', changeSeq: 1, list: 'category', code: SENSITIVE_CATEGORY, sensitive: true },
    { id: 'cat-works', changeSeq: 1, list: 'category', code: 'works', sensitive: false },
  ];
  let seq = 1;
  let codes = 0;

  function bump(c: FakeCase) {
    c.changeSeq = ++seq;
    c.version++;
  }

  function act(id: string, action: ComplaintAction, baseVersion?: number): MutationResult {
    const c = cases.get(id);
    if (!c) return { id: null, status: 'rejected', code: 'not_found' };
    if (action.action !== 'comment' && baseVersion !== undefined && baseVersion !== c.version)
      return { id: null, status: 'conflict', current: { ...c } };
    const next = transition(c.status as ComplaintStatus, action);
    if (!next) return { id: null, status: 'rejected', code: 'transition_not_allowed' };
    c.status = next.to;
    bump(c);
    return { id: null, status: 'applied', result: { complaintId: id, status: c.status, version: c.version } };
  }

  function apply(m: Mutation): MutationResult {
    const before = acknowledged.get(m.id);
    if (before) return { ...before, status: 'duplicate' };
    let r: MutationResult;
    if (m.type === 'complaint.create') {
      const p = m.payload as ComplaintCreatePayload;
      created.set(p.id, (created.get(p.id) ?? 0) + 1);
      const taken = [...cases.values()].some((c) => c.trackingCode === p.trackingCode);
      const trackingCode =
        !p.trackingCode || taken ? `SRV${String(++codes).padStart(6, '0')}` : p.trackingCode;
      const c: FakeCase = {
        id: p.id,
        changeSeq: 0,
        status: 'received',
        version: 0,
        trackingCode,
        reference: `REF-${cases.size + 1}`,
        category: p.category,
        sensitive: p.category === SENSITIVE_CATEGORY,
        receivedAt: m.clientTime,
      };
      cases.set(p.id, c);
      bump(c);
      const result = { id: c.id, trackingCode, reference: c.reference, version: c.version };
      r = { id: m.id, status: 'applied', result };
    } else if (m.type === 'complaint.act') {
      const p = m.payload as ComplaintActPayload;
      r = { ...act(p.complaintId, p.action, m.baseVersion), id: m.id };
    } else if (options.mutations?.[m.type]) {
      r = { ...options.mutations[m.type]!(m), id: m.id };
    } else {
      const p = m.payload as AttachmentAddPayload;
      if (!cases.has(p.complaintId)) r = { id: m.id, status: 'rejected', code: 'not_found' };
      else if (!p.uploadId) r = { id: m.id, status: 'rejected', code: 'upload_incomplete' };
      else {
        attachments.push(p);
        r = { id: m.id, status: 'applied', result: {} };
      }
    }
    if (r.status === 'applied') acknowledged.set(m.id, r);
    return r;
  }

  function pull(cursor: string | undefined): PullResponse {
    const since = Number(cursor ?? 0);
    const changed = [...cases.values()].filter((c) => c.changeSeq > since);
    const changes: Record<string, SyncRow[]> = {};
    const removed: Record<string, string[]> = {};
    for (const [table, rows] of tables) {
      const fresh = [...rows.values()].filter((r) => r.changeSeq > since).map((r) => ({ ...r }));
      if (fresh.length) changes[table] = fresh;
    }
    for (const { table, id } of removals.filter((r) => r.changeSeq > since)) {
      if (!tables.get(table)?.has(id)) removed[table] = [...(removed[table] ?? []), id];
    }
    return {
      reset: cursor === undefined,
      changes: {
        ...changes,
        complaints: changed.filter((c) => !c.sensitive).map((c) => ({ ...c })),
        ...(cursor === undefined ? { reference_items: reference } : {}),
      },
      removed: { ...removed, complaints: changed.filter((c) => c.sensitive).map((c) => c.id) },
      cursor: String(seq),
      hasMore: false,
    };
  }

  /** Runs the call unless a fault is queued for it; a lost answer runs it and then fails. */
  async function call<T>(kind: Call, work: () => T): Promise<T> {
    const fault = faults[kind].shift();
    if (fault instanceof TransportError) throw fault;
    if (fault === 'offline') throw new TransportError('offline', 'Pas de connexion');
    const out = work();
    if (fault === 'lose') throw new TransportError('offline', 'Pas de connexion');
    return out;
  }

  const transport: Transport = {
    pull: (cursor) => call('pull', () => pull(cursor)),
    push: (mutations) =>
      call('push', () => {
        batches.push(mutations);
        return { results: mutations.map(apply) };
      }),
    reserveCodes: (count) =>
      call('codes', () => Array.from({ length: count }, () => `RSV${String(++codes).padStart(6, '0')}`)),
    upload: async (file: LocalFile, onProgress) => {
      const fault = faults.upload[0];
      if (fault) onProgress?.(Math.floor(file.size / 2));
      return call('upload', () => {
        onProgress?.(file.size);
        return `up-${file.id}`;
      });
    },
  };

  return {
    transport,
    cases,
    created,
    acknowledged,
    attachments,
    batches,
    /** Queues faults for the next calls of a kind, in order. */
    fail(kind: Call, ...next: Fault[]) {
      faults[kind].push(...next);
    },
    clearFaults() {
      for (const list of Object.values(faults)) list.length = 0;
    },
    /** Stores (or replaces) a row of another table, numbered for the next pull. */
    put(table: string, row: Omit<SyncRow, 'changeSeq'>): SyncRow {
      const stored = { ...row, changeSeq: ++seq } as SyncRow;
      if (!tables.has(table)) tables.set(table, new Map());
      tables.get(table)!.set(stored.id, stored);
      return stored;
    },
    row: (table: string, id: string) => tables.get(table)?.get(id),
    /** Drops a row of another table; the next pull lists it in `removed` (its children are not listed). */
    remove(table: string, id: string) {
      tables.get(table)?.delete(id);
      removals.push({ table, id, changeSeq: ++seq });
    },
    /** A change made on the server by someone else (a grievance officer). */
    officerAct(id: string, action: ComplaintAction) {
      return act(id, action).status === 'applied';
    },
  };
}
