/**
 * The lights overview of every clock (承诺时限, 法定时限, 环节时限, 协办部门时限, 任务时限) of the cases in handling:
 * the clocks that need attention (RED, YELLOW, PAUSED), each with its case, department, due and reason. The
 * promised light per case is what the `cases.light` column keeps; the other clocks are read from each case on
 * `now`, so a step past its own limit shows RED here even while its case is GREEN.
 */
import type { Knex } from 'knex';
import { clockLights, type ApprovalCaseState } from '../../engine/approval/index.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import { openTasks } from '../../engine/core/index.js';
import type { CaseStore } from '../../engine/runtime/ports.js';
import type { ClockRowView } from '../../contracts/api/lights.js';
import { clockLightOut } from './api-times.js';
import { HANDLING_STATUSES } from './approval-cases.js';


/** The most cases one overview reads. */
const CASE_CAP = 1000;

/**
 * The non-green clocks of the cases in handling, RED first, then by due. With `departments`, the clocks
 * those departments answer for (their own cases' clocks, and their co-department and step clocks in others' cases).
 */
export async function clocksNeedingAttention(
  deps: { knex: Knex; store: Pick<CaseStore, 'loadCase'>; calendar: WorkingCalendar },
  now: string,
  departments?: readonly string[],
): Promise<ClockRowView[]> {
  const rows: Array<{ case_no: string; item_code: string; item_name: string | null }> = await deps.knex('approval_cases as a')
    .join('cases as c', 'c.case_no', 'a.case_no').leftJoin('items as i', 'i.code', 'a.item_code')
    .whereIn('c.status', HANDLING_STATUSES).orderBy('a.case_no').limit(CASE_CAP).select('a.case_no', 'a.item_code', 'i.name as item_name');
  const out: ClockRowView[] = [];
  for (const row of rows) {
    const state = (await deps.store.loadCase(row.case_no))?.state as unknown as ApprovalCaseState | undefined;
    if (!state?.approval) continue;
    for (const light of clockLights(deps.calendar, state.approval, now, openTasks(state.process))) {
      if (light.light === 'green' || (light.completed && !light.overdue)) continue;
      if (departments !== undefined && !departments.includes(light.department)) continue;
      out.push({ ...clockLightOut(light), caseNo: row.case_no, itemCode: row.item_code, ...(row.item_name ? { itemName: row.item_name } : {}) });
    }
  }
  const rank = { red: 0, yellow: 1, paused: 2, green: 3 } as const;
  return out.sort((a, b) => rank[a.light] - rank[b.light] || a.dueAt.localeCompare(b.dueAt) || a.caseNo.localeCompare(b.caseNo));
}
