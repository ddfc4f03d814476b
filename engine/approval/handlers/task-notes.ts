/**
 * 催办 and 抄送 on an open task of a case in handling. They leave a record (who, when, why, to whom) and a
 * notification effect; neither changes who holds the task nor any clock.
 */
import { openTasks } from '../../core/index.js';
import type { TaskInfo } from '../../core/types.js';
import type { TaskNoteCommand } from '../commands.js';
import type { Decider } from '../decider.js';
import { typedOr } from '../events.js';
import { refuse } from '../refusal.js';
import { URGES_PER_TASK_PER_DAY } from '../task-notes.js';

type Of<T extends TaskNoteCommand['type']> = Extract<TaskNoteCommand, { type: T }>;

function openTask(d: Decider, taskId: string): TaskInfo {
  const task = openTasks(d.draft.process).find((t) => t.taskId === taskId);
  if (!task) refuse('TASK_NOT_ACTIVE', `Expected task '${taskId}' to be open in case '${d.approval.caseNo}', but it is not`, { taskId });
  return task;
}

/** 催办: a recorded reminder to whoever holds the task, at most {@link URGES_PER_TASK_PER_DAY} a day. */
export function urge(d: Decider, cmd: Of<'task.urge'>): void {
  d.expectPhase(cmd.type, 'handling');
  const task = openTask(d, cmd.taskId);
  const today = d.today;
  const count = (d.approval.urges ?? []).filter((u) => u.taskId === cmd.taskId && u.on === today).length;
  if (count >= URGES_PER_TASK_PER_DAY) {
    refuse('URGE_LIMIT_REACHED', `Expected fewer than ${URGES_PER_TASK_PER_DAY} reminders of task '${task.name ?? task.elementId}' on ${today}, but there were ${count}`, { taskId: cmd.taskId });
  }
  const urge = {
    taskId: cmd.taskId, step: task.elementId, ...(task.name ? { name: task.name } : {}),
    ...(task.assignee ? { assignee: task.assignee } : {}), ...(task.department ? { department: task.department } : {}),
    by: cmd.actor.id, at: d.ctx.now, on: today, ...(cmd.note ? { note: cmd.note } : {}),
  };
  const name = task.name ?? task.elementId;
  d.emit('task.urged', { urge }, typedOr(cmd.note, { why: `催办 ${name}`, whyCode: 'task.urged', whyParams: { task: name } }));
  d.effect({ type: 'action.run', action: 'notify-staff', elementId: task.elementId, input: { kind: 'urge', taskId: cmd.taskId, ...(task.assignee ? { to: task.assignee } : {}), ...(task.department ? { department: task.department } : {}) } });
}

/**
 * A 抄送 step (a send task with `approval:cc…`, BPMN 2.0.2 §10.3.3: it sends and completes, never waits)
 * completed: the case is copied to its users, the holders of its positions (over the organisation the
 * step ran with) and its departments, recorded like a copy from a task, by whoever moved the case on.
 */
export function copyByStep(d: Decider, key: string, elementId: string): void {
  const node = d.definition.nodes[elementId];
  const cc = node?.approval?.cc;
  if (!node || !cc) return;
  const holders = cc.positions.flatMap((p) => d.ctx.org?.positions[p]?.holders ?? []);
  const users = [...new Set([...cc.users, ...holders])];
  const departments = [...new Set(cc.departments)];
  // A position nobody holds leaves its copy to the others; with no recipient at all nothing is recorded.
  if (!users.length && !departments.length) return;
  const copy = {
    taskId: key, step: elementId, ...(node.name ? { name: node.name } : {}), users, departments,
    by: d.actor?.id ?? 'system', at: d.ctx.now, byStep: true as const, ...(cc.note ? { note: cc.note } : {}),
  };
  d.emit('task.copied', { copy }, {
    why: `抄送环节 ${node.name ?? elementId}: ${[...users, ...departments].join('、')}`,
    whyCode: 'task.copied.step', whyParams: { step: node.name ?? elementId, to: [...users, ...departments].join('、') },
  });
}

/** 抄送: read-only copies to users or departments; they may read the case, never work it. */
export function copy(d: Decider, cmd: Of<'task.copy'>): void {
  d.expectPhase(cmd.type, 'handling', 'concluded');
  const task = openTask(d, cmd.taskId);
  const users = [...new Set((cmd.users ?? []).filter((u) => u.trim()))];
  const departments = [...new Set((cmd.departments ?? []).filter((u) => u.trim()))];
  if (users.length === 0 && departments.length === 0) {
    refuse('COPY_RECIPIENTS_REQUIRED', `Expected at least one user or department to copy task '${task.name ?? task.elementId}' to, but there was none`);
  }
  const copy = { taskId: cmd.taskId, step: task.elementId, ...(task.name ? { name: task.name } : {}), users, departments, by: cmd.actor.id, at: d.ctx.now, ...(cmd.note ? { note: cmd.note } : {}) };
  const to = [...users, ...departments].join('、');
  d.emit('task.copied', { copy }, typedOr(cmd.note, { why: `抄送 ${to}`, whyCode: 'task.copied', whyParams: { to } }));
}
