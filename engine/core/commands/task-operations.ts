/**
 * 转办, 委派 and 加签/减签: who works an open task. None of them moves a token or touches a timer, so a step's
 * due instant and its boundary timers (reminders, the time limit) run on unchanged: the legal clock of a step
 * does not restart because another official works it.
 */
import { settleBody } from '../elements/multi-instance-body.js';
import { refuse } from '../refusal.js';
import type { Run } from '../run.js';
import { childrenOf, publicId } from '../state.js';
import type { Actor, Command, Json, TaskInfo } from '../types.js';
import { assertAssignee, assertSeparated, openTask } from './task-commands.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

const WORKED: TaskInfo['kind'][] = ['userTask', 'manualTask'];

/** The user the task is with: its assignee, or the actor taking an unassigned task. */
function holder(task: TaskInfo, actor: Actor | undefined, command: string): string {
  const who = task.assignee ?? actor?.id;
  if (who === undefined) refuse('INVALID_COMMAND', `Expected ${command} on task '${task.taskId}' to name its actor, but it names none`);
  return who;
}

/** The task must be with its owner: not delegated, not with a signer who signs before the owner. */
function assertWithOwner(task: TaskInfo, command: string): void {
  if (task.delegated) {
    refuse('TASK_DELEGATED', `Expected task '${task.taskId}' to be with its owner for ${command}, but it is delegated to '${task.assignee}'`);
  }
  if (task.owner !== undefined && task.assignee !== task.owner) {
    refuse('TASK_WITH_SIGNER', `Expected task '${task.taskId}' to be with its owner '${task.owner}' for ${command}, but signer '${task.assignee}' is signing it`);
  }
}

function assertOther(task: TaskInfo, from: string, to: string, command: string): void {
  if (!to.trim() || to === from) {
    refuse('SIGNERS_INVALID', `Expected ${command} of task '${task.taskId}' to name another user than '${from}', but got '${to}'`, { to });
  }
}

/** 转办: the new assignee owns the task from now on. */
export function transfer(run: Run, cmd: Of<'task.transfer'>): void {
  const { key, task } = openTask(run, cmd.taskId, WORKED);
  assertAssignee(task, cmd.actor);
  assertWithOwner(task, 'a transfer');
  const from = holder(task, cmd.actor, cmd.type);
  assertOther(task, from, cmd.to, 'the transfer');
  assertSeparated(run, key, cmd.to);
  run.emit('task.transferred', { taskId: cmd.taskId, from, to: cmd.to, reason: cmd.reason });
}

/** 委派: the delegate works the task on the owner's behalf and resolves it back. */
export function delegate(run: Run, cmd: Of<'task.delegate'>): void {
  const { task } = openTask(run, cmd.taskId, WORKED);
  assertAssignee(task, cmd.actor);
  assertWithOwner(task, 'a delegation');
  const owner = holder(task, cmd.actor, cmd.type);
  assertOther(task, owner, cmd.to, 'the delegation');
  run.emit('task.delegated', { taskId: cmd.taskId, owner, to: cmd.to, reason: cmd.reason });
}

/** The delegate hands the task back to its owner, with their opinion. */
export function resolve(run: Run, cmd: Of<'task.resolve'>): void {
  const { task } = openTask(run, cmd.taskId, WORKED);
  if (!task.delegated || task.owner === undefined) refuse('TASK_NOT_DELEGATED', `Expected task '${cmd.taskId}' to be delegated, but it is not`);
  assertAssignee(task, cmd.actor);
  run.emit('task.resolved', { taskId: cmd.taskId, owner: task.owner, by: task.assignee!, opinion: cmd.opinion });
}

function assertSigners(task: TaskInfo, owner: string, signers: string[]): void {
  const seen = new Set<string>();
  for (const s of signers) {
    if (!s.trim() || s === owner || seen.has(s) || task.queue?.includes(s) || task.added?.includes(s)) {
      refuse('SIGNERS_INVALID', `Expected new signers for task '${task.taskId}', but '${s}' is empty, the owner, repeated or already a signer`, { signer: s });
    }
    seen.add(s);
  }
  if (signers.length === 0) refuse('SIGNERS_INVALID', `Expected at least one signer to add to task '${task.taskId}', but got none`);
}

/**
 * 加签. before: the signers sign first, in order, then the owner; after: the signers sign after the owner;
 * parallel: one more instance per signer in the running parallel multi-instance step (BPMN 2.0.2 §10.3.8), so
 * its completion condition counts them (`nrOfInstances` grows: a share needs more votes, any-sign still one).
 */
export function addSigners(run: Run, cmd: Of<'task.add-signers'>): void {
  const { key, task } = openTask(run, cmd.taskId, WORKED);
  assertAssignee(task, cmd.actor);
  assertWithOwner(task, '加签');
  const owner = holder(task, cmd.actor, cmd.type);
  assertSigners(task, owner, cmd.signers);
  if (cmd.mode !== 'parallel') {
    // The holder travels with the event: on a step no one had claimed the adder takes it, and only the event
    // can tell the applier so (it has no actor to go by).
    run.emit('task.signers-added', { taskId: cmd.taskId, mode: cmd.mode, signers: [...cmd.signers], reason: cmd.reason, owner });
    return;
  }
  const scope = run.inst(key).scope!;
  const body = run.inst(scope).body;
  const mi = run.node(key).multiInstance;
  if (!body || !mi || mi.sequential) {
    refuse('SIGNERS_INVALID', `Expected task '${cmd.taskId}' to be an instance of a parallel multi-instance step for parallel 加签, but '${task.elementId}' is ${mi ? 'sequential' : 'a single step'}; add signers before or after`, { mode: cmd.mode });
  }
  // A joint step's new instance belongs to the adder's co-department; any other iterates over the signers.
  const own = run.inst(key).vars?.[mi.elementVariable ?? ''] ?? null;
  const items: Json[] = cmd.signers.map((s) => (run.node(key).approval?.joint ? own : s));
  const tasks = items.map((item, i) => {
    const inner = run.activate(scope, task.elementId, { inner: { index: body.items.length + i, item } });
    return publicId(run.state, inner);
  });
  run.emit('task.signers-added', { taskId: cmd.taskId, mode: 'parallel', signers: [...cmd.signers], reason: cmd.reason, scope, items, tasks });
}

/** 减签: signers added by 加签 who have not signed yet; a parallel one's instance is withdrawn. */
export function removeSigners(run: Run, cmd: Of<'task.remove-signers'>): void {
  const { key, task } = openTask(run, cmd.taskId, WORKED);
  const owner = task.owner ?? task.assignee;
  if (owner !== undefined && cmd.actor !== undefined && cmd.actor.id !== owner) {
    refuse('TASK_ASSIGNED_TO_OTHER', `Expected the owner '${owner}' of task '${cmd.taskId}' to remove its signers, but '${cmd.actor.id}' tried`);
  }
  const scope = run.inst(key).scope!;
  const siblings = run.inst(scope).body ? childrenOf(run.state, scope) : [];
  const withdrawn: string[] = [];
  for (const s of cmd.signers) {
    const pending = task.added?.includes(s) && (task.queue?.includes(s) || (task.assignee === s && s !== owner));
    const instance = siblings.find((k) => run.state.elements[k]?.task?.addedBy === cmd.taskId && run.state.elements[k]?.task?.assignee === s);
    if (!pending && !instance) {
      refuse('SIGNER_NOT_REMOVABLE', `Expected '${s}' to be a signer added to task '${cmd.taskId}' by 加签 who has not signed yet, but they are not`, { signer: s });
    }
    if (instance) withdrawn.push(instance);
  }
  if (cmd.signers.length === 0) refuse('SIGNERS_INVALID', `Expected at least one signer to remove from task '${cmd.taskId}', but got none`);
  const ids = withdrawn.map((k) => publicId(run.state, k));
  const before = task.assignee;
  for (const k of withdrawn) run.terminate(k);
  run.emit('task.signers-removed', {
    taskId: cmd.taskId, signers: [...cmd.signers], reason: cmd.reason,
    ...(withdrawn.length ? { scope, tasks: ids } : {}),
  });
  // The task table learns the new assignee when a removed signer was the one signing.
  const after = run.state.elements[key]?.task?.assignee;
  if (after !== undefined && after !== before) run.emit('task.assigned', { taskId: cmd.taskId, assignee: after });
  if (withdrawn.length) settleBody(run, scope);
}
