/**
 * Exclusive and inclusive gateways that split (BPMN 2.0.2 §10.6.2, §10.6.3): every outgoing flow but the
 * default needs a condition, since an unconditional flow is always taken and the choice would be hidden.
 * The default flow must leave the gateway and carries no condition (§10.6.2: it is taken only when no other
 * condition is true). Without a default, a case where no condition holds stops (warning).
 */
import type { RuleFactory } from '../rule.js';
import { outgoingOf, type ModdleElement } from '../../moddle.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'conditions and default flows of exclusive and inclusive gateways' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:ExclusiveGateway' && node.$type !== 'bpmn:InclusiveGateway') return;
    const outgoing = outgoingOf(node);
    const fallback = node.default as ModdleElement | undefined;
    if (fallback) {
      if (!outgoing.includes(fallback)) {
        reporter.report(node.id, `default flow '${fallback.id}' does not leave this gateway`, ['default']);
      } else if (fallback.conditionExpression) {
        reporter.report(fallback.id, 'a default flow has no condition (§10.6.2); remove it', { path: ['conditionExpression'] });
      }
    }
    if (outgoing.length < 2) return;
    const unconditioned = outgoing.filter((f) => f !== fallback && !f.conditionExpression);
    for (const f of unconditioned) {
      reporter.report(f.id, `flow out of gateway '${node.id}' has no condition and is not its default flow`);
    }
    if (!fallback && unconditioned.length === 0) {
      reporter.report(node.id, 'gateway has no default flow: when no condition holds the case stops (NO_FLOW_TAKEN)', { severity: 'warning' });
    }
  },
});
export default rule;
