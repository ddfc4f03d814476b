/**
 * Pure projection of one command's events and effects into the rows the store keeps beside the log:
 * tasks (from task events), timers (from timer effects) and the outbox (every other effect that leaves
 * the process). Shared by every `CaseStore` adapter so that they cannot disagree.
 */
import type { CaseEvent, Effect, Json, TaskInfo } from '../core/types.js';
import type { OutboxEntry, TaskOp, TimerOp } from './ports.js';

/** Normalises an ISO 8601 instant with any offset to UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function toUtc(instant: string): string {
  // Stored instants must compare correctly as text on SQLite; '+08:00' and 'Z' forms would not.
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO 8601 instant, but got '${instant}'`);
  return new Date(ms).toISOString();
}

/** Task changes carried by the events, in event order. Unknown event types are not task changes. */
export function projectTasks(events: readonly CaseEvent[]): TaskOp[] {
  const ops: TaskOp[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'task.created': {
        const task = event.task as unknown as TaskInfo;
        ops.push({
          op: 'create',
          taskId: task.taskId,
          elementId: task.elementId,
          name: task.name,
          kind: task.kind,
          department: task.department,
          role: task.role,
          candidateGroups: task.candidateGroups,
          ...(task.candidates ? { candidates: task.candidates } : {}),
          stage: task.stage,
          assignee: task.assignee,
          dueAt: task.dueAt === undefined ? undefined : toUtc(task.dueAt),
        });
        break;
      }
      case 'task.claimed':
        ops.push({ op: 'claim', taskId: String(event.taskId), assignee: String(event.assignee) });
        break;
      case 'task.transferred':
      case 'task.delegated':
        ops.push({ op: 'claim', taskId: String(event.taskId), assignee: String(event.to) });
        break;
      case 'task.resolved':
        ops.push({ op: 'claim', taskId: String(event.taskId), assignee: String(event.owner) });
        break;
      case 'task.signed':
        ops.push({ op: 'claim', taskId: String(event.taskId), assignee: String(event.next) });
        break;
      case 'task.assigned':
        ops.push({ op: 'claim', taskId: String(event.taskId), assignee: String(event.assignee) });
        break;
      case 'task.signers-added':
        ops.push(...signerAssignments(event));
        break;
      case 'task.completed':
        ops.push({ op: 'complete', taskId: String(event.taskId) });
        break;
      case 'task.cancelled':
        ops.push({ op: 'cancel', taskId: String(event.taskId) });
        break;
    }
  }
  return ops;
}

/**
 * 加签: a signer before the owner takes the task; after the owner, the owner keeps it (takes it, when no one
 * had claimed it); each parallel signer gets their new instance's task.
 */
function signerAssignments(event: CaseEvent): TaskOp[] {
  const signers = (event.signers as string[] | undefined) ?? [];
  if (event.mode === 'before' && signers[0] !== undefined) return [{ op: 'claim', taskId: String(event.taskId), assignee: signers[0] }];
  if (event.mode === 'after' && typeof event.owner === 'string') return [{ op: 'claim', taskId: String(event.taskId), assignee: event.owner }];
  const tasks = (event.tasks as string[] | undefined) ?? [];
  return tasks.map((taskId, i) => ({ op: 'claim', taskId, assignee: signers[i]! }));
}

/** What the store does with the effects: timer rows, and outbox entries for what leaves the process. */
export function projectEffects(effects: readonly Effect[]): { timers: TimerOp[]; outbox: OutboxEntry[] } {
  const timers: TimerOp[] = [];
  const outbox: OutboxEntry[] = [];
  for (const effect of effects) {
    if (effect.type === 'timer.schedule') {
      timers.push({ op: 'schedule', timerId: effect.timerId, elementId: effect.elementId, dueAt: toUtc(effect.dueAt) });
    } else if (effect.type === 'timer.cancel') {
      timers.push({ op: 'cancel', timerId: effect.timerId });
    } else if (effect.type === 'decision.evaluate') {
      // The runner resolves decisions inline before commit; one reaching here is a runner bug.
      throw new Error(`Expected decision '${effect.decisionRef}' of task '${effect.taskId}' to be resolved before commit`);
    } else {
      outbox.push({ type: effect.type, payload: effect as unknown as Json });
    }
  }
  return { timers, outbox };
}
