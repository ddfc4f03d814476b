/**
 * Expected refusals. Inside `step` a refusal unwinds the whole command (nothing of it is kept), so it is
 * thrown as a {@link RefusalError} and turned back into a value at the boundary.
 */
import type { Json, Refusal, RefusalCode } from './types.js';

/** Carries a refusal from deep inside a step to `step`'s boundary. Never escapes `step`. */
export class RefusalError extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(refusal.message);
    this.name = 'RefusalError';
    this.refusal = refusal;
  }
}

/** Refuses the current command: "Expected …, but …". */
export function refuse(code: RefusalCode, message: string, details?: Record<string, Json>): never {
  throw new RefusalError(details ? { code, message, details } : { code, message });
}

/** Drops `undefined` fields so objects survive a JSON round trip unchanged. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
