/**
 * The evaluation budget of FEEL expressions: every way FEEL can loop, grow or recurse is counted before the
 * work is done, and past the budget the evaluation throws BudgetExceededError (never a crash, never a stall).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BudgetExceededError, DEFAULT_LIMITS, ExpressionError, evaluateExpression, evaluateUnaryTests, expressionBudgetProblems,
  type EvaluationBudget, type EvaluationLimits,
} from '../../engine/expression/index.js';
import { hostile } from './hostile.js';

const limits = (over: Partial<EvaluationLimits> = {}): EvaluationBudget => ({ limits: { ...DEFAULT_LIMITS, ...over } });

/** The kind of limit the expression runs into, or 'ok'. */
function outcome(source: string, vars: Record<string, unknown> = {}, budget: EvaluationBudget = limits()): string {
  try {
    evaluateExpression(source, vars, budget);
    return 'ok';
  } catch (err) {
    if (err instanceof BudgetExceededError) return err.kind;
    if (err instanceof ExpressionError) return 'failed';
    throw err;
  }
}

describe('ranges and comprehensions', () => {
  it('evaluates small ranges exactly as FEEL does', () => {
    expect(evaluateExpression('for i in 1..3, j in [1..2] return i * j', {})).toEqual([1, 2, 2, 4, 3, 6]);
    expect(evaluateExpression('for i in 3..1 return i', {})).toEqual([3, 2, 1]);
    expect(evaluateExpression('for i in [1..3) return i', {})).toEqual([1, 2]);
    expect(evaluateExpression('for i in (1..3] return i', {})).toEqual([2, 3]);
    expect(evaluateExpression('for x in "a".."d" return x', {})).toEqual(['a', 'b', 'c', 'd']);
    expect(evaluateExpression('every x in 1..5 satisfies x > 0', {})).toBe(true);
    expect(evaluateExpression('some x in L satisfies x > 2', { L: [1, 2, 3] })).toBe(true);
    expect(evaluateExpression('for i in 1..3 return if i = 1 then 1 else partial[-1] * 2', {})).toEqual([1, 2, 4]);
  });

  it('refuses a range longer than the list limit before building it', () => {
    const before = process.memoryUsage().heapUsed;
    expect(outcome('count(for i in 1..100000000 return i) > 0')).toBe('list');
    expect(outcome('count(for i in 1..n return i)', { n: 1e15 })).toBe('list');
    expect(outcome('every x in [1..100000000] satisfies x > 0')).toBe('list');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
    expect(outcome('count(for i in 1..n return i)', { n: 10_000 }, limits({ maxListLength: 10_001 }))).toBe('ok');
    expect(outcome('count(for i in 1..n return i)', { n: 10_001 }, limits({ maxListLength: 10_000 }))).toBe('list');
  });

  it('refuses a range that never reaches its end (feelin would loop for ever)', () => {
    expect(outcome('for i in 1..2.5 return i')).toBe('iterations');
    expect(outcome('for i in [0.5..n] return i', { n: 3 })).toBe('iterations');
  });

  it('counts nested comprehensions as the product of their sizes', () => {
    const budget = limits({ maxIterations: 1_000 });
    expect(outcome('count(for i in 1..30, j in 1..30 return 1)', {}, budget)).toBe('ok');
    expect(outcome('count(for i in 1..40, j in 1..40 return 1)', {}, budget)).toBe('iterations');
    expect(outcome('count(for i in 1..40 return for j in 1..40 return 1)', {}, budget)).toBe('iterations');
    expect(outcome('sum(for i in 1..2000, j in 1..2000 return 1)')).toBe('iterations');
  });

  it('counts the elements a filter tests', () => {
    const L = Array.from({ length: 200 }, (_, i) => i);
    const budget = limits({ maxIterations: 1_000 });
    expect(outcome('count(L[item > 10])', { L }, budget)).toBe('ok');
    expect(outcome('count(for x in 1..10 return count(L[item > x]))', { L }, budget)).toBe('iterations');
    // An index reads one element: no loop, nothing counted.
    expect(outcome('for x in 1..100 return L[x]', { L }, budget)).toBe('ok');
  });
});

describe('growth of strings and lists', () => {
  it('stops a string doubled in a loop at the string limit', () => {
    expect(outcome('(for i in 1..40 return if i = 1 then "ab" else partial[-1] + partial[-1])[-1]')).toBe('string');
  });

  it('stops a string doubled through context entries', () => {
    const entries = Array.from({ length: 30 }, (_, i) => `e${i + 1}: e${i} + e${i}`).join(', ');
    expect(outcome(`{e0: "xxxxxxxxxx", ${entries}}.e30`)).toBe('string');
  });

  it('stops a list doubled through context entries and in loops', () => {
    const entries = Array.from({ length: 30 }, (_, i) => `l${i + 1}: concatenate(l${i}, l${i})`).join(', ');
    expect(outcome(`count({l0: [1, 2, 3], ${entries}}.l30)`)).toBe('list');
    expect(outcome('count((for i in 1..40 return if i = 1 then [1] else concatenate(partial[-1], partial[-1]))[-1])')).toBe('list');
  });

  it('bounds the total size built, not only each value', () => {
    // Strings of 10,000 characters each, every one below the string limit: 50 of them make 500,000
    // characters, within the total of 1,000,000; 200 make 2,000,000.
    expect(outcome('count(for i in 1..50 return s + "")', { s: 'x'.repeat(10_000) })).toBe('ok');
    expect(outcome('count(for i in 1..200 return s + "")', { s: 'x'.repeat(10_000) })).toBe('size');
  });

  it('refuses replace and string join that would outgrow the string limit', () => {
    expect(outcome('replace(replace(replace(replace(s, "", s), "", s), "", s), "", s)', { s: 'abcdefghij' })).toBe('string');
    expect(evaluateExpression('replace("a-b-c", "-", "+")', {})).toBe('a+b+c');
    expect(outcome('string join(for i in 1..1000 return s, s)', { s: 'x'.repeat(100) })).toBe('string');
    expect(evaluateExpression('string join(["a", "b"], "-")', {})).toBe('a-b');
  });
});

describe('recursion and patterns', () => {
  it('refuses recursion deeper than the depth limit', () => {
    expect(evaluateExpression('{f: function(n) if n = 0 then 0 else 1 + f(n - 1)}.f(10)', {})).toBe(10);
    expect(outcome('{f: function(n) if n = 0 then 0 else 1 + f(n - 1)}.f(100000)')).toBe('depth');
  });

  it('counts every call, so exponential recursion stops at the iteration limit', () => {
    expect(outcome('{f: function(n) if n = 0 then 1 else f(n - 1) + f(n - 1)}.f(40)', {}, limits({ maxIterations: 5_000 }))).toBe('iterations');
  });

  it('refuses patterns with nested repetition before they run', () => {
    expect(outcome('matches(s, "(a+)+$")', { s: `${'a'.repeat(40)}!` })).toBe('pattern');
    expect(outcome('replace(s, "(x*)*y", "")', { s: 'xxxx' })).toBe('pattern');
    expect(evaluateExpression('matches("abc", "^a.c$")', {})).toBe(true);
  });

  it('refuses the meter\'s own names, so an expression cannot rebind them', () => {
    expect(outcome('{__shenpi_range: function(a, b) [a]}.__shenpi_range(1, 2)')).toBe('failed');
  });

  it('meters unary tests the same way', () => {
    expect(evaluateUnaryTests('> 3, every x in 1..5 satisfies x > 0', 5)).toBe(true);
    expect(() => evaluateUnaryTests('count(for i in 1..100000000 return i) > 0', 5)).toThrow(BudgetExceededError);
  });
});

describe('wall time', () => {
  it('stops at the deadline of the command, read from the clock handed in', () => {
    let now = 0;
    // Every reading of the clock moves it by 1 ms: the deadline of 50 ms passes within the loop.
    const budget: EvaluationBudget = { limits: { ...DEFAULT_LIMITS, maxMillis: 50 }, clock: () => (now += 1), deadline: 50 };
    expect(outcome('for i in 1..1000 return i', {}, budget)).toBe('time');
    expect(now).toBeLessThan(200);
    expect(outcome('1 + 1', {}, { limits: DEFAULT_LIMITS, clock: () => 0, deadline: 50 })).toBe('ok');
  });
});

describe('deploy-time checks', () => {
  it('names what the source shows will exceed the budget', () => {
    expect(expressionBudgetProblems('=count(for i in 1..100000000 return i) > 0').map((p) => p.kind)).toContain('list');
    expect(expressionBudgetProblems('=for i in 1..2000, j in 1..2000 return i * j').map((p) => p.kind)).toEqual(['iterations']);
    expect(expressionBudgetProblems('=for i in 1..2000 return for j in 1..2000 return i * j').map((p) => p.kind)).toEqual(['iterations']);
    expect(expressionBudgetProblems('=for i in 1..2.5 return i').map((p) => p.kind)).toEqual(['iterations']);
    expect(expressionBudgetProblems('=matches(name, "(a+)+$")').map((p) => p.kind)).toEqual(['pattern']);
    expect(expressionBudgetProblems(`="${'x'.repeat(100_001)}"`).map((p) => p.kind)).toEqual(['length']);
    expect(expressionBudgetProblems(`="${'x'.repeat(5_000)}"`, { ...DEFAULT_LIMITS, maxStringLength: 1_000 }).map((p) => p.kind)).toEqual(['string']);
  });

  it('passes what only the case data decides, and ordinary expressions', () => {
    expect(expressionBudgetProblems('=count(for i in 1..n return i) > 0')).toEqual([]);
    expect(expressionBudgetProblems('=for i in 1..100, j in 1..100 return i * j')).toEqual([]);
    expect(expressionBudgetProblems('=area > 500 and applicantType = "enterprise"')).toEqual([]);
  });
});

describe('hostile expressions (property)', () => {
  it('every evaluation returns a value or a refusal within the budget, quickly, and never throws anything else', () => {
    const budget = limits({ maxIterations: 5_000, maxListLength: 2_000, maxStringLength: 20_000, maxTotalSize: 100_000 });
    fc.assert(
      fc.property(hostile, (source) => {
        const started = performance.now();
        let result: unknown;
        try {
          result = evaluateExpression(source, {}, budget);
        } catch (err) {
          // Only the two refusals of the expression layer; a RangeError or heap failure would fail here.
          expect(err, source).toBeInstanceOf(ExpressionError);
        }
        expect(performance.now() - started, source).toBeLessThan(1_000);
        // A value that came back is within the limits it was evaluated under.
        const text = JSON.stringify(result ?? null);
        expect(text.length, source).toBeLessThan(2 * budget.limits.maxTotalSize + 1_000);
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });
});
