import { type Actor, inJurisdiction, pathIds } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { AppError, validationError } from '../../../http/app-error.js';
import type { MisLists } from '../reference.js';

/**
 * The checks every write of a sub-project makes before it touches a row: reference codes against the MIS lists
 * (never SQL checks: installations may extend the lists), the unit it stands in (a village or a canton of the
 * caller's jurisdiction), its CVD, and the beneficiary villages (in the unit's canton).
 */

export interface Classification {
  component: string;
  sector: string;
  type: string;
  attributes: Record<string, number>;
}

/** 422 mis_reference_unknown / mis_type_sector_mismatch; an integer attribute given a decimal is a 400. */
export function checkClassification(lists: MisLists, c: Classification) {
  const unknown = (field: string, value: string) => new AppError('mis_reference_unknown', { field, value });
  if (!lists.components.some((x) => x.code === c.component)) throw unknown('component', c.component);
  if (!lists.sectors.some((x) => x.code === c.sector)) throw unknown('sector', c.sector);
  const type = lists.types.find((x) => x.code === c.type);
  if (!type) throw unknown('type', c.type);
  if (type.sector !== c.sector)
    throw new AppError('mis_type_sector_mismatch', { type: c.type, sector: c.sector, expected: type.sector });
  for (const [code, value] of Object.entries(c.attributes)) {
    const attribute = lists.attributes.find((a) => a.code === code);
    if (!attribute || !type.attributes.includes(code)) throw unknown(`attributes.${code}`, code);
    if (attribute.kind === 'integer' && !Number.isInteger(value))
      throw validationError([{ path: `attributes.${code}`, message: 'integer_expected' }]);
  }
}

export interface SubprojectUnit {
  id: string;
  level: 'village' | 'canton';
  path: string;
  /** The canton's path (the unit's own for a canton): beneficiary villages lie under it. */
  cantonPath: string;
  cvdId: string | null;
}

/** The unit a new sub-project stands in: a village or a canton (422 mis_unit_level), in the caller's reach. */
export async function resolveUnit(
  q: Queryable,
  actor: Actor,
  input: { villageId?: string | undefined; cantonId?: string | undefined },
): Promise<SubprojectUnit> {
  const level = input.villageId ? 'village' : 'canton';
  const id = input.villageId ?? input.cantonId;
  const [unit] = id
    ? await q.query<{ id: string; path: string; level: string }>(
        'select id, path, level from geo_units where id = $1',
        [id],
      )
    : [];
  if (!unit || unit.level !== level) throw new AppError('mis_unit_level', { unitId: id, expected: level });
  if (!inJurisdiction(actor, unit.path)) throw new AppError('outside_jurisdiction');
  return unitFacts(q, { id: unit.id, level, path: unit.path });
}

/** The canton above (or at) a unit and, for a village, the CVD it belongs to. */
export async function unitFacts(
  q: Queryable,
  unit: { id: string; level: 'village' | 'canton'; path: string },
): Promise<SubprojectUnit> {
  const [canton] = await q.query<{ path: string }>(
    `select path from geo_units where id = any($1::uuid[]) and level = 'canton' order by length(path) desc limit 1`,
    [pathIds(unit.path)],
  );
  const [cvd] =
    unit.level === 'village'
      ? await q.query<{ id: string }>(
          `select group_id as id from village_group_members where village_id = $1 and kind = 'cvd' limit 1`,
          [unit.id],
        )
      : [];
  // A village outside any canton (a partial geography) serves only the villages under its parent.
  const cantonPath = canton?.path ?? unit.path.replace(/[^/]+\/$/, '');
  return { ...unit, cantonPath, cvdId: cvd?.id ?? null };
}

/** The beneficiary villages, distinct; each a village of the unit's canton (422 mis_beneficiary_outside_unit). */
export async function checkBeneficiaryVillages(
  q: Queryable,
  unit: SubprojectUnit,
  villageIds: readonly string[],
): Promise<string[]> {
  const ids = [...new Set(villageIds)];
  if (ids.length === 0) return ids;
  const found = await q.query<{ id: string }>(
    `select id from geo_units where id = any($1::uuid[]) and level = 'village' and path like $2 || '%'`,
    [ids, unit.cantonPath],
  );
  const inside = new Set(found.map((r) => r.id));
  const outside = ids.filter((id) => !inside.has(id));
  if (outside.length > 0) throw new AppError('mis_beneficiary_outside_unit', { villageIds: outside });
  return ids;
}

/** A DCC cycle named by a write must exist (404 not_found on the field, never a foreign-key 500). */
export async function checkCycle(q: Queryable, cycleId: string | null | undefined) {
  if (!cycleId) return;
  const found = await q.query('select 1 from dcc_cycles where id = $1', [cycleId]);
  if (found.length === 0) throw new AppError('not_found', { field: 'cycleId' });
}

/** A GPS point is both coordinates or none (400, as the create schema says). */
export function checkPoint(latitude: number | null, longitude: number | null) {
  if ((latitude === null) !== (longitude === null))
    throw validationError([{ path: 'latitude', message: 'point_incomplete' }]);
}
