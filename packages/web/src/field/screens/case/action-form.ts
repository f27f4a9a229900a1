import { type ComplaintAction, type ComplaintActionName, complaintActionSchema } from '@coso/domain';
import { type FieldIssues, issuesByPath } from '../../validation';

/** What the action form holds, as typed; only the fields of the chosen action are sent. */
export interface ActionValues {
  note: string;
  reason: string;
  referralBody: string;
  resolution: string;
  answer: '' | 'accepted' | 'rejected' | 'no_response';
  appeal: boolean;
  comment: string;
  satisfaction: string;
  text: string;
}

export const EMPTY_ACTION: ActionValues = {
  note: '',
  reason: '',
  referralBody: '',
  resolution: '',
  answer: '',
  appeal: false,
  comment: '',
  satisfaction: '',
  text: '',
};

/** The form fields each action shows (reassign, take over and recategorise are not offered on the phone). */
export const ACTION_FIELDS: Record<ComplaintActionName, readonly (keyof ActionValues)[]> = {
  acknowledge: ['note'],
  reject_ineligible: ['reason', 'referralBody'],
  start: ['note'],
  propose_resolution: ['resolution'],
  record_answer: ['answer', 'appeal', 'satisfaction', 'comment'],
  declare_unresolved: ['reason'],
  escalate: ['reason'],
  reassign: ['reason'],
  take_over: ['note'],
  recategorise: ['reason'],
  withdraw: ['reason'],
  refer: ['referralBody', 'reason'],
  reopen: ['reason'],
  comment: ['text'],
};

const opt = (s: string) => s.trim() || undefined;

/** The action as the domain schema wants it, or the problems to show under the fields. */
export function buildAction(
  action: ComplaintActionName,
  v: ActionValues,
): { ok: true; action: ComplaintAction } | { ok: false; issues: FieldIssues } {
  const fields = ACTION_FIELDS[action];
  const body: Record<string, unknown> = { action };
  for (const f of fields) {
    if (f === 'appeal') body.appeal = v.answer === 'rejected' && v.appeal;
    else if (f === 'satisfaction') body.satisfaction = v.satisfaction ? Number(v.satisfaction) : undefined;
    else if (f === 'answer') body.answer = v.answer || undefined;
    else if (f === 'reason' || f === 'resolution' || f === 'text') body[f] = v[f];
    else body[f] = opt(v[f]);
  }
  const parsed = complaintActionSchema.safeParse(body, { reportInput: true });
  return parsed.success
    ? { ok: true, action: parsed.data }
    : { ok: false, issues: issuesByPath(parsed.error.issues) };
}
