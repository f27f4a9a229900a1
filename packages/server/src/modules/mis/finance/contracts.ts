import type { Actor } from '@coso/domain';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { subprojectReadScope } from '../visibility.js';
import { fcfa, type LineTable, net } from './repo.js';
import { allocationReadScope } from './scope.js';

/**
 * The contracts a payment may go to (the payment form's picker): those of the sub-projects the actor reads,
 * found by sub-project code or title, company or contract reference, with what their live payments add up to.
 */
export async function findContracts(
  q: Queryable,
  actor: Actor,
  query: { q?: string | undefined; subprojectId?: string | undefined; limit?: number | undefined },
) {
  const c = new Conditions();
  c.add(c.text(subprojectReadScope(actor)));
  if (query.subprojectId) c.add('s.id = ?', query.subprojectId);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.add(
      '(s.code ilike ? or s.title ilike ? or k.company ilike ? or k.reference ilike ?)',
      like,
      like,
      like,
      like,
    );
  }
  const rows = await q.query<Record<string, unknown>>(
    `select k.id, k.kind, k.company, k.reference, k.amount::text as amount,
            (select coalesce(sum(${net('p')}), 0) from mis_payments p where p.contract_id = k.id)::text as paid,
            json_build_object('id', s.id, 'code', s.code, 'title', s.title) as subproject
       from mis_contracts k join mis_subprojects s on s.id = k.subproject_id
       ${c.where} order by s.code, k.created_at, k.id limit ${c.param(query.limit ?? 30)}`,
    c.params,
  );
  return {
    items: rows.map((r) => {
      const amount = fcfa(r.amount);
      const paid = fcfa(r.paid);
      return { ...r, amount, paid, remaining: amount - paid } as never;
    }),
  };
}

/** Whether the actor reads the line a stored document belongs to (its allocation's or sub-project's scope). */
export async function readsLine(q: Queryable, actor: Actor, table: LineTable, lineId: string) {
  const c = new Conditions();
  const scoped =
    table === 'mis_payments'
      ? `select 1 from mis_payments t join mis_contracts k on k.id = t.contract_id
           join mis_subprojects s on s.id = k.subproject_id where t.id = ${c.param(lineId)}
            and ${c.text(subprojectReadScope(actor))}`
      : table === 'mis_allocations'
        ? `select 1 from mis_allocations a where a.id = ${c.param(lineId)} and ${c.text(allocationReadScope(actor))}`
        : `select 1 from ${table} t join mis_allocations a on a.id = t.allocation_id
            where t.id = ${c.param(lineId)} and ${c.text(allocationReadScope(actor))}`;
  return (await q.query(scoped, c.params)).length > 0;
}
