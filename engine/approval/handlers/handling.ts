/**
 * Handling: special procedures that suspend the process (行政许可法 第45条), the one extension (第42条), and
 * the core's commands, passed to the BPMN process with the lifecycle's guards (reasons for a refusal, fees
 * paid before the step that needs them, a certificate before the issue step).
 */
import { supervisionContent } from '../../../contracts/messages/supervision.js';
import { decideExtension, extensionPolicyFor, type ExtensionPolicy } from '../../clocks/extension.js';
import { endSpecialProcedure, openProcedures, startSpecialProcedure } from '../../clocks/suspension-ledger.js';
import { openTasks } from '../../core/index.js';
import type { TaskInfo } from '../../core/types.js';
import type { LifecycleCommand, PassThroughCommand } from '../commands.js';
import type { ItemSnapshot } from '../item-snapshot.js';
import { isWindowTimer } from '../clocks.js';
import type { Decider } from '../decider.js';
import type { Explanation } from '../events.js';
import { clockCode, refuse } from '../refusal.js';
import { SPGL } from '../status.js';
import { rejectToApplicant } from './applicant-correction.js';
import { windowLapsed } from './intake.js';
import { isCoDepartmentTask, outcomeOf, reactToCore } from './react.js';
import { refreshDeadlines, refreshLight } from './refresh.js';
import { recordViolations } from './supervise.js';

type Of<T extends LifecycleCommand['type']> = Extract<LifecycleCommand, { type: T }>;

/**
 * Starts a special procedure. `reasonCode` words a reason the engine wrote itself (a hearing requested); a
 * reason staff typed has none and is shown as typed.
 */
export function startProcedure(d: Decider, cmd: Of<'special-procedure.start'>, reasonCode?: Omit<Explanation, 'why'>): void {
  d.expectPhase(cmd.type, 'handling');
  const s = d.approval;
  if (!s.item.specialProcedures.includes(cmd.procedure)) {
    refuse('SPECIAL_PROCEDURE_NOT_ALLOWED', `Expected one of the item's special procedures (${s.item.specialProcedures.join(', ') || 'none'}), but got ${cmd.procedure}`);
  }
  const open = openProcedures(s.ledger)[0];
  if (open) refuse('SPECIAL_PROCEDURE_OPEN', `Expected no special procedure to be running, but '${open.id}' (${open.type}) is`);
  // 第45条: the applicant is told the expected time in writing; the listing's duration when staff give none.
  const expectedDuration = cmd.expectedDuration ?? s.item.procedureDurations?.[cmd.procedure];
  const started = startSpecialProcedure(d.ctx.calendar, s.ledger, {
    id: cmd.id, type: cmd.procedure, start: d.today, reason: cmd.reason, basis: cmd.basis,
    ...(reasonCode ? { reasonCode: reasonCode.whyCode, ...(reasonCode.whyParams ? { reasonParams: reasonCode.whyParams } : {}) } : {}),
    ...(expectedDuration ? { expectedDuration } : {}),
  }, s.item.pauseOverrides);
  if (!started.ok) refuse(clockCode(started.code), started.message);
  d.emit('special-procedure.started', { entry: started.entry }, { status: SPGL.specialProcedureStarted, why: cmd.reason, ...reasonCode });
  d.core({
    type: 'case.suspend', reason: `special procedure ${cmd.procedure}: ${cmd.reason}`, actor: cmd.actor,
    whyCode: 'procedure.suspended', whyParams: { procedure: cmd.procedure, ...(reasonCode ? {} : { reason: cmd.reason }) },
  });
  refreshDeadlines(d, `special procedure ${cmd.id} started (${started.entry.pauseBasis})`, 'deadlines.procedure-started', { procedure: cmd.procedure });
  refreshLight(d);
}

/** Ends a special procedure; `resultCode` words a result the engine wrote itself (a hearing held or not). */
export function endProcedure(d: Decider, cmd: Of<'special-procedure.end'>, resultCode?: Omit<Explanation, 'why'>): void {
  d.expectPhase(cmd.type, 'handling');
  const ended = endSpecialProcedure(d.approval.ledger, cmd.id, d.today);
  if (!ended.ok) refuse(clockCode(ended.code), ended.message);
  d.emit('special-procedure.ended', { entry: ended.entry, ...(cmd.result ? { result: cmd.result } : {}) }, {
    status: SPGL.specialProcedureEnded, why: cmd.result ?? 'special procedure ended',
    ...(resultCode ?? (cmd.result === undefined ? { whyCode: 'procedure.ended' } : {})),
  });
  d.core({ type: 'case.resume', reason: `special procedure ${cmd.id} ended`, whyCode: 'procedure.resumed', actor: cmd.actor });
  refreshDeadlines(d, `special procedure ${cmd.id} ended`, 'deadlines.procedure-ended');
  refreshLight(d);
}

/** 延长审批 (GB/T 39046 A.7 kind 1): once, capped, by the right role, before the limit ran out. */
export function approveExtension(d: Decider, cmd: Of<'extension.approve'>): void {
  d.expectPhase(cmd.type, 'handling');
  const s = d.approval;
  if (s.item.extension === null) refuse('EXTENSION_NOT_ALLOWED', `Expected an item that allows an extension, but the law of ${s.item.code} allows none`);
  if (s.decision) refuse('DECISION_ALREADY_MADE', `Expected the extension before the decision, but it was decided on ${s.decision.decidedOn}`);
  const statutory = s.deadlines!.statutory;
  const decided = decideExtension(
    { requested: cmd.requested, approver: { id: cmd.actor.id, roles: cmd.actor.roles ?? [] }, reason: cmd.reason, at: d.ctx.now },
    {
      deadline: statutory, previous: s.extension ? [s.extension] : [], policy: extensionPolicyOf(s.item), zone: d.ctx.calendar.zone,
      ...(s.item.lateExtension ? { late: s.item.lateExtension } : {}),
    },
  );
  if (!decided.ok) refuse(clockCode(decided.code), decided.message, { statutoryDate: statutory.date, cap: extensionPolicyOf(s.item).cap.value });
  d.emit('extension.approved', { granted: decided.granted }, { why: cmd.reason });
  if (decided.granted.late) {
    recordViolations(d, [{
      rule: 'late-extension', department: s.item.department, warningType: 'procedure',
      content: supervisionContent('late-extension', { caseNo: s.caseNo, on: d.today, deadline: statutory.date, article: decided.granted.article }),
    }]);
  }
  refreshDeadlines(d, `extension of ${cmd.requested.value} ${cmd.requested.unit} (${decided.granted.article})`, 'deadlines.extension', { value: cmd.requested.value, unit: cmd.requested.unit, article: decided.granted.article });
  refreshLight(d);
}

/**
 * The extension rule of an item: its snapshot's, or for a snapshot taken before the law's default was filled
 * in, 行政许可法 第42条's own (10 WD by the agency head; 15 WD by the same-level government head when joint).
 */
export function extensionPolicyOf(item: ItemSnapshot): ExtensionPolicy {
  return item.extension ?? extensionPolicyFor({ joint: item.joint !== undefined });
}

/** The guards the lifecycle puts on completing a task. */
function guardCompletion(d: Decider, task: TaskInfo, cmd: Extract<PassThroughCommand, { type: 'task.complete' }>): void {
  const s = d.approval;
  const deciding = task.stage === 'decide' || isCoDepartmentTask(d, task);
  if (deciding) {
    const outcome = outcomeOf(cmd.outcome);
    if (!outcome) refuse('INVALID_OUTCOME', `Expected outcome 'approve' or 'refuse' for '${task.elementId}', but got ${JSON.stringify(cmd.outcome ?? null)}`);
    if (outcome === 'refused' && !cmd.opinion?.trim()) {
      refuse('REFUSAL_WITHOUT_REASONS', `Expected the reasons of the refusal in the opinion of '${task.elementId}', but there were none`);
    }
  }
  const payBefore = s.item.payBefore;
  const paid = s.fees.payments.reduce((sum, p) => sum + p.amount, 0);
  if (payBefore !== undefined && (task.elementId === payBefore || task.stage === payBefore) && paid < s.fees.total) {
    refuse('PAYMENT_MISSING', `Expected the fees of ${s.fees.total} yuan paid before step '${task.elementId}', but ${paid} was paid`);
  }
  if (task.stage === 'issue' && s.decision && s.decision.outcome !== 'refused' && !s.certificate) {
    refuse('CERTIFICATE_MISSING', `Expected the certificate issued before completing '${task.elementId}', but none was`);
  }
}

/** Passes a core command to the process and lets the lifecycle react to what happened. */
export function passThrough(d: Decider, cmd: PassThroughCommand): void {
  if (cmd.type === 'timer.fire' && isWindowTimer(cmd.timerId)) {
    windowLapsed(d, cmd.timerId);
    return;
  }
  d.expectPhase(cmd.type, 'handling');
  const tasks = openTasks(d.draft.process);
  if (cmd.type === 'task.complete') {
    const task = tasks.find((t) => t.taskId === cmd.taskId);
    if (task) guardCompletion(d, task, cmd);
  }
  if (cmd.type === 'task.reject' && cmd.to === 'applicant') {
    if (d.approval.decision) refuse('REJECT_AFTER_DECISION', `Expected a reject to the applicant before the decision of ${d.approval.decision.decidedOn}, but it was made`);
    rejectToApplicant(d, cmd, tasks);
    return;
  }
  if (cmd.type === 'task.reject' && cmd.resume === 'through' && d.approval.decision) {
    // The decision stands once made: going through the steps again could not make it a second time.
    refuse('REJECT_AFTER_DECISION', `Expected a reject before the decision of ${d.approval.decision.decidedOn} to go through again, but it was made; reject back-to-me`);
  }
  reactToCore(d, d.core(cmd), tasks);
  if (d.approval.phase === 'handling' || d.approval.decision) refreshLight(d);
}
