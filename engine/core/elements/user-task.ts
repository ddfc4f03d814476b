/**
 * User task (BPMN 2.0.2 §10.3.3): opens a task for the department/role of its `approval` settings, with
 * a due instant from its time limit, and waits for `task.complete`. Terminated, it cancels its task.
 */
import type { ElementContext } from './context.js';
import { compact } from '../rejection.js';
import { limitDueAt } from '../time.js';
import type { Json, TaskInfo } from '../types.js';
import { behavior, type ElementBehavior } from './behavior.js';

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
    prev: run.handover?.(),
  });
  run.emit('task.created', { task });
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
  });
}

export const userTask = taskBehavior('userTask');
