import type { BulkResponse, EligibleAssignees, HomeCounts } from '@coso/domain';
import { http } from './client';

export type { BulkResult, EligibleAssignees, HomeCounts, HomeItemKey } from '@coso/domain';

const base = '/api/v1/complaints';

export function getHomeCounts(): Promise<HomeCounts> {
  return http.get<HomeCounts>(`${base}/home-counts`);
}

export function getEligibleAssignees(id: string): Promise<EligibleAssignees> {
  return http.get<EligibleAssignees>(`${base}/${encodeURIComponent(id)}/eligible-assignees`);
}

export type BulkAction =
  | { action: 'acknowledge' }
  | { action: 'reassign'; assigneeId: string; reason: string };

export function bulkAct(ids: string[], action: BulkAction): Promise<BulkResponse> {
  return http.post(`${base}/bulk-actions`, { ids, action });
}
