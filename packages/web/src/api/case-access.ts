import { REFERRAL_SERVICES, type ReferralService } from '@coso/domain';
import { http } from './client';
import type { Complaint } from './complaint-types';

export { REFERRAL_SERVICES, type ReferralService };

interface PersonRef {
  id: string;
  displayName: string;
}

/** A person added to a sensitive case (GET/POST/DELETE /api/v1/complaints/:id/access). */
export interface AddedPerson {
  user: PersonRef;
  addedBy: PersonRef;
  addedAt: string;
  reason: string;
}

/** Who may be added: active, a case-handling role covering the case's area, not added yet. */
export interface AccessCandidate {
  id: string;
  displayName: string;
  username: string;
  roles: string[];
}

/** A referral of the complainant to a service; dates are calendar days (YYYY-MM-DD). */
export interface Referral {
  id: string;
  service: ReferralService;
  provider: string | null;
  referredOn: string;
  outcome: string | null;
  outcomeOn: string | null;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
}

const one = (id: string) => `/api/v1/complaints/${encodeURIComponent(id)}`;

export const listAccess = (id: string) =>
  http.get<{ items: AddedPerson[] }>(`${one(id)}/access`).then((r) => r.items);
export const accessCandidates = (id: string, q: string) =>
  http.get<{ items: AccessCandidate[] }>(`${one(id)}/access/candidates`, { q }).then((r) => r.items);
export const grantAccess = (id: string, userId: string, reason: string) =>
  http.post<{ items: AddedPerson[] }>(`${one(id)}/access`, { userId, reason }).then((r) => r.items);
export const revokeAccess = (id: string, userId: string) =>
  http.delete(`${one(id)}/access/${encodeURIComponent(userId)}`);

export const listReferrals = (id: string) =>
  http.get<{ items: Referral[] }>(`${one(id)}/referrals`).then((r) => r.items);
export const createReferral = (
  id: string,
  body: {
    service: ReferralService;
    referredOn: string;
    provider?: string;
    outcome?: string;
    outcomeOn?: string;
  },
) => http.post<Referral>(`${one(id)}/referrals`, body);
export const recordOutcome = (id: string, referralId: string, body: { outcome: string; outcomeOn: string }) =>
  http.patch<Referral>(`${one(id)}/referrals/${encodeURIComponent(referralId)}`, body);

/** Publishes (or corrects) the sanitised summary wider staff read instead of the description. */
export const publishSummary = (id: string, summary: string) =>
  http.post<Complaint>(`${one(id)}/publish`, { summary });
