import type { Job } from '@coso/domain';
import { http } from '../../api/client';

/** Background jobs and their state (server platform/jobs/routes.ts; administrators). */
export type { Job, JobStatus } from '@coso/domain';

export const jobsApi = {
  list: () => http.get<{ items: Job[] }>('/api/v1/jobs').then((r) => r.items),
  run: (key: string) => http.post<Job>(`/api/v1/jobs/${encodeURIComponent(key)}/run`),
};
