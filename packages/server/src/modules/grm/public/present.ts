import type { ComplaintStatus } from '@coso/domain';
import { formatTrackingCode } from '@coso/domain';
import type { ComplaintRow } from '../complaints/repo.js';
import type { CaseDeadline } from '../deadlines/presenter.js';

/**
 * What a citizen reads: a few plain statuses instead of the eleven of the workflow. Escalation and appeal are
 * "under review" for them: the level that handles it is staff business.
 */
const PUBLIC_STATUS: Record<ComplaintStatus, string> = {
  received: 'received',
  acknowledged: 'acknowledged',
  in_progress: 'in_progress',
  appealed: 'in_progress',
  escalated: 'in_progress',
  unresolved: 'in_progress',
  resolution_proposed: 'resolution_proposed',
  closed: 'closed',
  ineligible: 'not_admissible',
  withdrawn: 'withdrawn',
  referred: 'referred',
};

/** Deadlines the citizen waits on (acknowledgement, resolution) or must meet (their answer). */
const CITIZEN_DEADLINES = ['acknowledge', 'resolve', 'answer'] as const;

const dateOnly = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * The tracking page: status and dates only. Never the description, the place, names of the complainant or
 * of staff, nor the handling level: anyone holding the code reads this.
 */
export function presentTracking(c: ComplaintRow, deadlines: CaseDeadline[]) {
  const status = PUBLIC_STATUS[c.status];
  const due: Record<string, string> = {};
  for (const d of deadlines) {
    if (d.metAt === null && (CITIZEN_DEADLINES as readonly string[]).includes(d.kind))
      due[d.kind] = d.dueDate;
  }
  return {
    trackingCode: formatTrackingCode(c.trackingCode),
    status,
    nextStep: `public.next.${status}`,
    receivedAt: dateOnly(c.receivedAt),
    acknowledgedAt: dateOnly(c.acknowledgedAt),
    resolutionProposedAt: dateOnly(c.resolutionProposedAt),
    closedAt: dateOnly(c.closedAt),
    dueDates: due,
    canAnswer: c.status === 'resolution_proposed',
    canRate: c.status === 'closed' && c.satisfaction === null,
    satisfaction: c.satisfaction,
  };
}
export type PublicTracking = ReturnType<typeof presentTracking>;
