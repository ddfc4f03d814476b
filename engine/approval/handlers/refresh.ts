/**
 * Keeping the derived lifecycle facts current inside a step: the deadlines (recorded whenever an input
 * changed: acceptance, a special procedure, an extension, a joint branch) and the case light.
 */
import type { Decider } from '../decider.js';
import { caseLight, computeCaseDeadlines } from '../clocks.js';

/**
 * Records the deadlines again when they differ from the recorded ones; `why` is the log's English record,
 * `whyCode` and `whyParams` the same explanation by code for the pages (`contracts/messages/timeline.ts`).
 */
export function refreshDeadlines(d: Decider, why: string, whyCode: string, whyParams?: Readonly<Record<string, string | number>>): void {
  const s = d.approval;
  const next = computeCaseDeadlines(d.ctx.calendar, s, d.ctx.now);
  if (!next || JSON.stringify(next) === JSON.stringify(s.deadlines)) return;
  d.emit('deadlines.computed', { deadlines: next }, { why, whyCode, ...(whyParams ? { whyParams } : {}) });
}

/** Records a change of the case light on `ctx.now` (scenario S8: green, yellow, red, paused). */
export function refreshLight(d: Decider): void {
  const s = d.approval;
  const reading = caseLight(d.ctx.calendar, s, d.ctx.now);
  if (!reading || reading.light === s.light) return;
  d.emit(
    'light.changed',
    { from: s.light ?? null, to: reading.light, on: d.ctx.now, elapsed: reading.elapsed, limit: reading.limit },
    {
      why: `${reading.elapsed} of ${reading.limit} ${s.deadlines!.promised.unit} of the promised limit used`,
      whyCode: 'light.promised-used', whyParams: { elapsed: reading.elapsed, limit: reading.limit, unit: s.deadlines!.promised.unit },
    },
  );
}
