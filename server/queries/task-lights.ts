/**
 * The light of each active approval task: the clock that supervises its step (its step limit, its
 * co-department's limit, its own due, else the case's promised limit), read from the case on `now`, with its
 * reason, its instants in UTC (`contracts/api/time.ts`). One load per case, however many of its tasks are listed.
 */
import { clockLights, taskClock, type ApprovalCaseState, type ClockLight } from '../../engine/approval/index.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import { openTasks } from '../../engine/core/index.js';
import type { CaseStore, TaskRecord } from '../../engine/runtime/ports.js';
import type { ClockLightView } from '../../contracts/api/clocks.js';
import { clockLightOut } from './api-times.js';

/** `tasks` with `light` on each active task of an approval case. */
export async function withTaskLights<T extends TaskRecord>(store: Pick<CaseStore, 'loadCase'>, calendar: WorkingCalendar, now: string, tasks: readonly T[]): Promise<(T & { light?: ClockLightView })[]> {
  const byCase = new Map<string, { state: ApprovalCaseState; lights: ClockLight[] } | undefined>();
  const out: (T & { light?: ClockLightView })[] = [];
  for (const task of tasks) {
    if (task.status !== 'active') {
      out.push(task);
      continue;
    }
    if (!byCase.has(task.caseNo)) {
      const state = (await store.loadCase(task.caseNo))?.state as unknown as ApprovalCaseState | undefined;
      byCase.set(task.caseNo, state?.approval ? { state, lights: clockLights(calendar, state.approval, now, openTasks(state.process)) } : undefined);
    }
    const found = byCase.get(task.caseNo);
    const light = found && taskClock(found.state.approval!, task, found.lights);
    out.push(light ? { ...task, light: clockLightOut(light) } : task);
  }
  return out;
}
