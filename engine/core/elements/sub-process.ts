/**
 * Embedded subprocess and event subprocess (BPMN 2.0.2 §10.3.5): a scope that starts at its none start
 * event, opens the event subprocesses inside it and completes when no token is left in it. An event
 * subprocess is not started by a flow but by its start event's trigger; an interrupting one first ends every
 * other token of the enclosing scope, which then waits only for it.
 */
import type { ElementContext } from './context.js';
import type { Variables } from '../types.js';
import { behavior } from './behavior.js';

/** Opens the event subprocesses of a scope instance: schedules their timer start events. */
export function openEventSubprocesses(run: ElementContext, scopeKey: string): void {
  const def = run.defOf(scopeKey);
  for (const esp of def.scopes[run.inst(scopeKey).el]?.eventSubprocesses ?? []) {
    for (const start of def.scopes[esp]?.startEvents ?? []) {
      const event = def.nodes[start]?.event;
      if (event?.kind === 'timer') run.scheduleTimer(scopeKey, start, event.timer);
    }
  }
}

/** The start event a scope begins at: its none start event, else its only one. */
export function noneStart(run: ElementContext, scopeKey: string): string {
  const def = run.defOf(scopeKey);
  const starts = def.scopes[run.inst(scopeKey).el]?.startEvents ?? [];
  const none = starts.find((id) => (def.nodes[id]?.event?.kind ?? 'none') === 'none') ?? starts[0];
  if (!none) throw new Error(`Scope '${run.inst(scopeKey).el}' has no start event`);
  return none;
}

/** Triggers the event subprocess whose start event is `startId`, inside the scope instance `scopeKey`. */
export function triggerEventSubprocess(run: ElementContext, scopeKey: string, startId: string, vars?: Variables): void {
  const def = run.defOf(scopeKey);
  const start = def.nodes[startId]!;
  if (start.isInterrupting !== false) {
    // The other event subprocesses of the scope can no longer start; boundary timers of the scope stay.
    run.cancelTimersOf(scopeKey, (el) => def.nodes[el]?.kind === 'startEvent');
    run.terminateTokens(scopeKey);
    run.emit('scope.interrupted', { key: scopeKey, by: start.scopeId });
  }
  run.activate(scopeKey, start.scopeId, { trigger: vars ? { eventEl: startId, vars } : { eventEl: startId } });
}

export const subProcess = behavior({
  onActivate(run, key, trigger) {
    openEventSubprocesses(run, key);
    if (trigger) run.queueActivation(key, trigger.eventEl, { trigger });
    else run.queueActivation(key, noneStart(run, key));
  },
});
