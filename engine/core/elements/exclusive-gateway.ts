/**
 * Exclusive gateway (BPMN 2.0.2 §13.3.2): takes the first outgoing flow, in model order, whose condition
 * is true (or that has none), else the default flow. No flow and no default refuses the command with
 * NO_FLOW_TAKEN instead of stranding the token. Converging, it simply passes every token on.
 */
import { refuse } from '../refusal.js';
import { behavior } from './behavior.js';

export const exclusiveGateway = behavior({
  selectFlows(run, key) {
    const node = run.node(key);
    const flows = run.defOf(key).flows;
    for (const id of node.outgoing) {
      if (id === node.defaultFlow) continue;
      const condition = flows[id]?.condition;
      if (condition === undefined || run.condition(condition, key)) return [id];
    }
    if (node.defaultFlow) return [node.defaultFlow];
    return refuse('NO_FLOW_TAKEN', `Expected a condition on a flow out of exclusive gateway '${node.id}' to be true, but none was and there is no default flow`);
  },
});
