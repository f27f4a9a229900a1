import { randomInt } from 'node:crypto';
import { generateTrackingCode, isValidTrackingCode, normalizeTrackingCode } from '@coso/domain';
import type { Db, Queryable } from '../../../db/driver.js';

/**
 * Tracking codes reserved for a user's devices (POST /api/v1/sync/codes), so that a complaint recorded offline
 * gets its final code on the printed receipt at once. A reservation is used at most once.
 */

/** Unused reservations a user may hold. Asking for more releases the oldest ones (see reserveCodes). */
export const MAX_OUTSTANDING_CODES = 200;

// Codes handed out ahead of time are drawn from the system's random source: they are printed on receipts
// and open the public tracking page, so they must not be predictable from earlier ones.
const secureRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

/**
 * Reserves `count` new codes for the user, unique against every case and every reservation. When the user
 * would hold more than MAX_OUTSTANDING_CODES unused ones (a device reinstalled and lost its pool), the oldest
 * are released first: a device that still holds a released code may still use it, since an unreserved code
 * is kept when it is free (see pickTrackingCode).
 */
export async function reserveCodes(tx: Queryable, userId: string, count: number): Promise<string[]> {
  const wanted = Math.min(count, MAX_OUTSTANDING_CODES);
  await tx.query(
    `delete from tracking_code_reservations
      where code in (select code from tracking_code_reservations
                      where user_id = $1 and used_at is null
                      order by reserved_at desc, code
                      offset $2)`,
    [userId, MAX_OUTSTANDING_CODES - wanted],
  );
  const codes: string[] = [];
  for (let round = 0; codes.length < wanted && round < 10; round++) {
    const candidates = Array.from({ length: wanted - codes.length }, () =>
      generateTrackingCode(secureRandom),
    );
    const inserted = await tx.query<{ code: string }>(
      `insert into tracking_code_reservations (code, user_id)
       select c, $2 from unnest($1::text[]) c
        where not exists (select 1 from complaints where tracking_code = c)
       on conflict do nothing
       returning code`,
      [candidates, userId],
    );
    codes.push(...inserted.map((r) => r.code));
  }
  return codes;
}

/**
 * The code a case recorded offline keeps, or undefined for a fresh one:
 * - a code reserved by this user and not used yet: kept (`reserved`: the caller marks it used once the case
 *   exists, in the same transaction; the row stays locked until then);
 * - a code nobody reserved (the device ran out and made one): kept when valid and not on any case;
 * - anything else (used twice, another user's reservation, invalid): a fresh code; the device shows the code
 *   the server answers.
 */
export async function pickTrackingCode(
  tx: Queryable,
  userId: string,
  proposed: string | undefined,
): Promise<{ code: string; reserved: boolean } | undefined> {
  if (!proposed || !isValidTrackingCode(proposed)) return undefined;
  const code = normalizeTrackingCode(proposed);
  const [reservation] = await tx.query<{ userId: string; usedAt: Date | null }>(
    `select user_id as "userId", used_at as "usedAt" from tracking_code_reservations
      where code = $1 for update`,
    [code],
  );
  if (reservation) {
    return reservation.userId === userId && !reservation.usedAt ? { code, reserved: true } : undefined;
  }
  const taken = await tx.query('select 1 from complaints where tracking_code = $1', [code]);
  return taken.length === 0 ? { code, reserved: false } : undefined;
}

/** A reservation is spent once a case was recorded with it, even if that case finally got another code. */
export async function markCodeUsed(tx: Queryable, code: string, complaintId: string): Promise<void> {
  await tx.query(
    'update tracking_code_reservations set used_at = now(), complaint_id = $2 where code = $1 and used_at is null',
    [code, complaintId],
  );
}

/** POST /api/v1/sync/codes: reserves codes for the caller in one transaction. */
export function createTrackingCodeService({ db }: { db: Db }) {
  return {
    reserve: (userId: string, count: number) => db.transaction((tx) => reserveCodes(tx, userId, count)),
  };
}
export type TrackingCodeService = ReturnType<typeof createTrackingCodeService>;
