/**
 * An approval step is worked by a department or role (domain brief §3.4: each step has a named
 * department/role), so a user task needs approval:department, approval:role or approval:candidateGroups.
 */
import type { RuleFactory } from '../rule.js';
import { splitList } from '../../approval/read-approval.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'user tasks name who works them' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:UserTask') return;
    const has = (v: unknown) => typeof v === 'string' && v.trim() !== '';
    if (!has(node.department) && !has(node.role) && !splitList(node.candidateGroups)) {
      reporter.report(node.id, 'user task has no approval:department, approval:role or approval:candidateGroups');
    }
  },
});
export default rule;
