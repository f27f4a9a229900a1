import { randomUUID } from 'node:crypto';
import { type CreateGeoUnitInput, childPath, inJurisdiction, type UpdateGeoUnitInput } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../context.js';
import type { Db, Queryable } from '../../db/driver.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, validationError } from '../../http/app-error.js';
import { definedOnly } from '../../lib/objects.js';
import { appendAudit, diffFields } from '../audit/repo.js';
import * as repo from './repo.js';

type Ctx = RequestContext & { actor: AuthUser };

export type GeoService = ReturnType<typeof createGeoService>;

export function unitWrite(u: repo.UnitWrite): repo.UnitWrite {
  return {
    code: u.code,
    name: u.name,
    altNames: u.altNames,
    border: u.border,
    rural: u.rural,
    latitude: u.latitude,
    longitude: u.longitude,
  };
}

/** A point has both coordinates or neither (the table's check constraint would otherwise answer a 500). */
function assertWholePoint(u: Pick<repo.UnitWrite, 'latitude' | 'longitude'>) {
  if ((u.latitude === null) !== (u.longitude === null)) {
    throw validationError([
      { path: u.latitude === null ? 'latitude' : 'longitude', message: 'point_incomplete' },
    ]);
  }
}

/** SQLSTATE 23503: a row of another table (a complaint, a committee…) still points at the unit. */
const isForeignKeyViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23503';

/** The one writer of the administrative tree (units are edited here and by the import). */
export function createGeoService({ db }: { db: Db }) {
  async function load(id: string, q: Queryable = db): Promise<repo.GeoUnitRow> {
    const unit = await repo.findUnit(q, id);
    if (!unit) throw new AppError('not_found');
    return unit;
  }

  /** Editing a unit needs the right over the place: the unit itself must lie in the editor's jurisdiction. */
  function assertInScope(actor: AuthUser, path: string) {
    if (!inJurisdiction(actor, path)) throw new AppError('outside_jurisdiction');
  }

  async function guardCode<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isUniqueViolation(err, 'geo_units_code_key')) throw new AppError('code_taken');
      if (isUniqueViolation(err, 'geo_units_name_in_parent')) {
        throw validationError([{ path: 'name', message: 'name_taken_in_parent' }]);
      }
      throw err;
    }
  }

  return {
    levels: () => repo.listLevels(db),
    list: (filter: repo.UnitFilter) => repo.listUnits(db, filter),
    get: (id: string) => load(id),

    /** The unit's ancestors, root first. */
    async ancestors(unit: repo.GeoUnitRow): Promise<repo.GeoUnitRow[]> {
      const ids = unit.path.split('/').filter((id) => id && id !== unit.id);
      const rows = await repo.findUnitsByIds(db, ids);
      return ids.flatMap((id) => rows.filter((r) => r.id === id));
    },

    async create(ctx: Ctx, input: CreateGeoUnitInput): Promise<repo.GeoUnitRow> {
      const id = randomUUID();
      return guardCode(() =>
        db.transaction(async (tx) => {
          const levels = await repo.listLevels(tx);
          const level = levels.find((l) => l.code === input.level);
          if (!level) throw validationError([{ path: 'level', message: 'unknown_level' }]);
          const parent = input.parentId ? await repo.findUnit(tx, input.parentId) : undefined;
          if (input.parentId && !parent)
            throw validationError([{ path: 'parentId', message: 'unknown_geo_unit' }]);
          const parentRank = parent ? levels.find((l) => l.code === parent.level)?.rank : -1;
          if (parentRank === undefined || level.rank <= parentRank) {
            throw validationError([{ path: 'level', message: 'level_not_below_parent' }]);
          }
          const path = childPath(parent?.path ?? null, id);
          assertInScope(ctx.actor, path);
          assertWholePoint(input);
          await repo.insertUnit(tx, {
            ...unitWrite(input),
            id,
            level: input.level,
            parentId: parent?.id ?? null,
            path,
          });
          await appendAudit(tx, {
            actorId: ctx.actor.id,
            entity: 'geo_unit',
            entityId: id,
            action: 'create',
            changes: { ...input },
            ip: ctx.ip,
          });
          return load(id, tx);
        }),
      );
    },

    async update(ctx: Ctx, id: string, input: UpdateGeoUnitInput): Promise<repo.GeoUnitRow> {
      return guardCode(() =>
        db.transaction(async (tx) => {
          const before = await load(id, tx);
          assertInScope(ctx.actor, before.path);
          const after = { ...unitWrite(before), ...definedOnly(input) };
          assertWholePoint(after);
          const changes = diffFields(unitWrite(before), after);
          if (Object.keys(changes).length === 0) return before;
          await repo.updateUnit(tx, id, after);
          await appendAudit(tx, {
            actorId: ctx.actor.id,
            entity: 'geo_unit',
            entityId: id,
            action: 'update',
            changes,
            ip: ctx.ip,
          });
          return load(id, tx);
        }),
      );
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      try {
        await db.transaction(async (tx) => {
          const unit = await load(id, tx);
          assertInScope(ctx.actor, unit.path);
          if (await repo.unitIsReferenced(tx, id)) throw new AppError('geo_unit_has_children');
          await repo.deleteUnit(tx, id);
          await appendAudit(tx, {
            actorId: ctx.actor.id,
            entity: 'geo_unit',
            entityId: id,
            action: 'delete',
            changes: { code: unit.code, name: unit.name, level: unit.level },
            ip: ctx.ip,
          });
        });
      } catch (err) {
        // unitIsReferenced knows the geography's own references; other modules' (complaints, committees,
        // routing rules…) are caught by their foreign keys.
        if (isForeignKeyViolation(err)) throw new AppError('geo_unit_has_children');
        throw err;
      }
    },
  };
}
