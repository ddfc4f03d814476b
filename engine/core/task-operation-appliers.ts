/**
 * Appliers of the events of the operations on a task (转办, 委派, 加签, 减签, 驳回, 拿回). They change who holds
 * a task and the small bookkeeping each operation leaves behind; the token movement they cause is told by
 * the usual element events.
 */
import type { EventPayloads } from './events.js';
import type { CaseState, ElementInstance } from './state.js';
import type { TaskInfo } from './types.js';

type Operation =
  | 'task.transferred' | 'task.delegated' | 'task.resolved' | 'task.signers-added' | 'task.signers-removed'
  | 'task.signed' | 'task.assigned' | 'task.rejected' | 'rejection.resumed' | 'task.reclaimed';

type Appliers = { [T in Operation]: (s: CaseState, e: EventPayloads[T]) => void };

function taskOf(s: CaseState, taskId: string): TaskInfo {
  const task = s.elements[taskId.slice(s.caseId.length + 1)]?.task;
  if (!task) throw new Error(`No open task '${taskId}' in case '${s.caseId}'`);
  return task;
}

function scopeOf(s: CaseState, key: string): ElementInstance {
  const inst = s.elements[key];
  if (!inst) throw new Error(`No element instance '${key}' in case '${s.caseId}'`);
  return inst;
}

export const taskOperationAppliers: Appliers = {
  'task.transferred': (s, e) => {
    const task = taskOf(s, e.taskId);
    task.assignee = e.to;
    task.touched = true;
    delete task.owner;
  },
  'task.delegated': (s, e) => {
    const task = taskOf(s, e.taskId);
    task.owner = e.owner;
    task.assignee = e.to;
    task.delegated = true;
    task.touched = true;
  },
  'task.resolved': (s, e) => {
    const task = taskOf(s, e.taskId);
    task.assignee = e.owner;
    delete task.owner;
    delete task.delegated;
  },
  'task.signers-added': (s, e) => {
    const task = taskOf(s, e.taskId);
    const owner = e.owner ?? task.owner ?? task.assignee;
    task.touched = true;
    task.added = [...(task.added ?? []), ...e.signers];
    if (e.mode === 'parallel') {
      const body = scopeOf(s, e.scope!).body!;
      body.items.push(...(e.items ?? []));
      if (body.outputs) body.outputs.push(...(e.items ?? []).map(() => null));
      (e.tasks ?? []).forEach((id, i) => {
        const added = taskOf(s, id);
        added.assignee = e.signers[i]!;
        added.addedBy = e.taskId;
      });
      return;
    }
    if (owner !== undefined) task.owner = owner;
    if (e.mode === 'after') {
      task.queue = [...e.signers, ...(task.queue ?? [])];
      // The adder of a step no one had claimed signs it first.
      if (task.assignee === undefined && owner !== undefined) task.assignee = owner;
    } else {
      task.queue = [...e.signers.slice(1), ...(owner !== undefined ? [owner] : []), ...(task.queue ?? [])];
      task.assignee = e.signers[0]!;
    }
  },
  'task.signers-removed': (s, e) => {
    const task = taskOf(s, e.taskId);
    const gone = new Set(e.signers);
    task.added = (task.added ?? []).filter((u) => !gone.has(u));
    if (task.queue) task.queue = task.queue.filter((u) => !gone.has(u));
    if (task.assignee !== undefined && gone.has(task.assignee)) {
      // With no one queued and no owner the step goes back unclaimed: no `assignee` key at all, as a stored
      // (JSON) state has none, so the live state equals the replayed one.
      const next = task.queue?.shift() ?? task.owner;
      if (next === undefined) delete task.assignee;
      else task.assignee = next;
    }
    if (task.queue?.length === 0) delete task.queue;
    if (task.added.length === 0) delete task.added;
    if (e.scope !== undefined && e.tasks?.length) {
      const body = scopeOf(s, e.scope).body!;
      body.withdrawn = (body.withdrawn ?? 0) + e.tasks.length;
    }
  },
  'task.signed': (s, e) => {
    const task = taskOf(s, e.taskId);
    task.touched = true;
    task.assignee = e.next;
    task.queue = (task.queue ?? []).slice(1);
    if (task.queue.length === 0) delete task.queue;
  },
  'task.assigned': (s, e) => {
    taskOf(s, e.taskId).assignee = e.assignee;
  },
  'task.rejected': (s, e) => {
    const scope = scopeOf(s, e.scope);
    if (e.resume === 'back-to-me') scope.resume = { after: e.toElementId, to: e.el };
    else delete scope.resume;
  },
  'rejection.resumed': (s, e) => {
    delete scopeOf(s, e.scope).resume;
  },
  'task.reclaimed': (s, e) => {
    if (e.resumeTo !== undefined) scopeOf(s, e.scope).resume = { after: e.el, to: e.resumeTo };
    for (const [key, gateways] of Object.entries(e.restore ?? {})) {
      const scope = scopeOf(s, key);
      const joins = (scope.joins ??= {});
      for (const [gateway, flows] of Object.entries(gateways)) {
        const arrivals = (joins[gateway] ??= {});
        for (const flow of flows) arrivals[flow] = (arrivals[flow] ?? 0) + 1;
      }
    }
  },
};
