import { http } from './client';
import type { ComplaintFilterQuery } from './complaint-types';

const base = '/api/v1/complaints';

export type HomeItemKey = 'mine' | 'overdue' | 'dueSoon' | 'unassigned' | 'awaitingAnswer';

/** What waits on the user now; each count is the total of the list its `query` opens. */
export interface HomeCounts {
  today: string;
  /** The user's lists hold published summaries only (a supervisor). */
  publishedOnly: boolean;
  items: Array<{ key: HomeItemKey; count: number; query: ComplaintFilterQuery }>;
}

export function getHomeCounts(): Promise<HomeCounts> {
  return http.get<HomeCounts>(`${base}/home-counts`);
}

/** Who may be assigned the case at its current handling level, least loaded first. */
export interface EligibleAssignees {
  handlingLevel: string;
  handlingUnit: { id: string; name: string } | null;
  currentAssigneeId: string | null;
  canReassign: boolean;
  canTakeOver: boolean;
  items: Array<{
    id: string;
    displayName: string;
    roles: string[];
    openCases: number;
    current: boolean;
    self: boolean;
  }>;
}

export function getEligibleAssignees(id: string): Promise<EligibleAssignees> {
  return http.get<EligibleAssignees>(`${base}/${encodeURIComponent(id)}/eligible-assignees`);
}

export type BulkAction =
  | { action: 'acknowledge' }
  | { action: 'reassign'; assigneeId: string; reason: string };

export type BulkResult =
  | { id: string; ok: true; status: string; version: number }
  | { id: string; ok: false; code: string; message: string };

export function bulkAct(
  ids: string[],
  action: BulkAction,
): Promise<{ items: BulkResult[]; done: number; failed: number }> {
  return http.post(`${base}/bulk-actions`, { ids, action });
}
