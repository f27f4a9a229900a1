import type { Beneficiaries, ProgressEvent } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';

/** The SQL writes of sub-projects, their beneficiary villages, progress events, files and contracts. */

/** An amount read back from a bigint column: a JavaScript number, exact (both drivers parse int8 to number). */
export function fcfa(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of the exact range: ${String(value)}`);
  return n;
}

export interface SubprojectWrite {
  title: string;
  component: string;
  sector: string;
  type: string;
  estimatedCost: number;
  cycleId: string | null;
  beneficiaries: Beneficiaries;
  attributes: Record<string, number>;
  latitude: number | null;
  longitude: number | null;
  description: string;
  priorityId: string | null;
  arbitrationId: string | null;
}

const jsonb = (v: unknown) => JSON.stringify(v);

export async function insertSubproject(
  tx: Queryable,
  row: SubprojectWrite & {
    id: string;
    unitId: string;
    areaPath: string;
    cvdId: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<string> {
  const [inserted] = await tx.query<{ code: string }>(
    `insert into mis_subprojects (id, code, title, unit_id, area_path, cvd_id, cycle_id, component, sector, type,
       estimated_cost, attributes, beneficiaries, latitude, longitude, priority_id, arbitration_id, description,
       created_by, created_at, updated_at)
     values ($1, 'SP-' || lpad(nextval('mis_subproject_number')::text, 6, '0'), $2, $3, $4, $5, $6, $7, $8, $9,
       $10, $11::jsonb, $12::jsonb, $13, $14, $15, $16, $17, $18, $19, $19)
     returning code`,
    [
      row.id,
      row.title,
      row.unitId,
      row.areaPath,
      row.cvdId,
      row.cycleId,
      row.component,
      row.sector,
      row.type,
      row.estimatedCost,
      jsonb(row.attributes),
      jsonb(row.beneficiaries),
      row.latitude,
      row.longitude,
      row.priorityId,
      row.arbitrationId,
      row.description,
      row.createdBy,
      row.at,
    ],
  );
  return inserted!.code;
}

export async function updateSubproject(tx: Queryable, id: string, row: SubprojectWrite, at: Date) {
  await tx.query(
    `update mis_subprojects set title = $2, component = $3, sector = $4, type = $5, estimated_cost = $6,
       cycle_id = $7, beneficiaries = $8::jsonb, attributes = $9::jsonb, latitude = $10, longitude = $11,
       description = $12, priority_id = $13, arbitration_id = $14, updated_at = $15, version = version + 1
     where id = $1`,
    [
      id,
      row.title,
      row.component,
      row.sector,
      row.type,
      row.estimatedCost,
      row.cycleId,
      jsonb(row.beneficiaries),
      jsonb(row.attributes),
      row.latitude,
      row.longitude,
      row.description,
      row.priorityId,
      row.arbitrationId,
      at,
    ],
  );
}

export async function setVillages(tx: Queryable, id: string, villageIds: readonly string[]) {
  await tx.query('delete from mis_subproject_villages where subproject_id = $1', [id]);
  if (villageIds.length > 0)
    await tx.query(
      `insert into mis_subproject_villages (subproject_id, village_id) select $1, unnest($2::uuid[])`,
      [id, villageIds],
    );
}

/** The row as a write reads it (the scope already checked), locked until the transaction ends. */
export interface LockedSubproject extends SubprojectWrite {
  id: string;
  unitId: string;
  level: 'village' | 'canton';
  areaPath: string;
  version: number;
}

export async function lockSubproject(tx: Queryable, id: string): Promise<LockedSubproject | undefined> {
  const [row] = await tx.query<LockedSubproject>(
    `select s.id, s.unit_id as "unitId", g.level, s.area_path as "areaPath", s.version, s.title, s.component,
            s.sector, s.type, s.estimated_cost as "estimatedCost", s.cycle_id as "cycleId", s.beneficiaries,
            s.attributes, s.latitude, s.longitude, s.description, s.priority_id as "priorityId",
            s.arbitration_id as "arbitrationId"
       from mis_subprojects s join geo_units g on g.id = s.unit_id
      where s.id = $1 for update of s`,
    [id],
  );
  return row && { ...row, estimatedCost: fcfa(row.estimatedCost) };
}

/** The events in recording order, as the domain's rule reads them. */
export async function progressEvents(q: Queryable, id: string): Promise<ProgressEvent[]> {
  const rows = await q.query<{
    id: string;
    kind: 'step' | 'correction';
    step: string | null;
    date: string | null;
    progressPercent: number | null;
    amountSpent: number | null;
    voids: string | null;
  }>(
    `select id, kind, step, event_date as date, progress_percent as "progressPercent",
            amount_spent as "amountSpent", voids
       from mis_subproject_events where subproject_id = $1 order by seq`,
    [id],
  );
  return rows.map((r) =>
    r.kind === 'correction'
      ? { id: r.id, kind: 'correction', voids: r.voids! }
      : {
          id: r.id,
          kind: 'step',
          step: r.step!,
          date: r.date!,
          progressPercent: r.progressPercent,
          amountSpent: r.amountSpent === null ? null : fcfa(r.amountSpent),
        },
  );
}

export interface EventWrite {
  id: string;
  subprojectId: string;
  event: ProgressEvent;
  note: string;
  authorId: string;
  at: Date;
}

export async function insertEvent(tx: Queryable, w: EventWrite) {
  const e = w.event;
  const step = e.kind === 'step' ? e : undefined;
  await tx.query(
    `insert into mis_subproject_events (id, subproject_id, kind, step, event_date, progress_percent, amount_spent,
       voids, note, author_id, recorded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      w.id,
      w.subprojectId,
      e.kind,
      step?.step ?? null,
      step?.date ?? null,
      step?.progressPercent ?? null,
      step?.amountSpent ?? null,
      e.kind === 'correction' ? e.voids : null,
      w.note,
      w.authorId,
      w.at,
    ],
  );
}

/** The derived progress written back on the row, with the version bumped. */
export async function saveProgress(
  tx: Queryable,
  id: string,
  p: { status: string; progressPercent: number; amountSpent: number },
  at: Date,
): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `update mis_subprojects set status = $2, progress_percent = $3, amount_spent = $4, updated_at = $5,
            version = version + 1
      where id = $1 returning version`,
    [id, p.status, p.progressPercent, p.amountSpent, at],
  );
  return row!.version;
}

/** A write that is not an edit of the sub-project (a contract, a file) still moves it up the list. */
export async function touch(tx: Queryable, id: string, at: Date) {
  await tx.query('update mis_subprojects set updated_at = $2 where id = $1', [id, at]);
}

export interface FileWrite {
  subprojectId: string;
  uploadId: string;
  eventId: string | null;
  storageKey: string;
  kind: 'photo' | 'document';
  filename: string | null;
  contentType: string | null;
  sizeBytes: number;
  takenOn: string | null;
  caption: string;
  addedBy: string;
  at: Date;
}

export async function insertFile(tx: Queryable, f: FileWrite) {
  await tx.query(
    `insert into mis_subproject_files (subproject_id, upload_id, event_id, storage_key, kind, filename,
       content_type, size_bytes, taken_on, caption, added_by, added_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      f.subprojectId,
      f.uploadId,
      f.eventId,
      f.storageKey,
      f.kind,
      f.filename,
      f.contentType,
      f.sizeBytes,
      f.takenOn,
      f.caption,
      f.addedBy,
      f.at,
    ],
  );
}
