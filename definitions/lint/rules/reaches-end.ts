/**
 * Every flow node of a scope must be able to reach one of its end events. A node without a way to an end
 * would hold the case forever, or end it implicitly (BPMN 2.0.2 §13.5.6), which an approval flow must not
 * do silently: the result of every path must be explicit.
 */
import type { RuleFactory } from '../rule.js';
import { closure, isScope, scopeGraph } from '../graph.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'flow nodes that can reach an end event' },
  check(node, reporter) {
    if (!isScope(node)) return;
    const graph = scopeGraph(node);
    const ends = graph.nodes.filter((n) => n.$type === 'bpmn:EndEvent');
    // Without an end event `end-event-required` reports the scope.
    if (ends.length === 0) return;
    const reaching = closure(ends, graph.previous);
    for (const n of graph.nodes) {
      if (!reaching.has(n)) reporter.report(n.id, `${n.$type.slice(5)} cannot reach an end event of '${node.id}'`);
    }
  },
});
export default rule;
