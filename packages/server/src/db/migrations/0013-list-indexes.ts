/**
 * Indexes for the case lists at a million cases (bench/RESULTS.md, issue #6: list p95 < 50 ms).
 * - recorded_by: the "who recorded it" branch of the visibility rule, so that the whole rule of a narrow
 *   scope (a facilitator's villages) is one bitmap of index ranges instead of a scan.
 * - area by due date: "due first" for a village walks its cases in due order.
 * - reference trigrams: a reference fragment ("2025-00012") is a substring match; without it, every case.
 * - assignee by received time: the assignee's branch of the scope walks it in the list's order (a national
 *   sensitive-case focal point holds a hundred thousand cases; the older (assignee, status, …) index is not
 *   in received order).
 * - overdue: open cases by received time carrying their next due date as a key column, so that "overdue,
 *   newest first" skips the recent cases still on time inside the index, without reading their rows.
 */
export const sql = /* sql */ `
create extension if not exists pg_trgm;
create index complaints_recorded_by on complaints (recorded_by) where recorded_by is not null;
create index complaints_assignee_received on complaints (assignee_id, received_at desc, id desc)
  where assignee_id is not null;
create index complaints_area_due on complaints
  (area_path text_pattern_ops, (coalesce(next_due_date, '9999-12-31'::date)), id);
create index complaints_reference_trgm on complaints using gin (reference gin_trgm_ops);
create index complaints_open_due on complaints (received_at desc, id desc, next_due_date)
  where next_due_date is not null;
`;
