import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintStatus,
  complaintActionSchema,
  isOpen,
  replay,
  transition,
} from './lifecycle.js';

const uuid = '6ffad589-2a82-4ad0-a62e-ce08e95a0872';
const sample: ComplaintAction[] = [
  { action: 'acknowledge' },
  { action: 'reject_ineligible', reason: 'Hors du projet', referralBody: 'Mairie' },
  { action: 'start' },
  { action: 'propose_resolution', resolution: 'Réparation du forage' },
  { action: 'record_answer', answer: 'accepted', appeal: false },
  { action: 'record_answer', answer: 'rejected', appeal: true },
  { action: 'record_answer', answer: 'rejected', appeal: false },
  { action: 'record_answer', answer: 'no_response', appeal: false },
  { action: 'declare_unresolved', reason: 'Pas de solution locale' },
  { action: 'escalate', reason: 'Délai dépassé' },
  { action: 'reassign', assigneeId: uuid, reason: 'Congé' },
  { action: 'withdraw', reason: 'Retirée par le plaignant' },
  { action: 'refer', referralBody: 'Tribunal', reason: 'Litige foncier' },
  { action: 'reopen', reason: 'Nouveaux faits' },
  { action: 'comment', text: 'Visite prévue lundi' },
];

// The lifecycle of GRM.md as a plain list of edges, written independently of the implementation.
const EDGES: Array<[ComplaintStatus, string, ComplaintStatus]> = [
  ['received', 'acknowledge', 'acknowledged'],
  ['escalated', 'acknowledge', 'acknowledged'],
  ['received', 'reject_ineligible', 'ineligible'],
  ['acknowledged', 'start', 'in_progress'],
  ['appealed', 'start', 'in_progress'],
  ['in_progress', 'propose_resolution', 'resolution_proposed'],
  ['resolution_proposed', 'record_answer', 'closed'],
  ['resolution_proposed', 'record_answer', 'appealed'],
  ['in_progress', 'declare_unresolved', 'unresolved'],
  ['unresolved', 'escalate', 'escalated'],
  ['closed', 'reopen', 'in_progress'],
];

describe('complaint lifecycle', () => {
  it('follows the documented edges', () => {
    for (const [from, name, to] of EDGES) {
      const results = sample.filter((a) => a.action === name).map((a) => transition(from, a)?.to);
      expect(results).toContain(to);
    }
  });

  it('never leaves a closed case except by reopening (or commenting)', () => {
    for (const a of sample) {
      const r = transition('closed', a);
      if (a.action === 'reopen') expect(r?.to).toBe('in_progress');
      else if (a.action === 'comment') expect(r?.to).toBe('closed');
      else expect(r).toBeNull();
    }
  });

  it('validates each action with its required fields', () => {
    for (const a of sample) expect(complaintActionSchema.safeParse(a).success).toBe(true);
    expect(complaintActionSchema.safeParse({ action: 'escalate' }).success).toBe(false);
    expect(complaintActionSchema.safeParse({ action: 'propose_resolution', resolution: '' }).success).toBe(
      false,
    );
    expect(complaintActionSchema.safeParse({ action: 'fly' }).success).toBe(false);
  });

  it('reaches only statuses of the machine, and replays any allowed sequence to the same status', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sample), { maxLength: 40 }), (attempts) => {
        let status: ComplaintStatus = 'received';
        const applied: ComplaintAction[] = [];
        for (const action of attempts) {
          const result = transition(status, action);
          const allowed = actionsFrom(status).includes(action.action);
          expect(result !== null).toBe(allowed);
          if (!result) continue;
          expect(COMPLAINT_STATUSES).toContain(result.to);
          if (!isOpen(status) && action.action !== 'comment') expect(action.action).toBe('reopen');
          status = result.to;
          applied.push(action);
        }
        expect(replay(applied)).toBe(status);
      }),
    );
  });
});
