/**
 * Expressions whose source alone shows they would run past the evaluation budget are refused at deploy,
 * naming the element: a literal range longer than the budget (`for i in 1..100000000`), comprehensions whose
 * literal ranges multiply past it, string or list literals larger than it, an expression longer than it, or
 * a pattern that backtracks exponentially. The same places as `expression-syntax`, plus timer expressions.
 * What only a case's data shows is metered at run time (EVALUATION_BUDGET_EXCEEDED).
 */
import type { RuleFactory } from '../rule.js';
import { expressionText, extensionsOf, type ModdleElement } from '../../moddle.js';
import { expressionBudgetProblems } from '../../../engine/expression/index.js';
import { languageProblem } from '../check-expression.js';

/** One message per problem of `source`, `what` naming the expression. */
function problems(source: string | undefined, what: string): string[] {
  if (source === undefined || source.trim() === '') return [];
  return expressionBudgetProblems(source).map((p) => `${what} '${source}' would exceed the evaluation budget: ${p.message}`);
}

const TIMER_PARTS = ['timeDate', 'timeDuration', 'timeCycle'] as const;

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'expressions stay within the evaluation budget' },
  check(node, reporter) {
    if (node.$type === 'bpmn:SequenceFlow' && node.conditionExpression && !languageProblem(node.conditionExpression)) {
      for (const m of problems(expressionText(node.conditionExpression), 'condition')) reporter.report(node.id, m, ['conditionExpression']);
    }
    if (node.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
      const owner = node.$parent?.id ?? '';
      for (const attr of ['loopCardinality', 'completionCondition'] as const) {
        const expr = node[attr] as ModdleElement | undefined;
        for (const m of problems(expr && !languageProblem(expr) ? expressionText(expr) : undefined, attr)) reporter.report(owner, m, ['loopCharacteristics', attr]);
      }
      for (const attr of ['collection', 'outputElement'] as const) {
        for (const m of problems(node[attr] as string | undefined, `approval:${attr}`)) reporter.report(owner, m, ['loopCharacteristics', attr]);
      }
    }
    if (node.$type === 'bpmn:TimerEventDefinition') {
      const id = node.$parent?.id ?? node.id ?? '';
      for (const p of TIMER_PARTS) {
        const text = node[p] ? expressionText(node[p]) ?? '' : '';
        if (text.trim().startsWith('=')) for (const m of problems(text, p)) reporter.report(id, m, ['eventDefinitions', p]);
      }
    }
    if (node.$instanceOf('bpmn:FlowNode')) {
      for (const io of extensionsOf(node, 'approval:IoMapping')) {
        for (const kind of ['inputs', 'outputs'] as const) {
          for (const mapping of (io[kind] ?? []) as ModdleElement[]) {
            for (const m of problems(mapping.source as string | undefined, `${kind.slice(0, -1)} mapping source`)) {
              reporter.report(node.id, m, ['extensionElements', kind]);
            }
          }
        }
      }
    }
  },
});
export default rule;
