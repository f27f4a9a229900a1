import type { Queryable } from '../../../db/driver.js';

/**
 * The finance tables' writes, locks and sums (migration 0029). Amounts leave SQL as text (`::text`: bigint and
 * numeric sums alike) and become numbers through `fcfa`, which refuses anything past JavaScript's exact range:
 * no float ever carries an amount, in either driver.
 */

/** An amount read back from SQL (text, or a number/bigint a driver parsed): exact, or an error. */
export function fcfa(value: unknown): number {
  const big = BigInt(value == null ? 0 : (value as string | number | bigint));
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('fcfa_out_of_range');
  return Number(big);
}

/** A line's signed amount: a reversal counts negatively (it cancels the line it names). */
export const net = (alias: string) =>
  `case when ${alias}.reverses is null then ${alias}.amount else -${alias}.amount end`;

/** The tables holding lines, as named in mis_finance_files.line_table. */
export type LineTable =
  | 'mis_allocations'
  | 'mis_transfers'
  | 'mis_disbursement_requests'
  | 'mis_disbursements'
  | 'mis_payments';

/** Inserts one row; `row`'s keys are column names written by the service (never user input). */
export async function insertRow(q: Queryable, table: LineTable, row: Record<string, unknown>) {
  const cols = Object.keys(row);
  await q.query(
    `insert into ${table} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

/** A canton (geo unit) or a CVD (village group) an allocation may go to, with the canton's path. */
export async function findAllocationUnit(q: Queryable, unitId: string) {
  const [unit] = await q.query<{ cantonId: string; cvdId: string | null; level: string; path: string }>(
    `select g.id as "cantonId", null::uuid as "cvdId", g.level, g.path from geo_units g where g.id = $1
     union all
     select c.id, v.id, c.level, c.path from village_groups v join geo_units c on c.id = v.canton_id
      where v.id = $1 and v.kind = 'cvd'`,
    [unitId],
  );
  return unit ?? null;
}

export interface LockedAllocation {
  id: string;
  amount: number;
  areaPath: string;
  /** A reversal row, or a line a reversal cancelled: its ceiling is nothing. */
  live: boolean;
  isReversal: boolean;
  reversed: boolean;
}

/**
 * Locks an allocation row (`for update`): every line checked against it waits for the others, so two
 * concurrent lines cannot both pass the ceiling. Out of the actor's scope (`scope` over alias `a`): null.
 */
export async function lockAllocation(
  q: Queryable,
  id: string,
  scope: { text: string; params: unknown[] },
): Promise<LockedAllocation | null> {
  const [row] = await q.query<{ id: string; amount: string; areaPath: string; reverses: string | null }>(
    `select a.id, a.amount::text as amount, a.area_path as "areaPath", a.reverses
       from mis_allocations a where a.id = $${scope.params.length + 1} and ${scope.text} for update of a`,
    [...scope.params, id],
  );
  if (!row) return null;
  const reversed = await isReversed(q, 'mis_allocations', id);
  const isReversal = row.reverses !== null;
  return {
    id: row.id,
    amount: fcfa(row.amount),
    areaPath: row.areaPath,
    live: !isReversal && !reversed,
    isReversal,
    reversed,
  };
}

export async function isReversed(q: Queryable, table: LineTable, id: string): Promise<boolean> {
  const rows = await q.query(`select 1 from ${table} where reverses = $1`, [id]);
  return rows.length > 0;
}

/** What an allocation's live lines add up to: transferred, disbursed, pending requests. */
export async function allocationUsage(q: Queryable, allocationId: string) {
  const [row] = await q.query<{ transferred: string; disbursed: string; requested: string }>(
    `select (select coalesce(sum(${net('t')}), 0) from mis_transfers t where t.allocation_id = $1)::text
              as transferred,
            (select coalesce(sum(${net('d')}), 0) from mis_disbursements d where d.allocation_id = $1)::text
              as disbursed,
            (select coalesce(sum(r.amount), 0) from mis_disbursement_requests r
              where r.allocation_id = $1 and r.status = 'pending')::text as requested`,
    [allocationId],
  );
  return {
    transferred: fcfa(row!.transferred),
    disbursed: fcfa(row!.disbursed),
    requested: fcfa(row!.requested),
  };
}

/** Locks a contract (`for update`) with its sub-project's component and what its live payments add up to. */
export async function lockContract(q: Queryable, id: string, scope: { text: string; params: unknown[] }) {
  const n = scope.params.length + 1;
  const [row] = await q.query<{ id: string; amount: string; areaPath: string }>(
    `select k.id, k.amount::text as amount, s.area_path as "areaPath"
       from mis_contracts k join mis_subprojects s on s.id = k.subproject_id
      where k.id = $${n} and ${scope.text} for update of k`,
    [...scope.params, id],
  );
  if (!row) return null;
  const [paid] = await q.query<{ paid: string }>(
    `select coalesce(sum(${net('p')}), 0)::text as paid from mis_payments p where p.contract_id = $1`,
    [id],
  );
  return { id: row.id, amount: fcfa(row.amount), areaPath: row.areaPath, paid: fcfa(paid!.paid) };
}

/** A disbursement request, locked (its decision and its settlement are checked under the lock). */
export async function lockRequest(q: Queryable, id: string) {
  const [row] = await q.query<{ id: string; allocationId: string; amount: string; status: string }>(
    `select id, allocation_id as "allocationId", amount::text as amount, status
       from mis_disbursement_requests where id = $1 for update`,
    [id],
  );
  return row ? { ...row, amount: fcfa(row.amount) } : null;
}

/** Whether a live disbursement already settles the request. */
export async function requestSettled(q: Queryable, requestId: string): Promise<boolean> {
  const rows = await q.query(
    `select 1 from mis_disbursements d where d.request_id = $1 and d.reverses is null
        and not exists (select 1 from mis_disbursements r where r.reverses = d.id)`,
    [requestId],
  );
  return rows.length > 0;
}

/** A line of `table` with the columns its reversal copies; the allocation or contract it hangs on. */
export async function findLine(q: Queryable, table: LineTable, id: string) {
  const [row] = await q.query<Record<string, unknown> & { reverses: string | null }>(
    `select * from ${table} where id = $1`,
    [id],
  );
  return row ?? null;
}

/** Whether live transfers, disbursements or pending/approved requests remain on an allocation. */
export async function allocationInUse(q: Queryable, id: string): Promise<boolean> {
  const usage = await allocationUsage(q, id);
  if (usage.transferred !== 0 || usage.disbursed !== 0 || usage.requested !== 0) return true;
  const approved = await q.query(
    `select 1 from mis_disbursement_requests r where r.allocation_id = $1 and r.status = 'approved'
        and not exists (select 1 from mis_disbursements d where d.request_id = r.id)`,
    [id],
  );
  return approved.length > 0;
}
