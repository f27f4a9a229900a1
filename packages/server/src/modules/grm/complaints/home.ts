import { type Actor, handlingRolesFor, OPEN_STATUSES } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { complaintFilterSchema, countComplaints } from './list.js';
import { mayMatchOriginal } from './list-scope.js';

/** What the home page counts: each is a list filter, so that its link opens exactly the counted cases. */
export const HOME_ITEMS = ['mine', 'overdue', 'dueSoon', 'unassigned', 'awaitingAnswer'] as const;
export type HomeItemKey = (typeof HOME_ITEMS)[number];

const OPEN = OPEN_STATUSES.join(',');

/** "Soon" is two business days, the margin a focal point needs to prepare an answer or a visit. */
export const DUE_SOON_BUSINESS_DAYS = 2;

const QUERIES: Record<HomeItemKey, Record<string, string>> = {
  mine: { queue: 'mine', status: OPEN, sort: 'due_asc' },
  overdue: { overdue: 'true', sort: 'due_asc' },
  dueSoon: { dueWithin: String(DUE_SOON_BUSINESS_DAYS), sort: 'due_asc' },
  unassigned: { queue: 'unassigned', status: OPEN, sort: 'due_asc' },
  awaitingAnswer: { status: 'resolution_proposed', sort: 'due_asc' },
};

const HANDLING_ROLES = new Set([...handlingRolesFor(false), ...handlingRolesFor(true)]);

/**
 * Which counts concern this person. Handlers own cases: everything. A facilitator relays in the villages
 * (deadlines and answers to collect) but is never assigned nor assigns. Wider staff who read only published
 * summaries have nothing waiting on them: they get no counts, and the page says why.
 */
export function homeItemsFor(actor: Actor): HomeItemKey[] {
  if (actor.roles.some((r) => HANDLING_ROLES.has(r))) return [...HOME_ITEMS];
  if (actor.roles.includes('facilitator')) return ['overdue', 'dueSoon', 'awaitingAnswer'];
  return [];
}

/**
 * The counts of the home page, each through the list's own filter and scope (countComplaints), so that a
 * count and the list its link opens never disagree.
 */
export async function homeCounts(db: Queryable, actor: Actor, today: string) {
  const items = [];
  for (const key of homeItemsFor(actor)) {
    const query = QUERIES[key];
    const filter = complaintFilterSchema.parse(query);
    items.push({ key, query, count: await countComplaints(db, actor, { ...filter, today }) });
  }
  // A supervisor's lists hold published summaries only: an empty list is then no sign of an idle area.
  return { today, items, publishedOnly: !mayMatchOriginal(actor) };
}
