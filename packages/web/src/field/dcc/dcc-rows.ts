import {
  type AttachmentSlot,
  DCC_DEVICE_TABLES,
  type Material,
  type SyncRow,
  TASK_LEVELS,
  TASK_STATUSES,
  type TaskLevel,
  type TaskStatus,
} from '@coso/domain';

/**
 * The DCC rows the pull brings to the phone (migration 0024-dcc; the server's pull sources present them in
 * camelCase like every synced table), read into typed records. Anything malformed is read as absent rather
 * than thrown: a screen must open whatever an older server sent.
 */

/** The pulled tables (domain modules/dcc/device-sync.ts registers them). */
export const DCC_TABLES = DCC_DEVICE_TABLES;

export interface DccCycle {
  id: string;
  name: string;
  year: number;
  status: string;
}
export interface DccPhase {
  id: string;
  cycleId: string;
  position: number;
  name: string;
}
export interface DccActivity {
  id: string;
  phaseId: string;
  position: number;
  name: string;
}
export interface DccTask {
  id: string;
  cycleId: string;
  activityId: string;
  position: number;
  code: string;
  name: string;
  instructions: string;
  level: TaskLevel;
  shared: boolean;
  formId: string | null;
  prerequisites: string[];
  attachmentSlots: AttachmentSlot[];
  materials: Material[];
}
export interface DccAssignment {
  id: string;
  cycleId: string;
  villageId: string;
  facilitatorId: string;
  active: boolean;
  /** The village's name and geo path, sent with the assignment (its geo unit may not be on the phone). */
  villageName?: string;
  villagePath?: string;
  /** The village's CVD, when the server names it with the assignment. */
  cvdId?: string;
  cvdName?: string;
}
/** A file already attached on the server (slot and name). */
export interface DccInstanceFile {
  slot: string;
  uploadId: string;
  filename?: string;
}
export interface DccInstance {
  id: string;
  cycleId: string;
  taskId: string;
  unitId: string;
  unitKind: 'geo' | 'cvd';
  /** The geo path the instance is scoped by (a CVD's: its canton's). */
  scopePath: string;
  status: TaskStatus;
  version: number;
  formVersionId: string | null;
  answers: Record<string, unknown> | null;
  returnComment: string | null;
  files: DccInstanceFile[];
  /** A CVD instance: the villages of the CVD, when the server names them; its name. */
  villageIds?: string[];
  unitName?: string;
  pending: boolean;
}

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objects = <T>(v: unknown, ok: (x: Record<string, unknown>) => boolean): T[] =>
  Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object' && ok(x)) as T[]) : [];
const optional = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export const readCycle = (r: SyncRow): DccCycle => ({
  id: r.id,
  name: str(r.name, r.id),
  year: num(r.year),
  status: str(r.status, 'active'),
});

export const readPhase = (r: SyncRow): DccPhase => ({
  id: r.id,
  cycleId: str(r.cycleId),
  position: num(r.position),
  name: str(r.name, r.id),
});

export const readActivity = (r: SyncRow): DccActivity => ({
  id: r.id,
  phaseId: str(r.phaseId),
  position: num(r.position),
  name: str(r.name, r.id),
});

export function readTask(r: SyncRow): DccTask {
  const level = TASK_LEVELS.find((l) => l === r.level) ?? 'village';
  return {
    id: r.id,
    cycleId: str(r.cycleId),
    activityId: str(r.activityId),
    position: num(r.position),
    code: str(r.code),
    name: str(r.name, r.id),
    instructions: str(r.instructions),
    level,
    shared: r.shared === true,
    formId: optional(r.formId) ?? null,
    prerequisites: strings(r.prerequisites),
    attachmentSlots: objects<AttachmentSlot>(r.attachmentSlots, (s) => typeof s.key === 'string'),
    materials: objects<Material>(
      r.materials,
      (m) => typeof m.url === 'string' || typeof m.fileId === 'string',
    ),
  };
}

export function readAssignment(r: SyncRow): DccAssignment {
  const cvdId = optional(r.cvdId);
  const cvdName = optional(r.cvdName);
  const villageName = optional(r.villageName);
  const villagePath = optional(r.villagePath);
  return {
    id: r.id,
    cycleId: str(r.cycleId),
    villageId: str(r.villageId),
    facilitatorId: str(r.facilitatorId),
    // The pull sends active assignments only (an ended one is removed from the phone).
    active: r.active !== false,
    ...(villageName ? { villageName } : {}),
    ...(villagePath ? { villagePath } : {}),
    ...(cvdId ? { cvdId } : {}),
    ...(cvdName ? { cvdName } : {}),
  };
}

export function readInstance(r: SyncRow): DccInstance {
  const status = TASK_STATUSES.find((s) => s === r.status) ?? 'todo';
  const answers = r.answers && typeof r.answers === 'object' ? (r.answers as Record<string, unknown>) : null;
  const villageIds = Array.isArray(r.villageIds) ? strings(r.villageIds) : undefined;
  const unitName = optional(r.unitName);
  return {
    id: r.id,
    cycleId: str(r.cycleId),
    taskId: str(r.taskId),
    unitId: str(r.unitId),
    unitKind: r.unitKind === 'cvd' ? 'cvd' : 'geo',
    scopePath: str(r.scopePath),
    status,
    version: num(r.version, 1),
    formVersionId: optional(r.formVersionId) ?? null,
    answers,
    returnComment: optional(r.returnComment) ?? null,
    files: objects<DccInstanceFile>(r.files, (f) => typeof f.slot === 'string'),
    ...(villageIds ? { villageIds } : {}),
    ...(unitName ? { unitName } : {}),
    pending: r.pending === true,
  };
}
