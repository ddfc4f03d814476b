/**
 * 驳回 and 拿回. A reject is a 退回 (`case.return`) decided from a task: every token of the scope where the
 * target step was passed is withdrawn (the other parallel branches, every instance of a multi-instance step,
 * the joins' waiting arrivals), so no token is stranded, and the target opens again with its own timers.
 * With `back-to-me` the scope remembers the rejecting step and, once the target is done again, goes straight
 * back to it. A reclaim undoes a completion while the steps it opened are untouched.
 */
import { refuse } from '../refusal.js';
import type { Run } from '../run.js';
import { byKey, keyNumber, publicId } from '../state.js';
import type { Command, TaskInfo } from '../types.js';
import { returnTo } from './case-commands.js';
import { assertAssignee, openTask } from './task-commands.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

const STEPS = new Set(['userTask', 'manualTask']);

/** The last step (user or manual task) passed on the main line before `el`, from the nearest scope out. */
function previousStep(run: Run, key: string, el: string): string {
  for (let s = run.inst(key).scope; s !== undefined; s = run.inst(s).scope) {
    const passed = run.inst(s).passed ?? [];
    for (let i = passed.length - 1; i >= 0; i--) {
      const id = passed[i]!;
      if (id !== el && STEPS.has(run.defOf(s).nodes[id]?.kind ?? '')) return id;
    }
  }
  return refuse('RETURN_TARGET_INVALID', `Expected a step passed before '${el}' to reject to, but there is none`, { toElementId: 'previous' });
}

/** The child of `scope` that holds `key` (the instance itself, its multi-instance body, a subprocess). */
function childOf(run: Run, scope: string, key: string): string | undefined {
  let k: string | undefined = key;
  while (k !== undefined && run.inst(k).scope !== scope) k = run.inst(k).scope;
  return k;
}

/** 驳回 to the previous step or a passed step, resuming along the flows or straight back to this one. */
export function rejectTask(run: Run, cmd: Of<'task.reject'>): void {
  const { key, task } = openTask(run, cmd.taskId, ['userTask', 'manualTask']);
  assertAssignee(task, cmd.actor);
  if (task.delegated) refuse('TASK_DELEGATED', `Expected task '${cmd.taskId}' to be with its owner to reject it, but it is delegated to '${task.assignee}'`);
  const target = cmd.to === 'previous' ? previousStep(run, key, task.elementId) : cmd.to;
  const scopes = byKey(run.state.elements).filter((k) => run.inst(k).passed?.includes(target));
  const scope = scopes.length === 1 && run.inst(scopes[0]!).state === 'active' ? scopes[0]! : undefined;
  if (scope !== undefined) {
    const child = childOf(run, scope, key);
    const resumable = child !== undefined && run.inst(child).mainLine === true && run.inst(child).el === task.elementId && target !== task.elementId;
    if (cmd.resume === 'back-to-me' && !resumable) {
      refuse('REJECT_RESUME_INVALID', `Expected '${task.elementId}' to be a step on the main line after '${target}' to come back to, but it runs inside a parallel branch or a subprocess; resume through`, { toElementId: target });
    }
    run.emit('task.rejected', { taskId: cmd.taskId, el: task.elementId, toElementId: target, resume: cmd.resume, reason: cmd.reason, scope });
  }
  returnTo(run, { type: 'case.return', toElementId: target, reason: cmd.reason, ...(cmd.actor ? { actor: cmd.actor } : {}) });
}

/** 拿回: the previous approver takes back the step they completed while the steps it opened are untouched. */
export function reclaim(run: Run, cmd: Of<'task.reclaim'>): void {
  const opened = byKey(run.state.elements).filter((k) => run.state.elements[k]!.task?.prev?.taskId === cmd.taskId);
  const prev = opened.length ? run.state.elements[opened.at(-1)!]!.task!.prev! : undefined;
  if (!prev) {
    refuse('RECLAIM_NOT_ALLOWED', `Expected an open step that task '${cmd.taskId}' handed over to, but there is none (the next step went on, or the task was not completed)`);
  }
  if (cmd.actor !== undefined && prev.by !== undefined && cmd.actor.id !== prev.by) {
    refuse('TASK_ASSIGNED_TO_OTHER', `Expected the approver '${prev.by}' who completed task '${cmd.taskId}' to take it back, but '${cmd.actor.id}' tried`);
  }
  if (run.state.elements[prev.scope]?.state !== 'active') {
    refuse('RECLAIM_NOT_ALLOWED', `Expected the scope of '${prev.el}' to be running to take it back, but it ended (a multi-instance step or a subprocess completed)`);
  }
  const withdraw = [...new Set(opened.map((k) => childOf(run, prev.scope, k)))];
  if (withdraw.includes(undefined)) refuse('RECLAIM_NOT_ALLOWED', `Expected the next step of '${prev.el}' in the same scope, but it left it`);
  const inside = (k: string): boolean => withdraw.some((w) => w === k || childOf(run, w!, k) !== undefined);
  const live = byKey(run.state.elements).filter((k) => keyNumber(k) > prev.since);
  const moved = live.filter((k) => !inside(k) || (run.state.elements[k]!.task && !opened.includes(k)));
  const touched = opened.filter((k) => run.state.elements[k]!.task!.touched);
  if (moved.length || touched.length) {
    const names = [...touched, ...moved].map((k) => stepName(run.state.elements[k]!.task, run.inst(k).el));
    refuse('RECLAIM_NOT_ALLOWED', `Expected the next step of '${prev.el}' to be untouched, but ${names.join(', ')} was already worked on or the case moved on`);
  }
  for (const k of withdraw) run.terminate(k!);
  run.emit('task.reclaimed', {
    taskId: cmd.taskId, el: prev.el, scope: prev.scope, by: prev.by, reason: cmd.reason, withdrawn: withdraw as string[],
    restore: prev.restore, resumeTo: prev.resumedTo,
  });
  const again = run.activate(prev.scope, prev.el);
  if (prev.by !== undefined && run.state.elements[again]?.task) run.emit('task.assigned', { taskId: publicId(run.state, again), assignee: prev.by });
}

function stepName(task: TaskInfo | undefined, el: string): string {
  return `'${task?.name ?? el}'`;
}
