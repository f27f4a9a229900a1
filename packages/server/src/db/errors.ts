interface PgLikeError {
  code?: string;
  constraint?: string;
}

/** True for a unique-constraint violation (SQLSTATE 23505), on either driver, optionally on one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as PgLikeError;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
