/** Read-only views of a case state that the runtime projects into its tables. */
import { byKey, publicId, type CaseState } from './state.js';
import type { TaskInfo } from './types.js';

/** The open tasks of a case, oldest first (as carried by their `task.created` events, plus claims). */
export function openTasks(state: CaseState): TaskInfo[] {
  return byKey(state.elements).flatMap((k) => {
    const task = state.elements[k]!.task;
    return task ? [{ ...task }] : [];
  });
}

/** An open timer as the runtime's poller needs it. */
export interface OpenTimer {
  timerId: string;
  dueAt: string;
  elementId: string;
}

/** The open timers of a case, oldest first. */
export function openTimers(state: CaseState): OpenTimer[] {
  return byKey(state.timers).map((k) => {
    const timer = state.timers[k]!;
    return { timerId: publicId(state, k), dueAt: timer.dueAt, elementId: timer.el };
  });
}

/**
 * The ids of the flow nodes that hold a live token (tasks, waiting events, running subprocesses and
 * multi-instance activities), oldest first, each once. Process instances are not flow nodes and not listed.
 */
export function activeElementIds(state: CaseState): string[] {
  const ids = byKey(state.elements)
    .map((k) => state.elements[k]!)
    .filter((inst) => inst.scope !== undefined && inst.def === undefined)
    .map((inst) => inst.el);
  return [...new Set(ids)];
}
