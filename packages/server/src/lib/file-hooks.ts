/**
 * Commit and rollback hooks of a transaction that stores files: a file written before a failure is removed,
 * the clean-ups of a success (an upload's bytes, a replaced file) run after the commit. A sync mutation
 * provides its own (platform/sync/mutations.ts); a REST write runs inside `withFileHooks`.
 */
export interface FileHooks {
  afterCommit(fn: () => Promise<void>): void;
  onRollback(fn: () => Promise<void>): void;
}

/** Runs a write that claims files: their clean-ups after the commit, or after a failure. */
export async function withFileHooks<T>(
  fn: (hooks: FileHooks) => Promise<T>,
  warn: (err: unknown) => void,
): Promise<T> {
  const after: Array<() => Promise<void>> = [];
  const rollback: Array<() => Promise<void>> = [];
  let result: T;
  try {
    result = await fn({ afterCommit: (f) => after.push(f), onRollback: (f) => rollback.push(f) });
  } catch (error) {
    for (const f of rollback) await f().catch(() => {});
    throw error;
  }
  for (const f of after) await f().catch(warn);
  return result;
}
