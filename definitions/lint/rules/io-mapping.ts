/**
 * Input/output mappings (`approval:ioMapping`): each has a source expression and a target variable name,
 * and a flow node has at most one mapping block. Sources are checked as FEEL by `expression-syntax`.
 */
import type { RuleFactory } from '../rule.js';
import { extensionsOf, type ModdleElement } from '../../moddle.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'input/output mappings' },
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:FlowNode')) return;
    const blocks = extensionsOf(node, 'approval:IoMapping');
    if (blocks.length > 1) reporter.report(node.id, 'more than one approval:ioMapping; put all mappings in one', ['extensionElements']);
    for (const io of blocks) {
      for (const kind of ['inputs', 'outputs'] as const) {
        for (const m of (io[kind] ?? []) as ModdleElement[]) {
          const what = kind === 'inputs' ? 'input' : 'output';
          if (typeof m.source !== 'string' || m.source.trim() === '') reporter.report(node.id, `${what} mapping has no source`, ['extensionElements', kind]);
          if (typeof m.target !== 'string' || !NAME.test(m.target)) {
            reporter.report(node.id, `${what} mapping target '${m.target ?? ''}' is not a variable name`, ['extensionElements', kind]);
          }
        }
      }
    }
  },
});
export default rule;
