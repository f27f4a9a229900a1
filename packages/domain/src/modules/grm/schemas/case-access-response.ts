import { z } from 'zod';
import {
  type Contract,
  calendarDateSchema,
  itemsOf,
  timestampSchema,
} from '../../../platform/schemas/wire.js';
import { REFERRAL_SERVICES } from '../complaints/case-access.js';

const namedPerson = z.object({ id: z.string(), displayName: z.string() });

/** A person added to a sensitive case (GET/POST/DELETE /api/v1/complaints/:id/access). */
export const addedPersonSchema = z.object({
  user: namedPerson,
  addedBy: namedPerson,
  addedAt: timestampSchema,
  reason: z.string(),
});
export type AddedPerson = Contract<typeof addedPersonSchema>;
export const addedPeopleSchema = itemsOf(addedPersonSchema);

/** Who may be added: active, a case-handling role covering the case's area, not added yet. */
export const accessCandidateSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
});
export type AccessCandidate = Contract<typeof accessCandidateSchema>;

/** A referral of the complainant to a service; dates are calendar days. */
export const referralSchema = z.object({
  id: z.string(),
  service: z.enum(REFERRAL_SERVICES),
  provider: z.string().nullable(),
  referredOn: calendarDateSchema,
  outcome: z.string().nullable(),
  outcomeOn: calendarDateSchema.nullable(),
  createdBy: namedPerson,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Referral = Contract<typeof referralSchema>;
