/**
 * The two clocks of a case, both running from acceptance (受理): the statutory limit (法定办结时限,
 * 行政许可法 第42条 or the item's own law) and the promised limit (承诺办结时限), each with its own unit; and the
 * clock of a single step (受理, 审核, 批准, 发证 …) with the step's own limit.
 */
import type { WorkingCalendar } from '../calendar/types.js';
import { ARTICLES } from './articles.js';
import { computeDeadline } from './deadline.js';
import { suspensionsFor, type SuspensionLedger } from './suspension-ledger.js';
import type { ClockInput, CountingPolicy, Deadline, Limit, SuspensionSpan } from './types.js';

/** Default statutory limit: 20 working days (行政许可法 第42条第1款). */
export const DEFAULT_STATUTORY_LIMIT: Limit = { value: 20, unit: 'WD' };

/** Inputs of a case's clocks. */
export interface CaseClockInput {
  /** Acceptance date or instant (or the receipt, for a deemed acceptance under 行政许可法 第32条). */
  readonly accepted: string;
  /** The item's statutory limit; 20 WD when absent. */
  readonly statutory?: Limit;
  /** The article behind the statutory limit; 行政许可法第42条第1款 when absent. */
  readonly statutoryArticle?: string;
  readonly promised: Limit;
  readonly policy?: CountingPolicy;
  readonly useBusinessHours?: boolean;
  readonly ledger?: SuspensionLedger;
  /** The approved extension, if any; it extends the statutory limit (行政许可法 第42条). */
  readonly extension?: Limit;
  /**
   * The days the promised limit moves with the extension, when the item says it moves (the default): the
   * promise is kept relative to the law's limit.
   */
  readonly promisedExtension?: Limit;
  /** Closes open suspensions. */
  readonly now?: string;
}

/** The stored inputs of both clocks, so the runtime can recompute them (see `recalculation.ts`). */
export function caseClockInputs(input: CaseClockInput): { statutory: ClockInput; promised: ClockInput } {
  const common = {
    trigger: input.accepted,
    ...(input.policy ? { policy: input.policy } : {}),
    ...(input.useBusinessHours ? { useBusinessHours: true } : {}),
    ...(input.now ? { now: input.now } : {}),
  };
  const ledger = input.ledger ?? [];
  return {
    statutory: {
      ...common,
      rule: 'statutory',
      article: input.statutoryArticle ?? ARTICLES.decision,
      limit: input.statutory ?? DEFAULT_STATUTORY_LIMIT,
      suspensions: suspensionsFor(ledger, 'statutory'),
      ...(input.extension ? { extension: input.extension } : {}),
    },
    promised: {
      ...common,
      rule: 'promised',
      article: 'promised limit (承诺办结时限) of the item listing',
      limit: input.promised,
      suspensions: suspensionsFor(ledger, 'promised'),
      ...(input.promisedExtension ? { extension: input.promisedExtension } : {}),
    },
  };
}

/** The statutory and promised deadlines of a case. */
export function caseDeadlines(calendar: WorkingCalendar, input: CaseClockInput): { statutory: Deadline; promised: Deadline } {
  const inputs = caseClockInputs(input);
  return { statutory: computeDeadline(calendar, inputs.statutory), promised: computeDeadline(calendar, inputs.promised) };
}

/** Inputs of one step's clock. */
export interface StepClockInput {
  readonly stepId: string;
  /** When the step started (its task was created). */
  readonly started: string;
  readonly limit: Limit;
  readonly article?: string;
  readonly policy?: CountingPolicy;
  readonly useBusinessHours?: boolean;
  readonly suspensions?: readonly SuspensionSpan[];
  readonly now?: string;
}

/** The deadline of a step (rule `step:<id>`). */
export function stepDeadline(calendar: WorkingCalendar, input: StepClockInput): Deadline {
  return computeDeadline(calendar, {
    rule: `step:${input.stepId}`,
    article: input.article ?? 'step limit of the item listing',
    trigger: input.started,
    limit: input.limit,
    ...(input.policy ? { policy: input.policy } : {}),
    ...(input.useBusinessHours ? { useBusinessHours: true } : {}),
    ...(input.suspensions ? { suspensions: input.suspensions } : {}),
    ...(input.now ? { now: input.now } : {}),
  });
}
