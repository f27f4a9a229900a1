import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';

export interface Limit {
  /** What is limited: 'file', 'track', 'answer'… */
  bucket: string;
  max: number;
  windowSeconds: number;
}

/** Default limits per client address; generous for a family sharing one phone, tight for a script. */
export const DEFAULT_LIMITS = {
  file: { bucket: 'file', max: 10, windowSeconds: 3600 },
  track: { bucket: 'track', max: 120, windowSeconds: 600 },
  answer: { bucket: 'answer', max: 30, windowSeconds: 3600 },
  // Correcting a mistyped code needs the phone's last 4 digits: few tries, so they cannot be guessed.
  recover: { bucket: 'recover', max: 10, windowSeconds: 3600 },
  otpPerCase: { bucket: 'otp_case', max: 3, windowSeconds: 3600 },
} satisfies Record<string, Limit>;
export type PublicLimits = typeof DEFAULT_LIMITS;

/** Client addresses are personal data: counters keep only a hash of them. */
export const addressKey = (ip: string | null | undefined) =>
  createHash('sha256')
    .update(`coso-rate:${ip ?? 'unknown'}`)
    .digest('hex')
    .slice(0, 32);

/**
 * Counts one hit in the current fixed window and refuses it (429 with Retry-After) once `max` is passed.
 * Runs as its own statement, outside any write transaction: a refused or failed request still counts.
 */
export async function hit(db: Queryable, limit: Limit, key: string, now = new Date()): Promise<void> {
  const windowMs = limit.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db.query<{ hits: number }>(
    `insert into public_rate_limits (bucket, key, window_start, hits) values ($1, $2, $3, 1)
     on conflict (bucket, key, window_start) do update set hits = public_rate_limits.hits + 1
     returning hits`,
    [limit.bucket, key, start],
  );
  if (row!.hits === 1) {
    // First hit of a window: a good moment to forget windows that ended a day ago.
    await db.query(`delete from public_rate_limits where window_start < $1`, [
      new Date(now.getTime() - 86_400_000),
    ]);
  }
  if (row!.hits > limit.max) {
    const retryAfter = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
    throw new AppError('too_many_requests', { retryAfter }, { 'retry-after': String(retryAfter) });
  }
}
