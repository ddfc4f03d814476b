/**
 * The light of every clock of a case, each with its reason (电子监察 红黄绿灯): the promised limit (承诺时限), the
 * statutory limit (法定时限, 行政许可法 第42条), each step's own limit (第43条 and the listing's step limits), each
 * co-department's limit in a joint approval (第26条) and each open task's own BPMN limit. A task reads the clock
 * that supervises it: its step clock, else its co-department's, else its own due, else the case's promised one,
 * so that a step past its own limit never shows GREEN because the case is still in time.
 */
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { lightOn, type LightReading } from '../clocks/lights.js';
import { suspensionsFor } from '../clocks/suspension-ledger.js';
import type { Deadline } from '../clocks/types.js';
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
  /** The step's element id, for a step or task clock. */
  readonly elementId?: string;
}

function withDeadline(clock: string, kind: ClockKind, department: string, light: LightReading, d: Deadline, elementId?: string): ClockLight {
  return { ...light, clock, kind, department, due: d.date, dueAt: d.instant, article: d.basis.article, ...(elementId ? { elementId } : {}) };
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
    if (deadline) out.push(withDeadline(`step:${x.step}`, 'step', x.department ?? lead, x.light, deadline, x.step));
  }
  for (const x of departmentLights(calendar, s, on)) {
    const deadline = d.departments[x.department];
    if (deadline) out.push(withDeadline(`co-department:${x.department}`, 'co-department', x.department, x.light, deadline));
  }
  for (const x of taskLights(s, tasks, on)) {
    out.push({ ...x.light, clock: `task:${x.task.taskId}`, kind: 'task', department: x.task.department ?? lead, due: x.task.dueAt.slice(0, 10), dueAt: x.task.dueAt, elementId: x.task.elementId });
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
