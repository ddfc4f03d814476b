/**
 * Every flow node of a scope must be reachable from one of its start events (a boundary event through the
 * activity it is attached to). BPMN 2.0.2 §10.5.2 would start nodes without incoming flows implicitly when
 * a scope has no start event; Shenpi requires explicit start events, so an unreachable node is dead code.
 */
import type { RuleFactory } from '../rule.js';
import { closure, isScope, scopeGraph } from '../graph.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'flow nodes reachable from a start event' },
  check(node, reporter) {
    if (!isScope(node)) return;
    const graph = scopeGraph(node);
    const starts = graph.nodes.filter((n) => n.$type === 'bpmn:StartEvent');
    // Without a start event `start-event-required` reports the scope; listing every node would be noise.
    if (starts.length === 0) return;
    const reached = closure(starts, graph.next);
    for (const n of graph.nodes) {
      if (!reached.has(n)) reporter.report(n.id, `${n.$type.slice(5)} cannot be reached from a start event of '${node.id}'`);
    }
  },
});
export default rule;
