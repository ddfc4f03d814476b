/** Flow elements need an id: the engine, its events and the audit trail refer to them by id (BPMN 2.0.2 §8.3.1). */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'flow elements have ids' },
  check(node, reporter) {
    if ((node.$instanceOf('bpmn:FlowElement') || node.$type === 'bpmn:Process') && !node.id) {
      reporter.report(node.$parent?.id ?? '', `a ${node.$type.slice(5)}${node.name ? ` named '${node.name}'` : ''} has no id`);
    }
  },
});
export default rule;
