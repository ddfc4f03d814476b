/**
 * Every expression must parse as FEEL at deploy: sequence-flow conditions (BPMN 2.0.2 §10.2.1), multi-instance
 * cardinality, completion condition (§10.3.8) and the approval collection/output element, and the sources of
 * input/output mappings. Timer expressions are checked by `timer-definition`.
 */
import type { RuleFactory } from '../rule.js';
import { expressionText, extensionsOf, type ModdleElement } from '../../moddle.js';
import { expressionProblem, languageProblem } from '../check-expression.js';

function checkFormal(expr: ModdleElement | undefined, what: string): string[] {
  if (!expr) return [];
  const language = languageProblem(expr);
  if (language) return [`${what}: ${language}`];
  const problem = expressionProblem(expressionText(expr) ?? '', what);
  return problem ? [problem] : [];
}

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'expressions parse as FEEL' },
  check(node, reporter) {
    if (node.$type === 'bpmn:SequenceFlow') {
      for (const m of checkFormal(node.conditionExpression, 'condition')) reporter.report(node.id, m, ['conditionExpression']);
    }
    if (node.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
      const owner = node.$parent?.id ?? '';
      for (const m of checkFormal(node.loopCardinality, 'loopCardinality')) reporter.report(owner, m, ['loopCharacteristics', 'loopCardinality']);
      for (const m of checkFormal(node.completionCondition, 'completionCondition')) reporter.report(owner, m, ['loopCharacteristics', 'completionCondition']);
      for (const attr of ['collection', 'outputElement'] as const) {
        const problem = expressionProblem(node[attr] as string | undefined, `approval:${attr}`);
        if (problem) reporter.report(owner, problem, ['loopCharacteristics', attr]);
      }
    }
    if (node.$instanceOf('bpmn:FlowNode')) {
      for (const io of extensionsOf(node, 'approval:IoMapping')) {
        for (const kind of ['inputs', 'outputs'] as const) {
          for (const mapping of (io[kind] ?? []) as ModdleElement[]) {
            const problem = expressionProblem(mapping.source as string | undefined, `${kind.slice(0, -1)} mapping source`);
            if (problem) reporter.report(node.id, problem, ['extensionElements', kind]);
          }
        }
      }
    }
  },
});
export default rule;
