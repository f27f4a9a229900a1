import { nameKey, type VillageGroupKind } from '@coso/domain';
import { Conditions } from '../../db/conditions.js';
import type { Queryable } from '../../db/driver.js';
import { likeContaining } from './repo.js';

export interface VillageGroupRow {
  id: string;
  kind: VillageGroupKind;
  code: string;
  name: string;
  nameKey: string;
  cantonId: string;
  cantonName: string;
  cantonPath: string;
  headquartersVillageId: string | null;
  villages: Array<{ id: string; code: string; name: string }>;
}

const GROUP_SELECT = `
  select vg.id, vg.kind, vg.code, vg.name, vg.name_key as "nameKey", vg.canton_id as "cantonId",
         c.name as "cantonName", c.path as "cantonPath", vg.headquarters_village_id as "headquartersVillageId",
         coalesce((select json_agg(json_build_object('id', v.id, 'code', v.code, 'name', v.name) order by v.name_key)
                     from village_group_members m join geo_units v on v.id = m.village_id
                    where m.group_id = vg.id), '[]') as villages
    from village_groups vg join geo_units c on c.id = vg.canton_id`;

export interface GroupFilter {
  kind?: VillageGroupKind | undefined;
  cantonId?: string | undefined;
  withinPath?: string | undefined;
  q?: string | undefined;
  after?: { nameKey: string; id: string } | undefined;
  limit: number;
}

export function listGroups(db: Queryable, f: GroupFilter): Promise<VillageGroupRow[]> {
  const c = new Conditions();
  if (f.kind) c.add('vg.kind = ?', f.kind);
  if (f.cantonId) c.add('vg.canton_id = ?', f.cantonId);
  if (f.withinPath) c.add("c.path like ? || '%'", f.withinPath);
  if (f.q)
    c.add(
      '(vg.name_key like ? or lower(vg.code) like ?)',
      likeContaining(nameKey(f.q)),
      likeContaining(f.q.toLowerCase()),
    );
  if (f.after) c.add('(vg.name_key, vg.id) > (?, ?::uuid)', f.after.nameKey, f.after.id);
  return db.query<VillageGroupRow>(
    `${GROUP_SELECT} ${c.where} order by vg.name_key, vg.id limit ${c.param(f.limit)}`,
    c.params,
  );
}

export async function findGroup(db: Queryable, id: string): Promise<VillageGroupRow | undefined> {
  return (await db.query<VillageGroupRow>(`${GROUP_SELECT} where vg.id = $1`, [id]))[0];
}

export interface GroupWrite {
  id: string;
  kind: VillageGroupKind;
  code: string;
  name: string;
  cantonId: string;
  headquartersVillageId: string | null;
  villageIds: string[];
}

export async function upsertGroup(tx: Queryable, g: GroupWrite): Promise<void> {
  await tx.query(
    `insert into village_groups (id, kind, code, name, name_key, canton_id, headquarters_village_id)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (id) do update set code = excluded.code, name = excluded.name, name_key = excluded.name_key,
       headquarters_village_id = excluded.headquarters_village_id, updated_at = now(),
       change_seq = nextval('change_seq')`,
    [g.id, g.kind, g.code, g.name, nameKey(g.name), g.cantonId, g.headquartersVillageId],
  );
  await tx.query('delete from village_group_members where group_id = $1', [g.id]);
  await tx.query(
    `insert into village_group_members (group_id, kind, village_id) select $1, $2, unnest($3::uuid[])`,
    [g.id, g.kind, g.villageIds],
  );
}

export async function deleteGroup(tx: Queryable, id: string): Promise<void> {
  await tx.query('delete from village_groups where id = $1', [id]);
}

/** Villages (among `villageIds`) already in another group of the same kind, with that group's code. */
export function villagesTakenElsewhere(
  db: Queryable,
  kind: VillageGroupKind,
  villageIds: readonly string[],
  exceptGroupId: string,
): Promise<Array<{ villageId: string; groupCode: string }>> {
  return db.query(
    `select m.village_id as "villageId", g.code as "groupCode"
       from village_group_members m join village_groups g on g.id = m.group_id
      where m.kind = $1 and m.village_id = any($2::uuid[]) and m.group_id <> $3`,
    [kind, villageIds, exceptGroupId],
  );
}
