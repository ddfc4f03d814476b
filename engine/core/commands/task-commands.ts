/** `task.claim`, `task.complete` and `decision.complete`: work on the open tasks of a case. */
import { refuse } from '../refusal.js';
import type { Run } from '../run.js';
import { keyOf, keyNumber } from '../state.js';
import type { Actor, Command, Json, TaskInfo, Variables } from '../types.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/** The instance key of an open task, refusing ids that are unknown or no longer open. */
export function openTask(run: Run, taskId: string, kinds: TaskInfo['kind'][]): { key: string; task: TaskInfo } {
  const key = keyOf(run.state, taskId);
  const task = key === undefined ? undefined : run.state.elements[key]?.task;
  if (key === undefined || !/^e\d+$/.test(key) || keyNumber(key) > run.state.next) {
    refuse('TASK_NOT_FOUND', `Expected task '${taskId}' to exist in case '${run.state.caseId}', but it does not`);
  }
  if (!task) refuse('TASK_NOT_ACTIVE', `Expected task '${taskId}' to be active, but it was completed or cancelled`);
  if (!kinds.includes(task.kind)) {
    refuse('INVALID_COMMAND', `Expected task '${taskId}' to be a ${kinds.join(' or ')}, but it is a ${task.kind}`);
  }
  return { key, task };
}

export function assertAssignee(task: TaskInfo, actor?: Actor): void {
  if (task.assignee !== undefined && actor !== undefined && actor.id !== task.assignee) {
    refuse('TASK_ASSIGNED_TO_OTHER', `Expected task '${task.taskId}' to be assigned to '${actor.id}', but it is assigned to '${task.assignee}'`);
  }
}

/**
 * Separation of duties (回避): who completed one of the step's `separateFrom` elements in this case may not
 * hold it, whatever their position (the reviewer of a case does not also decide it).
 */
export function assertSeparated(run: Run, key: string, who: string | undefined): void {
  if (who === undefined) return;
  const node = run.node(key);
  const el = node.approval?.separateFrom?.find((e) => run.approverOf(e) === who);
  if (el !== undefined) {
    refuse('SEPARATION_OF_DUTIES', `Expected another user than '${who}' to hold step '${node.id}', since '${who}' completed '${el}' of this case`, { element: node.id, separateFrom: el, user: who });
  }
}

export function claim(run: Run, cmd: Of<'task.claim'>): void {
  const { key, task } = openTask(run, cmd.taskId, ['userTask', 'manualTask']);
  assertSeparated(run, key, cmd.assignee);
  if (task.assignee !== undefined && task.assignee !== cmd.assignee) {
    refuse('TASK_ASSIGNED_TO_OTHER', `Expected task '${cmd.taskId}' to be unassigned, but it is assigned to '${task.assignee}'`);
  }
  run.emit('task.claimed', { taskId: cmd.taskId, assignee: cmd.assignee });
}

/**
 * Completes a user or manual task. The outcome and opinion are recorded in `task.completed`; the outcome
 * and opinion are also set as the variables `outcome` and `opinion` (so that gateways can branch on them
 * and a joint step can collect the opinions) together with the command's
 * variables. An inner instance of a multi-instance task keeps them local: each co-department's decision
 * stays its own until the output element collects it.
 */
export function complete(run: Run, cmd: Of<'task.complete'>): void {
  const { key, task } = openTask(run, cmd.taskId, ['userTask', 'manualTask']);
  assertAssignee(task, cmd.actor);
  assertSeparated(run, key, cmd.actor?.id ?? task.assignee);
  if (task.delegated) {
    refuse('TASK_DELEGATED', `Expected task '${cmd.taskId}' to be back with its owner '${task.owner}', but it is delegated to '${task.assignee}': resolve it first`);
  }
  const next = task.queue?.[0];
  if (next !== undefined) {
    // 加签: a signer signed; the step waits for the next one instead of completing.
    run.emit('task.signed', { taskId: cmd.taskId, by: cmd.actor?.id ?? task.assignee, next, outcome: cmd.outcome, opinion: cmd.opinion });
    return;
  }
  run.completion = { taskId: cmd.taskId, el: task.elementId, scope: run.inst(key).scope!, by: cmd.actor?.id ?? task.assignee, since: run.state.next };
  const vars: Variables = { ...cmd.variables };
  if (cmd.outcome !== undefined) vars.outcome = cmd.outcome;
  if (cmd.opinion !== undefined) vars.opinion = cmd.opinion;
  run.emit('task.completed', { taskId: cmd.taskId, outcome: cmd.outcome, opinion: cmd.opinion, variables: cmd.variables });
  run.complete(key, vars);
}

/**
 * Completes a business rule task with its rule table's result. With output mappings they are evaluated
 * over the variable `result`; without, an object result is merged into the variables and any other value
 * is set as `result`.
 */
export function completeDecision(run: Run, cmd: Of<'decision.complete'>): void {
  const { key } = openTask(run, cmd.taskId, ['businessRuleTask']);
  run.emit('decision.completed', { taskId: cmd.taskId, result: cmd.result });
  run.emit('task.completed', { taskId: cmd.taskId });
  const result: Json = cmd.result;
  const isObject = typeof result === 'object' && result !== null && !Array.isArray(result);
  const vars: Variables = run.node(key).outputs?.length ? { result } : isObject ? { ...result } : { result };
  run.complete(key, vars);
}
