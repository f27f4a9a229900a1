import type {
  assignmentResultSchema,
  assignmentSchema,
  Contract,
  CreateCycleInput,
  CycleTemplate,
  cycleDetailSchema,
  cycleSchema,
  Progress,
  TaskInstanceDetail,
  TaskInstanceItem,
  TaskInstancePage,
  TaskReviewRequest,
  TaskWriteResult,
  TemplateTask,
  UpdateTaskInput,
  VillageFile,
} from '@coso/domain';
import { buildUrl, http } from '../../api/client';

/**
 * The DCC module's API (server modules/dcc; contracts in packages/domain/src/modules/dcc/schemas): cycles and
 * their template, assignments, task instances and their review, progress.
 */
export type {
  CycleTemplate,
  TaskEvent,
  TaskFile,
  TaskInstanceDetail,
  TaskInstanceItem,
  TemplateTask,
  VillageCycle,
  VillageEvent,
  VillageFile,
  VillageTask,
} from '@coso/domain';

type DomainCycle = Contract<typeof cycleSchema>;
type CycleDetail = Contract<typeof cycleDetailSchema>;
type AssignmentResult = Contract<typeof assignmentResultSchema>;
export type DccCycle = DomainCycle | CycleDetail;
export type CycleCreateBody = CreateCycleInput;
export type TaskPatch = UpdateTaskInput;
export type Assignment = Contract<typeof assignmentSchema>;
export type DccProgress = Progress;
export type EarlierResult = TaskInstanceDetail['earlier'][number];

/** What the review queue asks (the server's taskInstanceListQuerySchema, without paging). */
export interface QueueQuery {
  cycleId?: string;
  areaId?: string;
  status?: TaskInstanceItem['status'];
  taskId?: string;
  phaseId?: string;
  facilitatorId?: string;
  submittedBefore?: string;
}

const enc = encodeURIComponent;
const base = '/api/v1/dcc';

export const dccApi = {
  cycles: () => http.get<{ items: DomainCycle[] }>(`${base}/cycles`).then((r) => r.items),
  cycle: (id: string) => http.get<CycleDetail>(`${base}/cycles/${enc(id)}`),
  createCycle: (body: CycleCreateBody) => http.post<CycleDetail>(`${base}/cycles`, body),
  setCycleStatus: (id: string, status: 'active' | 'closed') =>
    http.patch<CycleDetail>(`${base}/cycles/${enc(id)}`, { status }),
  template: (id: string) => http.get<CycleTemplate>(`${base}/cycles/${enc(id)}/template`),
  updateTask: (id: string, patch: TaskPatch) => http.patch<TemplateTask>(`${base}/tasks/${enc(id)}`, patch),
  assignments: (cycleId: string, includeEnded = true) =>
    http
      .get<{ items: Assignment[] }>(`${base}/cycles/${enc(cycleId)}/assignments`, {
        includeEnded: includeEnded ? 'true' : undefined,
      })
      .then((r) => r.items),
  /** Active facilitators working in my areas, by name or username. */
  facilitators: (q: string) =>
    http
      .get<{ items: { id: string; displayName: string; username: string }[] }>(`${base}/facilitators`, {
        q,
        limit: 10,
      })
      .then((r) => r.items),
  assign: (cycleId: string, body: { facilitatorId: string; unitIds: string[] }) =>
    http.post<AssignmentResult>(`${base}/cycles/${enc(cycleId)}/assignments`, body),
  instances: (query: QueueQuery, cursor: string | null) =>
    http.get<TaskInstancePage>(`${base}/task-instances`, { ...query, cursor, limit: 50 }),
  instance: (id: string) => http.get<TaskInstanceDetail>(`${base}/task-instances/${enc(id)}`),
  review: (id: string, body: TaskReviewRequest) =>
    http.post<TaskWriteResult>(`${base}/task-instances/${enc(id)}/review`, body),
  fileUrl: (instanceId: string, uploadId: string) =>
    buildUrl(`${base}/task-instances/${enc(instanceId)}/files/${enc(uploadId)}`),
  progress: (cycleId: string, within?: string) =>
    http.get<DccProgress>(`${base}/progress`, { cycleId, within }),
  /** A village's full file; `cursor`: the next (older) page of its timeline. */
  villageFile: (id: string, cursor?: string | null) =>
    http.get<VillageFile>(`${base}/villages/${enc(id)}/file`, { cursor: cursor ?? undefined, limit: 50 }),
};
