import type { Queryable } from '../../db/driver.js';

/**
 * Failed logins (table auth_failures: the login as typed, normalised, and the client address). Every count is
 * over the sliding window; the job worker purges older rows (repo.purgeExpired).
 */

export interface FailureWindow {
  count: number;
  oldest: Date | null;
}

export async function recordFailure(db: Queryable, loginKey: string, ip: string): Promise<void> {
  await db.query('insert into auth_failures (login_key, ip) values ($1, $2)', [loginKey, ip]);
}

/** Failures within the window matching every given criterion (an account, an address, or both). */
export async function countFailures(
  db: Queryable,
  match: { loginKey?: string; ip?: string },
  windowMinutes: number,
): Promise<FailureWindow> {
  const [row] = await db.query<FailureWindow>(
    `select count(*)::int as count, min(at) as oldest from auth_failures
      where ($1::text is null or login_key = $1) and ($2::text is null or ip = $2)
        and at > now() - make_interval(mins => $3::int)`,
    [match.loginKey ?? null, match.ip ?? null, windowMinutes],
  );
  return row ?? { count: 0, oldest: null };
}

/** Forgets failures of an account, an address, or one account from one address. Returns how many. */
export async function clearFailures(
  db: Queryable,
  match: { loginKey?: string | undefined; ip?: string | undefined },
): Promise<number> {
  const rows = await db.query(
    `delete from auth_failures where ($1::text is null or login_key = $1) and ($2::text is null or ip = $2)
     returning id`,
    [match.loginKey ?? null, match.ip ?? null],
  );
  return rows.length;
}

export interface FailureGroup {
  loginKey: string | null;
  ip: string | null;
  count: number;
  oldest: Date;
  latest: Date;
}

/**
 * Failures within the window grouped per account, per address and per account and address, the largest
 * groups first; at most `limit` of each kind.
 */
export async function failureGroups(
  db: Queryable,
  windowMinutes: number,
  limit: number,
): Promise<FailureGroup[]> {
  return db.query<FailureGroup>(
    `with recent as (
       select login_key, ip, at from auth_failures where at > now() - make_interval(mins => $1::int)
     ),
     grouped as (
       select login_key as "loginKey", ip, count(*)::int as count, min(at) as oldest, max(at) as latest,
              row_number() over (partition by grouping(login_key), grouping(ip) order by count(*) desc,
                                 max(at) desc) as rank
         from recent group by grouping sets ((login_key), (ip), (login_key, ip))
     )
     select "loginKey", ip, count, oldest, latest from grouped where rank <= $2
      order by count desc, latest desc`,
    [windowMinutes, limit],
  );
}
