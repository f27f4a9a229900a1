import { formatFcfa, type Locale } from '@coso/domain';
import { ApiError } from '../../../api/client';
import type { Translate } from '../../../i18n/translate';
import type { Allocation, BalanceRow, Balances } from './finance-api';

/** The amount still available when the server refused a line past its ceiling (409), else null. */
export function ceilingAvailable(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'mis_ceiling_exceeded') return null;
  const available = (error.details as { available?: unknown } | null | undefined)?.available;
  return typeof available === 'number' ? available : 0;
}

/** An allocation as the transfer and disbursement forms offer it: where, component, amount, what is left. */
export function allocationOption(
  a: Allocation,
  componentLabel: (code: string) => string,
  locale: Locale,
  t: Translate,
) {
  return {
    value: a.id,
    label: t('mis.finance.allocationOption', {
      unit: a.unit.name,
      component: componentLabel(a.component),
      amount: formatFcfa(a.amount, locale),
      left: formatFcfa(a.amount - Math.max(a.transferred, a.disbursed), locale),
    }),
  };
}

/** The live allocations (neither a reversal nor reversed): those new lines may go to. */
export const liveAllocations = (items: readonly Allocation[]) =>
  items.filter((a) => a.reverses === null && !a.reversed);

/** The table's rows: one per unit and component, then the totals (unit null). */
export type BalanceTableRow = { key: string; row: BalanceRow | null; amounts: BalanceRow['amounts'] };

export function balanceTableRows(b: Balances): BalanceTableRow[] {
  const rows = b.rows.map((r) => ({ key: `${r.unit.id}:${r.component}`, row: r, amounts: r.amounts }));
  return rows.length === 0 ? [] : [...rows, { key: 'totals', row: null, amounts: b.totals }];
}
