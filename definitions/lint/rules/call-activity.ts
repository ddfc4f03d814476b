/**
 * A call activity names the definition it calls (BPMN 2.0.2 §10.3.6 `calledElement`, here a deployment key)
 * and, with approval:calledVersion, `latest` or a pinned version number.
 */
import type { RuleFactory } from '../rule.js';

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'call activities name what they call' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:CallActivity') return;
    const called = node.calledElement;
    if (typeof called !== 'string' || called.trim() === '') {
      reporter.report(node.id, 'call activity has no calledElement', ['calledElement']);
    }
    const version = node.calledVersion;
    if (version !== undefined && version !== 'latest' && !/^[1-9]\d*$/.test(String(version).trim())) {
      reporter.report(node.id, `approval:calledVersion '${version}' must be 'latest' or a version number`, ['calledVersion']);
    }
  },
});
export default rule;
