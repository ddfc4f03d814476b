/**
 * A sequence flow connects two flow nodes of its own scope (BPMN 2.0.2 §10.2.1: it cannot cross a
 * sub-process boundary), and does not start at an end event or end at a start or boundary event.
 */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'sequence flows within one scope' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:SequenceFlow') return;
    const { sourceRef: source, targetRef: target } = node;
    if (!source || !target) {
      reporter.report(node.id, `sequence flow has no ${source ? 'target' : 'source'}`, [source ? 'targetRef' : 'sourceRef']);
      return;
    }
    if (source.$parent !== node.$parent || target.$parent !== node.$parent) {
      reporter.report(node.id, `sequence flow from '${source.id}' to '${target.id}' crosses a sub-process boundary`);
    }
    if (source.$type === 'bpmn:EndEvent') reporter.report(node.id, `sequence flow leaves end event '${source.id}'`);
    if (target.$type === 'bpmn:StartEvent' || target.$type === 'bpmn:BoundaryEvent') {
      reporter.report(node.id, `sequence flow enters ${target.$type.slice(5)} '${target.id}'`);
    }
  },
});
export default rule;
