import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, type TaskStatus } from './model.js';
import {
  isEditable,
  isFinal,
  TASK_ACTIONS,
  type TaskAction,
  taskActionsFrom,
  taskTransition,
} from './status.js';

// The machine of issue #15 as a plain list of edges, written independently of the implementation.
const EDGES: Array<[TaskStatus, TaskAction, TaskStatus]> = [
  ['todo', 'save_draft', 'draft'],
  ['draft', 'save_draft', 'draft'],
  ['returned', 'save_draft', 'draft'],
  ['todo', 'submit', 'submitted'],
  ['draft', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'validate', 'validated'],
  ['submitted', 'return', 'returned'],
];
const edge = (from: TaskStatus, action: TaskAction) =>
  EDGES.find(([f, a]) => f === from && a === action)?.[2];

describe('task instance status machine', () => {
  it('follows exactly the documented edges', () => {
    for (const from of TASK_STATUSES)
      for (const action of TASK_ACTIONS) {
        const r = taskTransition(from, action, { comment: 'PV illisible' });
        const expected = edge(from, action);
        expect(r).toEqual(expected ? { next: expected } : { error: 'invalid_transition' });
      }
  });

  it('refuses a return without a comment', () => {
    expect(taskTransition('submitted', 'return')).toEqual({ error: 'comment_required' });
    expect(taskTransition('submitted', 'return', { comment: '   ' })).toEqual({ error: 'comment_required' });
    expect(taskTransition('validated', 'return')).toEqual({ error: 'invalid_transition' });
  });

  it('lets the facilitator edit only to do, draft and returned instances', () => {
    expect(TASK_STATUSES.filter(isEditable)).toEqual(['todo', 'draft', 'returned']);
    expect(TASK_STATUSES.filter(isFinal)).toEqual(['validated']);
    expect(taskActionsFrom('validated')).toEqual([]);
    expect(taskActionsFrom('submitted')).toEqual(['validate', 'return']);
    expect(taskActionsFrom('returned')).toEqual(['save_draft', 'submit']);
  });

  it('over random action sequences: only listed edges, validated never changes, version +1 per accepted action', () => {
    const attempt = fc.record({
      action: fc.constantFrom(...TASK_ACTIONS),
      comment: fc.option(fc.constantFrom('', ' ', 'Compléter la liste de présence'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 60 }), (attempts) => {
        // The instance as the server models it: a status and a version starting at 1.
        let status: TaskStatus = 'todo';
        let version = 1;
        const reached = new Set<TaskStatus>([status]);
        for (const { action, comment } of attempts) {
          const before = status;
          const r = taskTransition(status, action, { comment });
          if ('next' in r) {
            expect(edge(before, action)).toBe(r.next);
            expect(before).not.toBe('validated');
            status = r.next;
            version += 1;
            reached.add(status);
          } else {
            const expectedError =
              edge(before, action) && action === 'return' && !comment?.trim()
                ? 'comment_required'
                : 'invalid_transition';
            expect(r.error).toBe(expectedError);
          }
          if (before === 'validated') expect(status).toBe('validated');
        }
        const accepted = attempts.reduce(
          (acc, { action, comment }) => {
            const r = taskTransition(acc.s, action, { comment });
            return 'next' in r ? { s: r.next, n: acc.n + 1 } : acc;
          },
          { s: 'todo' as TaskStatus, n: 0 },
        );
        expect(version).toBe(1 + accepted.n);
        for (const s of reached) expect(s === 'todo' || EDGES.some(([, , to]) => to === s)).toBe(true);
      }),
    );
  });
});
