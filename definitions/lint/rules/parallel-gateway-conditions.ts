/**
 * A parallel gateway takes every outgoing flow (BPMN 2.0.2 §10.6.4, §13.3.4); a condition on one of them
 * would be ignored and misread. Conditions belong on an exclusive or inclusive gateway.
 */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'no conditional flows out of a parallel gateway' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:SequenceFlow' || node.sourceRef?.$type !== 'bpmn:ParallelGateway') return;
    if (node.conditionExpression) {
      reporter.report(node.id, `flow out of parallel gateway '${node.sourceRef.id}' has a condition, which a parallel gateway ignores`, ['conditionExpression']);
    }
  },
});
export default rule;
