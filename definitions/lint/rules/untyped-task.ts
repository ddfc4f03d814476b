/**
 * A task without a type (BPMN 2.0.2 §10.3.3) runs as a pass-through step: nobody is asked to act. That is
 * right for an interchange model or a placeholder, and usually wrong in an approval flow, so deploy warns.
 */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'warning', description: 'tasks without a type pass the case on at once' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:Task') return;
    reporter.report(
      node.id,
      'a task without a type completes at once; make it a userTask (or manualTask) if staff must act on it',
    );
  },
});
export default rule;
