import type { Queryable } from '../../db/driver.js';

/** A list's stored name, registered by its module (lists.ts). */
export type ReferenceList = string;

export interface ReferenceItem {
  list: ReferenceList;
  code: string;
  labelFr: string;
  labelEn: string;
  sort: number;
  active: boolean;
  sensitive: boolean;
  requiresMinutes: boolean;
  outOfScope: boolean;
}

const COLUMNS = `list, code, label_fr as "labelFr", label_en as "labelEn", sort, active, sensitive,
  requires_minutes as "requiresMinutes", out_of_scope as "outOfScope"`;

export function listReference(db: Queryable, includeInactive: boolean): Promise<ReferenceItem[]> {
  return db.query<ReferenceItem>(
    `select ${COLUMNS} from reference_items where active or $1 order by list, sort, code`,
    [includeInactive],
  );
}

export async function findReference(db: Queryable, list: ReferenceList, code: string) {
  const rows = await db.query<ReferenceItem>(
    `select ${COLUMNS} from reference_items where list = $1 and code = $2`,
    [list, code],
  );
  return rows[0];
}

export async function upsertReference(tx: Queryable, item: ReferenceItem): Promise<void> {
  await tx.query(
    `insert into reference_items (list, code, label_fr, label_en, sort, active, sensitive, requires_minutes, out_of_scope)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (list, code) do update set label_fr = excluded.label_fr, label_en = excluded.label_en,
       sort = excluded.sort, active = excluded.active, sensitive = excluded.sensitive,
       requires_minutes = excluded.requires_minutes, out_of_scope = excluded.out_of_scope,
       updated_at = now()`,
    [
      item.list,
      item.code,
      item.labelFr,
      item.labelEn,
      item.sort,
      item.active,
      item.sensitive,
      item.requiresMinutes,
      item.outOfScope,
    ],
  );
}
