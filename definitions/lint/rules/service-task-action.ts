/**
 * A service task runs one of the built-in actions (BPMN 2.0.2 §10.3.3 leaves the implementation open);
 * an unknown name is refused at deploy rather than failing when a case reaches the task.
 */
import type { RuleFactory } from '../rule.js';
import { BUILT_IN_ACTIONS, isBuiltInAction } from '../../approval/actions.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'service tasks run a built-in action' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:ServiceTask') return;
    const action = typeof node.action === 'string' ? node.action.trim() : '';
    if (action === '') {
      reporter.report(node.id, `service task has no approval:action (one of ${BUILT_IN_ACTIONS.join(', ')})`, ['action']);
    } else if (!isBuiltInAction(action)) {
      reporter.report(node.id, `unknown approval:action '${action}'; built-in actions: ${BUILT_IN_ACTIONS.join(', ')}`, ['action']);
    }
  },
});
export default rule;
