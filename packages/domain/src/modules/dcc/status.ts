import type { TaskStatus } from './model.js';

/**
 * The status machine of a task instance (issue #15): to do → draft → submitted → validated | returned
 * (→ draft again). Pure, so the field app refuses on the phone exactly what the server refuses.
 *
 * A facilitator saves drafts and submits while the instance is editable (to do, draft, returned); a
 * specialist validates or returns a submitted one. Validated is final: a stale draft arriving by sync after
 * validation is refused, never applied. Every accepted action bumps the instance's version by one (the
 * server compares it with the client's `baseVersion`).
 */

export const TASK_ACTIONS = ['save_draft', 'submit', 'validate', 'return'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Who may take an action: the facilitator filling the task, or the specialist reviewing it. */
export const TASK_ACTION_ACTOR: Readonly<Record<TaskAction, 'filler' | 'reviewer'>> = {
  save_draft: 'filler',
  submit: 'filler',
  validate: 'reviewer',
  return: 'reviewer',
};

/** The event recorded in the instance's history for each action (dcc_task_events.kind). */
export const TASK_ACTION_EVENT: Readonly<
  Record<TaskAction, 'draft_saved' | 'submitted' | 'validated' | 'returned'>
> = {
  save_draft: 'draft_saved',
  submit: 'submitted',
  validate: 'validated',
  return: 'returned',
};

const EDITABLE: readonly TaskStatus[] = ['todo', 'draft', 'returned'];

/** Whether the facilitator may still change the answers and attachments (to do, draft, returned). */
export function isEditable(status: TaskStatus): boolean {
  return EDITABLE.includes(status);
}

/** Whether the instance is final (validated: read-only for everyone). */
export function isFinal(status: TaskStatus): boolean {
  return status === 'validated';
}

export interface TaskTransitionContext {
  /** The specialist's comment; returning a task without one is refused (the facilitator must know why). */
  comment?: string;
}

export type TaskTransitionResult =
  | { next: TaskStatus }
  | { error: 'invalid_transition' }
  | { error: 'comment_required' };

/** The status an action leads to from `current`, or why it is refused. */
export function taskTransition(
  current: TaskStatus,
  action: TaskAction,
  ctx: TaskTransitionContext = {},
): TaskTransitionResult {
  switch (action) {
    case 'save_draft':
      return isEditable(current) ? { next: 'draft' } : { error: 'invalid_transition' };
    case 'submit':
      return isEditable(current) ? { next: 'submitted' } : { error: 'invalid_transition' };
    case 'validate':
      return current === 'submitted' ? { next: 'validated' } : { error: 'invalid_transition' };
    case 'return':
      if (current !== 'submitted') return { error: 'invalid_transition' };
      return ctx.comment?.trim() ? { next: 'returned' } : { error: 'comment_required' };
    default:
      return { error: 'invalid_transition' };
  }
}

/** The actions allowed from `current` (a presenter sends them so the UI shows only what will be accepted). */
export function taskActionsFrom(current: TaskStatus): TaskAction[] {
  return TASK_ACTIONS.filter((a) => 'next' in taskTransition(current, a, { comment: 'x' }));
}
