import {
  type Actor,
  type ComplaintAction,
  canRecategorise,
  daysFor,
  dueDate,
  mayHandleCase,
  reminderDate,
} from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { AppError, type FieldIssue, validationError } from '../../../http/app-error.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { findReference } from '../../../platform/reference/repo.js';
import { findUserById } from '../../../platform/users/repo.js';
import { loadCalendar } from '../deadlines/calendar.js';
import { listDeadlines, refreshNextDueDate, startDeadline } from '../deadlines/repo.js';
import { settingsFor } from '../deadlines/sync.js';
import { accessView } from './presenter.js';
import type { ComplaintChange, ComplaintRow } from './repo.js';
import { routeRecategorised } from './routing.js';

type Recategorise = Extract<ComplaintAction, { action: 'recategorise' }>;

/** The new codes, checked against the active reference lists; the sensitivity a sensitive category imposes. */
async function checkCodes(tx: Queryable, c: ComplaintRow, a: Recategorise) {
  const [category, type] = [
    await findReference(tx, 'category', a.category),
    await findReference(tx, 'type', a.type),
  ];
  const issues: FieldIssue[] = [];
  if (!category?.active) issues.push({ path: 'category', message: 'unknown_category' });
  if (!type?.active) issues.push({ path: 'type', message: 'unknown_type' });
  // A GBV/SEA category is sensitive by definition: the flag can add sensitivity, never remove it.
  if (category?.sensitive && !a.sensitive)
    issues.push({ path: 'sensitive', message: 'category_is_sensitive' });
  if (
    issues.length === 0 &&
    a.category === c.categoryCode &&
    a.type === c.typeCode &&
    a.sensitive === c.sensitive
  ) {
    issues.push({ path: 'category', message: 'nothing_changed' });
  }
  if (issues.length) throw validationError(issues);
}

/**
 * What recategorising changes on the case: its codes and sensitivity, and where it is handled. The case is
 * routed again by the rules of its new category; its assignee keeps it when still eligible at the new
 * placement (a "works" case that becomes "payments" stays with its focal point), otherwise the router picks
 * one — a case made sensitive thus leaves its ordinary handler at once. `actor` null is the system.
 */
export async function recategoriseChange(
  tx: Queryable,
  actor: Actor | null,
  c: ComplaintRow,
  a: Recategorise,
): Promise<{ change: ComplaintChange; payload: Record<string, unknown> }> {
  await checkCodes(tx, c, a);
  if (actor && !canRecategorise(actor, accessView(c), a.sensitive)) {
    throw new AppError(c.sensitive && !a.sensitive ? 'sensitive_focal_point_required' : 'forbidden');
  }
  const placement = await routeRecategorised(tx, c, a.category, a.sensitive);
  const unit = await findUnit(tx, placement.handlingUnitId);
  const holder = c.assigneeId ? await findUserById(tx, c.assigneeId) : undefined;
  const keep = holder && mayHandleCase(holder, { sensitive: a.sensitive, handlingUnitPath: unit?.path });
  const change: ComplaintChange = {
    typeCode: a.type,
    categoryCode: a.category,
    sensitive: a.sensitive,
    ...placement,
    assigneeId: keep ? c.assigneeId : placement.assigneeId,
  };
  return {
    change,
    payload: {
      reason: a.reason,
      category: a.category,
      type: a.type,
      sensitive: a.sensitive,
      previous: { category: c.categoryCode, type: c.typeCode, sensitive: c.sensitive },
      handlingLevel: placement.handlingLevel,
    },
  };
}

/**
 * Recomputes the open deadlines of a case whose level or category changed: same start, the SLA days of the
 * settings that now apply. A deadline whose due date does not move keeps its reminder and breach marks, so the
 * scan never reports the same breach twice; one that moves starts afresh on its new date.
 */
export async function recomputeOpenDeadlines(tx: Queryable, complaintId: string): Promise<void> {
  const [c] = await tx.query<{ level: string; categoryCode: string }>(
    'select handling_level as level, category_code as "categoryCode" from complaints where id = $1',
    [complaintId],
  );
  if (!c) return;
  const open = (await listDeadlines(tx, complaintId)).filter((d) => d.metAt === null);
  if (open.length === 0) return;
  const settings = await settingsFor(tx, c.level, c.categoryCode);
  const earliest = open.map((d) => d.startedOn).sort()[0]!;
  const calendar = await loadCalendar(tx, earliest);
  for (const d of open) {
    const due = dueDate(calendar, d.startedOn, daysFor(settings, d.kind));
    if (due === d.dueDate) continue;
    await startDeadline(
      tx,
      {
        complaintId,
        kind: d.kind,
        startedOn: d.startedOn,
        dueDate: due,
        remindOn: reminderDate(calendar, d.startedOn, due, settings.reminderDays),
        handlingLevel: c.level,
      },
      false,
    );
  }
  await refreshNextDueDate(tx, complaintId);
}
