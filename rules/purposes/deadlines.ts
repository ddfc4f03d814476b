/**
 * Deadlines (办结时限). Convention: a single-hit table whose outputs give the statutory limit
 * (法定办结时限, 行政许可法第42条), the promised limit (承诺办结时限) and the extension cap, each with its
 * unit: `WD` working days (工作日, Art. 82), `CD` calendar days, `MONTH`.
 */
import type { Decision } from '../explain.js';

/** A time limit with its unit. */
export interface Limit {
  value: number;
  unit: 'WD' | 'CD' | 'MONTH';
}

/** The limits of an item for one case. */
export interface Deadlines {
  statutory: Limit;
  promised: Limit;
  /** The one allowed extension (延长审批), or null when the item allows none. */
  extension: (Limit & { approver: string | null }) | null;
  /** The legal basis of the row that decided. */
  basis: string | null;
}

function limit(value: unknown, unit: unknown): Limit {
  return { value: Number(value ?? 0), unit: (unit === 'CD' || unit === 'MONTH' ? unit : 'WD') };
}

/** Reads a deadlines decision; throws when no row applied (an item must always have limits). */
export function deadlines(decision: Decision): Deadlines {
  const o = decision.outputs[0];
  if (decision.error || !o) throw new Error(`deadlines table '${decision.decisionId}': ${decision.error ?? 'no row applies'}`);
  const ext = Number(o.extensionLimit ?? 0);
  return {
    statutory: limit(o.statutoryLimit, o.statutoryUnit),
    promised: limit(o.promisedLimit, o.promisedUnit),
    extension: ext > 0 ? { ...limit(ext, o.extensionUnit), approver: (o.extensionApprover as string | undefined) ?? null } : null,
    basis: decision.matchedRows.find((m) => m.selected)?.annotation ?? null,
  };
}
