/**
 * The values of the approval extension attributes on activities: time limit, stage, special procedure and
 * joint approval. Joint approval runs over the co-departments, so it needs multi-instance loop characteristics.
 */
import type { RuleFactory } from '../rule.js';
import { readApproval } from '../../approval/read-approval.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'valid approval extension values' },
  check(node, reporter) {
    if (node.$instanceOf('bpmn:CatchEvent') && node.timeLimit !== undefined) {
      const isTimer = (node.eventDefinitions ?? []).some((d: { $type: string }) => d.$type === 'bpmn:TimerEventDefinition');
      if (!isTimer) reporter.report(node.id, 'approval:timeLimit on an event needs a timer event definition', ['timeLimit']);
    }
    if (!node.$instanceOf('bpmn:Activity')) return;
    const { spec, problems } = readApproval(node);
    for (const p of problems) reporter.report(node.id, p.message, [p.attribute]);
    if (spec?.joint && node.loopCharacteristics?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      reporter.report(node.id, 'joint approval settings need multi-instance loop characteristics over the co-departments', ['loopCharacteristics']);
    }
  },
});
export default rule;
