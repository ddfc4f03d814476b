/**
 * The evaluation budget: what one FEEL evaluation may spend. An expression comes from a definition that a
 * department admin deploys, so it is untrusted input: `for i in 1..100000000 return i` would build a list of a
 * hundred million numbers, and a recursive function or a string doubled in a loop would stop the process.
 * Every evaluation therefore runs metered (see `meter.ts`): iterations, list and string sizes, the total size
 * of the values it builds, function-call depth and a wall-time deadline. Exceeding any of them throws
 * {@link BudgetExceededError}, which the engine turns into the stable refusal `EVALUATION_BUDGET_EXCEEDED`.
 *
 * The core has no clock of its own: the deadline is checked through a monotonic clock function that the
 * runtime hands in with the per-command {@link EvaluationBudget}.
 */
import { ExpressionError } from './errors.js';

/** The limits of one evaluation. A deployment configures them (`SHENPI_FEEL_*`, see docs/rules.md). */
export interface EvaluationLimits {
  /** Elements iterated by `for`, `some`, `every` and filters, plus user function calls, per evaluation. */
  maxIterations: number;
  /** Elements of any one list an evaluation builds (ranges included). */
  maxListLength: number;
  /** Characters of any one string an evaluation builds. */
  maxStringLength: number;
  /** List elements, context entries and characters built over one evaluation, added up. */
  maxTotalSize: number;
  /** Nesting of user function calls (recursion). */
  maxDepth: number;
  /** Characters of an expression's source; longer ones are refused at deploy. */
  maxExpressionLength: number;
  /** Wall time one command may spend in expressions, in milliseconds. */
  maxMillis: number;
}

/** The defaults: generous for approval conditions and rule cells, far below what would hurt the process. */
export const DEFAULT_LIMITS: Readonly<EvaluationLimits> = Object.freeze({
  maxIterations: 20_000,
  maxListLength: 10_000,
  maxStringLength: 100_000,
  maxTotalSize: 1_000_000,
  maxDepth: 64,
  maxExpressionLength: 10_000,
  maxMillis: 1_000,
});

/**
 * What one command may spend: the limits, and the wall-time deadline on a monotonic clock (milliseconds,
 * e.g. `performance.now`) that the runtime provides. Without a clock no wall time is checked.
 */
export interface EvaluationBudget {
  readonly limits: EvaluationLimits;
  /** Monotonic milliseconds. */
  readonly clock?: () => number;
  /** The instant on `clock` after which evaluation stops. */
  readonly deadline?: number;
}

/** Which limit an evaluation ran into. */
export type BudgetKind = 'iterations' | 'list' | 'string' | 'size' | 'depth' | 'length' | 'time' | 'pattern';

/** Thrown when an evaluation exceeds its budget. An `ExpressionError`, so callers that catch those still do. */
export class BudgetExceededError extends ExpressionError {
  readonly kind: BudgetKind;
  constructor(kind: BudgetKind, message: string, source: string) {
    super(message, source);
    this.name = 'BudgetExceededError';
    this.kind = kind;
  }
}

let configured: EvaluationLimits = { ...DEFAULT_LIMITS };
let configuredClock: (() => number) | undefined;

/**
 * Sets the deployment's limits and the monotonic clock the runtime provides (called once at start from the
 * server configuration). They apply to the deploy-time checks and to every evaluation not handed a budget of
 * its own, which then gets `maxMillis` of its own.
 */
export function configureEvaluation(options: { limits?: Partial<EvaluationLimits>; clock?: () => number }): void {
  configured = { ...DEFAULT_LIMITS, ...options.limits };
  configuredClock = options.clock;
}

/** The limits in force. */
export function evaluationLimits(): EvaluationLimits {
  return configured;
}

/**
 * A command's budget: the configured limits and a deadline `maxMillis` from now on `clock` (the configured
 * clock when none is given; no deadline without either).
 */
export function commandBudget(clock: (() => number) | undefined = configuredClock, limits: EvaluationLimits = configured): EvaluationBudget {
  return clock ? { limits, clock, deadline: clock() + limits.maxMillis } : { limits };
}
