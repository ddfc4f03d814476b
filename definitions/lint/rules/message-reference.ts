/**
 * Message events, send and receive tasks correlate by message name, so they need a messageRef to a
 * bpmn:message with a name (BPMN 2.0.2 §10.5.5 MessageEventDefinition, §10.3.3 send/receive task); a
 * 抄送 step (a send task with `approval:ccUsers|ccPositions|ccDepartments`) copies the case instead.
 */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'messages are named' },
  check(node, reporter) {
    let owner: string | undefined;
    if (node.$type === 'bpmn:MessageEventDefinition') owner = node.$parent?.id;
    else if (node.$type === 'bpmn:SendTask' || node.$type === 'bpmn:ReceiveTask') owner = node.id;
    else return;
    // A 抄送 step (a send task naming its recipients) sends no message: the approval layer records the copy.
    if (node.$type === 'bpmn:SendTask' && ['ccUsers', 'ccPositions', 'ccDepartments'].some((a) => typeof node[a] === 'string' && String(node[a]).trim() !== '')) return;
    const message = node.messageRef;
    if (!message) {
      reporter.report(owner ?? '', 'no messageRef: name the message this element sends or waits for', ['messageRef']);
    } else if (typeof message.name !== 'string' || message.name.trim() === '') {
      reporter.report(owner ?? '', `message '${message.id}' has no name`, ['messageRef']);
    }
  },
});
export default rule;
