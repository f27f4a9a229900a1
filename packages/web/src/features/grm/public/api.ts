import { http } from '../../../api/client';

/** The public (no login) API of citizen self-service; see docs/api.md, "Public". */

export interface PublicUnit {
  id: string;
  name: string;
  level: string;
}
export interface FormOption {
  list: string;
  code: string;
  labelFr: string;
  labelEn: string;
  sensitive: boolean;
}
export interface PublicComplaint {
  type: string;
  category: string;
  description: string;
  villageId: string;
  complainant: { anonymous: boolean; name?: string; phone?: string; notifyConsent?: boolean };
}
export interface PublicTracking {
  trackingCode: string;
  status: string;
  nextStep: string;
  receivedAt: string | null;
  acknowledgedAt: string | null;
  resolutionProposedAt: string | null;
  closedAt: string | null;
  dueDates: Partial<Record<'acknowledge' | 'resolve' | 'answer', string>>;
  canAnswer: boolean;
  canRate: boolean;
  satisfaction: number | null;
}
export type Decision = 'accept' | 'reject' | 'appeal' | 'rate';
export interface PublicAnswer {
  decision: Decision;
  last4?: string;
  otp?: string;
  satisfaction?: number;
  comment?: string;
  reason?: string;
}
interface Counts {
  received: number;
  resolved: number;
  inProgress: number;
  medianDaysToResolve: number | null;
}
export interface PublicStats extends Counts {
  generatedAt: string;
  sensitiveTotal: number;
  byRegion: Array<Counts & { id: string; name: string }>;
  byCategory: Array<Counts & { code: string; labelFr: string; labelEn: string }>;
  byMonth: Array<{ month: string; received: number; resolved: number }>;
}

/** The answer to a filing: the code, and whether an SMS brings it too (consent and a phone given). */
export interface FiledComplaint {
  trackingCode: string;
  smsFollows: boolean;
}

const opts = { allowUnauthenticated: true };
const code = (c: string) => encodeURIComponent(c.trim());

export const publicApi = {
  units: (parent?: string) =>
    http.get<{ items: PublicUnit[] }>('/api/v1/public/villages', { parent }, opts).then((r) => r.items),
  formOptions: () =>
    http.get<{ items: FormOption[] }>('/api/v1/public/form-options', undefined, opts).then((r) => r.items),
  file: (body: PublicComplaint) => http.post<FiledComplaint>('/api/v1/public/complaints', body, opts),
  /** The citizen's copy of the receipt (PDF): it says no more than the tracking page. */
  receiptUrl: (c: string, lang: 'fr' | 'en') => `/api/v1/public/track/${code(c)}/receipt.pdf?lang=${lang}`,
  track: (c: string) => http.get<PublicTracking>(`/api/v1/public/track/${code(c)}`, undefined, opts),
  /** The correct code for a mistyped one, given the last 4 digits of the phone given at filing. */
  recover: (c: string, last4: string) =>
    http.post<{ trackingCode: string }>(`/api/v1/public/track/${code(c)}/recover`, { last4 }, opts),
  requestOtp: (c: string) =>
    http.post<{ sent: boolean }>(`/api/v1/public/track/${code(c)}/otp`, undefined, opts),
  answer: (c: string, body: PublicAnswer) =>
    http.post<PublicTracking>(`/api/v1/public/track/${code(c)}/answer`, body, opts),
  stats: () => http.get<PublicStats>('/api/v1/public/stats', undefined, opts),
};
