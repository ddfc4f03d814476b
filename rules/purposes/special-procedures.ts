/**
 * Special procedures (特别程序). Convention: one row per procedure kind with outputs
 * `countsTowardStatutoryLimit` and `countsTowardPromisedLimit`. Defaults follow 行政许可法第45条 (hearing,
 * testing, appraisal, expert review are not counted); site inspection is not on that list, so it counts
 * toward the statutory limit unless a regulation says otherwise, while a locality may exclude it from the
 * promised limit.
 */
import type { Decision } from '../explain.js';

/** Whether a procedure's time counts toward each limit (if not, the clock is suspended). */
export interface ProcedureCounting {
  countsTowardStatutoryLimit: boolean;
  countsTowardPromisedLimit: boolean;
  basis: string | null;
}

/** Reads a special-procedures decision; throws when the procedure kind is not in the table. */
export function procedureCounting(decision: Decision): ProcedureCounting {
  const o = decision.outputs[0];
  if (decision.error || !o) throw new Error(`special-procedures table '${decision.decisionId}': ${decision.error ?? 'unknown procedure'}`);
  return {
    countsTowardStatutoryLimit: o.countsTowardStatutoryLimit === true,
    countsTowardPromisedLimit: o.countsTowardPromisedLimit === true,
    basis: decision.matchedRows.find((m) => m.selected)?.annotation ?? null,
  };
}
