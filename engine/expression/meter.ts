/**
 * The meter of one evaluation: the functions the instrumented source calls (`instrument.ts`), and guarded
 * stand-ins for the few built-ins whose result can be far larger than their arguments (`replace` with an
 * empty pattern, `string join`) or whose time has no bound (regular expressions that backtrack). Each
 * check throws {@link BudgetExceededError} at the first excess, so nothing larger than the budget is built.
 */
import { FeelFunction, FeelRange, evaluate } from 'feelin';
import { BudgetExceededError, type BudgetKind, type EvaluationBudget } from './budget.js';
import { METER_PREFIX } from './instrument.js';
import { unsafePattern } from './patterns.js';

/** Counts what one evaluation spends against its budget. */
export class Meter {
  iterations = 0;
  size = 0;
  depth = 0;
  readonly limits: EvaluationBudget['limits'];

  constructor(private readonly budget: EvaluationBudget, private readonly source: string) {
    this.limits = budget.limits;
  }

  /** Refuses the evaluation. */
  exceed(kind: BudgetKind, what: string): never {
    throw new BudgetExceededError(kind, `'${this.source}' exceeds the evaluation budget: ${what}`, this.source);
  }

  /** Checks the command's wall-time deadline. */
  checkTime(): void {
    const { clock, deadline } = this.budget;
    if (clock && deadline !== undefined && clock() > deadline) {
      this.exceed('time', `more than ${this.limits.maxMillis} ms of evaluation in one command`);
    }
  }

  /** Counts `n` iterations. */
  iterate(n: number): void {
    this.iterations += n;
    if (this.iterations > this.limits.maxIterations) this.exceed('iterations', `more than ${this.limits.maxIterations} iterations`);
    this.checkTime();
  }

  /** Measures a value that was built: every string and list in it, and its total size. */
  measure(value: unknown): void {
    const stack: unknown[] = [value];
    while (stack.length) {
      const v = stack.pop();
      if (typeof v === 'string') {
        if (v.length > this.limits.maxStringLength) this.exceed('string', `a string of more than ${this.limits.maxStringLength} characters`);
        this.grow(v.length);
      } else if (Array.isArray(v)) {
        if (v.length > this.limits.maxListLength) this.exceed('list', `a list of more than ${this.limits.maxListLength} elements`);
        this.grow(v.length);
        for (const item of v) if (item !== null && typeof item === 'object' || typeof item === 'string') stack.push(item);
      } else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
        const values = Object.values(v);
        this.grow(values.length);
        for (const item of values) if (item !== null && typeof item === 'object' || typeof item === 'string') stack.push(item);
      }
    }
    this.checkTime();
  }

  private grow(n: number): void {
    this.size += n;
    if (this.size > this.limits.maxTotalSize) this.exceed('size', `more than ${this.limits.maxTotalSize} list elements and characters built`);
  }

  /** The elements of an iteration source, counted; ranges are enumerated here, never past the budget. */
  list(value: unknown): unknown {
    if (Array.isArray(value)) {
      this.iterate(value.length);
      return value;
    }
    if (value instanceof FeelRange) {
      const r = value as FeelRange & { valueType?: string };
      if (typeof r.start === 'number' && typeof r.end === 'number') {
        return this.numbers(r.start, r.end, r['start included'] !== false, r['end included'] !== false);
      }
      if (r.valueType === 'string' && r.start !== null && r.end !== null) {
        const values = r.map((x: unknown) => x) as unknown[];
        this.iterate(values.length);
        return values;
      }
    }
    return value;
  }

  /** `A..B` in an iteration context, as feelin reads it (a falsy end means the start alone). */
  range(start: unknown, end: unknown): unknown {
    if (!end) return this.list(start);
    if (typeof start === 'number' && typeof end === 'number') return this.numbers(start, end, true, true);
    if (typeof start === 'string' && typeof end === 'string') {
      return this.list(new FeelRange({ start, end, 'start included': true, 'end included': true, valueType: 'string' } as never));
    }
    throw new Error(`unsupported range: ${String(start)}..${String(end)}`);
  }

  /**
   * The numbers of a range, stepping by one from `start` towards `end` as feelin does. A range whose end
   * is never reached (`1..2.5`) would run for ever, so it counts as exceeding the iteration budget.
   */
  private numbers(start: number, end: number, startIncluded: boolean, endIncluded: boolean): number[] {
    const room = this.limits.maxIterations - this.iterations;
    const span = Math.abs(end - start);
    if (!(span < this.limits.maxListLength)) {
      this.exceed('list', `the range ${start}..${end} has more than ${this.limits.maxListLength} elements`);
    }
    if (!(span < room)) this.exceed('iterations', `more than ${this.limits.maxIterations} iterations`);
    const step = start > end ? -1 : 1;
    const out: number[] = [];
    for (let i = start, n = 0; ; i += step, n++) {
      if (n > span + 1) this.exceed('iterations', `the range ${start}..${end} never reaches its end in steps of 1`);
      if (i === start && !startIncluded) continue;
      if (i === end && !endIncluded) break;
      out.push(i);
      if (i === end) break;
    }
    this.iterate(out.length);
    return out;
  }

  /** A user function is called: one more iteration and one level deeper. */
  enter(): boolean {
    this.iterate(1);
    if (++this.depth > this.limits.maxDepth) this.exceed('depth', `function calls nested more than ${this.limits.maxDepth} deep`);
    return true;
  }

  /** A user function returns `value`. */
  leave(value: unknown): unknown {
    this.depth--;
    this.measure(value);
    return value;
  }

  /** The variables that bind the meter (and the guarded built-ins) into an evaluation. */
  bindings(): { guarded: Record<string, FeelFunction>; hooks: Record<string, FeelFunction> } {
    const fn = (f: (...args: unknown[]) => unknown, params: string[]): FeelFunction => new FeelFunction(f, params);
    const hooks = {
      [`${METER_PREFIX}_list`]: fn((v) => this.list(v), ['value']),
      [`${METER_PREFIX}_range`]: fn((a, b) => this.range(a, b), ['start', 'end']),
      [`${METER_PREFIX}_item`]: fn((v) => (this.measure(v), v), ['value']),
      [`${METER_PREFIX}_filter`]: fn((v) => (Array.isArray(v) && this.iterate(v.length), v), ['value']),
      [`${METER_PREFIX}_enter`]: fn(() => this.enter(), []),
      [`${METER_PREFIX}_leave`]: fn((_, v) => this.leave(v), ['entered', 'value']),
    };
    return { guarded: guardedBuiltins(this), hooks };
  }
}

/** A feelin built-in: a plain function whose FEEL parameter names are in `$args`. */
type Builtin = ((...args: unknown[]) => unknown) & { $args: string[] };

/** feelin's own built-in, looked up once by name (a bare name evaluates to the function). */
function builtin(name: string): Builtin {
  return evaluate(name, {}).value as Builtin;
}

const BUILTINS = {
  replace: builtin('replace'),
  matches: builtin('matches'),
  split: builtin('split'),
  join: builtin('string join'),
  distinct: builtin('distinct values'),
  union: builtin('union'),
};

/** Wraps a built-in: `check` sees the positional arguments first; the built-in then runs as usual. */
function guard(original: Builtin, check: (args: unknown[]) => void): FeelFunction {
  return new FeelFunction((...args: unknown[]) => {
    check(args);
    return original(...args);
  }, original.$args);
}

function checkPattern(meter: Meter, pattern: unknown): void {
  if (typeof pattern === 'string' && unsafePattern(pattern)) {
    meter.exceed('pattern', `the pattern '${pattern}' nests repetitions, which can take exponential time`);
  }
}

function guardedBuiltins(meter: Meter): Record<string, FeelFunction> {
  const str = (v: unknown): number => (typeof v === 'string' ? v.length : 0);
  const limit = (): number => meter.limits.maxStringLength;
  return {
    replace: guard(BUILTINS.replace, ([input, pattern, replacement]) => {
      checkPattern(meter, pattern);
      if (typeof input !== 'string' || typeof pattern !== 'string' || typeof replacement !== 'string') return;
      // Each match is replaced; `$&` and `$1` repeat matched text, so they can cost the whole input.
      const n = input.length;
      const per = replacement.length * (replacement.includes('$') ? n + 1 : 1);
      if (per === 0 || n + (n + 1) * per <= limit()) return;
      meter.iterate(n);
      let matches: number;
      try {
        matches = [...input.matchAll(new RegExp(pattern, 'g'))].length;
      } catch {
        matches = n + 1; // not a pattern JavaScript reads as is: assume the worst
      }
      if (n + matches * per > limit()) meter.exceed('string', `replace would build a string of more than ${limit()} characters`);
    }),
    matches: guard(BUILTINS.matches, ([, pattern]) => checkPattern(meter, pattern)),
    split: guard(BUILTINS.split, ([, delimiter]) => checkPattern(meter, delimiter)),
    'string join': guard(BUILTINS.join, ([list, delimiter]) => {
      if (!Array.isArray(list)) return;
      meter.iterate(list.length);
      const total = list.reduce((sum: number, s) => sum + str(s), 0) + Math.max(0, list.length - 1) * str(delimiter);
      if (total > limit()) meter.exceed('string', `string join would build a string of more than ${limit()} characters`);
    }),
    // Both compare every element with every other one: quadratic time.
    'distinct values': guard(BUILTINS.distinct, ([list]) => Array.isArray(list) && meter.iterate(Math.ceil((list.length * list.length) / 100))),
    union: guard(BUILTINS.union, (lists) => {
      const n = lists.reduce((sum: number, l) => sum + (Array.isArray(l) ? l.length : 0), 0);
      meter.iterate(Math.ceil((n * n) / 100));
    }),
  };
}
