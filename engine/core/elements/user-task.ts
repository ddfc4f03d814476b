/**
 * User task (BPMN 2.0.2 §10.3.3): opens a task for the department/role of its `approval` settings, with
 * a due instant from its time limit, and waits for `task.complete`. Terminated, it cancels its task.
 */
import type { ElementContext } from './context.js';
import { compact } from '../refusal.js';
import { limitDueAt } from '../time.js';
import type { Json, TaskInfo } from '../types.js';
import { behavior, type ElementBehavior } from './behavior.js';
import { assignStep } from './step-assignment.js';
import { leaderChain } from '../organisation.js';

/** Opens the task of a waiting instance (`task.created`). */
export function openTask(run: ElementContext, key: string, kind: TaskInfo['kind']): void {
  const node = run.node(key);
  const inst = run.inst(key);
  const approval = node.approval;
  const mi = node.multiInstance;
  const inner = inst.scope !== undefined && run.inst(inst.scope).body !== undefined;
  const element: Json | undefined = inner ? (inst.vars?.[mi?.elementVariable ?? ''] ?? null) : undefined;
  const loopCounter = inner ? (inst.vars?.loopCounter as number | undefined) : undefined;
  // A joint-approval instance belongs to the co-department it iterates over (并联审批, 协办部门).
  const department = approval?.joint && typeof element === 'string' ? element : approval?.department;
  const prev = run.handover?.();
  const assigned = kind === 'userTask' || kind === 'manualTask' ? assignStep(run, key, approval, department, prev) : undefined;
  const task: TaskInfo = compact({
    taskId: run.publicId(key),
    elementId: node.id,
    name: node.name,
    kind,
    department,
    role: approval?.role,
    candidateGroups: approval?.candidateGroups ? [...approval.candidateGroups] : undefined,
    stage: approval?.stage,
    dueAt: approval?.timeLimit ? limitDueAt(run.now, approval.timeLimit, run.calendar) : undefined,
    loopCounter,
    element,
    prev,
    candidates: assigned?.candidates,
    assignee: assigned && 'assignee' in assigned ? assigned.assignee : undefined,
    queue: assigned && 'queue' in assigned ? assigned.queue : undefined,
  });
  run.emit('task.created', { task });
  if (assigned && 'auto' in assigned) {
    // Nobody works it: the record says why (no approver, or the same approver as the step before).
    run.emit('task.completed', { taskId: task.taskId, auto: assigned.auto });
    run.complete(key);
    return;
  }
  const timeout = approval?.timeout;
  if (timeout) run.scheduleTimer(key, node.id, { type: 'limit', limit: timeout.after });
}

/**
 * The step's own timeout (its timer's element is the step itself): remind the assignee, pass the step, or
 * hand it up to the assignee's leader (超时升级). The step's limit and its other timers run on.
 */
export function onTimeout(run: ElementContext, key: string): void {
  const node = run.node(key);
  const task = run.inst(key).task;
  const action = node.approval?.timeout?.action ?? 'remind';
  if (!task) return;
  if (action === 'pass') {
    run.emit('task.timed-out', { taskId: task.taskId, action });
    run.emit('task.completed', { taskId: task.taskId, auto: 'timeout' });
    run.complete(key);
    return;
  }
  const holder = task.assignee;
  const leader = action === 'escalate' && holder !== undefined && run.org ? leaderChain(run.org, holder, { levels: 1 })[0] : undefined;
  run.emit('task.timed-out', { taskId: task.taskId, action, ...(leader ? { to: leader } : {}) });
  if (leader !== undefined) run.emit('task.transferred', { taskId: task.taskId, from: holder, to: leader, reason: 'timeout', whyCode: 'task.escalated-timeout' });
}

/** Closes the task of a terminated instance (`task.cancelled`). */
export function cancelTask(run: ElementContext, key: string): void {
  run.emit('task.cancelled', { taskId: run.publicId(key) });
}

/** A behaviour that opens a task of `kind` and waits until a command completes it. */
export function taskBehavior(kind: TaskInfo['kind']): ElementBehavior {
  return behavior({
    onActivate: (run, key) => openTask(run, key, kind),
    onTerminate: cancelTask,
    // Only the step's own timeout timer reaches a task (its boundary events are delivered to themselves).
    onEvent: (run, key) => onTimeout(run, key),
  });
}

export const userTask = taskBehavior('userTask');
