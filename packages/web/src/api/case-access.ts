import type { AccessCandidate, AddedPerson, Referral } from '@coso/domain';
import { REFERRAL_SERVICES, type ReferralService } from '@coso/domain';
import { http } from './client';
import type { Complaint } from './complaint-types';

export type { AccessCandidate, AddedPerson, Referral } from '@coso/domain';
export { REFERRAL_SERVICES, type ReferralService };

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
