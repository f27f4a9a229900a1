import { formatTrackingCode, normalizeTrackingCode, singleTypoCorrections } from '@coso/domain';
import type { RequestContext } from '../../../context.js';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import type { Vault } from '../../../vault/vault.js';
import { phoneOf } from './verify.js';

/**
 * Tracking-code correction. A 404 used to name the one existing code a mistyped code could stand for: since the
 * check symbol narrows a typo to ~260 neighbours, every wrong guess tested all of them for free, and real codes
 * of strangers could be harvested. The public 404 now only says that the code is mistyped (which the check
 * symbol tells anyone, without the database); the correction is given to whoever also knows the last 4 digits
 * of the phone given at filing, so it reveals nothing but the complainant's own code.
 */

/**
 * What a 404 for this code may say: only what the code itself shows (a code of the right shape whose check
 * symbol shows one wrong symbol), never what exists.
 */
export function notFoundError(code: string): AppError {
  return singleTypoCorrections(code).length > 0
    ? new AppError('not_found', { mistyped: true })
    : new AppError('not_found');
}

const digits = (s: string) => s.replace(/\D/g, '');

/**
 * The existing code that `typed` is one mistyped symbol away from, and whose complainant's phone ends with
 * `last4`; 404 otherwise (no difference between "no such case" and "wrong digits"). A wrong answer is not
 * counted against the candidate cases: that would let anyone lock a stranger's answer form (the caller limits
 * attempts per address instead).
 */
export async function recoverCode(
  db: Queryable,
  vault: Vault,
  ctx: RequestContext,
  typed: string,
  last4: string,
): Promise<{ trackingCode: string }> {
  const code = normalizeTrackingCode(typed);
  const candidates = singleTypoCorrections(code);
  if (candidates.length === 0) throw notFoundError(code);
  const rows = await db.query<{ id: string; code: string }>(
    'select id, tracking_code as code from complaints where tracking_code = any($1::text[])',
    [candidates],
  );
  const owned: Array<{ id: string; code: string }> = [];
  for (const row of rows) {
    const phone = await phoneOf(db, vault, row.id);
    if (phone && digits(phone).slice(-4) === last4) owned.push(row);
  }
  const [match] = owned;
  if (!match || owned.length > 1) throw notFoundError(code);
  await appendAudit(db, {
    actorId: null,
    entity: 'complaint',
    entityId: match.id,
    action: 'public_code_recovered',
    changes: {},
    ip: ctx.ip,
  });
  return { trackingCode: formatTrackingCode(match.code) };
}
