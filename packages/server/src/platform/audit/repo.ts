import { Conditions } from '../../db/conditions.js';
import type { Queryable } from '../../db/driver.js';

export interface AuditEntry {
  actorId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  changes?: Record<string, unknown> | null;
  ip: string | null;
}

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Appends one entry to the audit log; call it in the same transaction as the write it records. */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_log (actor_id, entity, entity_id, action, changes, ip)
     values ($1, $2, $3, $4, $5::jsonb, $6)`,
    [
      entry.actorId,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.changes ? JSON.stringify(entry.changes) : null,
      entry.ip,
    ],
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `after` whose value differs from `before`, as { field: { from, to } }. */
export function diffFields<T extends object>(before: T, after: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key];
    if (!same(from, to)) changes[key] = { from, to };
  }
  return changes;
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_display_name: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  changes: Record<string, unknown> | null;
  ip: string | null;
}

/** Newest first, keyset-paginated on id. */
export async function listAudit(db: Queryable, f: AuditFilter): Promise<AuditRow[]> {
  const c = new Conditions();
  if (f.entity) c.add('a.entity = ?', f.entity);
  if (f.entityId) c.add('a.entity_id = ?', f.entityId);
  if (f.actorId) c.add('a.actor_id = ?', f.actorId);
  if (f.action) c.add('a.action = ?', f.action);
  if (f.from) c.add('a.at >= ?', f.from);
  if (f.to) c.add('a.at < ?', f.to);
  if (f.beforeId !== undefined) c.add('a.id < ?', f.beforeId);
  return db.query<AuditRow>(
    `select a.id, a.at, a.actor_id, u.username as actor_username, u.display_name as actor_display_name,
            a.entity, a.entity_id, a.action, a.changes, a.ip
       from audit_log a left join users u on u.id = a.actor_id
      ${c.where} order by a.id desc limit ${c.param(f.limit)}`,
    c.params,
  );
}
