import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../context.js';
import type { Db, Queryable } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { appendAudit } from '../audit/repo.js';
import * as repo from './throttle-repo.js';

/**
 * Login throttling (documented in docs/maintainer-guide.md, "Security"). Locking an account after N failures
 * turned throttling into a weapon: anyone who knew a username could keep its owner out, on the web and on the
 * field phones, just by typing wrong passwords. So nothing here ever refuses an account as such:
 *  - one client address that fails too often (any accounts) is refused: the only hard limit, against a
 *    brute force or a credential-stuffing run from one place;
 *  - one address that fails too often on one account is refused for that account only (that client is the
 *    one guessing: the owner elsewhere is not concerned);
 *  - an account failing from many addresses is slowed down: each attempt on it waits, longer as failures
 *    accumulate (1 s, 2 s, 4 s… up to LOGIN_SLOWDOWN_MAX_SECONDS), then the password is checked: the owner
 *    with the right password still gets in, a distributed guesser gets few tries per minute.
 * The wait happens before anything is opened on the database, so a slowed request holds no connection.
 */

/** Failures are counted per login as the user types it, normalised as users/repo.findCredentials reads it. */
export const loginKeyOf = (login: string) => login.trim().toLowerCase();

export type ThrottleKind = 'address' | 'account' | 'account_address';

export interface Throttle {
  kind: ThrottleKind;
  login: string | null;
  ip: string | null;
  failures: number;
  firstAt: Date;
  lastAt: Date;
  /** Refused until then (address, account from address), or null. */
  blockedUntil: Date | null;
  /** The wait each login attempt on this account gets now (account), or 0. */
  delaySeconds: number;
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

export function createLoginThrottle({ db, config }: { db: Db; config: Config }) {
  const { windowMinutes, maxFailures, maxFailuresPerIp, slowdownMaxSeconds } = config.login;
  const windowMs = windowMinutes * 60_000;

  /** The wait for an account with `failures` in the window: none below the limit, then doubling, capped. */
  const delayFor = (failures: number) =>
    failures < maxFailures ? 0 : Math.min(slowdownMaxSeconds, 2 ** (failures - maxFailures));

  const refuse = (oldest: Date) => {
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() + windowMs - Date.now()) / 1000));
    return new AppError(
      'too_many_attempts',
      { retryAfterSeconds: retryAfter },
      { 'retry-after': String(retryAfter) },
    );
  };

  return {
    /** Refuses (429) a blocked address or account-from-address; waits as long as the account is slowed. */
    async beforeAttempt(loginKey: string, ip: string): Promise<void> {
      const fromAddress = await repo.countFailures(db, { ip }, windowMinutes);
      if (fromAddress.count >= maxFailuresPerIp && fromAddress.oldest) throw refuse(fromAddress.oldest);
      const pair = await repo.countFailures(db, { loginKey, ip }, windowMinutes);
      if (pair.count >= maxFailures && pair.oldest) throw refuse(pair.oldest);
      const account = await repo.countFailures(db, { loginKey }, windowMinutes);
      const delay = delayFor(account.count);
      if (delay > 0) await sleep(delay * 1000);
    },

    recordFailure: (loginKey: string, ip: string) => repo.recordFailure(db, loginKey, ip),

    /**
     * After a good password: forget this address's failures on the account, not the others' (the owner
     * logging in must not reset the count of someone guessing elsewhere).
     */
    async afterSuccess(tx: Queryable, loginKeys: string[], ip: string) {
      for (const loginKey of loginKeys) await repo.clearFailures(tx, { loginKey, ip });
    },

    /** Current throttles and counts (for administrators): what is refused, what is slowed, what is counting. */
    async list(): Promise<{ windowMinutes: number; items: Throttle[] }> {
      const groups = await repo.failureGroups(db, windowMinutes, 200);
      const items = groups.map((g): Throttle => {
        const kind: ThrottleKind =
          g.loginKey === null ? 'address' : g.ip === null ? 'account' : 'account_address';
        const limit = kind === 'address' ? maxFailuresPerIp : kind === 'account_address' ? maxFailures : null;
        const blocked = limit !== null && g.count >= limit;
        return {
          kind,
          login: g.loginKey,
          ip: g.ip,
          failures: g.count,
          firstAt: g.oldest,
          lastAt: g.latest,
          blockedUntil: blocked ? new Date(new Date(g.oldest).getTime() + windowMs) : null,
          delaySeconds: kind === 'account' ? delayFor(g.count) : 0,
        };
      });
      return { windowMinutes, items };
    },

    /** Clears the failures of an account, of an address, or of both together; audited. */
    async clear(ctx: RequestContext, target: { login?: string | undefined; ip?: string | undefined }) {
      const loginKey = target.login === undefined ? undefined : loginKeyOf(target.login);
      return db.transaction(async (tx) => {
        const cleared = await repo.clearFailures(tx, { loginKey, ip: target.ip });
        await appendAudit(tx, {
          actorId: ctx.actor?.id ?? null,
          entity: 'login_throttle',
          entityId: null,
          action: 'throttle_cleared',
          changes: { login: loginKey ?? null, ip: target.ip ?? null, failures: cleared },
          ip: ctx.ip,
        });
        return cleared;
      });
    },
  };
}
