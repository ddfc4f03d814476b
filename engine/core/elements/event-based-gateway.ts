/**
 * Event-based gateway (BPMN 2.0.2 §13.3.5): waits on the catch events after it; the first message or timer
 * to arrive wins, the token moves to that event (which completes at once) and the others are withdrawn:
 * their timers are cancelled and their message subscriptions vanish with the gateway instance.
 */
import { behavior } from './behavior.js';

export const eventBasedGateway = behavior({
  onActivate(run, key) {
    const def = run.defOf(key);
    for (const flowId of run.node(key).outgoing) {
      const target = def.nodes[def.flows[flowId]!.targetId]!;
      if (target.event?.kind === 'timer') run.scheduleTimer(key, target.id, target.event.timer);
    }
  },
  onEvent(run, key, trigger) {
    const def = run.defOf(key);
    const flow = run.node(key).outgoing.find((id) => def.flows[id]!.targetId === trigger.eventEl)!;
    run.complete(key, undefined, { flows: [flow], trigger });
  },
});
