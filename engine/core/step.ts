/**
 * `step(definition, state, command, ctx)`: the pure transition of a case. It decides events, folds each
 * into a private copy of the state with the appliers as it goes, and returns the new state with the events
 * and effects, or a refusal (and nothing else) when the command is refused.
 */
import { cancel, resume, returnTo, start, suspend } from './commands/case-commands.js';
import { correlate, fire } from './commands/event-commands.js';
import { claim, complete, completeDecision } from './commands/task-commands.js';
import { reclaim, rejectTask } from './commands/reject-reclaim.js';
import { addSigners, delegate, removeSigners, resolve, transfer } from './commands/task-operations.js';
import { MAX_COMMAND_DEPTH, tooDeepAt } from './json-depth.js';
import type { ExecutableDefinition } from './model.js';
import { refuse, RefusalError } from './refusal.js';
import { Run } from './run.js';
import type { CaseState } from './state.js';
import type { Command, EngineContext, StepResult } from './types.js';

type Handlers = { [T in Command['type']]: (run: Run, cmd: Extract<Command, { type: T }>) => void };

const handlers: Handlers = {
  'case.start': start,
  'task.claim': claim,
  'task.complete': complete,
  'decision.complete': completeDecision,
  'message.correlate': correlate,
  'timer.fire': fire,
  'case.suspend': suspend,
  'case.resume': resume,
  'case.cancel': cancel,
  'case.return': returnTo,
  'task.transfer': transfer,
  'task.delegate': delegate,
  'task.resolve': resolve,
  'task.add-signers': addSigners,
  'task.remove-signers': removeSigners,
  'task.reject': rejectTask,
  'task.reclaim': reclaim,
};

/** Commands a suspended case still accepts: the ones that end or lift the suspension. */
const WHILE_SUSPENDED = new Set<Command['type']>(['case.resume', 'case.cancel']);

function guard(definition: ExecutableDefinition, state: CaseState, command: Command): void {
  const deep = tooDeepAt(command);
  if (deep) refuse('INVALID_COMMAND', `Expected the command's values nested at most ${MAX_COMMAND_DEPTH} levels, but ${deep} is deeper`);
  if (command.type === 'case.start') return;
  if (state.status === 'idle') refuse('CASE_NOT_STARTED', `Expected the case to be started, but it was not (command ${command.type})`);
  if (state.status !== 'active') {
    refuse('CASE_NOT_ACTIVE', `Expected case '${state.caseId}' to be active, but it was ${state.status}`);
  }
  if (state.definition.key !== definition.key || state.definition.version !== definition.version) {
    refuse('INVALID_COMMAND', `Expected definition '${state.definition.key}' version ${state.definition.version}, but was given '${definition.key}' version ${definition.version}`);
  }
  if (state.suspended && !WHILE_SUSPENDED.has(command.type)) {
    refuse('CASE_SUSPENDED', `Expected case '${state.caseId}' to be running, but it is suspended (command ${command.type})`);
  }
}

/**
 * Runs one command against a case.
 *
 * Pure: the same definition, state, command and `ctx` always give the same result; the input state is not
 * changed; time comes only from `ctx.now` and working days only from `ctx.calendar`. On success the events
 * are numbered from `state.seq + 1` and replaying them onto `state` gives the returned state. Expected
 * refusals come back as `{ ok: false, refusal }` with a stable code; engine bugs throw.
 */
export function step(
  definition: ExecutableDefinition,
  state: CaseState,
  command: Command,
  ctx: EngineContext,
): StepResult<CaseState> {
  try {
    guard(definition, state, command);
    const run = new Run(definition, structuredClone(state), ctx, command.actor);
    const handler = handlers[command.type] as (run: Run, cmd: Command) => void;
    if (!handler) refuse('INVALID_COMMAND', `Expected a known command type, but got '${(command as { type: string }).type}'`);
    handler(run, command);
    run.drain();
    return { ok: true, state: run.state, events: run.events, effects: run.effects };
  } catch (err) {
    if (err instanceof RefusalError) return { ok: false, refusal: err.refusal };
    throw err;
  }
}
