import { randomUUID } from 'node:crypto';
import type { MutationResult } from '@coso/domain';
import { expect } from 'vitest';
import type { Session, TestApp } from './harness.js';

/** Helpers shared by the push, codes and attachment tests (not a test file itself). */

export function mutation(type: string, payload: unknown, extra: { baseVersion?: number; id?: string } = {}) {
  return {
    id: extra.id ?? randomUUID(),
    type,
    payload,
    clientTime: new Date().toISOString(),
    ...(extra.baseVersion === undefined ? {} : { baseVersion: extra.baseVersion }),
  };
}

/** The `complaint.create` payload of a complaint recorded in `villageId`, with a device-chosen id. */
export function createPayload(villageId: string, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type: 'complaint',
    category: 'works',
    channel: 'in_person',
    description: 'Le puits du quartier est tari depuis le début de la saison sèche.',
    villageId,
    complainant: { anonymous: true },
    ...extra,
  };
}

export async function push(t: TestApp, session: Session, mutations: unknown[]): Promise<MutationResult[]> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers: { ...session.headers, 'accept-language': 'fr' },
    payload: { mutations },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results as MutationResult[];
}

/** Row counts of everything a mutation may write: equal counts before and after a retry mean nothing changed. */
export async function footprint(t: TestApp) {
  const tables = [
    'complaints',
    'complaint_events',
    'complaint_attachments',
    'audit_log',
    'sync_mutations',
    'notification_outbox',
    'notifications',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    out[table] = row!.n;
  }
  const [versions] = await t.db.query<{ v: number }>(
    'select coalesce(sum(version), 0)::int as v from complaints',
  );
  out.versions = versions!.v;
  return out;
}
