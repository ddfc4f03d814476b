/**
 * Recording a violation the law names (电子监察, GB/T 39046 table 11) at the moment it happens: one
 * `supervision.recorded` per case + rule + step, never a second one for the same key.
 */
import { newSupervisionRecords, type Violation } from '../../clocks/supervision.js';
import type { Decider } from '../decider.js';

/** The options every record of this case is issued with: the instant, the implementing body. */
export function recordOptions(d: Decider): { issuedAt: string; organisation: string } {
  return { issuedAt: d.ctx.now, organisation: d.approval.item.department };
}

/** Records each of `violations` not yet recorded on the case. */
export function recordViolations(d: Decider, violations: readonly Omit<Violation, 'caseNo' | 'detectedOn'>[]): void {
  const s = d.approval;
  const found = violations.map((v) => ({ ...v, caseNo: s.caseNo, detectedOn: d.today }));
  for (const record of newSupervisionRecords(d.ctx.calendar, s.supervision, found, recordOptions(d))) {
    d.emit('supervision.recorded', { record }, { why: record.content });
  }
}
