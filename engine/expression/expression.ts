/**
 * Shenpi's one expression language: FEEL (DMN 1.3 chapter 10), through the `feelin` interpreter.
 *
 * Used for sequence-flow conditions, completion conditions, timer expressions and input/output mappings.
 * Expressions see nothing but the variables handed to them: no `eval`, no `node:vm`, no globals. The FEEL
 * built-ins `now()` and `today()` are refused at parse time because they read the machine's clock, and time
 * in Shenpi is always an input (`ctx.now`), so that replaying a case gives the same result.
 */
import { evaluate, parseExpression, parseUnaryTests, unaryTest } from 'feelin';

/** A finding from {@link checkExpression}: what is wrong and where in the source. */
export interface ExpressionProblem {
  message: string;
  /** Character offset in the source (after a leading `=` is stripped). */
  position: number;
}

/** Thrown when an expression cannot be evaluated; carries the source for the error message. */
export class ExpressionError extends Error {
  readonly source: string;
  constructor(message: string, source: string) {
    super(message);
    this.name = 'ExpressionError';
    this.source = source;
  }
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

/**
 * Evaluates an expression against the given variables and returns a plain JSON value.
 * Throws {@link ExpressionError} on a syntax error or on a refused built-in.
 */
export function evaluateExpression(source: string, variables: Record<string, unknown>): unknown {
  const problem = checkExpression(source);
  if (problem) throw new ExpressionError(problem.message, source);
  try {
    return toPlain(evaluate(expressionBody(source), { ...variables }).value);
  } catch (err) {
    throw new ExpressionError((err as Error).message, source);
  }
}

/** Evaluates a condition; only a FEEL `true` counts as true (null and non-booleans are false, as in BPMN 13.3.2). */
export function evaluateCondition(source: string, variables: Record<string, unknown>): boolean {
  return evaluateExpression(source, variables) === true;
}

/** Evaluates unary tests against an input value (`?` in FEEL). `-` matches anything. */
export function evaluateUnaryTests(
  tests: string,
  input: unknown,
  variables: Record<string, unknown> = {},
): boolean {
  const body = tests.trim();
  if (body === '-' || body === '') return true;
  const problem = checkUnaryTests(body);
  if (problem) throw new ExpressionError(problem.message, tests);
  try {
    return unaryTest(body, { ...variables, '?': input }).value === true;
  } catch (err) {
    throw new ExpressionError((err as Error).message, tests);
  }
}
