import type { frWork } from './fr-work';

/** English of `frWork`: exactly its keys. */
export const enWork: Record<keyof typeof frWork, string> = {
  'home.needsYou': 'Needs you now',
  'home.item.mine': 'My open cases',
  'home.item.overdue': 'Overdue',
  'home.item.dueSoon': 'Due within 2 business days',
  'home.item.unassigned': 'Unassigned in my area',
  'home.item.awaitingAnswer': "Waiting for the complainant's answer",
  'home.publishedOnly':
    'Your role gives access to dashboards and to the published summaries of cases: no case waits for you to act.',
  'home.openDashboard': 'Open the dashboard',

  'sort.due_asc': 'Nearest due date first',
  'list.due': 'Due date',
  'list.due.overdue': 'Overdue',
  'list.due.soon': 'Within {n} business days',
  'list.empty.publishedOnly':
    'For your role, only cases whose summary was published are listed; the figures of the whole area are on the dashboard.',
  'list.empty.facilitator': 'The cases of your villages and those you recorded are listed: none matches.',
  'list.empty.mine': 'No open case is assigned to you with these filters.',

  'bulk.select': 'Select case {code}',
  'bulk.selectAll': 'Select every case shown',
  'bulk.selected': '{n} case(s) selected',
  'bulk.acknowledge': 'Acknowledge',
  'bulk.assign': 'Assign…',
  'bulk.clear': 'Clear the selection',
  'bulk.assignTitle': 'Assign {n} case(s)',
  'bulk.assignee': 'Person in charge',
  'bulk.assigneeHint': 'Only people who may handle every selected case are offered.',
  'bulk.noCommonAssignee':
    'Nobody can receive every selected case (different areas or levels): select cases of one area.',
  'bulk.done': '{n} case(s) done.',
  'bulk.failed': '{n} case(s) not done:',

  'reassign.noOther':
    'Nobody else can receive this case at its current level ({unit}): there is no choice, so "Confirm" is disabled.',
  'reassign.canTakeOver': 'You can take it over yourself.',
  'reassign.takeOver': 'Take over',
  'reassign.current': '{name} (currently in charge)',
  'reassign.self': '{name} (you) — {count} open case(s)',
  'reassign.hint': 'People who may handle the case at its level ({unit}), least loaded first.',
};
