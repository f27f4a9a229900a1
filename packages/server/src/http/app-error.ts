import { ERRORS, type ErrorCode } from '@coso/domain';

/** An error the API answers with its own code and status; anything else becomes a logged 500. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** One validation problem, with the path of the offending field ("email", "jurisdictionIds.0"). */
export interface FieldIssue {
  path: string;
  message: string;
}

export function validationError(issues: FieldIssue[]): AppError {
  return new AppError('validation_error', issues);
}
