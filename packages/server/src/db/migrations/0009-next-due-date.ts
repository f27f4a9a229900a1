/**
 * The earliest open deadline of each case, kept on the case row by the deadline sync: "overdue" and "due
 * first" lists become one indexed column instead of a subquery per case (bench/RESULTS.md: 5–7 s at one
 * million cases before, for the due-date order).
 */
export const sql = /* sql */ `
alter table complaints add column next_due_date date;
update complaints c set next_due_date = d.due
  from (select complaint_id, min(due_date) as due from complaint_deadlines where met_at is null group by complaint_id) d
 where d.complaint_id = c.id;
create index complaints_next_due on complaints ((coalesce(next_due_date, '9999-12-31'::date)), id);
`;
