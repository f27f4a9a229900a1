import { COMPLAINT_VISIBILITY, type SyncRow } from '@coso/domain';
import type { SyncSource } from '../../../platform/sync/tables.js';
import { deviceScope, removalColumnsOf } from '../../../platform/visibility/sql.js';
import { attachmentUrl } from '../complaints/attachments/presenter.js';
import { CASE_COLUMNS } from '../complaints/list-scope.js';

/**
 * The cases a device holds: the device audience of COMPLAINT_VISIBILITY (the assignee, who recorded it, the
 * handling roles of the area; never a sensitive case nor a published summary), on the case row.
 */
const caseScope = deviceScope(COMPLAINT_VISIBILITY, CASE_COLUMNS);

/** Who could see the case under the values kept in sync_removals when it changed or a row was deleted. */
const caseScopeBefore = deviceScope(COMPLAINT_VISIBILITY, removalColumnsOf(COMPLAINT_VISIBILITY));

/**
 * The case as a handler reads it, flat. Never the complainant's identity (names, phones, e-mails, addresses
 * live encrypted in complainant_identities, which no device receives); `onBehalfOf` is a relation ("mother").
 */
const COMPLAINT_COLUMNS = `c.id, c.tracking_code as "trackingCode", c.reference, c.type_code as "type",
  c.category_code as "category", c.channel_code as "channel", c.status, c.sensitive,
  c.closure_outcome as "closureOutcome", c.description, c.incident_date as "incidentDate", c.ongoing,
  c.recurring, c.subproject_ref as "subprojectRef", c.village_id as "villageId", v.code as "villageCode",
  v.name as "villageName", c.area_path as "areaPath", c.latitude, c.longitude,
  c.place_description as "placeDescription", c.anonymous, c.complainant_kind as "complainantKind",
  c.group_size as "groupSize", c.gender, c.age_group as "ageGroup", c.vulnerabilities,
  c.preferred_language as "preferredLanguage", c.on_behalf_of as "onBehalfOf",
  c.identity_confidential as "identityConfidential", c.notify_consent as "notifyConsent",
  c.handling_level as "handlingLevel", c.handling_unit_id as "handlingUnitId", c.committee_id as "committeeId",
  c.assignee_id as "assigneeId", a.display_name as "assigneeName", c.escalation_count as "escalationCount",
  c.appeal_count as "appealCount", c.satisfaction, c.recorded_by as "recordedBy",
  rb.display_name as "recordedByName", c.received_at as "receivedAt", c.acknowledged_at as "acknowledgedAt",
  c.resolution_proposed_at as "resolutionProposedAt", c.closed_at as "closedAt", c.created_at as "createdAt",
  c.updated_at as "updatedAt", c.version, c.next_due_date::text as "nextDueDate"`;

/** Keys that name or reach a person; an event payload never carries them to a device, at any depth. */
const IDENTITY_KEYS = new Set(['name', 'phone', 'email', 'whatsapp', 'postalAddress', 'identity']);

export function withoutIdentity(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIdentity);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !IDENTITY_KEYS.has(key))
      .map(([key, v]) => [key, withoutIdentity(v)]),
  );
}

const asRow = (row: Record<string, unknown>) => row as SyncRow;

export const CASE_TABLES: SyncSource[] = [
  {
    name: 'complaints',
    table: 'complaints',
    alias: 'c',
    from: 'complaints c',
    visible: caseScope,
    joins: `join geo_units v on v.id = c.village_id
            left join users a on a.id = c.assignee_id
            left join users rb on rb.id = c.recorded_by`,
    columns: COMPLAINT_COLUMNS,
    id: { sql: 'c.id', type: 'uuid' },
    visibleBefore: caseScopeBefore,
    present: asRow,
    // The device drops the case's timeline and files with it.
    dependents: [
      {
        name: 'complaint_events',
        ids: 'select id::text as id from complaint_events where complaint_id = any(:ids::uuid[])',
      },
      {
        name: 'attachments',
        ids: 'select id::text as id from complaint_attachments where complaint_id = any(:ids::uuid[])',
      },
    ],
  },
  {
    name: 'complaint_events',
    table: 'complaint_events',
    alias: 'e',
    from: 'complaint_events e join complaints c on c.id = e.complaint_id',
    visible: caseScope,
    joins: 'left join users u on u.id = e.actor_id',
    columns: `e.id::text as id, e.complaint_id as "complaintId", e.at, e.actor_id as "actorId",
      u.display_name as "actorName", e.kind, e.from_status as "fromStatus", e.to_status as "toStatus", e.payload`,
    id: { sql: 'e.id', type: 'bigint' },
    visibleBefore: caseScopeBefore,
    present: (row) => asRow({ ...row, payload: withoutIdentity(row.payload) }),
  },
  {
    name: 'attachments',
    table: 'complaint_attachments',
    alias: 'f',
    from: 'complaint_attachments f join complaints c on c.id = f.complaint_id',
    visible: caseScope,
    joins: 'left join users u on u.id = f.uploaded_by',
    columns: `f.id, f.complaint_id as "complaintId", f.event_id::text as "eventId", f.purpose, f.kind,
      f.filename, f.mime_type as "mimeType", f.size_bytes as "sizeBytes", f.sha256, f.created_at as "createdAt",
      f.uploaded_by as "uploadedBy", u.display_name as "uploadedByName", f.preview_key is not null as "preview"`,
    id: { sql: 'f.id', type: 'uuid' },
    visibleBefore: caseScopeBefore,
    // The bytes are fetched with the same session or token from the case file's URLs (storage keys stay private).
    present: ({ preview, ...row }) => {
      const a = row as { id: string; complaintId: string };
      return asRow({
        ...row,
        url: attachmentUrl(a, 'content'),
        previewUrl: preview ? attachmentUrl(a, 'preview') : null,
      });
    },
  },
];
