/**
 * `approvalStep(definition, state, command, ctx)`: the pure transition of an approval case. Lifecycle
 * commands are decided here; the core's commands go to `engine/core` while the case is in handling. The
 * result has the core's shape: the new state, the lifecycle and BPMN events in one list, and the effects.
 */
import { MAX_COMMAND_DEPTH, tooDeepAt } from '../core/json-depth.js';
import type { ExecutableDefinition } from '../core/model.js';
import type { CaseEvent, Effect, EngineContext } from '../core/types.js';
import { PASS_THROUGH, type ApprovalCommand, type LifecycleCommand, type PassThroughCommand } from './commands.js';
import { CoreRefusal, Decider } from './decider.js';
import { completeRectification, confirmPayment, evaluate, evaluateSupervision, issueCertificate, recordDelivery, revoke } from './handlers/after.js';
import { recalculateCalendar } from './handlers/calendar.js';
import { endHearing, holdHearing, notifyHearing, requestHearing, scheduleHearing, waiveHearing } from './handlers/hearing.js';
import { approveExtension, endProcedure, passThrough, startProcedure } from './handlers/handling.js';
import { copy, urge } from './handlers/task-notes.js';
import { accept, apply, notifyCorrection, reject, supplyCorrection, withdraw } from './handlers/intake.js';
import { ApprovalRefusalError, refuse, type ApprovalRefusal } from './refusal.js';
import type { ApprovalCaseState } from './state.js';

/** The result of `approvalStep`: the core's `StepResult` shape with lifecycle rejection codes. */
export type ApprovalStepResult =
  | { ok: true; state: ApprovalCaseState; events: CaseEvent[]; effects: Effect[] }
  | { ok: false; refusal: ApprovalRefusal };

type Handlers = { [T in LifecycleCommand['type']]: (d: Decider, cmd: Extract<LifecycleCommand, { type: T }>) => void };

const handlers: Handlers = {
  'case.apply': apply,
  'correction.notify': notifyCorrection,
  'correction.supply': supplyCorrection,
  'case.accept': accept,
  'case.reject': reject,
  'case.withdraw': withdraw,
  'special-procedure.start': startProcedure,
  'special-procedure.end': endProcedure,
  'extension.approve': approveExtension,
  'hearing.notify': notifyHearing,
  'hearing.request': requestHearing,
  'hearing.schedule': scheduleHearing,
  'hearing.hold': holdHearing,
  'hearing.waive': waiveHearing,
  'hearing.end': endHearing,
  'payment.confirm': confirmPayment,
  'certificate.issue': issueCertificate,
  'delivery.record': recordDelivery,
  'case.evaluate': evaluate,
  'rectification.complete': completeRectification,
  'case.revoke': revoke,
  'supervision.evaluate': (d) => evaluateSupervision(d),
  'calendar.recalculate': recalculateCalendar,
  'task.urge': urge,
  'task.copy': copy,
};

/**
 * Runs one command against an approval case. Pure: the same inputs give the same result, the input state
 * is not changed, time comes only from `ctx.now` and working days from `ctx.calendar`. On success, replaying
 * the returned events onto `state` with `approvalEvolve` gives the returned state. Expected refusals are
 * values with a stable code; bugs throw.
 */
export function approvalStep(
  definition: ExecutableDefinition,
  state: ApprovalCaseState,
  command: ApprovalCommand,
  ctx: EngineContext,
): ApprovalStepResult {
  // Checked before the state is copied: a value nested too deep would overflow the copy on every later command.
  const deep = tooDeepAt(command);
  if (deep) return { ok: false, refusal: { code: 'INVALID_COMMAND', message: `Expected the command's values nested at most ${MAX_COMMAND_DEPTH} levels, but ${deep} is deeper` } as ApprovalRefusal };
  const d = new Decider(definition, structuredClone(state), ctx, command.actor);
  try {
    if (PASS_THROUGH.has(command.type)) {
      passThrough(d, command as PassThroughCommand);
    } else {
      const handler = handlers[command.type as LifecycleCommand['type']] as ((d: Decider, cmd: LifecycleCommand) => void) | undefined;
      if (!handler) refuse('INVALID_COMMAND', `Expected a known command type, but got '${command.type}'`);
      if (!command.actor?.id) refuse('ACTOR_REQUIRED', `Expected a real-name actor for ${command.type}, but there was none`);
      handler(d, command as LifecycleCommand);
    }
    return { ok: true, state: d.draft, events: d.events, effects: d.effects };
  } catch (err) {
    if (err instanceof ApprovalRefusalError) return { ok: false, refusal: err.refusal };
    if (err instanceof CoreRefusal) return { ok: false, refusal: err.refusal as ApprovalRefusal };
    throw err;
  }
}
