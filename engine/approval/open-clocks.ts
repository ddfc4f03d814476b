/**
 * The open clocks of a case, as `engine/clocks` recalculation wants them: each clock's stored deadline with the
 * inputs it was computed from. A deadline's basis records its rule, article, trigger, policy, limit and
 * extension; the suspensions come from the case's ledger (行政许可法 第45条). Recomputing these inputs on the
 * calendar that computed them gives the stored deadline back, so only a new calendar moves anything.
 */
import type { OpenClock } from '../clocks/recalculation.js';
import { suspensionsFor } from '../clocks/suspension-ledger.js';
import type { ClockInput, Deadline, SuspensionSpan } from '../clocks/types.js';
import type { ApprovalState } from './state.js';
import { hearingWaived } from './hearing-rights.js';
import { runningSteps } from './step-clocks.js';

/** The inputs a stored deadline was computed from, with the suspensions that pause its clock. */
export function inputOfDeadline(deadline: Deadline, suspensions: readonly SuspensionSpan[], now: string): ClockInput {
  const b = deadline.basis;
  return {
    rule: b.rule,
    article: b.article,
    trigger: b.trigger,
    limit: { value: deadline.value, unit: deadline.unit },
    policy: b.policy,
    ...(b.endOfDay === 'office-closing' ? { useBusinessHours: true } : {}),
    ...(suspensions.length ? { suspensions } : {}),
    ...(b.extension ? { extension: b.extension } : {}),
    now,
  };
}

/**
 * The clocks of `s` that are still running on `now`, in a fixed order: the pre-acceptance window while the
 * case awaits acceptance (第32条); the statutory and promised clocks until the decision (第42条); each
 * co-department's clock until it is done; the delivery clock until delivery (第44条); and the hearing clocks,
 * to request one and to hold it (第47条); and the clocks of the steps still running (第43条).
 */
export function openCaseClocks(s: ApprovalState, now: string): OpenClock[] {
  const clocks: OpenClock[] = [];
  const add = (clockId: string, current: Deadline | undefined, suspensions: readonly SuspensionSpan[] = []): void => {
    if (current) clocks.push({ caseId: s.caseNo, clockId, input: inputOfDeadline(current, suspensions, now), current });
  };
  if (s.phase === 'received') add('pre-acceptance', s.window?.deadline);
  if (s.phase !== 'handling' || !s.deadlines) return clocks;
  const promised = suspensionsFor(s.ledger, 'promised');
  if (!s.decision) {
    add('statutory', s.deadlines.statutory, suspensionsFor(s.ledger, 'statutory'));
    add('promised', s.deadlines.promised, promised);
    for (const branch of s.coDepartments) {
      if (!branch.completedAt) add(`co-department:${branch.department}`, s.deadlines.departments[branch.department], promised);
    }
  }
  if (!s.delivery) add('delivery', s.deadlines.delivery);
  const hearing = s.hearing;
  if (hearing && !s.decision && !hearing.requestedAt && !hearingWaived(s)) add('hearing:request', hearing.requestBy);
  if (hearing && !hearing.heldOn && !hearing.endedOn) add('hearing:hold', hearing.holdBy);
  const statutory = suspensionsFor(s.ledger, 'statutory');
  for (const run of runningSteps(s)) add(`step:${run.step}`, s.deadlines.steps?.[run.step], statutory);
  return clocks;
}

/** Puts a recalculated deadline of clock `clockId` in its place in the state (the applier's half). */
export function placeDeadline(s: ApprovalState, clockId: string, deadline: Deadline): void {
  const copy = structuredClone(deadline);
  if (clockId === 'pre-acceptance') {
    if (s.window) s.window.deadline = copy;
    return;
  }
  if (clockId === 'hearing:request' || clockId === 'hearing:hold') {
    if (!s.hearing) throw new Error(`Case '${s.caseNo}' has no hearing to place '${clockId}' in`);
    if (clockId === 'hearing:request') s.hearing.requestBy = copy;
    else s.hearing.holdBy = copy;
    return;
  }
  if (!s.deadlines) throw new Error(`Case '${s.caseNo}' has no deadlines to place '${clockId}' in`);
  if (clockId === 'statutory' || clockId === 'promised' || clockId === 'delivery') {
    s.deadlines[clockId] = copy;
  } else if (clockId.startsWith('step:')) {
    (s.deadlines.steps ??= {})[clockId.slice('step:'.length)] = copy;
  } else if (clockId.startsWith('co-department:')) {
    s.deadlines.departments[clockId.slice('co-department:'.length)] = copy;
  } else {
    throw new Error(`Unknown clock '${clockId}' in case '${s.caseNo}'`);
  }
}
