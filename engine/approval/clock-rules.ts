/**
 * The locality's counting rules a case took at receipt (its item snapshot): the counting policy (C1, or C2 where
 * a receipt outside working time counts from the next working day) and whether limits end at office closing
 * (民法典 第203条).
 */
import type { ItemSnapshot } from './item-snapshot.js';
import type { ApprovalState } from './state.js';

/** The counting policy and end of day the case's clocks use (the snapshot's, taken at receipt). */
export function clockRules(item: ItemSnapshot): { policy?: 'C1' | 'C2'; useBusinessHours?: boolean } {
  return { ...(item.countingPolicy ? { policy: item.countingPolicy } : {}), ...(item.useBusinessHours ? { useBusinessHours: true } : {}) };
}

/**
 * What the case clocks count from: the acceptance day under C1; under C2 the instant of the acceptance (or of
 * the receipt, for a deemed acceptance), so that one outside working time counts from the next working day.
 */
export function acceptanceTrigger(s: ApprovalState): string {
  const a = s.acceptance!;
  if (s.item.countingPolicy !== 'C2') return a.acceptedOn;
  return a.deemed ? (s.window?.start ?? a.acceptedOn) : a.acceptedAt;
}

