import type { FormAnswers, FormDetail, FormImportResult, FormList, FormValidation } from '@coso/domain';
import { buildUrl, http, request } from '../../api/client';

/** Forms as data (server platform/forms/routes.ts): list, import (dry run, publish), definition, XLSForm. */
export type {
  FormDetail,
  FormImportProblem,
  FormImportResult,
  FormValidation,
  FormVersion,
} from '@coso/domain';
export type FormListItem = FormList['items'][number];

/** What to import: an .xlsx XLSForm, or the `content` of a KoboToolbox asset (JSON). */
export type ImportSource = { file: File } | { kobo: Record<string, unknown> };

export const formsApi = {
  list: () => http.get<FormList>('/api/v1/forms').then((r) => r.items),
  get: (id: string) => http.get<FormDetail>(`/api/v1/forms/${encodeURIComponent(id)}`),
  importForm: (source: ImportSource, dryRun: boolean) => {
    const query = { dryRun };
    if ('file' in source) {
      const form = new FormData();
      form.append('file', source.file);
      return request<FormImportResult>('POST', '/api/v1/forms/import', { query, form });
    }
    return request<FormImportResult>('POST', '/api/v1/forms/import', { query, body: { kobo: source.kobo } });
  },
  validate: (id: string, answers: FormAnswers) =>
    http.post<FormValidation>(`/api/v1/forms/${encodeURIComponent(id)}/validate`, { answers }),
  /** A plain URL: the browser downloads the file with the session cookie. */
  xlsformUrl: (id: string) => buildUrl(`/api/v1/forms/${encodeURIComponent(id)}/xlsform`),
};
