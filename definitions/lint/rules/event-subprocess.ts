/** An event sub-process is started by its trigger only (BPMN 2.0.2 §10.3.5): no incoming or outgoing flows. */
import type { RuleFactory } from '../rule.js';
import { incomingOf, isEventSubProcess, outgoingOf } from '../../moddle.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'event sub-processes have no sequence flows' },
  check(node, reporter) {
    if (!isEventSubProcess(node)) return;
    if (incomingOf(node).length > 0 || outgoingOf(node).length > 0) {
      reporter.report(node.id, 'an event sub-process has no incoming or outgoing sequence flows');
    }
  },
});
export default rule;
