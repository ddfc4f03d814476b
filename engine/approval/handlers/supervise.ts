/**
 * Recording a violation the law names (电子监察, GB/T 39046 table 11) at the moment it happens: one
 * `supervision.recorded` per case + rule + step, never a second one for the same key.
 */
import { newSupervisionRecords, type SupervisionRecord, type Violation } from '../../clocks/supervision.js';
import type { Explanation } from '../events.js';
import type { Decider } from '../decider.js';

/** The options every record of this case is issued with: the instant, the implementing body. */
export function recordOptions(d: Decider): { issuedAt: string; organisation: string } {
  return { issuedAt: d.ctx.now, organisation: d.approval.item.department };
}

/** A record's explanation: its content (督办内容, in Chinese) for the log, its rule by code for the pages. */
export function supervisionWhy(record: Pick<SupervisionRecord, 'content' | 'rule'>): Explanation {
  return { why: record.content, whyCode: 'supervision.recorded', whyParams: { rule: record.rule } };
}

/** Records each of `violations` not yet recorded on the case. */
export function recordViolations(d: Decider, violations: readonly Omit<Violation, 'caseNo' | 'detectedOn'>[]): void {
  const s = d.approval;
  const found = violations.map((v) => ({ ...v, caseNo: s.caseNo, detectedOn: d.today }));
  for (const record of newSupervisionRecords(d.ctx.calendar, s.supervision, found, recordOptions(d))) {
    d.emit('supervision.recorded', { record }, supervisionWhy(record));
  }
}
