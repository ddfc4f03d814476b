/** A business rule task evaluates a rule table (BPMN 2.0.2 §10.3.3); approval:decisionRef names it. */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'business rule tasks name their rule table' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:BusinessRuleTask') return;
    if (typeof node.decisionRef !== 'string' || node.decisionRef.trim() === '') {
      reporter.report(node.id, 'business rule task has no approval:decisionRef', ['decisionRef']);
    }
  },
});
export default rule;
