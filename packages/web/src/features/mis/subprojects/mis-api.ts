import type {
  AddSubprojectFilesInput,
  Contract,
  CreateContractInput,
  CreateSubprojectEventInput,
  CreateSubprojectInput,
  MisReference,
  misContractSchema,
  subprojectDetailSchema,
  subprojectEventResultSchema,
  subprojectEventSchema,
  subprojectFileSchema,
  subprojectPageSchema,
  subprojectSummarySchema,
} from '@coso/domain';
import { buildUrl, http } from '../../../api/client';

/**
 * The MIS sub-projects API (server modules/mis; contracts in packages/domain/src/modules/mis/schemas):
 * reference lists, sub-projects, their progress events, contracts and files.
 */
export type { MisReference };
export type SubprojectSummary = Contract<typeof subprojectSummarySchema>;
export type SubprojectDetail = Contract<typeof subprojectDetailSchema>;
export type SubprojectEvent = Contract<typeof subprojectEventSchema>;
export type SubprojectFile = Contract<typeof subprojectFileSchema>;
export type MisContract = Contract<typeof misContractSchema>;
type SubprojectPage = Contract<typeof subprojectPageSchema>;
type EventResult = Contract<typeof subprojectEventResultSchema>;

/** The list's filters (the server's subprojectListQuerySchema, without paging). */
export interface SubprojectQuery {
  within?: string;
  status?: string;
  sector?: string;
  type?: string;
  component?: string;
  q?: string;
}

/** Name of the sub-projects export kind (`GET /api/v1/exports/<name>.csv|.xlsx`, same filters as the list). */
export const SUBPROJECTS_EXPORT = 'mis-subprojects';

const enc = encodeURIComponent;
const base = '/api/v1/mis';

export const misApi = {
  reference: () => http.get<MisReference>(`${base}/reference`),
  list: (query: SubprojectQuery, cursor: string | null) =>
    http.get<SubprojectPage>(`${base}/subprojects`, { ...query, cursor, limit: 50 }),
  exportUrl: (format: 'csv' | 'xlsx', query: SubprojectQuery) =>
    buildUrl(`/api/v1/exports/${SUBPROJECTS_EXPORT}.${format}`, { ...query }),
  get: (id: string) => http.get<SubprojectDetail>(`${base}/subprojects/${enc(id)}`),
  create: (body: CreateSubprojectInput) => http.post<SubprojectDetail>(`${base}/subprojects`, body),
  recordEvent: (id: string, body: CreateSubprojectEventInput) =>
    http.post<EventResult>(`${base}/subprojects/${enc(id)}/events`, body),
  addContract: (id: string, body: CreateContractInput) =>
    http.post<MisContract>(`${base}/subprojects/${enc(id)}/contracts`, body),
  addFiles: (id: string, body: AddSubprojectFilesInput) =>
    http.post<unknown>(`${base}/subprojects/${enc(id)}/files`, body),
  fileUrl: (id: string, fileId: string) => buildUrl(`${base}/subprojects/${enc(id)}/files/${enc(fileId)}`),
};
