import type { ReferralService } from '@coso/domain';
import type { Queryable } from '../../../../db/driver.js';

export interface AccessRow {
  userId: string;
  userName: string;
  addedBy: string;
  addedByName: string;
  addedAt: Date;
  reason: string;
}

export function listAccess(db: Queryable, complaintId: string): Promise<AccessRow[]> {
  return db.query<AccessRow>(
    `select ca.user_id as "userId", u.display_name as "userName", ca.added_by as "addedBy",
            b.display_name as "addedByName", ca.added_at as "addedAt", ca.reason
       from complaint_access ca join users u on u.id = ca.user_id join users b on b.id = ca.added_by
      where ca.complaint_id = $1 order by ca.added_at, ca.user_id`,
    [complaintId],
  );
}

/** False when the person was already added (the primary key holds). */
export async function insertAccess(
  tx: Queryable,
  a: { complaintId: string; userId: string; addedBy: string; reason: string },
): Promise<boolean> {
  const rows = await tx.query(
    `insert into complaint_access (complaint_id, user_id, added_by, reason) values ($1, $2, $3, $4)
     on conflict do nothing returning user_id`,
    [a.complaintId, a.userId, a.addedBy, a.reason],
  );
  return rows.length === 1;
}

/** The removed row (its reason goes to the audit log), or undefined when the person was not added. */
export async function deleteAccess(tx: Queryable, complaintId: string, userId: string) {
  const rows = await tx.query<{ reason: string; addedBy: string }>(
    `delete from complaint_access where complaint_id = $1 and user_id = $2
     returning reason, added_by as "addedBy"`,
    [complaintId, userId],
  );
  return rows[0];
}

export interface CandidateRow {
  id: string;
  displayName: string;
  username: string;
  roles: string[];
}

/**
 * Users who may be added to a case in `areaPath` (mayBeAddedToCase in SQL): active, holding one of `roles`,
 * with a jurisdiction containing the area; not yet added; found by name or username.
 */
export function findCandidates(
  db: Queryable,
  f: { complaintId: string; areaPath: string; roles: readonly string[]; q: string; limit: number },
): Promise<CandidateRow[]> {
  const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return db.query<CandidateRow>(
    `select u.id, u.display_name as "displayName", u.username,
            array(select r.role from user_roles r where r.user_id = u.id order by r.role) as roles
       from users u
      where u.active
        and exists (select 1 from user_roles r where r.user_id = u.id and r.role = any($1::text[]))
        and exists (select 1 from user_jurisdictions j join geo_units g on g.id = j.unit_id
                     where j.user_id = u.id and starts_with($2, g.path))
        and not exists (select 1 from complaint_access ca where ca.complaint_id = $3 and ca.user_id = u.id)
        and (u.display_name ilike $4 or u.username ilike $4)
      order by u.display_name, u.id limit $5`,
    [f.roles, f.areaPath, f.complaintId, like, f.limit],
  );
}

export interface ReferralRow {
  id: string;
  complaintId: string;
  service: ReferralService;
  provider: string | null;
  referredOn: string;
  outcome: string | null;
  outcomeOn: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
}

// Dates as YYYY-MM-DD text: a calendar day, never shifted by a time zone on the way out.
const REFERRAL_SELECT = `
  select f.id, f.complaint_id as "complaintId", f.service, f.provider, f.referred_on::text as "referredOn",
         f.outcome, f.outcome_on::text as "outcomeOn", f.created_by as "createdBy",
         u.display_name as "createdByName", f.created_at as "createdAt", f.updated_at as "updatedAt"
    from complaint_referrals f join users u on u.id = f.created_by`;

export function listReferrals(db: Queryable, complaintId: string): Promise<ReferralRow[]> {
  return db.query<ReferralRow>(`${REFERRAL_SELECT} where f.complaint_id = $1 order by f.referred_on, f.id`, [
    complaintId,
  ]);
}

export async function findReferral(db: Queryable, complaintId: string, id: string, forUpdate = false) {
  const lock = forUpdate ? 'for update of f' : '';
  const rows = await db.query<ReferralRow>(
    `${REFERRAL_SELECT} where f.complaint_id = $1 and f.id = $2 ${lock}`,
    [complaintId, id],
  );
  return rows[0];
}

export async function insertReferral(
  tx: Queryable,
  r: Pick<
    ReferralRow,
    'id' | 'complaintId' | 'service' | 'provider' | 'referredOn' | 'outcome' | 'outcomeOn' | 'createdBy'
  >,
): Promise<void> {
  await tx.query(
    `insert into complaint_referrals (id, complaint_id, service, provider, referred_on, outcome, outcome_on, created_by)
     values ($1, $2, $3, $4, $5::date, $6, $7::date, $8)`,
    [r.id, r.complaintId, r.service, r.provider, r.referredOn, r.outcome, r.outcomeOn, r.createdBy],
  );
}

export async function updateReferralOutcome(tx: Queryable, id: string, outcome: string, outcomeOn: string) {
  await tx.query(
    `update complaint_referrals set outcome = $2, outcome_on = $3::date, updated_at = now() where id = $1`,
    [id, outcome, outcomeOn],
  );
}

export async function setPublicSummary(tx: Queryable, complaintId: string, summary: string, by: string) {
  await tx.query(
    `update complaints set public_summary = $2, published_at = now(), published_by = $3 where id = $1`,
    [complaintId, summary, by],
  );
}
