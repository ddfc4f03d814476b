/**
 * 拿回 bookkeeping: a task opened by the completion of another carries that completion (`TaskInfo.prev`), with
 * what undoing it takes: the arrivals at a joining gateway the completion consumed from the other branches
 * (BPMN 2.0.2 §13.4.2: a parallel join waits for one token per incoming flow), so that a reclaim after a
 * join puts them back and no branch is lost.
 */
import type { RunBase } from './run-base.js';
import type { Handover } from './types.js';

/** The handover of the step under way, as a task opened now records it; `undefined` outside a completion. */
export function handoverOf(run: RunBase & { completion?: Omit<Handover, 'restore' | 'resumedTo'> }): Handover | undefined {
  const h = run.completion;
  if (!h) return undefined;
  // Flows this completion's token took into joins: the rest of what a join consumed came from other branches.
  const taken = new Map<string, number>();
  const restore: Record<string, Record<string, string[]>> = {};
  let resumedTo: string | undefined;
  for (const e of run.events) {
    if (e.type === 'flow.taken' && e.join !== undefined) {
      const k = `${String(e.scope)} ${String(e.flow)}`;
      taken.set(k, (taken.get(k) ?? 0) + 1);
    } else if (e.type === 'element.activated' && Array.isArray(e.consumed)) {
      for (const flow of e.consumed as string[]) {
        const k = `${String(e.scope)} ${flow}`;
        const mine = taken.get(k) ?? 0;
        if (mine > 0) taken.set(k, mine - 1);
        else ((restore[String(e.scope)] ??= {})[String(e.el)] ??= []).push(flow);
      }
    } else if (e.type === 'rejection.resumed' && e.after === h.el && e.scope === h.scope) {
      resumedTo = String(e.to);
    }
  }
  return {
    taskId: h.taskId,
    el: h.el,
    scope: h.scope,
    ...(h.by !== undefined ? { by: h.by } : {}),
    since: h.since,
    ...(Object.keys(restore).length ? { restore } : {}),
    ...(resumedTo !== undefined ? { resumedTo } : {}),
  };
}
