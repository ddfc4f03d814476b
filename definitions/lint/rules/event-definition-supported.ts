/**
 * Refuses event triggers the engine does not run and triggers placed where BPMN 2.0.2 §10.5 (tables 10.84-10.93)
 * does not allow them. The engine runs none, message, timer, error and terminate events.
 */
import type { RuleFactory } from '../rule.js';
import { isEventSubProcess } from '../../moddle.js';

const REFUSED: Readonly<Record<string, string>> = {
  'bpmn:SignalEventDefinition': 'signal events are not run (§10.5.5): use a message',
  'bpmn:EscalationEventDefinition': 'escalation events are not run (§10.5.5): use an error or a message',
  'bpmn:ConditionalEventDefinition': 'conditional events are not run (§10.5.5): use a gateway condition',
  'bpmn:LinkEventDefinition': 'link events are not run (§10.5.5): draw the sequence flow',
  'bpmn:CancelEventDefinition': 'cancel events belong to transactions, which are not run (§10.5.5)',
  'bpmn:CompensateEventDefinition': 'compensation events are not run (§10.7)',
};

type Trigger = 'none' | 'message' | 'timer' | 'error' | 'terminate';
const ALLOWED: Readonly<Record<string, readonly Trigger[]>> = {
  'bpmn:StartEvent': ['none', 'message', 'timer', 'error'],
  'bpmn:EndEvent': ['none', 'message', 'error', 'terminate'],
  'bpmn:IntermediateCatchEvent': ['message', 'timer'],
  'bpmn:IntermediateThrowEvent': ['none', 'message'],
  'bpmn:BoundaryEvent': ['message', 'timer', 'error'],
};

const TRIGGER: Readonly<Record<string, Trigger>> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:TerminateEventDefinition': 'terminate',
};

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'event triggers the engine runs, where BPMN allows them' },
  check(node, reporter) {
    const allowed = ALLOWED[node.$type];
    if (!allowed) return;
    if ((node.eventDefinitionRefs ?? []).length > 0) {
      reporter.report(node.id, 'event definitions by reference (eventDefinitionRef) are not supported: define the trigger inside the event', ['eventDefinitionRefs']);
    }
    const definitions = (node.eventDefinitions ?? []) as { $type: string }[];
    for (const def of definitions) {
      const refused = REFUSED[def.$type];
      if (refused) {
        reporter.report(node.id, refused, ['eventDefinitions']);
        continue;
      }
      const trigger = TRIGGER[def.$type];
      if (trigger && !allowed.includes(trigger)) {
        reporter.report(node.id, `a ${trigger} trigger is not allowed on a ${node.$type.slice(5)} (§10.5)`, ['eventDefinitions']);
      }
      // An error start event only starts an event sub-process (§10.5.2).
      if (trigger === 'error' && node.$type === 'bpmn:StartEvent' && !isEventSubProcess(node.$parent!)) {
        reporter.report(node.id, 'an error start event is only allowed in an event sub-process (§10.5.2)', ['eventDefinitions']);
      }
    }
    if (definitions.length === 0 && !allowed.includes('none')) {
      reporter.report(node.id, `a ${node.$type.slice(5)} needs a trigger (message, timer or error) (§10.5)`, ['eventDefinitions']);
    }
  },
});
export default rule;
