import type { ComplaintAction, CreateComplaintInput } from '@coso/domain';
import { buildUrl, http, request, uploadWithProgress } from './client';
import type {
  Attachment,
  AttachmentPurpose,
  Complaint,
  ComplaintEvent,
  ComplaintFilterQuery,
  ComplaintListItem,
  ReferenceItem,
  ReferenceItemBody,
  ReferenceListName,
  ReferenceLists,
  RegisterImportReport,
  RevealedIdentity,
  SavedFilter,
} from './complaint-types';
import type { Page } from './types';

const base = '/api/v1/complaints';
const enc = encodeURIComponent;
const one = (id: string) => `${base}/${enc(id)}`;

export function getReference(all = false): Promise<ReferenceLists> {
  return http.get<ReferenceLists>('/api/v1/reference', { all: all ? 'true' : undefined });
}

export function saveReferenceItem(
  list: ReferenceListName,
  code: string,
  body: ReferenceItemBody,
): Promise<ReferenceItem> {
  return http.put<ReferenceItem>(`/api/v1/reference/${list}/${enc(code)}`, body);
}

export function createComplaint(body: CreateComplaintInput): Promise<Complaint> {
  return http.post<Complaint>(base, body);
}

export function listComplaints(
  filters: ComplaintFilterQuery,
  cursor: string | null,
  limit = 50,
): Promise<Page<ComplaintListItem>> {
  return http.get<Page<ComplaintListItem>>(base, { ...filters, cursor, limit });
}

export function getComplaint(id: string): Promise<Complaint> {
  return http.get<Complaint>(one(id));
}

export function listComplaintEvents(id: string): Promise<{ items: ComplaintEvent[] }> {
  return http.get<{ items: ComplaintEvent[] }>(`${one(id)}/events`);
}

export function actOnComplaint(
  id: string,
  action: ComplaintAction,
  baseVersion?: number,
): Promise<Complaint> {
  return http.post<Complaint>(`${one(id)}/actions`, { ...action, baseVersion });
}

/** The complainant's identity, for a reason of 10 to 500 characters (audited; 403 unless entitled). */
export function revealIdentity(id: string, reason: string): Promise<RevealedIdentity> {
  return http.post<RevealedIdentity>(`${one(id)}/reveal-identity`, { reason });
}

export function listAttachments(id: string): Promise<{ items: Attachment[] }> {
  return http.get<{ items: Attachment[] }>(`${one(id)}/attachments`);
}

export function uploadAttachment(
  id: string,
  file: File,
  purpose: AttachmentPurpose,
  onProgress?: (loaded: number, total: number) => void,
): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  return uploadWithProgress<Attachment>(`${one(id)}/attachments`, { purpose }, form, onProgress);
}

/** The printable receipt, opened by the browser itself (PDF viewer, print dialog). */
export function receiptUrl(id: string, format: 'a4' | 'thermal'): string {
  return buildUrl(`${one(id)}/receipt.pdf`, { format });
}

/** A plain URL with the list's filters: the browser downloads the file with the session cookie. */
export function complaintsExportUrl(format: 'csv' | 'xlsx', filters: ComplaintFilterQuery): string {
  return buildUrl(`/api/v1/exports/complaints.${format}`, filters);
}

export function importRegister(
  file: File,
  dryRun: boolean,
  onError: 'stop' | 'skip',
): Promise<RegisterImportReport> {
  const form = new FormData();
  form.append('file', file);
  return request<RegisterImportReport>('POST', `${base}/import`, { query: { dryRun, onError }, form });
}

export function listSavedFilters(): Promise<{ items: SavedFilter[] }> {
  return http.get<{ items: SavedFilter[] }>(`${base}/saved-filters`);
}

export function createSavedFilter(name: string, query: ComplaintFilterQuery): Promise<SavedFilter> {
  return http.post<SavedFilter>(`${base}/saved-filters`, { name, query });
}

export function deleteSavedFilter(id: string): Promise<void> {
  return http.delete(`${base}/saved-filters/${enc(id)}`);
}
