/**
 * Supervision light thresholds (电子监察红黄绿灯). Convention: FIRST; inputs describe the case clock
 * (for instance `suspended`, `overdue`, `usedRatio`, `workingDaysLeft`), the output `light` is one of
 * GREEN, YELLOW, RED, PAUSED. The default thresholds (80% of the promised limit) are an ASSUMED local choice.
 */
import type { Decision } from '../explain.js';
import type { LIGHTS } from './conventions.js';

/** A supervision light. */
export type Light = (typeof LIGHTS)[number];

/** Reads a lights decision; GREEN when no row applies. */
export function light(decision: Decision): Light {
  if (decision.error) throw new Error(`lights table '${decision.decisionId}': ${decision.error}`);
  const value = decision.outputs[0]?.light;
  return value === 'YELLOW' || value === 'RED' || value === 'PAUSED' ? value : 'GREEN';
}
