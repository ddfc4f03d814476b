/**
 * Refuses events with several triggers: BPMN 2.0.2 §10.5 calls them "multiple" (catch any) or "parallel
 * multiple" (catch all) events; the engine runs one trigger per event.
 */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'one trigger per event' },
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Event')) return;
    const count = (node.eventDefinitions ?? []).length + (node.eventDefinitionRefs ?? []).length;
    if (count > 1) {
      const kind = node.parallelMultiple === true ? 'parallel multiple' : 'multiple';
      reporter.report(node.id, `${kind} events (${count} triggers) are not run (§10.5.1): one trigger per event`, ['eventDefinitions']);
    }
  },
});
export default rule;
