/**
 * Sub-clocks of single steps: a step the item gives its own limit (`ItemSnapshot.stepLimits`), first of all the
 * lower-level review of 行政许可法 第43条 (the lower agency that reviews first finishes within 20 working days
 * of its acceptance). Each step clock has its own deadline (rule `step:<id>`), light and supervision record,
 * and pauses with the statutory clock for special procedures (第45条 covers every limit of the section).
 */
import { toZoned } from '../calendar/dates.js';
import type { WorkingCalendar } from '../calendar/types.js';
import { stepDeadline } from '../clocks/case-clocks.js';
import { lightOn, type LightReading } from '../clocks/lights.js';
import { suspensionsFor } from '../clocks/suspension-ledger.js';
import type { Deadline } from '../clocks/types.js';
import type { TaskInfo } from '../core/types.js';
import type { ItemSnapshot, StepLimitSpec } from './item-snapshot.js';
import type { ApprovalState, StepClockRecord } from './state.js';
import { acceptanceTrigger, clockRules } from './clock-rules.js';

/** The step limit of a task, matched by element id or stage. */
export function stepSpecFor(item: ItemSnapshot, task: Pick<TaskInfo, 'elementId' | 'stage'>): StepLimitSpec | undefined {
  return item.stepLimits?.find((spec) => spec.step === task.elementId || spec.step === task.stage);
}

/** The latest run of each step with a clock (a step sent back runs again, with its clock from the new start). */
function latestRuns(s: ApprovalState): Map<string, StepClockRecord> {
  const runs = new Map<string, StepClockRecord>();
  for (const run of s.steps ?? []) runs.set(run.step, run);
  return runs;
}

/** The deadline of each step clock on `now`, by step; undefined when the case has none. */
export function stepDeadlines(calendar: WorkingCalendar, s: ApprovalState, now: string): Record<string, Deadline> | undefined {
  const runs = latestRuns(s);
  if (runs.size === 0) return undefined;
  const deadlines: Record<string, Deadline> = {};
  for (const [step, run] of runs) {
    const spec = s.item.stepLimits?.find((x) => x.step === step);
    if (!spec) continue;
    deadlines[step] = stepDeadline(calendar, {
      stepId: step,
      started: spec.from === 'acceptance' && s.acceptance ? acceptanceTrigger(s) : run.startedAt,
      ...clockRules(s.item),
      limit: spec.limit,
      article: spec.article,
      suspensions: suspensionsFor(s.ledger, 'statutory'),
      now,
    });
  }
  return deadlines;
}

/** The steps whose clock still runs: the latest run of each step, not ended. */
export function runningSteps(s: ApprovalState): StepClockRecord[] {
  return [...latestRuns(s).values()].filter((run) => run.endedAt === undefined);
}

/** Each step clock's light on `on` (scenario S8 on the step's own limit), with its department. */
export function stepLights(calendar: WorkingCalendar, s: ApprovalState, on: string): { step: string; department?: string; light: LightReading }[] {
  const deadlines = s.deadlines?.steps ?? {};
  return [...latestRuns(s).values()].flatMap((run) => {
    const deadline = deadlines[run.step];
    if (!deadline) return [];
    const light = lightOn(calendar, {
      deadline,
      suspensions: suspensionsFor(s.ledger, 'statutory'),
      ...(run.endedAt ? { completedOn: toZoned(run.endedAt, calendar.zone).date } : {}),
      on,
      thresholds: s.item.lightThresholds,
    });
    return [{ step: run.step, ...(run.department !== undefined ? { department: run.department } : {}), light }];
  });
}

/**
 * The light of each open task with its own BPMN limit (`approval:timeLimit`, computed by engine/core as
 * `dueAt`, the start of the day after its last day): RED from that instant while the task is open, GREEN
 * before. A task whose step has a listing step clock, or a co-department's task of a joint item (its department
 * clock, `co-department:<dept>`), is left to that clock (one record per step, not two).
 */
export function taskLights(s: ApprovalState, tasks: readonly TaskInfo[], on: string): { task: TaskInfo & { dueAt: string }; light: LightReading }[] {
  const now = Date.parse(on);
  return tasks.flatMap((task) => {
    if (task.dueAt === undefined || stepSpecFor(s.item, task) || isCoDepartment(s.item, task)) return [];
    const overdue = now >= Date.parse(task.dueAt);
    const light: LightReading = { light: overdue ? 'red' : 'green', elapsed: 0, limit: 0, remaining: 0, completed: false, overdue, reason: { code: overdue ? 'overdue' : 'within', endsAt: task.dueAt, warnAtPercent: 80 } };
    return [{ task: { ...task, dueAt: task.dueAt }, light }];
  });
}

/** True when `task` is a co-department's of a joint item: that department's own clock supervises it. */
function isCoDepartment(item: ItemSnapshot, task: Pick<TaskInfo, 'department'>): boolean {
  return task.department !== undefined && (item.joint?.coDepartments.some((c) => c.department === task.department) ?? false);
}
