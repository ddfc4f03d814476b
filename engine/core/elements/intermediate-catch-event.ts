/**
 * Intermediate catch event (BPMN 2.0.2 §10.5.5): waits for a message, or for its timer. When an
 * event-based gateway routed the token here, the event has already happened and it completes at once.
 */
import { behavior } from './behavior.js';

export const intermediateCatchEvent = behavior({
  onActivate(run, key, trigger) {
    if (trigger) return run.complete(key, trigger.vars);
    const event = run.node(key).event;
    if (event?.kind === 'timer') run.scheduleTimer(key, run.inst(key).el, event.timer);
  },
});
