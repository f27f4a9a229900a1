import type { AttachmentSlot, CycleStatus, Material, TaskLevel, TaskStatus } from '@coso/domain';
import { buildUrl, http } from '../../api/client';
import type { Page } from '../../api/types';

/**
 * The DCC module's API (server modules/dcc): cycles and their template, assignments, task instances and their
 * review, progress. The shapes follow the contract (#15); they move to the domain's response schemas
 * (packages/domain/src/modules/dcc/schemas) as those land.
 */

export interface DccCycle {
  id: string;
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
  status: CycleStatus;
  areas?: { id: string; name: string; level?: string }[];
  areaIds?: string[];
}

export interface CycleCreateBody {
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
  areaIds: string[];
  template: 'coso' | { fromCycleId: string };
}

export interface TemplateTask {
  id: string;
  order: number;
  code: string;
  name: string;
  level: TaskLevel;
  shared: boolean;
  formId: string | null;
  prerequisites: string[];
  attachmentSlots: AttachmentSlot[];
  materials: Material[];
  instructions?: string;
}

export interface TemplateActivity {
  id: string;
  order: number;
  name: string;
  tasks: TemplateTask[];
}

export interface TemplatePhase {
  id: string;
  order: number;
  name: string;
  activities: TemplateActivity[];
}

export interface CycleTemplate {
  phases: TemplatePhase[];
}

export type TaskPatch = Partial<
  Pick<
    TemplateTask,
    'name' | 'instructions' | 'level' | 'shared' | 'formId' | 'prerequisites' | 'attachmentSlots'
  >
>;

export interface Assignment {
  id: string;
  villageId: string;
  villageName?: string;
  facilitatorId: string;
  facilitatorName?: string;
  active: boolean;
  assignedAt: string;
  endedAt: string | null;
}

/** A row of the review queue (the list also carries the names the queue shows). */
export interface TaskInstanceItem {
  id: string;
  taskId: string;
  unitId: string;
  status: TaskStatus;
  version: number;
  formVersion: string | null;
  taskName?: string;
  taskCode?: string;
  phaseName?: string;
  unitName?: string;
  submittedAt?: string | null;
  facilitatorName?: string | null;
}

export interface TaskFile {
  uploadId: string;
  slot: string;
  kind: string | null;
  filename: string | null;
  sizeBytes: number;
  addedAt: string;
}

export interface TaskEvent {
  id: string | number;
  kind: 'draft_saved' | 'submitted' | 'validated' | 'returned' | 'files_added';
  version: number;
  actorName?: string | null;
  comment: string | null;
  at: string;
}

export interface EarlierResult {
  instanceId: string;
  cycleName: string;
  status: TaskStatus;
  answers: Record<string, unknown> | null;
  reviewedAt?: string | null;
}

export interface TaskInstanceDetail extends TaskInstanceItem {
  cycleId: string;
  task: TemplateTask;
  answers: Record<string, unknown> | null;
  formVersionId?: string | null;
  returnComment: string | null;
  files: TaskFile[];
  events: TaskEvent[];
  earlierResults: EarlierResult[];
}

export interface QueueQuery {
  cycleId?: string;
  unitId?: string;
  status?: TaskStatus;
  taskId?: string;
  phaseId?: string;
  facilitatorId?: string;
  submittedBefore?: string;
}

export interface DccProgress {
  phases: { phaseId: string; name: string; villages: number; completed: number }[];
  areas: { unitId: string; name: string; phases: { phaseId: string; percentValidated: number }[] }[];
  facilitators: {
    id: string;
    displayName: string;
    tasksValidated: number;
    tasksSubmitted: number;
    lastActivity: string | null;
    overduePlans: number;
  }[];
}

const enc = encodeURIComponent;
const base = '/api/v1/dcc';

export const dccApi = {
  cycles: () => http.get<{ items: DccCycle[] }>(`${base}/cycles`).then((r) => r.items),
  cycle: (id: string) => http.get<DccCycle>(`${base}/cycles/${enc(id)}`),
  createCycle: (body: CycleCreateBody) => http.post<DccCycle>(`${base}/cycles`, body),
  setCycleStatus: (id: string, status: 'active' | 'closed') =>
    http.patch<DccCycle>(`${base}/cycles/${enc(id)}`, { status }),
  template: (id: string) => http.get<CycleTemplate>(`${base}/cycles/${enc(id)}/template`),
  updateTask: (id: string, patch: TaskPatch) => http.patch<TemplateTask>(`${base}/tasks/${enc(id)}`, patch),
  assignments: (cycleId: string) =>
    http.get<{ items: Assignment[] }>(`${base}/cycles/${enc(cycleId)}/assignments`).then((r) => r.items),
  assign: (cycleId: string, body: { facilitatorId: string; unitIds: string[] }) =>
    http.post<unknown>(`${base}/cycles/${enc(cycleId)}/assignments`, body),
  instances: (query: QueueQuery, cursor: string | null) =>
    http.get<Page<TaskInstanceItem>>(`${base}/task-instances`, { ...query, cursor, limit: 50 }),
  instance: (id: string) => http.get<TaskInstanceDetail>(`${base}/task-instances/${enc(id)}`),
  review: (id: string, body: { decision: 'validate' | 'return'; comment: string; baseVersion: number }) =>
    http.post<TaskInstanceDetail>(`${base}/task-instances/${enc(id)}/review`, body),
  fileUrl: (instanceId: string, uploadId: string) =>
    buildUrl(`${base}/task-instances/${enc(instanceId)}/files/${enc(uploadId)}`),
  progress: (cycleId: string, within?: string) =>
    http.get<DccProgress>(`${base}/progress`, { cycleId, within }),
};
