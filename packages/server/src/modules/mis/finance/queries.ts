import type { Actor, FinanceLineKind, FinanceListQuery } from '@coso/domain';
import { z } from 'zod';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { decodeCursor, page } from '../../../http/cursor.js';
import { subprojectReadScope } from '../visibility.js';
import { fcfa, type LineTable, net } from './repo.js';
import { allocationReadScope } from './scope.js';

/**
 * The finance lines as the API shows them (domain schemas/finance.ts), newest first, within the caller's
 * scope: the allocation's for allocations and the lines on them, the sub-project's for payments.
 */

export type LineKind = FinanceLineKind;

const person = (id: string, name: string) =>
  `case when ${id} is null then null else json_build_object('id', ${id}, 'displayName', ${name}) end`;
const userName = (col: string) => `(select u.display_name from users u where u.id = ${col})`;
const by = (col: string) => person(col, userName(col));

/** Columns every line shares, on alias `t` of `table`. */
const common = (table: LineTable, date: string) => `
  t.id, t.amount::text as amount, t.${date} as date, t.note,
  ${table === 'mis_disbursement_requests' ? 'null::uuid' : 't.reverses'} as reverses,
  ${table === 'mis_disbursement_requests' ? 'false' : `exists (select 1 from ${table} r where r.reverses = t.id)`} as reversed,
  ${by('t.recorded_by')} as "recordedBy", t.recorded_at as "recordedAt",
  t.recorded_at::text as "cursorAt",
  coalesce((select json_agg(json_build_object('id', f.upload_id, 'filename', f.filename,
              'contentType', f.content_type, 'sizeBytes', f.size_bytes) order by f.added_at, f.upload_id)
            from mis_finance_files f where f.line_table = '${table}' and f.line_id = t.id), '[]'::json) as files`;

const unitName = 'coalesce(v.name, c.name)';
const onAllocation = `
  join mis_allocations a on a.id = t.allocation_id
  join geo_units c on c.id = a.canton_id left join village_groups v on v.id = a.cvd_id`;
const allocationRef = `a.id as "allocationId", ${unitName} as "unitName", a.component`;
const override = `case when t.override_reason is null then null
  else json_build_object('reason', t.override_reason, 'by', ${by('t.override_by')}) end as override`;

interface KindSql {
  table: LineTable;
  select: string;
  from: string;
  /** Where the scope and the area filter read the path and the component. */
  scopeOn: 'allocation' | 'subproject';
  amounts: string[];
}

const KINDS: Record<LineKind, KindSql> = {
  allocations: {
    table: 'mis_allocations',
    select: `${common('mis_allocations', 'allocated_on')},
      json_build_object('id', coalesce(v.id, c.id), 'kind', case when v.id is null then 'canton' else 'cvd' end,
                        'name', ${unitName}) as unit,
      json_build_object('id', c.id, 'name', c.name) as canton, a.component, a.cycle_id as "cycleId",
      (select coalesce(sum(${net('x')}), 0) from mis_transfers x where x.allocation_id = t.id)::text as transferred,
      (select coalesce(sum(x.amount), 0) from mis_disbursement_requests x
        where x.allocation_id = t.id and x.status = 'pending')::text as requested,
      (select coalesce(sum(${net('x')}), 0) from mis_disbursements x where x.allocation_id = t.id)::text as disbursed`,
    from: `mis_allocations t join mis_allocations a on a.id = t.id
      join geo_units c on c.id = a.canton_id left join village_groups v on v.id = a.cvd_id`,
    scopeOn: 'allocation',
    amounts: ['amount', 'transferred', 'requested', 'disbursed'],
  },
  transfers: {
    table: 'mis_transfers',
    select: `${common('mis_transfers', 'transferred_on')}, ${allocationRef}, t.bank_reference as "bankReference",
      ${override}`,
    from: `mis_transfers t ${onAllocation}`,
    scopeOn: 'allocation',
    amounts: ['amount'],
  },
  'disbursement-requests': {
    table: 'mis_disbursement_requests',
    select: `${common('mis_disbursement_requests', 'requested_on')}, ${allocationRef}, t.status,
      ${by('t.decided_by')} as "decidedBy", t.decided_at as "decidedAt", t.decision_note as "decisionNote"`,
    from: `mis_disbursement_requests t ${onAllocation}`,
    scopeOn: 'allocation',
    amounts: ['amount'],
  },
  disbursements: {
    table: 'mis_disbursements',
    select: `${common('mis_disbursements', 'disbursed_on')}, ${allocationRef}, t.request_id as "requestId",
      t.reference, ${override}`,
    from: `mis_disbursements t ${onAllocation}`,
    scopeOn: 'allocation',
    amounts: ['amount'],
  },
  payments: {
    table: 'mis_payments',
    select: `${common('mis_payments', 'paid_on')},
      json_build_object('id', k.id, 'kind', k.kind, 'company', k.company, 'reference', k.reference) as contract,
      json_build_object('id', s.id, 'code', s.code, 'title', s.title) as subproject, s.component,
      t.reference, ${override}`,
    from: `mis_payments t join mis_contracts k on k.id = t.contract_id
      join mis_subprojects s on s.id = k.subproject_id`,
    scopeOn: 'subproject',
    amounts: ['amount'],
  },
};

function toLine(kind: LineKind, row: Record<string, unknown>) {
  const { cursorAt: _c, ...line } = row;
  for (const key of KINDS[kind].amounts) line[key] = fcfa(line[key]);
  return line;
}

/** One line (after a write: the caller's scope was checked under the lock). */
export async function getLine(q: Queryable, kind: LineKind, id: string) {
  const k = KINDS[kind];
  const [row] = await q.query(`select ${k.select} from ${k.from} where t.id = $1`, [id]);
  if (!row) throw new AppError('not_found');
  return toLine(kind, row);
}

const cursorSchema = z.object({ at: z.string(), id: z.uuid() });

/** A page of lines of `kind` the actor may read, newest first, with the query's filters. */
export async function listLines(q: Queryable, kind: LineKind, actor: Actor, query: FinanceListQuery) {
  const k = KINDS[kind];
  const c = new Conditions();
  const alias = k.scopeOn === 'allocation' ? 'a' : 's';
  c.add(c.text(k.scopeOn === 'allocation' ? allocationReadScope(actor) : subprojectReadScope(actor)));
  if (query.within) {
    const [unit] = await q.query<{ path: string }>('select path from geo_units where id = $1', [
      query.within,
    ]);
    if (!unit) throw new AppError('not_found', { field: 'within' });
    c.add(`${alias}.area_path like ? || '%'`, unit.path);
  }
  if (query.component) c.add(`${alias}.component = ?`, query.component);
  if (query.allocationId && k.scopeOn === 'allocation') c.add('a.id = ?', query.allocationId);
  if (query.contractId && kind === 'payments') c.add('t.contract_id = ?', query.contractId);
  const after = decodeCursor(query.cursor, cursorSchema);
  if (after) c.add('(t.recorded_at, t.id) < (?::timestamptz, ?::uuid)', after.at, after.id);
  const limit = query.limit ?? 50;
  const rows = await q.query<Record<string, unknown>>(
    `select ${k.select} from ${k.from} ${c.where}
      order by t.recorded_at desc, t.id desc limit ${c.param(limit + 1)}`,
    c.params,
  );
  const result = page(rows, limit, (r) => ({ at: r.cursorAt as string, id: r.id as string }));
  return { items: result.items.map((r) => toLine(kind, r)), nextCursor: result.nextCursor };
}
