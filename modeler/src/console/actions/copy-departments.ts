/**
 * The departments the 抄送 form offers on a case: the lead (the implementing department, 主办), every
 * co-department of a joint case — named by their clocks once the case is accepted, or by their branches once
 * started — and the departments of the open steps. Lead first, then in the order the case names them. Pure.
 */
import type { CaseDetail } from '../../ui/api-types.js';

/** The departments a copy of `c` can go to, each once. */
export function copyDepartments(c: CaseDetail): string[] {
  // The page's reading of the detail puts the lead under `item`; the detail itself under `department`.
  const lead = [c.department, c.item?.department];
  const branches = ((c as { coDepartments?: { department: string }[] }).coDepartments ?? []).map((b) => b.department);
  const clocks = Object.keys(c.deadlines?.departments ?? (c as { clocks?: { departments?: Record<string, unknown> } }).clocks?.departments ?? {});
  const steps = (c.openTasks ?? []).map((task) => task.department);
  return [...new Set([...lead, ...clocks, ...branches, ...steps].filter((d): d is string => typeof d === 'string' && d !== ''))];
}
