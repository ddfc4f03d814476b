/**
 * Checks timers: exactly one of timeDate, timeDuration, timeCycle (BPMN 2.0.2 §10.5.3, ISO 8601 values) or
 * `approval:timeLimit`, and that its value is a valid ISO 8601 date-time, duration or repeating interval,
 * a valid FEEL expression when it starts with `=`, or a valid working/calendar-day limit.
 */
import type { RuleFactory } from '../rule.js';
import { expressionText } from '../../moddle.js';
import { checkIsoCycle, checkIsoDateTime, isIsoDuration, parseTimeLimit } from '../../approval/time.js';
import { expressionProblem } from '../check-expression.js';

const CHECKS: Readonly<Record<string, (text: string) => string | null>> = {
  timeDate: checkIsoDateTime,
  timeDuration: (t) => (isIsoDuration(t) ? null : `'${t}' is not an ISO 8601 duration (such as P3D or PT4H)`),
  timeCycle: checkIsoCycle,
};

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'valid timer definitions' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:TimerEventDefinition') return;
    const event = node.$parent;
    const id = event?.id ?? node.id ?? '';
    const limit = (node.timeLimit as string | undefined) ?? (event?.timeLimit as string | undefined);
    const set = Object.keys(CHECKS).filter((p) => node[p] !== undefined);
    const count = set.length + (limit !== undefined ? 1 : 0);
    if (count === 0) {
      reporter.report(id, 'the timer has no timeDate, timeDuration, timeCycle or approval:timeLimit');
      return;
    }
    if (count > 1) {
      const names = [...set, ...(limit !== undefined ? ['approval:timeLimit'] : [])].join(', ');
      reporter.report(id, `the timer sets ${names}; set exactly one`);
    }
    for (const p of set) {
      const text = expressionText(node[p]) ?? '';
      const problem = text.startsWith('=') ? expressionProblem(text, p) : text === '' ? `${p} is empty` : CHECKS[p]!(text);
      if (problem) reporter.report(id, `${p}: ${problem}`, ['eventDefinitions', p]);
    }
    if (limit !== undefined) {
      const parsed = parseTimeLimit(limit);
      if (typeof parsed === 'string') reporter.report(id, `approval:timeLimit: ${parsed}`, ['timeLimit']);
    }
  },
});
export default rule;
