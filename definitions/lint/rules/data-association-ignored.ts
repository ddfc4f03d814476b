/**
 * Data associations and I/O specifications (BPMN 2.0.2 §10.4) describe data flow that Shenpi does not
 * evaluate; variables move through `approval:ioMapping` instead. They are kept in the file and told as a
 * warning so that nobody expects them to run.
 */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'warning', description: 'data associations are not evaluated' },
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:FlowNode')) return;
    const inputs = (node.dataInputAssociations ?? []).length;
    const outputs = (node.dataOutputAssociations ?? []).length;
    if (inputs + outputs > 0) {
      reporter.report(node.id, `${inputs + outputs} data association(s) are not evaluated: map variables with approval:ioMapping`, [
        inputs > 0 ? 'dataInputAssociations' : 'dataOutputAssociations',
      ]);
    }
  },
});
export default rule;
