/**
 * A process and every sub-process need a start event; an event sub-process exactly one, with a trigger
 * (BPMN 2.0.2 §10.3.5). Implicit starts (§10.5.2) are not run.
 */
import type { RuleFactory } from '../rule.js';
import { flowNodes, isEventSubProcess } from '../../moddle.js';
import { isScope } from '../graph.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'start events in every scope' },
  check(node, reporter) {
    if (!isScope(node)) return;
    const starts = flowNodes(node).filter((n) => n.$type === 'bpmn:StartEvent');
    if (!isEventSubProcess(node)) {
      if (starts.length === 0) reporter.report(node.id, `${node.$type.slice(5)} '${node.id}' has no start event`);
      return;
    }
    if (starts.length !== 1) {
      reporter.report(node.id, `an event sub-process needs exactly one start event, '${node.id}' has ${starts.length}`);
    }
    for (const s of starts) {
      if ((s.eventDefinitions ?? []).length === 0) {
        reporter.report(s.id, 'the start event of an event sub-process needs a trigger (message, timer or error)');
      }
    }
  },
});
export default rule;
