/**
 * Boundary events (BPMN 2.0.2 §10.5.4): attached to an activity of the same scope, with an outgoing flow
 * (otherwise the path they start ends at once), and an error boundary event always interrupts.
 */
import type { RuleFactory } from '../rule.js';
import { outgoingOf } from '../../moddle.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'boundary events are attached and lead somewhere' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:BoundaryEvent') return;
    const host = node.attachedToRef;
    if (!host || !host.$instanceOf?.('bpmn:Activity')) {
      reporter.report(node.id, 'boundary event is not attached to an activity', ['attachedToRef']);
    } else if (host.$parent !== node.$parent) {
      reporter.report(node.id, `boundary event is not in the same scope as '${host.id}'`, ['attachedToRef']);
    }
    const compensation = (node.eventDefinitions ?? []).some((d: { $type: string }) => d.$type === 'bpmn:CompensateEventDefinition');
    // A compensation boundary event leads by association (§10.7) and is refused by event-definition-supported.
    if (!compensation && outgoingOf(node).length === 0) {
      reporter.report(node.id, 'boundary event has no outgoing sequence flow');
    }
    const isError = (node.eventDefinitions ?? []).some((d: { $type: string }) => d.$type === 'bpmn:ErrorEventDefinition');
    if (isError && node.cancelActivity === false) {
      reporter.report(node.id, 'an error boundary event always interrupts (§10.5.4): cancelActivity must be true', ['cancelActivity']);
    }
  },
});
export default rule;
