/**
 * Parallel gateway (BPMN 2.0.2 §13.3.3): forks a token onto every outgoing flow. Joining, it fires when
 * every incoming flow holds at least one token, consuming one from each. Arrivals are counted per flow;
 * there is no dead-path shortcut, so a branch that never comes keeps the join waiting.
 */
import { behavior } from './behavior.js';

export const parallelGateway = behavior({
  selectFlows: (run, key) => [...run.node(key).outgoing],
  join(run, scope, gatewayId) {
    const arrivals = run.inst(scope).joins?.[gatewayId] ?? {};
    const incoming = run.defOf(scope).nodes[gatewayId]!.incoming;
    return incoming.every((flow) => (arrivals[flow] ?? 0) > 0) ? [...incoming] : undefined;
  },
});
