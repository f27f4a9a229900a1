import type { Role } from '../../../platform/roles.js';
import type { Grant, ScopeRow, VisibilityDefinition } from '../../../platform/visibility.js';
import type { ComplaintAccessView } from './policy.js';

/**
 * The readers who handle cases and see the original text. The others (wider staff: `supervisor`) see a case
 * only once a reviewer has published its sanitised summary, and then only that summary (GRM.md, publication
 * review).
 */
export const CASE_HANDLER_READER_ROLES: readonly Role[] = ['facilitator', 'focal_point', 'grm_officer'];

/**
 * Who may see a case (canSeeComplaint). Sensitive cases (GBV/SEA/SH, corruption): their assignee, the
 * sensitive-case focal points of the area and the people they explicitly added — not even the facilitator who
 * recorded them. Other cases: the assignee, who recorded it, and the case-handling roles of the area; wider
 * staff (supervisors) only their published summary.
 */
const READ: readonly Grant[] = [
  { to: { kind: 'owner' }, rows: 'any' },
  { to: { kind: 'reader' }, rows: 'restricted' },
  { to: { kind: 'recorder' }, rows: 'ordinary' },
  { to: { kind: 'area', roles: CASE_HANDLER_READER_ROLES }, rows: 'ordinary' },
  { to: { kind: 'area', roles: ['sensitive_focal_point'] }, rows: 'restricted' },
  { to: { kind: 'area', roles: ['supervisor'] }, rows: 'ordinary', when: 'published', summaryOnly: true },
];

/** The complaint's visibility, for every audience (decision 0019). */
export const COMPLAINT_VISIBILITY: VisibilityDefinition = {
  entity: 'complaints',
  columns: {
    id: 'id',
    areaPath: 'area_path',
    owner: 'assignee_id',
    recorder: 'recorded_by',
    restricted: 'sensitive',
    readers: { table: 'complaint_access', rowKey: 'complaint_id', user: 'user_id' },
    flags: { published: 'published_at' },
  },
  audiences: {
    read: READ,
    // A device holds the ordinary cases its user handles (the read rule's whole-case grants on ordinary
    // cases): sensitive cases and published summaries never reach a device.
    device: [
      { to: { kind: 'owner' }, rows: 'ordinary' },
      { to: { kind: 'recorder' }, rows: 'ordinary' },
      { to: { kind: 'area', roles: CASE_HANDLER_READER_ROLES }, rows: 'ordinary' },
    ],
    // The analysts' dataset (decision 0012): what the case API shows, plus the ordinary cases of the area for
    // analysts (codes only, no identity, no free text).
    dataset: [...READ, { to: { kind: 'area', roles: ['analyst'] }, rows: 'ordinary' }],
    // Report aggregates: every ordinary case of the jurisdiction; sensitive ones for sensitive-case focal
    // points only (the others get one total).
    count: [
      { to: { kind: 'area', roles: 'any' }, rows: 'ordinary' },
      { to: { kind: 'area', roles: ['sensitive_focal_point'] }, rows: 'restricted' },
    ],
  },
};

/** A case's scope values, as the visibility rule reads them. */
export const complaintScopeRow = (c: ComplaintAccessView): ScopeRow => ({
  areaPath: c.areaPath,
  ownerId: c.assigneeId,
  recorderId: c.recordedBy,
  restricted: c.sensitive,
  readers: c.sharedWith ?? [],
  flags: { published: c.published === true },
});
