import type { Queryable } from '../../../db/driver.js';

export interface ChainRow {
  id: string;
  regionId: string | null;
  regionCode: string | null;
  regionName: string | null;
  levels: string[];
}

const CHAIN_SELECT = `
  select e.id, e.region_id as "regionId", g.code as "regionCode", g.name as "regionName", e.levels
    from escalation_chains e left join geo_units g on g.id = e.region_id`;

/** The default chain first, then the regional ones by region name. */
export function listChains(db: Queryable): Promise<ChainRow[]> {
  return db.query<ChainRow>(`${CHAIN_SELECT} order by (e.region_id is not null), g.name, e.id`);
}

/** The chain of a region, or the default chain when `regionId` is null; locked for the transaction. */
export async function findChainForUpdate(db: Queryable, regionId: string | null) {
  const rows = await db.query<ChainRow>(
    `${CHAIN_SELECT} where e.region_id is not distinct from $1::uuid for update of e`,
    [regionId],
  );
  return rows[0];
}

export async function findChain(db: Queryable, id: string): Promise<ChainRow | undefined> {
  return (await db.query<ChainRow>(`${CHAIN_SELECT} where e.id = $1`, [id]))[0];
}

export async function insertChain(
  tx: Queryable,
  id: string,
  regionId: string | null,
  levels: readonly string[],
): Promise<void> {
  await tx.query('insert into escalation_chains (id, region_id, levels) values ($1, $2, $3::text[])', [
    id,
    regionId,
    levels,
  ]);
}

export async function updateChainLevels(tx: Queryable, id: string, levels: readonly string[]) {
  await tx.query('update escalation_chains set levels = $2::text[], updated_at = now() where id = $1', [
    id,
    levels,
  ]);
}

export async function deleteChain(tx: Queryable, id: string): Promise<void> {
  await tx.query('delete from escalation_chains where id = $1', [id]);
}
