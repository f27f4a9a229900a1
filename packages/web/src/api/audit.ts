import { http } from './client';
import type { AuditEntry, AuditQuery, Page } from './types';

export function listAudit(query: AuditQuery): Promise<Page<AuditEntry>> {
  return http.get<Page<AuditEntry>>('/api/v1/audit', { ...query });
}
