import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { Vault } from '../../../vault/vault.js';
import { findIdentity } from '../complaints/repo.js';

export const OTP_TTL_MS = 10 * 60 * 1000;
/** Failed proofs allowed per case and per hour before the answer form locks (GRM.md, self-service). */
export const MAX_FAILURES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

/** What the citizen proves they own the case with: the end of their phone number, or a code sent to it. */
export type Proof = { last4: string } | { otp: string };

/** Salted with the case so one table of hashes of the 10^6 codes does not fit every case. */
const otpHash = (complaintId: string, otp: string) =>
  createHash('sha256').update(`${complaintId}:${otp}`).digest('hex');

const digits = (s: string) => s.replace(/\D/g, '');

/** 429 while the case has had too many failed proofs in the last hour, with when it opens again. */
export async function checkNotLocked(db: Queryable, complaintId: string, now = new Date()) {
  const [row] = await db.query<{ failures: number; oldest: Date | null }>(
    `select count(*)::int as failures, min(at) as oldest from public_verify_failures
      where complaint_id = $1 and at > $2`,
    [complaintId, new Date(now.getTime() - HOUR_MS)],
  );
  if (row!.failures >= MAX_FAILURES_PER_HOUR) {
    const opensAt = new Date(row!.oldest!).getTime() + HOUR_MS;
    const retryAfter = String(Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000)));
    throw new AppError(
      'too_many_attempts',
      { retryAfter: Number(retryAfter) },
      { 'retry-after': retryAfter },
    );
  }
}

/** Written outside the answer's transaction, which rolls back: the failure must stay counted. */
async function recordFailure(db: Queryable, complaintId: string, now: Date) {
  await db.query('insert into public_verify_failures (complaint_id, at) values ($1, $2)', [complaintId, now]);
}

/** The phone the complainant gave, in clear, or null (anonymous case, or no phone given). */
export async function phoneOf(db: Queryable, vault: Vault, complaintId: string): Promise<string | null> {
  return (await findIdentity(db, vault, complaintId))?.phone ?? null;
}

/**
 * Checks the proof, and consumes a one-time code it used. A wrong proof counts as a failure (the lock above)
 * and answers 403 `verification_failed`; an expired code answers 403 `otp_expired`.
 */
export async function verifyProof(
  db: Queryable,
  vault: Vault,
  complaintId: string,
  proof: Proof,
  now = new Date(),
): Promise<void> {
  await checkNotLocked(db, complaintId, now);
  if ('last4' in proof) {
    const phone = await phoneOf(db, vault, complaintId);
    if (phone && digits(phone).slice(-4) === proof.last4) return;
    await recordFailure(db, complaintId, now);
    throw new AppError('verification_failed');
  }
  const [row] = await db.query<{ otpHash: string; expiresAt: Date }>(
    `select otp_hash as "otpHash", expires_at as "expiresAt" from public_otps where complaint_id = $1`,
    [complaintId],
  );
  const expected = Buffer.from(row?.otpHash ?? '', 'hex');
  const given = Buffer.from(otpHash(complaintId, proof.otp), 'hex');
  const matches = expected.length === given.length && timingSafeEqual(expected, given);
  if (matches && new Date(row!.expiresAt) > now) {
    await db.query('delete from public_otps where complaint_id = $1', [complaintId]);
    return;
  }
  await recordFailure(db, complaintId, now);
  if (row)
    await db.query('update public_otps set attempts = attempts + 1 where complaint_id = $1', [complaintId]);
  throw new AppError(matches ? 'otp_expired' : 'verification_failed');
}

/** A new 6-digit code for the case, replacing any earlier one; returns it for the SMS (never stored). */
export async function issueOtp(tx: Queryable, complaintId: string, now = new Date()): Promise<string> {
  const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx.query(
    `insert into public_otps (complaint_id, otp_hash, expires_at, attempts, created_at)
     values ($1, $2, $3, 0, $4)
     on conflict (complaint_id) do update
       set otp_hash = excluded.otp_hash, expires_at = excluded.expires_at, attempts = 0,
           created_at = excluded.created_at`,
    [complaintId, otpHash(complaintId, otp), new Date(now.getTime() + OTP_TTL_MS), now],
  );
  return otp;
}
