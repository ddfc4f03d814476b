/**
 * Inclusive gateway (BPMN 2.0.2 §13.3.4): forks onto every flow whose condition is true (the default flow
 * when none is). Joining (§13.4.4) it fires when at least one incoming flow holds a token and no token
 * elsewhere in the scope can still arrive on an empty incoming flow, i.e. for every path from a token to an
 * empty incoming flow (not through the gateway) there is also a path from it to a filled one. So it waits
 * for the slower live branch and never for a branch that was not taken.
 */
import type { ExecutableDefinition } from '../model.js';
import type { ElementContext } from './context.js';
import { behavior } from './behavior.js';

/** Incoming flows of `gatewayId` reachable from node `from` without passing through the gateway. */
function reachableIncoming(def: ExecutableDefinition, from: string, gatewayId: string): Set<string> {
  const reached = new Set<string>();
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = def.nodes[id]!;
    // A token at an activity can also leave by its boundary events.
    const flows = [...node.outgoing, ...(node.boundaryEvents ?? []).flatMap((b) => def.nodes[b]!.outgoing)];
    for (const flowId of flows) {
      const target = def.flows[flowId]!.targetId;
      if (target === gatewayId) reached.add(flowId);
      else if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

export const inclusiveGateway = behavior({
  selectFlows: (run, key) => run.activityFlows(key),
  join(run: ElementContext, scope: string, gatewayId: string) {
    const def = run.defOf(scope);
    const joins = run.inst(scope).joins ?? {};
    const arrivals = joins[gatewayId] ?? {};
    const incoming = def.nodes[gatewayId]!.incoming;
    const filled = incoming.filter((f) => (arrivals[f] ?? 0) > 0);
    if (filled.length === 0) return undefined;
    if (filled.length === incoming.length) return filled;
    // Where the scope's other tokens are: live instances, agenda activations, arrivals at other joins.
    const positions = [
      ...run.children(scope).map((k) => run.inst(k).el),
      ...run.pending(scope),
      ...Object.keys(joins).filter((g) => g !== gatewayId),
    ];
    for (const position of positions) {
      const reached = reachableIncoming(def, position, gatewayId);
      const toEmpty = [...reached].some((f) => !filled.includes(f));
      const toFilled = filled.some((f) => reached.has(f));
      if (toEmpty && !toFilled) return undefined;
    }
    return filled;
  },
});
