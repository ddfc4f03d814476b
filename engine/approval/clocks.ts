/**
 * The case's legal clocks, computed with engine/clocks from the lifecycle state: the pre-acceptance window
 * (行政许可法 第32条), the statutory and promised deadlines from acceptance (第42条, 第45条 suspensions, one
 * extension), each co-department's own deadline in a joint approval, and the case light.
 */
import { supervisionContent } from '../../contracts/messages/supervision.js';
import { toZoned } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { ARTICLES } from '../clocks/articles.js';
import { caseDeadlines } from '../clocks/case-clocks.js';
import { computeDeadline } from '../clocks/deadline.js';
import { jointDeadlines } from '../clocks/joint-approval.js';
import { lightOn, type LightReading } from '../clocks/lights.js';
import { suspensionsFor } from '../clocks/suspension-ledger.js';
import type { Limit } from '../clocks/types.js';
import type { ItemSnapshot } from './item-snapshot.js';
import type { ApprovalState, CaseDeadlines, PreAcceptanceWindow } from './state.js';
import type { TaskInfo } from '../core/types.js';
import { stepDeadlines, stepLights, taskLights } from './step-clocks.js';
import { acceptanceTrigger, clockRules } from './clock-rules.js';

/** The id of the n-th pre-acceptance window timer of a case. */
export function windowTimerId(caseNo: string, n: number): string {
  return `${caseNo}:window-${n}`;
}

/** True when `timerId` is a pre-acceptance window timer of the lifecycle (not a BPMN timer). */
export function isWindowTimer(timerId: string): boolean {
  return /:window-\d+$/.test(timerId);
}

/** Opens the n-th pre-acceptance window from the receipt `start` (第32条: 5 working days by default). */
export function openWindow(calendar: WorkingCalendar, item: ItemSnapshot, caseNo: string, start: string, n: number): PreAcceptanceWindow {
  const deadline = computeDeadline(calendar, {
    rule: 'pre-acceptance',
    article: ARTICLES.preAcceptance,
    trigger: start,
    limit: item.correctionWindow,
    ...clockRules(item),
  });
  return { start, deadline, timerId: windowTimerId(caseNo, n) };
}

/**
 * The deadlines of an accepted case on `now`: statutory and promised from acceptance with the suspension
 * ledger and the extension; in a joint approval the joint statutory limit and every started co-department's
 * own limit from the start of its branch.
 */
export function computeCaseDeadlines(calendar: WorkingCalendar, s: ApprovalState, now: string): CaseDeadlines | undefined {
  if (!s.acceptance) return undefined;
  const common = {
    accepted: acceptanceTrigger(s),
    ...clockRules(s.item),
    statutory: s.item.statutoryLimit,
    promised: s.item.promisedLimit,
    ledger: s.ledger,
    now,
    ...(s.extension ? { extension: s.extension.extension } : {}),
    ...(promisedExtension(s) ? { promisedExtension: promisedExtension(s)! } : {}),
  };
  const joint = s.item.joint;
  const steps = stepDeadlines(calendar, s, now);
  const kept = { ...(s.deadlines?.delivery ? { delivery: s.deadlines.delivery } : {}), ...(steps ? { steps } : {}) };
  if (!joint) {
    const { statutory, promised } = caseDeadlines(calendar, { ...common, statutoryArticle: s.item.statutoryArticle });
    return { statutory, promised, departments: {}, ...kept };
  }
  const coDepartments = s.coDepartments.map((branch) => {
    const spec = joint.coDepartments.find((c) => c.department === branch.department);
    return {
      department: branch.department,
      started: branch.startedAt,
      limit: spec?.promisedLimit ?? s.item.promisedLimit,
      suspensions: suspensionsFor(s.ledger, 'promised'),
    };
  });
  const d = jointDeadlines(calendar, { ...common, coDepartments });
  return { statutory: d.statutory, promised: d.promised, departments: d.departments, ...kept };
}

/**
 * The days the promised limit moves with a granted extension: the same days (行政许可法 第42条 moves the law's
 * limit; the promise follows it unless the item says `extensionMovesPromised: false`), when both limits count
 * in the same unit; a promise in another unit keeps its date.
 */
export function promisedExtension(s: ApprovalState): Limit | undefined {
  const granted = s.extension?.extension;
  if (!granted || s.item.extensionMovesPromised === false || granted.unit !== s.item.promisedLimit.unit) return undefined;
  return granted;
}

/** The day of an instant in the calendar's zone. */
export function dayOf(calendar: WorkingCalendar, instant: string): IsoDate {
  return toZoned(instant, calendar.zone).date;
}

/** The case light on `on` (scenario S8), from the promised deadline; undefined before acceptance. */
export function caseLight(calendar: WorkingCalendar, s: ApprovalState, on: string): LightReading | undefined {
  if (!s.deadlines) return undefined;
  return lightOn(calendar, {
    deadline: s.deadlines.promised,
    suspensions: suspensionsFor(s.ledger, 'promised'),
    ...(s.decision ? { completedOn: s.decision.decidedOn } : {}),
    on,
    thresholds: s.item.lightThresholds,
  });
}

/** Each co-department's light on `on`, from its own deadline and its own completion. */
export function departmentLights(calendar: WorkingCalendar, s: ApprovalState, on: string): { department: string; light: LightReading }[] {
  const deadlines = s.deadlines?.departments ?? {};
  return s.coDepartments.flatMap((branch) => {
    const deadline = deadlines[branch.department];
    if (!deadline) return [];
    const light = lightOn(calendar, {
      deadline,
      suspensions: suspensionsFor(s.ledger, 'promised'),
      ...(branch.completedAt ? { completedOn: dayOf(calendar, branch.completedAt) } : {}),
      on,
      thresholds: s.item.lightThresholds,
    });
    return [{ department: branch.department, light }];
  });
}

/**
 * The lights supervision reads besides the case's: each co-department's, each step clock's (第43条) and each
 * open task's own BPMN limit (`approval:timeLimit`, its `dueAt`), as `overdueViolations` steps
 * (`co-department:<dept>`, `step:<id>`, `task:<task id>`). `tasks` are the case's open tasks (engine/core `openTasks`).
 */
export function supervisedSteps(
  calendar: WorkingCalendar,
  s: ApprovalState,
  on: string,
  tasks: readonly TaskInfo[] = [],
): { stepId: string; department: string; light: LightReading; content?: string }[] {
  return [
    ...departmentLights(calendar, s, on).map((b) => ({ stepId: `co-department:${b.department}`, department: b.department, light: b.light })),
    ...stepLights(calendar, s, on).map((x) => ({ stepId: `step:${x.step}`, department: x.department ?? s.item.department, light: x.light })),
    ...taskLights(s, tasks, on).map((x) => ({
      stepId: `task:${x.task.taskId}`,
      department: x.task.department ?? s.item.department,
      light: x.light,
      content: supervisionContent('task-overdue', { caseNo: s.caseNo, elementId: x.task.elementId, taskId: x.task.taskId, dueAt: x.task.dueAt ?? '' }),
    })),
  ];
}
