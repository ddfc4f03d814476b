/**
 * Expected refusals. Inside `step` a rejection unwinds the whole command (nothing of it is kept), so it is
 * thrown as a {@link RejectionError} and turned back into a value at the boundary.
 */
import type { Json, Rejection, RejectionCode } from './types.js';

/** Carries a rejection from deep inside a step to `step`'s boundary. Never escapes `step`. */
export class RejectionError extends Error {
  readonly rejection: Rejection;
  constructor(rejection: Rejection) {
    super(rejection.message);
    this.name = 'RejectionError';
    this.rejection = rejection;
  }
}

/** Refuses the current command: "Expected …, but …". */
export function reject(code: RejectionCode, message: string, details?: Record<string, Json>): never {
  throw new RejectionError(details ? { code, message, details } : { code, message });
}

/** Drops `undefined` fields so objects survive a JSON round trip unchanged. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
