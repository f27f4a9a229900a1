/** What services and repositories need from the database: parameterised queries and transactions. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database itself (what openDatabase returns), as opposed to a transaction seen as a Db. */
export interface RootDb extends Db {
  /**
   * Runs `fn` unless the lock `key` is held elsewhere (another process on PostgreSQL, or a run still going in
   * this one); resolves to whether it ran. `fn` queries through the Db as usual. No transaction stays open
   * meanwhile: work that waits on files or rendering must not hold one (a connection idle in transaction
   * pins locks and the vacuum horizon, and on PGlite blocks every other query).
   */
  exclusive(key: readonly [number, number], fn: () => Promise<void>): Promise<boolean>;
}

/**
 * Both drivers return the same JavaScript types: int8 as number (counts and sequence values stay far below
 * 2^53), numeric and date as strings (exact amounts; a date has no time zone), json/jsonb parsed.
 * Callers pass jsonb parameters as JSON strings, since pg would turn a JS array into a PostgreSQL array.
 */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;
