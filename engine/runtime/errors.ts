/**
 * Errors of the runtime. Expected refusals of a command are `Rejection` values from the core; a conflict is
 * different: the command was valid when it was read, but the case (or key, or timer) moved on before it
 * was written, so nothing was written and the caller may reload and decide again.
 */

/** Thrown when an optimistic write lost a race. The server maps code 'CONFLICT' to HTTP 409. */
export class ConflictError extends Error {
  readonly code = 'CONFLICT' as const;

  constructor(
    message: string,
    /** The case the write was for. */
    readonly caseNo: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** True for a `ConflictError`, also across module copies (checks the code, not the prototype). */
export function isConflict(error: unknown): error is ConflictError {
  return error instanceof Error && (error as { code?: unknown }).code === 'CONFLICT';
}
