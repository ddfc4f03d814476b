/**
 * Fees (收费). Convention: each row is a fee item with `amount` (yuan) and optionally `item`; a C+ table
 * gives the total directly (DMN 1.3 §8.2.11 sum), a COLLECT table lists the items and the helper sums them.
 * An item that charges nothing (ITEM-02: 不收费) simply has no matching row: the total is 0.
 */
import type { Decision } from '../explain.js';

/** The fees of a case. */
export interface Fees {
  total: number;
  items: { item: string; amount: number; basis: string | null }[];
}

/** Reads a fees decision. */
export function fees(decision: Decision): Fees {
  if (decision.error) throw new Error(`fees table '${decision.decisionId}': ${decision.error}`);
  const rows = decision.matchedRows.filter((m) => m.selected);
  const items = decision.outputs.map((o, k) => ({
    item: String(o.item ?? rows[k]?.id ?? ''),
    amount: Number(o.amount ?? 0),
    basis: rows[k]?.annotation ?? null,
  }));
  const total = typeof decision.result === 'number' ? decision.result : items.reduce((sum, i) => sum + i.amount, 0);
  return { total: Math.round(total * 100) / 100, items };
}
