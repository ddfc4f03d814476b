/**
 * Shenpi's one expression language: FEEL (DMN 1.3 chapter 10), through the `feelin` interpreter.
 *
 * Used for sequence-flow conditions, completion conditions, timer expressions and input/output mappings.
 * Expressions see nothing but the variables handed to them: no `eval`, no `node:vm`, no globals. The FEEL
 * built-ins `now()` and `today()` are refused at parse time because they read the machine's clock, and time
 * in Shenpi is always an input (`ctx.now`), so that replaying a case gives the same result.
 */
import { evaluate, parseExpression, parseUnaryTests, unaryTest } from 'feelin';
import { BudgetExceededError, commandBudget, type EvaluationBudget } from './budget.js';
import { ExpressionError } from './errors.js';
import { instrument, METER_PREFIX } from './instrument.js';
import { Meter } from './meter.js';

export { ExpressionError } from './errors.js';

/** A finding from {@link checkExpression}: what is wrong and where in the source. */
export interface ExpressionProblem {
  message: string;
  /** Character offset in the source (after a leading `=` is stripped). */
  position: number;
}

const AMBIENT_TIME = new Set(['now', 'today']);
const parseCache = new Map<string, ExpressionProblem | null>();

/** Strips the optional leading `=` that marks an expression in BPMN attributes (the bpmn-io convention). */
export function expressionBody(source: string): string {
  const trimmed = source.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

function findProblem(tree: ReturnType<typeof parseExpression>, body: string): ExpressionProblem | null {
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) {
      return { message: `syntax error at offset ${cursor.from} in '${body}'`, position: cursor.from };
    }
    if ((cursor.type.name === 'Identifier' || cursor.type.name === 'Name') && body.slice(cursor.from, cursor.to).startsWith(METER_PREFIX)) {
      return { message: `names starting with '${METER_PREFIX}' are reserved`, position: cursor.from };
    }
    if (cursor.type.name === 'FunctionInvocation') {
      const name = body.slice(cursor.from, body.indexOf('(', cursor.from)).trim();
      if (AMBIENT_TIME.has(name)) {
        return {
          message: `'${name}()' reads the machine clock; use a case variable or the timer instead`,
          position: cursor.from,
        };
      }
    }
  } while (cursor.next());
  return null;
}

/**
 * Parses an expression without evaluating it. Returns `null` when it is valid, else the first problem.
 * Results are memoised by source text (expressions are few and immutable once deployed).
 */
export function checkExpression(source: string): ExpressionProblem | null {
  const body = expressionBody(source);
  if (parseCache.has(body)) return parseCache.get(body) ?? null;
  let problem: ExpressionProblem | null;
  if (body === '') problem = { message: 'empty expression', position: 0 };
  else {
    try {
      problem = findProblem(parseExpression(body, {}, undefined), body);
    } catch (err) {
      problem = { message: (err as Error).message, position: 0 };
    }
  }
  parseCache.set(body, problem);
  return problem;
}

/** Parses a list of unary tests (a decision-table cell such as `< 50`, `[10..20]`, `not("x")`, `-`). */
export function checkUnaryTests(source: string): ExpressionProblem | null {
  const body = source.trim();
  if (body === '' || body === '-') return null;
  try {
    return findProblem(parseUnaryTests(body, {}, undefined), body);
  } catch (err) {
    return { message: (err as Error).message, position: 0 };
  }
}

/** Converts FEEL values (dates, durations, ranges) into plain JSON so they can live in case state. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
      return out;
    }
    return String(value);
  }
  return null;
}

const instrumented = new Map<string, string>();
const MAX_INSTRUMENTED = 10_000;

/** Names with spaces change how FEEL parses (`Risk Category > 3`), so they are part of the cache key. */
function spacedNames(variables: Record<string, unknown>): string[] {
  return Object.keys(variables).filter((k) => k.includes(' '));
}

/** The metered text of an expression or unary tests, cached by text and the spaced names in scope. */
function meteredText(body: string, variables: Record<string, unknown>, tests: boolean): string {
  const names = spacedNames(variables);
  const key = `${tests ? 'u' : 'e'}${names.join('\u0000')}\u0001${body}`;
  let text = instrumented.get(key);
  if (text === undefined) {
    const scope = Object.fromEntries(names.map((n) => [n, null]));
    text = instrument(body, tests ? parseUnaryTests(body, scope, undefined) : parseExpression(body, scope, undefined));
    if (instrumented.size >= MAX_INSTRUMENTED) instrumented.clear();
    instrumented.set(key, text);
  }
  return text;
}

/** The scope of a metered evaluation: the guarded built-ins, the variables, then the meter itself. */
function meteredScope(meter: Meter, variables: Record<string, unknown>): Record<string, unknown> {
  const { guarded, hooks } = meter.bindings();
  const vars: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(variables)) if (!k.startsWith(METER_PREFIX)) vars[k] = v;
  return { ...guarded, ...vars, ...hooks };
}

/** Runs a metered evaluation; a failure other than the budget's becomes an {@link ExpressionError}. */
function metered<T>(source: string, body: string, budget: EvaluationBudget | undefined, run: (meter: Meter) => T): T {
  const meter = new Meter(budget ?? commandBudget(), source);
  if (body.length > meter.limits.maxExpressionLength) {
    meter.exceed('length', `more than ${meter.limits.maxExpressionLength} characters`);
  }
  try {
    const value = run(meter);
    meter.measure(value);
    return value;
  } catch (err) {
    if (err instanceof BudgetExceededError) throw err;
    // A RangeError here is the stack running out on deeply nested input: a failed expression, nothing more.
    throw new ExpressionError((err as Error).message, source);
  }
}

/**
 * Evaluates an expression against the given variables and returns a plain JSON value, within `budget`
 * (the configured limits and a deadline of their own when none is given).
 * Throws {@link ExpressionError} on a syntax error or on a refused built-in, and
 * {@link BudgetExceededError} when the evaluation would exceed its budget.
 */
export function evaluateExpression(source: string, variables: Record<string, unknown>, budget?: EvaluationBudget): unknown {
  const problem = checkExpression(source);
  if (problem) throw new ExpressionError(problem.message, source);
  const body = expressionBody(source);
  return toPlain(metered(source, body, budget, (meter) => evaluate(meteredText(body, variables, false), meteredScope(meter, variables)).value));
}

/** Evaluates a condition; only a FEEL `true` counts as true (null and non-booleans are false, as in BPMN 13.3.2). */
export function evaluateCondition(source: string, variables: Record<string, unknown>, budget?: EvaluationBudget): boolean {
  return evaluateExpression(source, variables, budget) === true;
}

/** Evaluates unary tests against an input value (`?` in FEEL), within `budget`. `-` matches anything. */
export function evaluateUnaryTests(
  tests: string,
  input: unknown,
  variables: Record<string, unknown> = {},
  budget?: EvaluationBudget,
): boolean {
  const body = tests.trim();
  if (body === '-' || body === '') return true;
  const problem = checkUnaryTests(body);
  if (problem) throw new ExpressionError(problem.message, tests);
  const scope = { ...variables, '?': input };
  return metered(tests, body, budget, (meter) => unaryTest(meteredText(body, scope, true), meteredScope(meter, scope)).value) === true;
}
