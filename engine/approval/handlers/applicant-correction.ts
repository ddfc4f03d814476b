/**
 * 驳回 to the applicant (`task.reject` with `to: applicant`) during handling, and the resubmission. The
 * applicant is told once what to correct (一次性告知, 行政许可法 第32条 applied to handling as local rules
 * do): a second 驳回 to the applicant is refused. The correction is an APPLICANT_RECTIFY entry of the ledger,
 * so it counts toward the limits or pauses them as docs/clocks.md section 5 says (counted unless the item's
 * regulation says otherwise); the case is suspended, so nobody works a step while the applicant corrects.
 * On resubmission the case resumes: straight back to the rejecting step (`back-to-me`, which waited
 * suspended), or through again from the first step the case passed (`through`).
 */
import { endSpecialProcedure, openProcedures, startSpecialProcedure } from '../../clocks/suspension-ledger.js';
import { openTasks } from '../../core/index.js';
import type { TaskInfo } from '../../core/types.js';
import type { LifecycleCommand, PassThroughCommand } from '../commands.js';
import type { Decider } from '../decider.js';
import { clockCode, refuse } from '../refusal.js';
import { SPGL } from '../status.js';
import { nodeName, reactToCore } from './react.js';
import { refreshDeadlines, refreshLight } from './refresh.js';

type Reject = Extract<PassThroughCommand, { type: 'task.reject' }>;
const STEPS = new Set(['userTask', 'manualTask']);

/** The first step (user or manual task) the process passed on its main line, if any. */
function firstStep(d: Decider): string | undefined {
  for (const inst of Object.values(d.draft.process.elements)) {
    if (inst.scope !== undefined) continue;
    return (inst.passed ?? []).find((id) => STEPS.has(d.definition.nodes[id]?.kind ?? ''));
  }
  return undefined;
}

/** 驳回 to the applicant from `task`: the correction is asked for and the case waits, suspended. */
export function rejectToApplicant(d: Decider, cmd: Reject, tasks: readonly TaskInfo[]): void {
  const s = d.approval;
  const task = tasks.find((t) => t.taskId === cmd.taskId);
  if (!task) refuse('INVALID_COMMAND', `Expected an open task '${cmd.taskId}' to reject to the applicant, but there is none`);
  if (cmd.actor && task.assignee !== cmd.actor.id) {
    refuse('INVALID_COMMAND', `Expected the holder '${task.assignee ?? 'nobody'}' of task '${cmd.taskId}' to reject it, but '${cmd.actor.id}' tried`);
  }
  if (task.delegated) refuse('INVALID_COMMAND', `Expected task '${cmd.taskId}' to be with its owner to reject it, but it is delegated to '${task.assignee}'`);
  if (!cmd.reason.trim()) refuse('REASONS_REQUIRED', 'Expected what the applicant must correct, but no reason was given');
  if (s.handlingCorrection) {
    refuse('CORRECTION_ALREADY_REQUESTED', `Expected one correction told at once (一次性告知), but the applicant was asked on ${s.handlingCorrection.requestedOn} already`);
  }
  const open = openProcedures(s.ledger)[0];
  if (open) refuse('SPECIAL_PROCEDURE_OPEN', `Expected no special procedure to be running, but '${open.id}' (${open.type}) is`);
  const procedureId = `sp-${s.ledger.length + 1}`;
  const started = startSpecialProcedure(d.ctx.calendar, s.ledger, {
    id: procedureId, type: 'APPLICANT_RECTIFY', start: d.today, reason: cmd.reason, basis: '一次性告知申请人补正（驳回至申请人）',
  }, s.item.pauseOverrides);
  if (!started.ok) refuse(clockCode(started.code), started.message);
  const restartAt = firstStep(d);
  d.emit('correction.requested', {
    correction: { taskId: task.taskId, el: task.elementId, reason: cmd.reason, resume: cmd.resume, procedureId, ...(restartAt ? { restartAt } : {}), requestedOn: d.today },
  }, { why: cmd.reason });
  d.emit('special-procedure.started', { entry: started.entry }, { status: SPGL.specialProcedureStarted, why: cmd.reason });
  d.core({
    type: 'case.suspend', reason: `rejected to the applicant for correction: ${cmd.reason}`, whyCode: 'correction.asked', whyParams: { reason: cmd.reason },
    ...(cmd.actor ? { actor: cmd.actor } : {}),
  });
  refreshDeadlines(d, `correction ${procedureId} asked of the applicant`, 'deadlines.correction-asked');
  refreshLight(d);
}

/** Whether a resubmission now answers a 驳回 to the applicant. */
export function awaitsResubmission(d: Decider): boolean {
  const c = d.approval.handlingCorrection;
  return d.approval.phase === 'handling' && c !== undefined && c.resubmittedOn === undefined;
}

/** The applicant supplied the corrections: the case resumes, through again or back to the rejecting step. */
export function resubmit(d: Decider, cmd: Extract<LifecycleCommand, { type: 'correction.supply' }>): void {
  const s = d.approval;
  const c = s.handlingCorrection!;
  if (cmd.materials.length === 0) refuse('MATERIALS_MISSING', 'Expected the corrected materials, but none were given');
  const ended = endSpecialProcedure(s.ledger, c.procedureId, d.today);
  if (!ended.ok) refuse(clockCode(ended.code), ended.message);
  d.emit('correction.resubmitted', { materials: cmd.materials.map((m) => m.material), on: d.today }, {
    why: `answer to the correction of ${c.requestedOn}`, whyCode: 'correction.resubmitted', whyParams: { requestedOn: c.requestedOn },
  });
  d.emit('special-procedure.ended', { entry: ended.entry, result: 'corrections supplied' }, {
    status: SPGL.specialProcedureEnded, why: 'the applicant supplied the corrections', whyCode: 'correction.supplied',
  });
  d.core({ type: 'case.resume', reason: 'the applicant supplied the corrections', whyCode: 'correction.supplied', actor: cmd.actor });
  if (c.resume === 'through' && c.restartAt !== undefined && c.restartAt !== c.el) {
    const tasks = openTasks(d.draft.process);
    reactToCore(d, d.core({
      type: 'case.return', toElementId: c.restartAt, reason: `corrections supplied: through again from ${c.restartAt}`,
      whyCode: 'correction.restart', whyParams: { step: nodeName(d, c.restartAt) }, actor: cmd.actor,
    }), tasks);
  }
  refreshDeadlines(d, `correction ${c.procedureId} supplied`, 'deadlines.correction-supplied');
  refreshLight(d);
}
