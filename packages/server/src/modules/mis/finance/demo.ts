import { togoDate } from '@coso/domain';
import type { Db } from '../../../db/driver.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import { toAuthUser } from '../../../platform/auth/service.js';
import type { PlatformContext } from '../../../platform/module.js';
import { findUserById } from '../../../platform/users/repo.js';
import { COSO_MIS_LISTS } from '../reference.js';
import { createRate } from './rates.js';
import { fcfa } from './repo.js';
import { createFinanceService } from './service.js';

const DAY = 86_400_000;
const thousands = (n: number) => Math.floor(n / 1000) * 1000;
const NO_FILES: FileHooks = { afterCommit: () => {}, onRollback: () => {} };

/**
 * Demo finance (issue #16), after the demo sub-projects and their contracts (modules/mis/demo.ts): per canton
 * and component of the contracted sub-projects, an allocation of 120 % of their contracts, a transfer of 70 %
 * and a disbursement of 50 % of it; a payment of 40 % of each contract; one reversed transfer (a typing
 * mistake) and a USD rate dated before them. All through the finance service, recorded by the demo finance officer
 * ("finances"). Nothing when finance lines exist already, when there is no contract or no such account.
 */
export async function seedDemoMisFinance(db: Db, context: PlatformContext): Promise<boolean> {
  if ((await db.query('select 1 from mis_allocations limit 1')).length > 0) return false;
  const [row] = await db.query<{ id: string }>(`select id from users where username = 'finances'`);
  const user = row && (await findUserById(db, row.id));
  const contracts = await db.query<{ id: string; amount: string; cantonId: string; component: string }>(
    `select k.id, k.amount::text as amount, s.component,
            case when u.level = 'canton' then u.id else u.parent_id end as "cantonId"
       from mis_contracts k join mis_subprojects s on s.id = k.subproject_id join geo_units u on u.id = s.unit_id
      order by s.code, k.created_at, k.id`,
  );
  if (!user || contracts.length === 0) return false;
  // Lines dated from ten months back, so the demo's history ends before today whenever it is seeded.
  const start = Date.parse(`${togoDate(new Date(Date.now() - 300 * DAY))}T09:00:00Z`);
  const rateFrom = togoDate(new Date(start - 31 * DAY));
  const clock = { at: new Date(start), now: () => new Date(clock.at) };
  const finance = createFinanceService({ ...context, clock, lists: COSO_MIS_LISTS });
  const ctx = { actor: toAuthUser(user), ip: null };
  // The rate through the same writer as the finance page (audited); a rerun after an interrupted seed keeps it.
  if ((await db.query('select 1 from mis_exchange_rates where valid_from = $1', [rateFrom])).length === 0)
    await createRate(db, ctx, { validFrom: rateFrom, xofPerUsd: '605.25' }, clock.now());
  const groups = new Map<string, { cantonId: string; component: string; total: number }>();
  for (const k of contracts) {
    const key = `${k.cantonId}:${k.component}`;
    const g = groups.get(key) ?? { cantonId: k.cantonId, component: k.component, total: 0 };
    g.total += fcfa(k.amount);
    groups.set(key, g);
  }
  let day = 0;
  const date = () => {
    clock.at = new Date(start + day++ * DAY);
    return togoDate(clock.at);
  };
  for (const g of groups.values()) {
    const amount = thousands(g.total * 1.2);
    const a = await finance.createAllocation(
      ctx,
      { unitId: g.cantonId, component: g.component, amount, date: date(), note: 'Allocation annuelle' },
      NO_FILES,
    );
    const id = a.id as string;
    const bankReference = `VIR-${String(day).padStart(4, '0')}`;
    if (day === 1) {
      // A mistyped transfer, cancelled by a reversal the next day.
      const wrong = await finance.createTransfer(
        ctx,
        { allocationId: id, amount: thousands(amount * 0.07), date: date(), bankReference },
        NO_FILES,
      );
      await finance.reverse(ctx, 'transfers', wrong.id as string, {
        reason: 'Montant mal saisi (un zéro oublié)',
      });
    }
    await finance.createTransfer(
      ctx,
      { allocationId: id, amount: thousands(amount * 0.7), date: date(), bankReference },
      NO_FILES,
    );
    await finance.createDisbursement(
      ctx,
      { allocationId: id, amount: thousands(amount * 0.5), date: date(), reference: `DEC-${day}` },
      NO_FILES,
    );
  }
  for (const k of contracts) {
    if (fcfa(k.amount) < 2500) continue;
    await finance.createPayment(
      ctx,
      { contractId: k.id, amount: thousands(fcfa(k.amount) * 0.4), date: date(), reference: `OP-${day}` },
      NO_FILES,
    );
  }
  return true;
}
