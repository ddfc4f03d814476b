/**
 * The light of every clock of a case, each with its reason (电子监察 红黄绿灯): the promised limit (承诺时限), the
 * statutory limit (法定时限, 行政许可法 第42条), each step's own limit (第43条 and the listing's step limits), each
 * co-department's limit in a joint approval (第26条) and each open task's own BPMN limit. A task reads the clock
 * that supervises it: its step clock, else its co-department's, else its own due, else the case's promised one,
 * so that a step past its own limit never shows GREEN because the case is still in time.
 */
import { addCalendarDays, toZoned } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { lightOn, type LightReading } from '../clocks/lights.js';
import { suspensionsFor } from '../clocks/suspension-ledger.js';
import type { Deadline, TimeUnit } from '../clocks/types.js';
import type { TaskInfo } from '../core/types.js';
import { caseLight, departmentLights } from './clocks.js';
import type { ApprovalState } from './state.js';
import { stepLights, stepSpecFor, taskLights } from './step-clocks.js';

/** Which clock a light belongs to. */
export type ClockKind = 'promised' | 'statutory' | 'step' | 'co-department' | 'task';

/** One clock's light, with its deadline and the reason (the numbers and thresholds behind it). */
export interface ClockLight extends LightReading {
  /** `promised`, `statutory`, `step:<id>`, `co-department:<dept>` or `task:<task id>`. */
  readonly clock: string;
  readonly kind: ClockKind;
  /** The department that answers for it. */
  readonly department: string;
  /** The last day of the limit, and the instant it ends (24:00 or office closing). */
  readonly due: IsoDate;
  readonly dueAt: string;
  readonly article?: string;
  /** The unit of `limit` and `elapsed` (a task's own BPMN due has none). */
  readonly unit?: TimeUnit;
  /** The step's element id, for a step or task clock. */
  readonly elementId?: string;
  /** The step's name, when one of its tasks is open (so a page names the step, not its id). */
  readonly name?: string;
}

/**
 * The last day of a limit whose exclusive end is `instant`: a limit ending at 24:00 of D (民法典 第203条) is
 * written as 00:00 of the next day, and its last day is D, not the day after; one ending at closing is its day.
 */
export function lastDayOf(instant: string, zone: string): IsoDate {
  const p = toZoned(instant, zone);
  return p.minute === 0 ? addCalendarDays(p.date, -1) : p.date;
}

function withDeadline(clock: string, kind: ClockKind, department: string, light: LightReading, d: Deadline, step?: { elementId: string; name?: string }): ClockLight {
  return { ...light, clock, kind, department, due: d.date, dueAt: d.instant, article: d.basis.article, unit: d.unit, ...(step ? { elementId: step.elementId, ...(step.name ? { name: step.name } : {}) } : {}) };
}

/** The statutory clock's light: its own limit (with the extension) and the statutory suspensions. */
export function statutoryLight(calendar: WorkingCalendar, s: ApprovalState, on: string): LightReading | undefined {
  if (!s.deadlines) return undefined;
  return lightOn(calendar, {
    deadline: s.deadlines.statutory,
    suspensions: suspensionsFor(s.ledger, 'statutory'),
    ...(s.decision ? { completedOn: s.decision.decidedOn } : {}),
    on,
    thresholds: s.item.lightThresholds,
  });
}

/** Every clock's light on `on`; empty before acceptance. `tasks` are the case's open tasks. */
export function clockLights(calendar: WorkingCalendar, s: ApprovalState, on: string, tasks: readonly TaskInfo[] = []): ClockLight[] {
  const d = s.deadlines;
  if (!d) return [];
  const lead = s.item.department;
  const out: ClockLight[] = [];
  const promised = caseLight(calendar, s, on);
  if (promised) out.push(withDeadline('promised', 'promised', lead, promised, d.promised));
  const statutory = statutoryLight(calendar, s, on);
  if (statutory) out.push(withDeadline('statutory', 'statutory', lead, statutory, d.statutory));
  for (const x of stepLights(calendar, s, on)) {
    const deadline = d.steps?.[x.step];
    if (deadline) out.push(withDeadline(`step:${x.step}`, 'step', x.department ?? lead, x.light, deadline, { elementId: x.step, name: tasks.find((task) => task.elementId === x.step)?.name }));
  }
  for (const x of departmentLights(calendar, s, on)) {
    const deadline = d.departments[x.department];
    if (deadline) out.push(withDeadline(`co-department:${x.department}`, 'co-department', x.department, x.light, deadline));
  }
  for (const x of taskLights(s, tasks, on)) {
    out.push({ ...x.light, clock: `task:${x.task.taskId}`, kind: 'task', department: x.task.department ?? lead, due: lastDayOf(x.task.dueAt, calendar.zone), dueAt: x.task.dueAt, elementId: x.task.elementId, ...(x.task.name ? { name: x.task.name } : {}) });
  }
  return out;
}

/** The clock that supervises `task` (see the module comment), from `lights` of the same case. */
export function taskClock(s: ApprovalState, task: Pick<TaskInfo, 'taskId' | 'elementId' | 'stage' | 'department'>, lights: readonly ClockLight[]): ClockLight | undefined {
  const spec = stepSpecFor(s.item, task);
  const find = (clock: string) => lights.find((l) => l.clock === clock);
  return (spec ? find(`step:${spec.step}`) : undefined)
    ?? (task.department !== undefined ? find(`co-department:${task.department}`) : undefined)
    ?? find(`task:${task.taskId}`)
    ?? find('promised');
}
