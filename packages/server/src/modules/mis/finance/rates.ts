import type { CreateExchangeRateInput } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import type { Ctx } from '../../../platform/sync/mutations.js';

/**
 * Dated exchange rates (XOF for one USD, exact decimals): a rate holds from its date until the next one. A
 * recorded date is never changed (409 conflict): amounts already shown in USD stay explainable.
 */

const trimRate = (rate: string) => (rate.includes('.') ? rate.replace(/\.?0+$/, '') : rate);

/** The rate valid on `date`: the latest one from that date back (422 mis_exchange_rate_missing). */
export async function rateOn(q: Queryable, date: string) {
  const [rate] = await q.query<{ validFrom: string; rate: string }>(
    `select valid_from as "validFrom", xof_per_usd::text as rate from mis_exchange_rates
      where valid_from <= $1 order by valid_from desc limit 1`,
    [date],
  );
  if (!rate) throw new AppError('mis_exchange_rate_missing', { date });
  return { validFrom: rate.validFrom, rate: trimRate(rate.rate) };
}

const SELECT = `select r.valid_from as "validFrom", r.xof_per_usd::text as "xofPerUsd",
  case when r.recorded_by is null then null
       else json_build_object('id', r.recorded_by, 'displayName', u.display_name) end as "recordedBy"
  from mis_exchange_rates r left join users u on u.id = r.recorded_by`;

interface RateRow {
  validFrom: string;
  xofPerUsd: string;
  recordedBy: { id: string; displayName: string | null } | null;
}

const shown = (r: RateRow): RateRow => ({ ...r, xofPerUsd: trimRate(r.xofPerUsd) });

export async function listRates(q: Queryable) {
  const rows = await q.query<RateRow>(`${SELECT} order by r.valid_from desc`);
  return { items: rows.map(shown) };
}

export async function createRate(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  ctx: Ctx,
  input: CreateExchangeRateInput,
  at: Date,
) {
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `insert into mis_exchange_rates (valid_from, xof_per_usd, recorded_by, recorded_at)
       values ($1, $2::numeric, $3, $4) on conflict (valid_from) do nothing returning 1`,
      [input.validFrom, input.xofPerUsd, ctx.actor.id, at],
    );
    if (inserted.length === 0) throw new AppError('conflict', { field: 'validFrom' });
    await appendAudit(tx, {
      actorId: ctx.actor.id,
      entity: 'mis_exchange_rates',
      entityId: null,
      action: 'create',
      changes: { ...input },
      ip: ctx.ip,
    });
    const [row] = await tx.query<RateRow>(`${SELECT} where r.valid_from = $1`, [input.validFrom]);
    return shown(row!);
  });
}
