/**
 * An event-based gateway (BPMN 2.0.2 §10.6.6) waits for the first of the events after it: it needs at least
 * two outgoing flows, without conditions, each to a message or timer catch event or a receive task, and
 * those targets have no other incoming flow.
 */
import type { RuleFactory } from '../rule.js';
import { incomingOf, outgoingOf, type ModdleElement } from '../../moddle.js';

function isWaitingTarget(el: ModdleElement | undefined): boolean {
  if (!el) return false;
  if (el.$type === 'bpmn:ReceiveTask') return true;
  if (el.$type !== 'bpmn:IntermediateCatchEvent') return false;
  const triggers = ((el.eventDefinitions ?? []) as ModdleElement[]).map((d) => d.$type);
  return triggers.length === 1 && ['bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition'].includes(triggers[0]!);
}

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'event-based gateways lead to events' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:EventBasedGateway') return;
    const outgoing = outgoingOf(node);
    if (outgoing.length < 2) reporter.report(node.id, `an event-based gateway needs at least two outgoing flows, '${node.id}' has ${outgoing.length}`);
    for (const flow of outgoing) {
      if (flow.conditionExpression) reporter.report(flow.id, 'a flow out of an event-based gateway has no condition', ['conditionExpression']);
      const target = flow.targetRef as ModdleElement | undefined;
      if (!isWaitingTarget(target)) {
        reporter.report(flow.id, `flow out of event-based gateway '${node.id}' must lead to a message or timer catch event or a receive task`);
      } else if (incomingOf(target!).length > 1) {
        reporter.report(target!.id, `'${target!.id}' follows event-based gateway '${node.id}' and has other incoming flows`);
      }
    }
  },
});
export default rule;
