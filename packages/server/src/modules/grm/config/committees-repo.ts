import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import type { CommitteeKind } from './schema.js';

export interface CommitteeMember {
  id: string;
  username: string;
  displayName: string;
}

export interface CommitteeRow {
  id: string;
  code: string;
  name: string;
  kind: CommitteeKind;
  active: boolean;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitLevel: string;
  members: CommitteeMember[];
}

// Members come back aggregated with the committee, so one query loads a whole committee.
const COMMITTEE_SELECT = `
  select c.id, c.code, c.name, c.kind, c.active, c.unit_id as "unitId", g.code as "unitCode",
         g.name as "unitName", g.level as "unitLevel",
         coalesce((select json_agg(json_build_object('id', u.id, 'username', u.username,
                                                     'displayName', u.display_name)
                                   order by u.display_name, u.id)
                     from grm_committee_members m join users u on u.id = m.user_id
                    where m.committee_id = c.id), '[]') as members
    from grm_committees c join geo_units g on g.id = c.unit_id`;

export interface CommitteeFilter {
  withinPath?: string | undefined;
  kind?: CommitteeKind | undefined;
  q?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

export function listCommittees(db: Queryable, f: CommitteeFilter): Promise<CommitteeRow[]> {
  const c = new Conditions();
  if (f.withinPath) c.add("g.path like ? || '%'", f.withinPath);
  if (f.kind) c.add('c.kind = ?', f.kind);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    c.add('(c.name ilike ? or c.code ilike ?)', like, like);
  }
  if (f.after) c.add('(c.name, c.id) > (?, ?::uuid)', f.after.name, f.after.id);
  return db.query<CommitteeRow>(
    `${COMMITTEE_SELECT} ${c.where} order by c.name, c.id limit ${c.param(f.limit)}`,
    c.params,
  );
}

/** `forUpdate` locks the committee row until the end of the transaction (deactivation vs. new rules). */
export async function findCommittee(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<CommitteeRow | undefined> {
  const lock = forUpdate ? ' for update of c' : '';
  return (await db.query<CommitteeRow>(`${COMMITTEE_SELECT} where c.id = $1${lock}`, [id]))[0];
}

/** Locks an active committee against deactivation while a rule pointing at it is written. */
export async function lockActiveCommittee(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('select 1 from grm_committees where id = $1 and active for share', [id]);
  return rows.length > 0;
}

export interface CommitteeWrite {
  id: string;
  code: string;
  name: string;
  kind: CommitteeKind;
  unitId: string;
  active: boolean;
}

export async function insertCommittee(tx: Queryable, c: CommitteeWrite): Promise<void> {
  await tx.query(
    `insert into grm_committees (id, code, name, kind, unit_id, active) values ($1, $2, $3, $4, $5, $6)`,
    [c.id, c.code, c.name, c.kind, c.unitId, c.active],
  );
}

export async function updateCommittee(
  tx: Queryable,
  id: string,
  c: { code: string; name: string; active: boolean },
): Promise<void> {
  await tx.query(
    'update grm_committees set code = $2, name = $3, active = $4, updated_at = now() where id = $1',
    [id, c.code, c.name, c.active],
  );
}

export async function setMembers(tx: Queryable, committeeId: string, userIds: readonly string[]) {
  await tx.query('delete from grm_committee_members where committee_id = $1', [committeeId]);
  await tx.query('insert into grm_committee_members (committee_id, user_id) select $1, unnest($2::uuid[])', [
    committeeId,
    userIds,
  ]);
}

/** The ids among `ids` of users that exist and are active. */
export async function activeUserIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>('select id from users where id = any($1::uuid[]) and active', [
    ids,
  ]);
  return new Set(rows.map((r) => r.id));
}

export function userNames(db: Queryable, ids: readonly string[]) {
  return db.query<{ id: string; displayName: string }>(
    'select id, display_name as "displayName" from users where id = any($1::uuid[])',
    [ids],
  );
}

/** Active routing rules that send cases to the committee. */
export async function activeRulesOfCommittee(db: Queryable, committeeId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'select id from routing_rules where committee_id = $1 and active order by id',
    [committeeId],
  );
  return rows.map((r) => r.id);
}
