/**
 * Refuses BPMN elements the engine does not run, so that a definition never fails later at run time.
 * Lanes, pools, data objects, text annotations and groups carry no execution semantics and are accepted.
 */
import type { RuleFactory } from '../rule.js';
import type { ModdleElement } from '../../moddle.js';

/** Refused element types and why (BPMN 2.0.2 section in brackets). */
export const REFUSED_ELEMENTS: Readonly<Record<string, string>> = {
  'bpmn:ScriptTask': 'script tasks are not run (a definition carries no code): use a serviceTask with a built-in approval:action (§10.3.3)',
  'bpmn:ComplexGateway': 'complex gateways are not run: use exclusive, inclusive or parallel gateways (§10.6.5)',
  'bpmn:Transaction': 'transaction sub-processes are not run (§10.3.5, with cancel and compensation)',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not run (§10.3.5)',
  'bpmn:ImplicitThrowEvent': 'implicit throw events are not run (§10.5)',
  'bpmn:ChoreographyTask': 'choreographies are not executable (chapter 11)',
  'bpmn:SubChoreography': 'choreographies are not executable (chapter 11)',
  'bpmn:CallChoreography': 'choreographies are not executable (chapter 11)',
  'bpmn:Choreography': 'choreographies are not executable (chapter 11)',
  'bpmn:StandardLoopCharacteristics': 'standard loops are not run: use multi-instance loop characteristics (§10.3.8)',
};

function ownerId(el: ModdleElement): string {
  return el.id ?? el.$parent?.id ?? '';
}

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'element types the engine does not run' },
  check(node, reporter) {
    const reason = REFUSED_ELEMENTS[node.$type];
    if (reason) {
      const path = node.$type === 'bpmn:StandardLoopCharacteristics' ? ['loopCharacteristics'] : undefined;
      reporter.report(ownerId(node), `${node.$type.slice(5)}: ${reason}`, path);
      // Nothing inside a refused container is reported again; it would only repeat the refusal.
      return node.$type === 'bpmn:StandardLoopCharacteristics' ? undefined : false;
    }
    if (node.$instanceOf('bpmn:Activity') && node.isForCompensation === true) {
      reporter.report(node.id, 'compensation handlers are not run (§10.7)', ['isForCompensation']);
    }
    if (node.$type === 'bpmn:EventBasedGateway' && (node.instantiate === true || node.eventGatewayType === 'Parallel')) {
      reporter.report(node.id, 'an instantiating or parallel event-based gateway is not run (§10.6.6): start with a start event', ['instantiate']);
    }
  },
});
export default rule;
