/**
 * A small, pure stand-in for the engine core with the same `step` contract, so the runtime and the store
 * can be proven without the real core. Behaviour:
 *   case.start      creates the tasks named in `variables.tasks` (default ['review']), schedules
 *                   `variables.timers` ([{id, dueAt}]), and for `variables.decision` creates a business rule
 *                   task 'check' that asks for a decision;
 *   task.complete   completes an active task and asks to notify the applicant; the last one completes the case;
 *   timer.fire      fires a scheduled timer and sends a message; timers listed in `faults.failTimers` throw.
 */
import type { ExecutableDefinition } from '../../engine/core/model.js';
import type { CaseEvent, Command, Effect, EngineContext, Json, StepResult, TaskInfo } from '../../engine/core/types.js';
import type { Engine } from '../../engine/runtime/ports.js';

export interface FakeState {
  [key: string]: Json;
  status: string;
  seq: number;
  stage: string;
  department: string;
  tasks: Record<string, string>;
  timers: Record<string, string>;
}

/** Mutable fault switches a test can flip between commands. */
export interface FakeFaults {
  failTimers: Set<string>;
}

/** A definition record the fake engine accepts (it reads only key and version). */
export function fakeDefinition(key = 'demo-item', version = 1): ExecutableDefinition {
  return {
    key, version, processId: `${key}-process`, name: `Demo item ${key}`,
    nodes: {}, flows: {}, scopes: { [`${key}-process`]: { id: `${key}-process`, children: [], startEvents: [], eventSubprocesses: [] } },
  };
}

/** Creates the fake engine. */
export function fakeEngine(faults: FakeFaults = { failTimers: new Set() }): Engine<FakeState> {
  return {
    initialState: () => ({ status: 'new', seq: 0, stage: 'accept', department: 'market-supervision', tasks: {}, timers: {} }),
    step: (_def: ExecutableDefinition, state: FakeState, command: Command, ctx: EngineContext) => step(state, command, ctx, faults),
  };
}

function step(state: FakeState, command: Command, ctx: EngineContext, faults: FakeFaults): StepResult<FakeState> {
  const next: FakeState = structuredClone(state);
  const events: CaseEvent[] = [];
  const effects: Effect[] = [];
  const emit = (type: string, fields: Record<string, Json> = {}) =>
    events.push({ type, v: 1, seq: ++next.seq, at: ctx.now, ...(command.actor ? { actor: command.actor } : {}), ...fields });
  const reject = (code: 'CASE_ALREADY_STARTED' | 'TASK_NOT_ACTIVE' | 'TIMER_NOT_FOUND' | 'INVALID_COMMAND', message: string) =>
    ({ ok: false as const, refusal: { code, message } });

  switch (command.type) {
    case 'case.start': {
      if (state.status !== 'new') return reject('CASE_ALREADY_STARTED', `Expected case to be new, but it was ${state.status}`);
      next.status = 'active';
      emit('case.started', { caseId: command.caseId });
      const vars = command.variables ?? {};
      for (const taskId of (vars.tasks as string[] | undefined) ?? ['review']) {
        next.tasks[taskId] = 'active';
        const task: TaskInfo = {
          taskId, elementId: taskId, name: `Task ${taskId}`, kind: 'userTask', department: next.department,
          role: 'reviewer', candidateGroups: ['reviewers'], stage: 'review',
        };
        emit('task.created', { task: task as unknown as Json });
      }
      for (const timer of (vars.timers as Array<{ id: string; dueAt: string }> | undefined) ?? []) {
        next.timers[timer.id] = 'scheduled';
        effects.push({ type: 'timer.schedule', timerId: timer.id, dueAt: timer.dueAt, elementId: `${timer.id}-event` });
      }
      if (typeof vars.decision === 'string') {
        next.tasks.check = 'active';
        emit('task.created', { task: { taskId: 'check', elementId: 'check', kind: 'businessRuleTask' } });
        effects.push({ type: 'decision.evaluate', taskId: 'check', decisionRef: vars.decision, input: { amount: 3 } });
      }
      next.stage = 'review';
      return { ok: true, state: next, events, effects };
    }
    case 'task.claim':
      if (state.tasks[command.taskId] !== 'active') return reject('TASK_NOT_ACTIVE', `Expected task '${command.taskId}' to be active`);
      emit('task.claimed', { taskId: command.taskId, assignee: command.assignee });
      return { ok: true, state: next, events, effects };
    case 'task.complete':
    case 'decision.complete': {
      const was = state.tasks[command.taskId];
      if (was !== 'active') return reject('TASK_NOT_ACTIVE', `Expected task '${command.taskId}' to be active, but it was ${was ?? 'never created'}`);
      next.tasks[command.taskId] = 'completed';
      if (command.type === 'decision.complete') emit('decision.completed', { taskId: command.taskId, result: command.result });
      emit('task.completed', { taskId: command.taskId });
      if (command.type === 'task.complete') {
        effects.push({ type: 'action.run', action: 'notify-applicant', elementId: command.taskId, input: { taskId: command.taskId } });
      }
      if (Object.values(next.tasks).every((s) => s === 'completed')) {
        next.status = 'completed';
        next.stage = 'done';
        emit('case.completed');
        for (const [id, s] of Object.entries(next.timers)) {
          if (s === 'scheduled') {
            next.timers[id] = 'cancelled';
            effects.push({ type: 'timer.cancel', timerId: id });
          }
        }
      }
      return { ok: true, state: next, events, effects };
    }
    case 'timer.fire': {
      if (state.timers[command.timerId] !== 'scheduled') return reject('TIMER_NOT_FOUND', `Expected timer '${command.timerId}' to be scheduled`);
      if (faults.failTimers.has(command.timerId)) throw new Error(`Injected failure of timer '${command.timerId}'`);
      next.timers[command.timerId] = 'fired';
      emit('timer.fired', { timerId: command.timerId });
      effects.push({ type: 'message.send', name: 'deadline-reached', elementId: command.timerId, payload: { timerId: command.timerId } });
      return { ok: true, state: next, events, effects };
    }
    default:
      return reject('INVALID_COMMAND', `The fake engine does not handle '${command.type}'`);
  }
}
