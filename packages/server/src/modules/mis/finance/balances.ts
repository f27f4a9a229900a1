import {
  type Actor,
  type BalanceAmounts,
  type BalanceRow,
  type Balances,
  type BalancesQuery,
  sumFcfa,
  xofToUsdCents,
} from '@coso/domain';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { subprojectReadScope } from '../visibility.js';
import { rateOn } from './rates.js';
import { fcfa, net } from './repo.js';
import { allocationReadScope } from './scope.js';

/**
 * Balances per unit (a canton or a CVD) and component, derived by SQL sums over the lines (bigint, reversals
 * negative; never stored, never floats): allocated, transferred, requested (pending requests), disbursed,
 * paid, and what is left — to transfer (allocated − transferred), to disburse (allocated − disbursed), to pay
 * (disbursed − paid).
 *
 * A payment counts for its contract's sub-project: on the row of the sub-project's CVD when that CVD holds an
 * allocation of the sub-project's component, else on the row of the sub-project's canton (its unit, or the
 * village's canton). Every line therefore counts on exactly one row, and the totals are the rows' sums.
 */

const STAGES = ['allocated', 'transferred', 'requested', 'disbursed', 'paid'] as const;

/** Each stage's column in the union below: the line's signed amount in its own stage, 0 elsewhere. */
const stageColumns = (stage: (typeof STAGES)[number], amount: string) =>
  STAGES.map((s) => (s === stage ? amount : '0')).join(', ');

const withRest = (a: Record<(typeof STAGES)[number], number>): BalanceAmounts => ({
  ...a,
  toTransfer: a.allocated - a.transferred,
  toDisburse: a.allocated - a.disbursed,
  toPay: a.disbursed - a.paid,
});

function inUsd(a: BalanceAmounts, rate: string): BalanceAmounts {
  return Object.fromEntries(
    Object.entries(a).map(([k, v]) => [k, Math.sign(v) * xofToUsdCents(Math.abs(v), rate)]),
  ) as BalanceAmounts;
}

export async function balances(
  q: Queryable,
  actor: Actor,
  query: BalancesQuery,
  today: string,
): Promise<Balances> {
  const c = new Conditions();
  let within: string | null = null;
  if (query.within) {
    const [unit] = await q.query<{ path: string }>('select path from geo_units where id = $1', [
      query.within,
    ]);
    if (!unit) throw new AppError('not_found', { field: 'within' });
    within = unit.path;
  }
  const filters = (alias: string) =>
    [
      within === null ? null : `${alias}.area_path like ${c.param(within)} || '%'`,
      query.component ? `${alias}.component = ${c.param(query.component)}` : null,
    ]
      .filter((x) => x !== null)
      .map((x) => ` and ${x}`)
      .join('');
  const onAllocation = (table: string, stage: (typeof STAGES)[number], amount: string, extra = '') =>
    `select coalesce(a.cvd_id, a.canton_id), a.cvd_id is not null, a.canton_id, a.component,
            ${stageColumns(stage, amount)}
       from ${table} join mis_allocations a on a.id = x.allocation_id
      where ${c.text(allocationReadScope(actor))}${filters('a')}${extra}`;
  const sql = `
    with lines (unit_id, is_cvd, canton_id, component, ${STAGES.join(', ')}) as (
      select coalesce(a.cvd_id, a.canton_id), a.cvd_id is not null, a.canton_id, a.component,
             ${stageColumns('allocated', net('a'))}
        from mis_allocations a where ${c.text(allocationReadScope(actor))}${filters('a')}
      union all ${onAllocation('mis_transfers x', 'transferred', net('x'))}
      union all ${onAllocation('mis_disbursement_requests x', 'requested', 'x.amount', " and x.status = 'pending'")}
      union all ${onAllocation('mis_disbursements x', 'disbursed', net('x'))}
      union all
      select coalesce(cvd.id, canton.id), cvd.id is not null, canton.id, s.component,
             ${stageColumns('paid', net('p'))}
        from mis_payments p join mis_contracts k on k.id = p.contract_id
        join mis_subprojects s on s.id = k.subproject_id
        join geo_units u on u.id = s.unit_id
        join geo_units canton on canton.id = case when u.level = 'canton' then u.id else u.parent_id end
        left join village_groups cvd on cvd.id = s.cvd_id and exists (
          select 1 from mis_allocations ca where ca.cvd_id = s.cvd_id and ca.component = s.component)
       where ${c.text(subprojectReadScope(actor))}${filters('s')}
    )
    select l.unit_id as "unitId", l.is_cvd as "isCvd", l.canton_id as "cantonId", c.name as "cantonName",
           coalesce(v.name, c.name) as "unitName", l.component,
           ${STAGES.map((s) => `sum(l.${s})::text as ${s}`).join(', ')}
      from lines l join geo_units c on c.id = l.canton_id
      left join village_groups v on l.is_cvd and v.id = l.unit_id
     group by l.unit_id, l.is_cvd, l.canton_id, c.name, v.name, l.component
     order by c.name, l.is_cvd, coalesce(v.name, c.name), l.component`;
  const rows = await q.query<Record<string, string> & { isCvd: boolean }>(sql, c.params);
  const items: BalanceRow[] = rows.map((r) => ({
    unit: { id: r.unitId!, kind: r.isCvd ? 'cvd' : 'canton', name: r.unitName! },
    canton: { id: r.cantonId!, name: r.cantonName! },
    component: r.component!,
    amounts: withRest(
      Object.fromEntries(STAGES.map((s) => [s, fcfa(r[s])])) as Record<(typeof STAGES)[number], number>,
    ),
  }));
  const totals = withRest(
    Object.fromEntries(STAGES.map((s) => [s, sumFcfa(items.map((i) => i.amounts[s]))])) as Record<
      (typeof STAGES)[number],
      number
    >,
  );
  if (query.currency !== 'usd') return { rows: items, totals };
  const rate = await rateOn(q, query.rateDate ?? today);
  return {
    rows: items.map((i) => ({ ...i, usdCents: inUsd(i.amounts, rate.rate) })),
    totals,
    usd: { rate: rate.rate, validFrom: rate.validFrom, totalsCents: inUsd(totals, rate.rate) },
  };
}
