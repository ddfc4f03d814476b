/**
 * A decision that explains itself: the DMN result next to the rows that produced it and, for
 * acceptance-condition tables, the conditions that failed (each row of such a table expresses a
 * violation), ready for a correction notice (补正告知) or the reasons of a non-acceptance (不予受理).
 */
import type { Hit, HitOutcome } from './hit-policies.js';
import type { RuleTable } from './model.js';

/** A row that matched, with its legal basis. */
export interface MatchedRow {
  /** 0-based position in the table. */
  index: number;
  id: string;
  annotation: string | null;
  /** Whether the row's outputs are part of the result (false for a FIRST/PRIORITY row that lost). */
  selected: boolean;
}

/** An acceptance condition that the application does not meet. */
export interface FailedCondition {
  /** The row (condition) id, e.g. `AC1`. */
  id: string;
  index: number;
  /** The legal basis of the condition (the row's annotation). */
  basis: string | null;
  /** The row's outputs: by convention `code`, `effect`, `reason`, and any further columns. */
  outputs: Record<string, unknown>;
}

/** The plain-JSON outcome of evaluating a decision table. */
export interface Decision {
  decisionId: string;
  decisionName: string;
  /** The decision's value as DMN defines it (value, context, list, aggregate, or null). */
  result: unknown;
  /** The outputs of each selected row, in result order (objects keyed by output name). */
  outputs: Record<string, unknown>[];
  matchedRows: MatchedRow[];
  /** Present for `purpose: acceptance` tables: the violated conditions, in rule order. */
  failedConditions?: FailedCondition[];
  /** Set when the hit policy was violated (the result is then null, as DMN 1.3 §8.2.11 says). */
  error?: string;
}

/** Assembles the {@link Decision} from the hits and the hit-policy outcome. */
export function explain(table: RuleTable, hits: Hit[], outcome: HitOutcome, defaults: Record<string, unknown> | null): Decision {
  const selected = new Set(outcome.selected);
  const byIndex = new Map(hits.map((h) => [h.index, h]));
  const decision: Decision = {
    decisionId: table.id,
    decisionName: table.name,
    result: outcome.result,
    outputs: outcome.error ? [] : outcome.selected.map((i) => byIndex.get(i)!.outputs),
    matchedRows: hits.map((h) => ({
      index: h.index,
      id: table.rows[h.index]!.id,
      annotation: table.rows[h.index]!.annotation ?? null,
      selected: selected.has(h.index),
    })),
  };
  if (!hits.length && defaults) decision.outputs = [defaults];
  if (table.purpose === 'acceptance') {
    decision.failedConditions = hits.map((h) => ({
      id: table.rows[h.index]!.id,
      index: h.index,
      basis: table.rows[h.index]!.annotation ?? null,
      outputs: h.outputs,
    }));
  }
  if (outcome.error) decision.error = outcome.error;
  return decision;
}
