/** A process and every sub-process need an end event, so that each path ends explicitly (BPMN 2.0.2 §10.5.3). */
import type { RuleFactory } from '../rule.js';
import { flowNodes } from '../../moddle.js';
import { isScope } from '../graph.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'end events in every scope' },
  check(node, reporter) {
    if (!isScope(node)) return;
    if (!flowNodes(node).some((n) => n.$type === 'bpmn:EndEvent')) {
      reporter.report(node.id, `${node.$type.slice(5)} '${node.id}' has no end event`);
    }
  },
});
export default rule;
