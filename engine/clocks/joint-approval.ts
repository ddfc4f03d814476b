/**
 * Joint approval (并联审批, 行政许可法 第26条 and 第42条第2款): the lead department accepts once, the
 * co-departments work in parallel, each on its own clock, and the case is complete only when every one of them
 * is done. The joint statutory limit is 45 working days, extendable once by 15.
 */
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { ARTICLES } from './articles.js';
import { caseDeadlines, type CaseClockInput } from './case-clocks.js';
import { computeDeadline } from './deadline.js';
import type { Deadline, Limit, SuspensionSpan } from './types.js';

/** Joint statutory limit: 45 working days (第42条第2款). */
export const JOINT_STATUTORY_LIMIT: Limit = { value: 45, unit: 'WD' };

/** One co-department's branch. */
export interface CoDepartmentInput {
  readonly department: string;
  /** When its branch started (e.g. when the shared materials were sent to it, 抄告相关). */
  readonly started: string;
  readonly limit: Limit;
  readonly article?: string;
  readonly suspensions?: readonly SuspensionSpan[];
}

/** The joint case's statutory and promised deadlines and every co-department's own deadline. */
export function jointDeadlines(
  calendar: WorkingCalendar,
  input: Omit<CaseClockInput, 'statutory' | 'statutoryArticle'> & { statutory?: Limit; coDepartments: readonly CoDepartmentInput[] },
): { statutory: Deadline; promised: Deadline; departments: Record<string, Deadline> } {
  const { coDepartments, ...rest } = input;
  const overall = caseDeadlines(calendar, { ...rest, statutory: input.statutory ?? JOINT_STATUTORY_LIMIT, statutoryArticle: ARTICLES.joint });
  const departments: Record<string, Deadline> = {};
  for (const co of coDepartments) {
    departments[co.department] = computeDeadline(calendar, {
      rule: `co-department:${co.department}`,
      article: co.article ?? 'co-department promised limit',
      trigger: co.started,
      limit: co.limit,
      ...(co.suspensions ? { suspensions: co.suspensions } : {}),
      ...(input.now ? { now: input.now } : {}),
      ...(input.useBusinessHours ? { useBusinessHours: true } : {}),
      ...(input.policy ? { policy: input.policy } : {}),
    });
  }
  return { ...overall, departments };
}

/** A co-department's result so far. */
export interface CoDepartmentResult {
  readonly department: string;
  readonly completedOn?: IsoDate;
  readonly outcome?: 'approved' | 'refused';
}

/** Progress of the joint case on `asOf`. */
export interface JointProgress {
  readonly done: number;
  readonly total: number;
  /** True when every co-department finished on or before `asOf`. */
  readonly complete: boolean;
  /** The day the last one finished, when complete. */
  readonly completedOn?: IsoDate;
  /** Once complete: all approved, all refused, or some refused (部分不予许可). */
  readonly outcome?: 'approved' | 'refused' | 'partially-refused';
}

/** Counts the co-departments done on `asOf`; the case is complete only when all are (every branch ends explicitly). */
export function jointProgress(results: readonly CoDepartmentResult[], asOf: IsoDate): JointProgress {
  const finished = results.filter((r) => r.completedOn !== undefined && r.completedOn <= asOf);
  const total = results.length;
  if (finished.length < total || total === 0) return { done: finished.length, total, complete: false };
  const refused = finished.filter((r) => r.outcome === 'refused').length;
  const completedOn = finished.map((r) => r.completedOn!).sort().at(-1)!;
  const outcome = refused === 0 ? 'approved' : refused === total ? 'refused' : 'partially-refused';
  return { done: total, total, complete: true, completedOn, outcome };
}
