/**
 * The default derivation of a case's queryable columns from its state, for cores whose state carries the
 * fields by these names. A composition root with another state shape passes its own `summarize`.
 */
import type { CaseSummary } from './ports.js';

/** Reads `status`, `stage`, `department`, `statutoryDeadline`, `promisedDeadline` and `light` when they are strings. */
export function summarizeState(state: unknown): CaseSummary {
  const source = (typeof state === 'object' && state !== null ? state : {}) as Record<string, unknown>;
  const text = (name: string): string | undefined => (typeof source[name] === 'string' ? (source[name] as string) : undefined);
  return {
    status: text('status') ?? 'active',
    stage: text('stage'),
    department: text('department'),
    statutoryDeadline: text('statutoryDeadline'),
    promisedDeadline: text('promisedDeadline'),
    light: text('light'),
  };
}
