/**
 * Acceptance conditions (受理条件). Convention: every row describes a VIOLATION (the facts under which a
 * condition is not met) with outputs `code`, `effect` (`CORRECT` → one correction notice, 行政许可法第32条;
 * `NOT_ACCEPT` → a non-acceptance decision with reasons) and `reason`; the row annotation is the basis.
 */
import type { Decision } from '../explain.js';

/** One violated acceptance condition. */
export interface Violation {
  code: string;
  effect: 'CORRECT' | 'NOT_ACCEPT';
  reason: string;
  /** The legal basis (the row annotation). */
  basis: string | null;
  /** The row that expressed the violation. */
  row: string;
}

/** What pre-review decides from the acceptance conditions. */
export interface AcceptanceOutcome {
  /** True when nothing is violated. */
  acceptable: boolean;
  violations: Violation[];
  /** The items of the one-time correction notice (一次性补正告知书). */
  corrections: Violation[];
  /** The reasons of a non-acceptance decision (不予受理决定书); non-empty means reject. */
  rejectionReasons: Violation[];
}

/** Reads an acceptance-conditions decision. */
export function acceptanceOutcome(decision: Decision): AcceptanceOutcome {
  if (decision.error) throw new Error(`acceptance table '${decision.decisionId}': ${decision.error}`);
  const violations: Violation[] = (decision.failedConditions ?? []).map((f) => ({
    code: String(f.outputs.code ?? f.id),
    effect: f.outputs.effect === 'NOT_ACCEPT' ? 'NOT_ACCEPT' : 'CORRECT',
    reason: String(f.outputs.reason ?? ''),
    basis: f.basis,
    row: f.id,
  }));
  return {
    acceptable: violations.length === 0,
    violations,
    corrections: violations.filter((v) => v.effect === 'CORRECT'),
    rejectionReasons: violations.filter((v) => v.effect === 'NOT_ACCEPT'),
  };
}
