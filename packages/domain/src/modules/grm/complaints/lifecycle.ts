import { z } from 'zod';

/** Statuses of a grievance case (GRM.md, Lifecycle). */
export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'ineligible',
  'in_progress',
  'resolution_proposed',
  'closed',
  'appealed',
  'unresolved',
  'escalated',
  'withdrawn',
  'referred',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Statuses in which the case still waits for someone to act; the others end the case until reopened. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'received',
  'acknowledged',
  'in_progress',
  'resolution_proposed',
  'appealed',
  'unresolved',
  'escalated',
];
export const isOpen = (s: ComplaintStatus) => OPEN_STATUSES.includes(s);

const reason = z.string().trim().min(3).max(2000);
const note = z.string().trim().max(2000).optional();

/** Every action with the fields it requires; the server refuses an action without them. */
export const complaintActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), note }),
  z.object({
    action: z.literal('reject_ineligible'),
    reason,
    referralBody: z.string().trim().max(200).optional(),
  }),
  z.object({ action: z.literal('start'), note }),
  z.object({
    action: z.literal('propose_resolution'),
    resolution: z.string().trim().min(3).max(5000),
    minutesAttachmentId: z.uuid().optional(),
  }),
  z.object({
    action: z.literal('record_answer'),
    answer: z.enum(['accepted', 'rejected', 'no_response']),
    appeal: z.boolean().default(false),
    comment: note,
    satisfaction: z.number().int().min(1).max(5).optional(),
  }),
  z.object({ action: z.literal('declare_unresolved'), reason }),
  z.object({ action: z.literal('escalate'), reason }),
  z.object({ action: z.literal('reassign'), assigneeId: z.uuid(), reason }),
  // An eligible handler assigns the case to themself (no one else to ask in a one-focal-point region).
  z.object({ action: z.literal('take_over'), note }),
  // A case found to be of another kind (a "works" complaint that is in fact GBV/SEA): codes of the reference lists.
  z.object({
    action: z.literal('recategorise'),
    category: z.string().trim().min(1).max(40),
    type: z.string().trim().min(1).max(40),
    sensitive: z.boolean(),
    reason,
  }),
  z.object({ action: z.literal('withdraw'), reason }),
  z.object({ action: z.literal('refer'), referralBody: z.string().trim().min(2).max(200), reason }),
  z.object({ action: z.literal('reopen'), reason }),
  z.object({ action: z.literal('comment'), text: z.string().trim().min(1).max(5000) }),
]);
export type ComplaintAction = z.infer<typeof complaintActionSchema>;
export type ComplaintActionName = ComplaintAction['action'];
export const COMPLAINT_ACTIONS = complaintActionSchema.options.map((o) => o.shape.action.value);

/** How a closed case ended. */
export type ClosureOutcome = 'satisfied' | 'unsatisfied' | 'no_response';

/** From which statuses each action may be taken. Reassign, take over, recategorise and comment keep the status. */
const ALLOWED_FROM: Record<ComplaintActionName, readonly ComplaintStatus[]> = {
  acknowledge: ['received', 'escalated'],
  reject_ineligible: ['received', 'escalated'],
  start: ['acknowledged', 'appealed'],
  propose_resolution: ['in_progress'],
  record_answer: ['resolution_proposed'],
  declare_unresolved: ['in_progress', 'resolution_proposed'],
  escalate: ['received', 'acknowledged', 'in_progress', 'unresolved', 'appealed', 'escalated'],
  reassign: OPEN_STATUSES,
  take_over: OPEN_STATUSES,
  // Any status: a closed case found to be GBV/SEA must still be restricted at once.
  recategorise: COMPLAINT_STATUSES,
  withdraw: OPEN_STATUSES,
  refer: ['received', 'acknowledged', 'in_progress', 'unresolved', 'escalated'],
  reopen: ['closed', 'ineligible', 'withdrawn', 'referred'],
  comment: COMPLAINT_STATUSES,
};

export interface TransitionResult {
  to: ComplaintStatus;
  outcome?: ClosureOutcome;
  /** The case moves up one level of the escalation chain (escalation, appeal). */
  levelUp?: boolean;
}

export function isActionAllowed(status: ComplaintStatus, action: ComplaintActionName): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** Actions possible from a status, whatever the actor (the policy then filters by who may act). */
export function actionsFrom(status: ComplaintStatus): ComplaintActionName[] {
  return COMPLAINT_ACTIONS.filter((a) => isActionAllowed(status, a));
}

/** The status an action leads to, or null when the lifecycle forbids it from `status`. */
export function transition(status: ComplaintStatus, action: ComplaintAction): TransitionResult | null {
  if (!isActionAllowed(status, action.action)) return null;
  switch (action.action) {
    case 'acknowledge':
      return { to: 'acknowledged' };
    case 'reject_ineligible':
      return { to: 'ineligible' };
    case 'start':
      return { to: 'in_progress' };
    case 'propose_resolution':
      return { to: 'resolution_proposed' };
    case 'record_answer':
      if (action.answer === 'accepted') return { to: 'closed', outcome: 'satisfied' };
      if (action.answer === 'no_response') return { to: 'closed', outcome: 'no_response' };
      return action.appeal ? { to: 'appealed', levelUp: true } : { to: 'closed', outcome: 'unsatisfied' };
    case 'declare_unresolved':
      return { to: 'unresolved' };
    case 'escalate':
      return { to: 'escalated', levelUp: true };
    case 'withdraw':
      return { to: 'withdrawn' };
    case 'refer':
      return { to: 'referred' };
    case 'reopen':
      return { to: 'in_progress' };
    case 'reassign':
    case 'take_over':
    case 'recategorise':
    case 'comment':
      return { to: status };
  }
}

/** Replays a case's recorded actions from `received`; throws if any was not allowed. */
export function replay(actions: readonly ComplaintAction[]): ComplaintStatus {
  return actions.reduce<ComplaintStatus>((status, action) => {
    const result = transition(status, action);
    if (!result) throw new Error(`${action.action} is not allowed from ${status}`);
    return result.to;
  }, 'received');
}
