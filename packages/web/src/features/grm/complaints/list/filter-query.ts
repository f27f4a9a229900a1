import { COMPLAINT_STATUSES, type ComplaintStatus } from '@coso/domain';
import {
  COMPLAINT_QUEUES,
  type ComplaintFilterQuery,
  type ComplaintQueue,
} from '../../../../api/complaint-types';

/** The list's filters, as the server reads them (list.ts complaintFilterSchema); nothing else goes in the URL. */
export const FILTER_KEYS = [
  'queue',
  'status',
  'type',
  'category',
  'channel',
  'gender',
  'ageGroup',
  'vulnerability',
  'area',
  'assignee',
  'escalated',
  'from',
  'to',
  'q',
  'overdue',
  'dueWithin',
  'sort',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const KEYS = new Set<string>(FILTER_KEYS);

/** The filters in a query string (unknown keys and empty values dropped), so a bookmarked list reopens. */
export function parseFilters(search: string): ComplaintFilterQuery {
  const out: ComplaintFilterQuery = {};
  for (const [key, value] of new URLSearchParams(search)) {
    if (KEYS.has(key) && value.trim() !== '') out[key] = value;
  }
  return out;
}

/** A query string with the filters in a stable order (same filters, same URL). */
export function filtersToSearch(filters: ComplaintFilterQuery): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  return params.toString();
}

export function listHref(filters: ComplaintFilterQuery): string {
  const qs = filtersToSearch(filters);
  return qs ? `/complaints?${qs}` : '/complaints';
}

export function queueOf(filters: ComplaintFilterQuery): ComplaintQueue | undefined {
  return (COMPLAINT_QUEUES as readonly string[]).includes(filters.queue ?? '')
    ? (filters.queue as ComplaintQueue)
    : undefined;
}

export function statusesOf(filters: ComplaintFilterQuery): ComplaintStatus[] {
  const chosen = (filters.status ?? '').split(',');
  return COMPLAINT_STATUSES.filter((s) => chosen.includes(s));
}

/** Filters other than the queue, the sort and the search box: they open the "more filters" panel. */
export const ADVANCED_KEYS: readonly FilterKey[] = [
  'type',
  'category',
  'channel',
  'gender',
  'ageGroup',
  'vulnerability',
  'area',
  'assignee',
  'escalated',
];

/** The deadline filter as one choice: overdue cases, or those due within a few business days. */
export type DueChoice = '' | 'overdue' | 'soon';

export const dueChoiceOf = (f: ComplaintFilterQuery): DueChoice =>
  f.overdue === 'true' ? 'overdue' : f.dueWithin ? 'soon' : '';

/** "Soon" is two business days unless the address says otherwise (the home page's link). */
export const DEFAULT_DUE_WITHIN = '2';

export function withDueChoice(f: ComplaintFilterQuery, choice: DueChoice): ComplaintFilterQuery {
  const { overdue: _o, dueWithin, ...rest } = f;
  if (choice === 'overdue') return { ...rest, overdue: 'true' };
  if (choice === 'soon') return { ...rest, dueWithin: dueWithin ?? DEFAULT_DUE_WITHIN };
  return rest;
}
