import type { ComplaintStatus } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import type { Vault } from '../../../vault/vault.js';
import { type Identity, openIdentity, sealIdentity } from './identity-seal.js';

export interface ComplaintRow {
  id: string;
  trackingCode: string;
  reference: string;
  typeCode: string;
  categoryCode: string;
  channelCode: string;
  sensitive: boolean;
  status: ComplaintStatus;
  closureOutcome: string | null;
  description: string;
  incidentDate: string | null;
  ongoing: boolean;
  recurring: boolean;
  subprojectRef: string | null;
  villageId: string;
  villageName: string;
  villageCode: string;
  areaPath: string;
  latitude: number | null;
  longitude: number | null;
  placeDescription: string | null;
  anonymous: boolean;
  complainantKind: string;
  groupSize: number | null;
  gender: string | null;
  ageGroup: string | null;
  vulnerabilities: string[];
  preferredLanguage: string | null;
  onBehalfOf: string | null;
  identityConfidential: boolean;
  notifyConsent: boolean;
  handlingLevel: string;
  handlingUnitId: string;
  /** Path of the handling unit: who may be assigned the case (domain assignment.ts). */
  handlingUnitPath: string | null;
  committeeId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  escalationCount: number;
  appealCount: number;
  satisfaction: number | null;
  recordedBy: string | null;
  recordedByName: string | null;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  resolutionProposedAt: Date | null;
  closedAt: Date | null;
  /** People added to this sensitive case (complaint_access); empty on other cases. */
  sharedWith: string[];
  /** The sanitised summary wider staff read instead of the description (publication review). */
  publicSummary: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  publishedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** The earliest open deadline's due date (YYYY-MM-DD), null when none is open. */
  earliestDueDate: string | null;
}

export const COMPLAINT_SELECT = `
  select c.id, c.tracking_code as "trackingCode", c.reference, c.type_code as "typeCode",
         c.category_code as "categoryCode", c.channel_code as "channelCode", c.sensitive, c.status,
         c.closure_outcome as "closureOutcome", c.description, c.incident_date as "incidentDate", c.ongoing,
         c.recurring, c.subproject_ref as "subprojectRef", c.village_id as "villageId", v.name as "villageName",
         v.code as "villageCode", c.area_path as "areaPath", c.latitude, c.longitude,
         c.place_description as "placeDescription", c.anonymous, c.complainant_kind as "complainantKind",
         c.group_size as "groupSize", c.gender, c.age_group as "ageGroup", c.vulnerabilities,
         c.preferred_language as "preferredLanguage", c.on_behalf_of as "onBehalfOf",
         c.identity_confidential as "identityConfidential",
         c.notify_consent as "notifyConsent", c.handling_level as "handlingLevel",
         c.handling_unit_id as "handlingUnitId", h.path as "handlingUnitPath", c.committee_id as "committeeId", c.assignee_id as "assigneeId",
         a.display_name as "assigneeName", c.escalation_count as "escalationCount", c.appeal_count as "appealCount",
         c.satisfaction, c.recorded_by as "recordedBy", r.display_name as "recordedByName",
         c.received_at as "receivedAt", c.acknowledged_at as "acknowledgedAt",
         c.resolution_proposed_at as "resolutionProposedAt", c.closed_at as "closedAt", c.created_at as "createdAt",
         case when c.sensitive
              then array(select ca.user_id::text from complaint_access ca where ca.complaint_id = c.id
                          order by ca.added_at, ca.user_id)
              else '{}'::text[] end as "sharedWith",
         c.public_summary as "publicSummary", c.published_at as "publishedAt", c.published_by as "publishedBy",
         p.display_name as "publishedByName",
         c.updated_at as "updatedAt",
         c.version, c.next_due_date::text as "earliestDueDate"
    from complaints c
    join geo_units v on v.id = c.village_id
    left join geo_units h on h.id = c.handling_unit_id
    left join users a on a.id = c.assignee_id
    left join users r on r.id = c.recorded_by
    left join users p on p.id = c.published_by`;

export async function findComplaint(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<ComplaintRow | undefined> {
  if (forUpdate) await db.query('select 1 from complaints where id = $1 for update', [id]);
  return (await db.query<ComplaintRow>(`${COMPLAINT_SELECT} where c.id = $1`, [id]))[0];
}

/** What intake writes: the case's own columns (the rest of ComplaintRow is joined or derived). */
export type NewComplaint = Pick<
  ComplaintRow,
  | 'id'
  | 'trackingCode'
  | 'typeCode'
  | 'categoryCode'
  | 'channelCode'
  | 'sensitive'
  | 'description'
  | 'incidentDate'
  | 'ongoing'
  | 'recurring'
  | 'subprojectRef'
  | 'villageId'
  | 'areaPath'
  | 'latitude'
  | 'longitude'
  | 'placeDescription'
  | 'anonymous'
  | 'complainantKind'
  | 'groupSize'
  | 'gender'
  | 'ageGroup'
  | 'vulnerabilities'
  | 'preferredLanguage'
  | 'onBehalfOf'
  | 'identityConfidential'
  | 'notifyConsent'
  | 'handlingLevel'
  | 'handlingUnitId'
  | 'committeeId'
  | 'assigneeId'
  | 'recordedBy'
  | 'receivedAt'
>;

const INSERT_COLUMNS: Array<[keyof NewComplaint, string]> = [
  ['id', 'id'],
  ['trackingCode', 'tracking_code'],
  ['typeCode', 'type_code'],
  ['categoryCode', 'category_code'],
  ['channelCode', 'channel_code'],
  ['sensitive', 'sensitive'],
  ['description', 'description'],
  ['incidentDate', 'incident_date'],
  ['ongoing', 'ongoing'],
  ['recurring', 'recurring'],
  ['subprojectRef', 'subproject_ref'],
  ['villageId', 'village_id'],
  ['areaPath', 'area_path'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['placeDescription', 'place_description'],
  ['anonymous', 'anonymous'],
  ['complainantKind', 'complainant_kind'],
  ['groupSize', 'group_size'],
  ['gender', 'gender'],
  ['ageGroup', 'age_group'],
  ['vulnerabilities', 'vulnerabilities'],
  ['preferredLanguage', 'preferred_language'],
  ['onBehalfOf', 'on_behalf_of'],
  ['identityConfidential', 'identity_confidential'],
  ['notifyConsent', 'notify_consent'],
  ['handlingLevel', 'handling_level'],
  ['handlingUnitId', 'handling_unit_id'],
  ['committeeId', 'committee_id'],
  ['assigneeId', 'assignee_id'],
  ['recordedBy', 'recorded_by'],
  ['receivedAt', 'received_at'],
];

/**
 * Inserts the case with a reference from the yearly-readable sequence (MGP-2026-000123). The year is the
 * server's (in Togo, UTC+0) when the case is recorded, never a date a client sent: a device's clock or a
 * typo would otherwise print MGP-1970 or MGP-2099 on the receipt.
 */
export async function insertComplaint(tx: Queryable, c: NewComplaint): Promise<void> {
  const columns = INSERT_COLUMNS.map(([, col]) => col);
  const values = INSERT_COLUMNS.map(([key]) => c[key]);
  const placeholders = values.map((_, i) => `$${i + 1}`);
  await tx.query(
    `insert into complaints (${columns.join(', ')}, status, reference)
     values (${placeholders.join(', ')}, 'received',
             'MGP-' || to_char(now() at time zone 'UTC', 'YYYY') || '-'
                    || lpad(nextval('complaint_reference_seq')::text, 6, '0'))`,
    values,
  );
}

export type { Identity } from './identity-seal.js';

/** Writes the identity sealed (encrypted and authenticated): the database never holds it in clear. */
export async function insertIdentity(
  tx: Queryable,
  vault: Vault,
  complaintId: string,
  i: Identity,
): Promise<void> {
  const { keyId, sealed } = await sealIdentity(tx, vault, complaintId, i);
  await tx.query('insert into complainant_identities (complaint_id, key_id, sealed) values ($1, $2, $3)', [
    complaintId,
    keyId,
    sealed,
  ]);
}

/** The identity in clear; DecryptionError when its ciphertext was altered (never a partial identity). */
export async function findIdentity(
  db: Queryable,
  vault: Vault,
  complaintId: string,
): Promise<Identity | undefined> {
  const [row] = await db.query<{ keyId: string; sealed: Uint8Array }>(
    `select key_id as "keyId", sealed from complainant_identities where complaint_id = $1`,
    [complaintId],
  );
  return row ? openIdentity(db, vault, complaintId, row) : undefined;
}

export interface ComplaintChange {
  status?: ComplaintStatus;
  typeCode?: string;
  categoryCode?: string;
  sensitive?: boolean;
  closureOutcome?: string | null;
  assigneeId?: string | null;
  handlingLevel?: string;
  handlingUnitId?: string;
  committeeId?: string | null;
  acknowledgedAt?: Date;
  resolutionProposedAt?: Date;
  closedAt?: Date | null;
  escalationCount?: number;
  appealCount?: number;
  satisfaction?: number;
}

const CHANGE_COLUMNS: Record<keyof ComplaintChange, string> = {
  status: 'status',
  typeCode: 'type_code',
  categoryCode: 'category_code',
  sensitive: 'sensitive',
  closureOutcome: 'closure_outcome',
  assigneeId: 'assignee_id',
  handlingLevel: 'handling_level',
  handlingUnitId: 'handling_unit_id',
  committeeId: 'committee_id',
  acknowledgedAt: 'acknowledged_at',
  resolutionProposedAt: 'resolution_proposed_at',
  closedAt: 'closed_at',
  escalationCount: 'escalation_count',
  appealCount: 'appeal_count',
  satisfaction: 'satisfaction',
};

/** Applies a change and bumps the version (the sync trigger numbers the row: every change reaches pull). */
export async function updateComplaint(tx: Queryable, id: string, change: ComplaintChange): Promise<void> {
  const sets = ['version = version + 1', 'updated_at = now()'];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(CHANGE_COLUMNS)) {
    const value = change[key as keyof ComplaintChange];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  await tx.query(`update complaints set ${sets.join(', ')} where id = $1`, params);
}

export interface EventRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown>;
}

export async function appendEvent(
  tx: Queryable,
  e: {
    complaintId: string;
    actorId: string | null;
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    payload: object;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into complaint_events (complaint_id, actor_id, kind, from_status, to_status, payload)
     values ($1, $2, $3, $4, $5, $6::jsonb) returning id`,
    [e.complaintId, e.actorId, e.kind, e.fromStatus, e.toStatus, JSON.stringify(e.payload)],
  );
  return row!.id;
}

export function listEvents(db: Queryable, complaintId: string): Promise<EventRow[]> {
  return db.query<EventRow>(
    `select e.id, e.at, e.actor_id as "actorId", u.display_name as "actorName", e.kind,
            e.from_status as "fromStatus", e.to_status as "toStatus", e.payload
       from complaint_events e left join users u on u.id = e.actor_id
      where e.complaint_id = $1 order by e.id`,
    [complaintId],
  );
}
