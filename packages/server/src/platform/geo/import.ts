import { randomUUID } from 'node:crypto';
import { childPath, geoCodeSchema, inJurisdiction, type Locale, nameKey } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../context.js';
import type { Db, Queryable } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { definedOnly } from '../../lib/objects.js';
import type { Sheet, SheetRow } from '../../lib/tabular.js';
import { appendAudit, diffFields } from '../audit/repo.js';
import { ATTRIBUTE_COLUMNS, type ColumnMap, mapColumns, parseDecimal, parseFlag } from './import-columns.js';
import { type ImportReason, reasonText } from './import-messages.js';
import * as repo from './repo.js';
import { unitWrite } from './service.js';

export interface RowError {
  line: number;
  column: string | null;
  code: ImportReason;
  reason: string;
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RowError[];
}

export interface ImportOptions {
  dryRun: boolean;
  onError: 'stop' | 'skip';
  locale: Locale;
}

class RowRejected extends Error {
  constructor(
    readonly column: string | null,
    readonly reason: ImportReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

/** Thrown to roll the transaction back after a dry run or a stopped import, carrying the report out. */
class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

/**
 * The attributes a row sets. A column absent from the file leaves the attribute alone (undefined); an empty
 * cell clears it. Latitude and longitude go as a pair: either column brings both.
 */
type Attributes = Partial<Pick<repo.UnitWrite, 'border' | 'rural' | 'latitude' | 'longitude'>> & {
  code: string | null;
};

function parseAttributes(row: SheetRow, map: ColumnMap, headers: string[]): Attributes {
  const cell = (i: number | undefined) => (i === undefined ? '' : (row.cells[i] ?? ''));
  const header = (i: number | undefined) => (i === undefined ? null : (headers[i] ?? null));
  const flag = (i: number | undefined) => {
    if (i === undefined) return undefined;
    const v = parseFlag(cell(i));
    if (v === 'invalid') throw new RowRejected(header(i), 'invalid_flag', { value: cell(i) });
    return v;
  };
  const coordinate = (i: number | undefined, max: number) => {
    const v = parseDecimal(cell(i));
    if (v === 'invalid') throw new RowRejected(header(i), 'invalid_number', { value: cell(i) });
    if (v !== null && Math.abs(v) > max) {
      throw new RowRejected(header(i), 'out_of_range', { value: cell(i), min: -max, max });
    }
    return v;
  };
  const a = map.attributes;
  const attributes: Attributes = { code: null };
  const border = flag(a.border);
  if (border !== undefined) attributes.border = border ?? false;
  const rural = flag(a.rural);
  if (rural !== undefined) attributes.rural = rural;
  if (a.latitude !== undefined || a.longitude !== undefined) {
    const latitude = coordinate(a.latitude, 90);
    const longitude = coordinate(a.longitude, 180);
    if ((latitude === null) !== (longitude === null)) {
      const missing = latitude === null ? 'latitude' : 'longitude';
      throw new RowRejected(header(a[missing]) ?? ATTRIBUTE_COLUMNS[missing].fr, 'point_incomplete');
    }
    Object.assign(attributes, { latitude, longitude });
  }
  const code = cell(a.code);
  if (code && !geoCodeSchema.safeParse(code).success) {
    throw new RowRejected(header(a.code), 'invalid_code', { value: code });
  }
  attributes.code = code || null;
  return attributes;
}

/**
 * Imports the administrative tree from a sheet: each row names a place from region down to its own level;
 * missing parents are created, existing places (matched by code, else by name ignoring accents and case)
 * are updated. Each row is all-or-nothing (savepoint); a dry run, or a stopped import, rolls everything back.
 */
export async function importGeoSheet(
  db: Db,
  ctx: RequestContext & { actor: AuthUser },
  sheet: Sheet,
  opts: ImportOptions,
) {
  const report: ImportReport = {
    dryRun: opts.dryRun,
    applied: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
  };
  const reject = (line: number, e: RowRejected) =>
    report.rejected.push({
      line,
      column: e.column,
      code: e.reason,
      reason: reasonText(e.reason, opts.locale, e.params),
    });
  try {
    await db.transaction(async (tx) => {
      const map = mapColumns(sheet.headers, await repo.listLevels(tx));
      for (const column of map.missing) reject(1, new RowRejected(column, 'missing_column', { column }));
      const [root] = await repo.childrenOf(tx, null);
      if (!root) reject(1, new RowRejected(null, 'no_root'));
      if (report.rejected.length || !root) throw new Rollback(report);
      const seen = new Map<string, number>();
      for (const row of sheet.rows) {
        await tx.query('savepoint import_row');
        try {
          const { outcome, parentsCreated } = await importRow(tx, ctx, row, sheet.headers, map, root, seen);
          report[outcome] += 1;
          report.created += parentsCreated;
          await tx.query('release savepoint import_row');
        } catch (err) {
          if (!(err instanceof RowRejected)) throw err;
          await tx.query('rollback to savepoint import_row');
          reject(row.line, err);
        }
      }
      const stop = opts.onError === 'stop' && report.rejected.length > 0;
      if (opts.dryRun || stop) throw new Rollback(report);
      report.applied = true;
      await appendAudit(tx, {
        actorId: ctx.actor.id,
        entity: 'geo_import',
        entityId: null,
        action: 'import',
        changes: { created: report.created, updated: report.updated, rejected: report.rejected.length },
        ip: ctx.ip,
      });
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  if (!report.applied && !report.dryRun) throw new AppError('import_rejected', report);
  return report;
}

/**
 * One row: finds or creates the row's ancestors, then creates or updates its own place. `created` counts
 * every unit the row adds, missing parents included, so that the report says what the import writes.
 */
async function importRow(
  tx: Queryable,
  ctx: RequestContext & { actor: AuthUser },
  row: SheetRow,
  headers: string[],
  map: ColumnMap,
  root: repo.GeoUnitRow,
  seen: Map<string, number>,
): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; parentsCreated: number }> {
  const names = map.levels.map(({ index }) => row.cells[index] ?? '');
  const deepest = names.findLastIndex((n) => n !== '');
  if (deepest < 0) throw new RowRejected(null, 'no_place');
  const columnOf = (i: number) => headers[map.levels[i]!.index] ?? null;
  names.forEach((n, i) => {
    if (i < deepest && n === '')
      throw new RowRejected(columnOf(i), 'level_gap', { column: columnOf(i) ?? '' });
    if (n.length > 120) throw new RowRejected(columnOf(i), 'too_long');
  });
  const attributes = parseAttributes(row, map, headers);
  const placeKey = names
    .slice(0, deepest + 1)
    .map(nameKey)
    .join('/');
  const previous = seen.get(placeKey);
  if (previous !== undefined) throw new RowRejected(columnOf(deepest), 'duplicate_row', { other: previous });
  seen.set(placeKey, row.line);

  let parent = root;
  let parentsCreated = 0;
  for (let i = 0; i < deepest; i++) {
    const found = await findChild(tx, parent.id, names[i]!);
    if (found) parent = found;
    else {
      parent = await createUnit(tx, ctx, parent, map.levels[i]!.level, columnOf(i), names[i]!, null);
      parentsCreated += 1;
    }
  }
  const name = names[deepest]!;
  const byCode = attributes.code ? await repo.findUnitByCode(tx, attributes.code) : undefined;
  if (byCode && byCode.parentId !== parent.id) {
    throw new RowRejected(headers[map.attributes.code!] ?? null, 'code_elsewhere', {
      value: byCode.code,
      other: byCode.name,
    });
  }
  const existing = byCode ?? (await findChild(tx, parent.id, name));
  if (!existing) {
    await createUnit(tx, ctx, parent, map.levels[deepest]!.level, columnOf(deepest), name, attributes);
    return { outcome: 'created', parentsCreated };
  }
  if (!inJurisdiction(ctx.actor, existing.path))
    throw new RowRejected(columnOf(deepest), 'outside_jurisdiction');
  // Matched by code, the row may rename the place; matched by its name (ignoring accents and case) or an
  // alternate spelling, it keeps its own spelling: "KERAN" in a file must not rename "Kéran".
  const after = {
    ...unitWrite(existing),
    ...definedOnly(attributes),
    name: byCode ? name : existing.name,
    code: attributes.code ?? existing.code,
  };
  const changes = diffFields(unitWrite(existing), after);
  if (Object.keys(changes).length === 0) return { outcome: 'unchanged', parentsCreated };
  const clash = await findChild(tx, parent.id, after.name);
  if (clash && clash.id !== existing.id)
    throw new RowRejected(columnOf(deepest), 'name_taken', { value: name });
  await repo.updateUnit(tx, existing.id, after);
  await appendAudit(tx, {
    actorId: ctx.actor.id,
    entity: 'geo_unit',
    entityId: existing.id,
    action: 'update',
    changes: { ...changes, source: 'import' },
    ip: ctx.ip,
  });
  return { outcome: 'updated', parentsCreated };
}

async function findChild(
  tx: Queryable,
  parentId: string,
  name: string,
): Promise<repo.GeoUnitRow | undefined> {
  const key = nameKey(name);
  const children = await repo.childrenOf(tx, parentId);
  return (
    children.find((c) => c.nameKey === key) ??
    children.find((c) => c.altNames.some((a) => nameKey(a) === key))
  );
}

async function createUnit(
  tx: Queryable,
  ctx: RequestContext & { actor: AuthUser },
  parent: repo.GeoUnitRow,
  level: repo.GeoLevelRow,
  column: string | null,
  name: string,
  attributes: Attributes | null,
): Promise<repo.GeoUnitRow> {
  const id = randomUUID();
  const path = childPath(parent.path, id);
  if (!inJurisdiction(ctx.actor, path)) throw new RowRejected(column, 'outside_jurisdiction');
  const code = attributes?.code ?? (await repo.freeUnitCode(tx, parent.code, name));
  const unit = {
    id,
    path,
    parentId: parent.id,
    level: level.code,
    code,
    name,
    altNames: [],
    border: attributes?.border ?? false,
    rural: attributes?.rural ?? null,
    latitude: attributes?.latitude ?? null,
    longitude: attributes?.longitude ?? null,
  };
  await repo.insertUnit(tx, unit);
  const { id: _id, path: _path, ...recorded } = unit;
  await appendAudit(tx, {
    actorId: ctx.actor.id,
    entity: 'geo_unit',
    entityId: id,
    action: 'create',
    changes: { ...recorded, source: 'import' },
    ip: ctx.ip,
  });
  return (await repo.findUnit(tx, id))!;
}
