/**
 * The joint approval on the case page (并联审批, 行政许可法 第26条): each co-department with its own due date
 * and light, whether it has finished and with what outcome and opinion, and how many of them are done. The
 * case is decided only when every branch ended (scenario S7), so this is what the lead department watches.
 */
import type { CaseDetail } from '../ui/api-types.js';
import { el, keyed, lightDot, section, table, type T } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';

/** A co-department's branch as the case detail gives it (`coDepartments`). */
export interface CoDepartmentView {
  department: string;
  startedAt: string;
  completedAt?: string;
  outcome?: 'approved' | 'refused';
  opinion?: string;
}

/** A clock's light as the case detail gives it (`lights`). */
interface ClockLightView { clock: string; light: string }

/** The co-departments the item names, in the order of its listing, with the branches started so far. */
function branches(c: CaseDetail): { department: string; branch?: CoDepartmentView }[] {
  const started = ((c as { coDepartments?: CoDepartmentView[] }).coDepartments ?? []);
  const named = Object.keys(c.deadlines?.departments ?? {});
  const all = [...new Set([...named, ...started.map((b) => b.department)])];
  return all.map((department) => ({ department, branch: started.find((b) => b.department === department) }));
}

/** The joint section, for an item with co-departments once the case is accepted; otherwise nothing. */
export function jointSection(t: T, c: CaseDetail): HTMLElement | undefined {
  const rows = branches(c);
  if (!rows.length) return undefined;
  const lights = ((c as { lights?: ClockLightView[] }).lights ?? []);
  const done = rows.filter((r) => r.branch?.completedAt).length;
  const state = (r: (typeof rows)[number]) => (r.branch?.completedAt ? r.branch.outcome ?? 'approved' : r.branch ? 'open' : 'waiting');
  const list = table<(typeof rows)[number]>([
    { head: t('Co-department'), cell: (r) => r.department },
    { head: t('Due'), cell: (r) => el('span', { class: 'co-due' }, c.deadlines?.departments?.[r.department]?.date ?? '—') },
    { head: t('Light'), cell: (r) => lightDot(lights.find((l) => l.clock === `co-department:${r.department}`)?.light, t) },
    { head: t('State'), cell: (r) => keyed(t, 'joint', state(r)) },
    { head: t('Finished'), cell: (r) => dateTime(r.branch?.completedAt) },
    { head: t('Opinion'), cell: (r) => r.branch?.opinion ?? '' },
  ], rows, t('No co-departments'), (r) => ({ 'data-department': r.department, 'data-state': state(r) }));
  list.id = 'joint-departments';
  const s = section(t('Joint approval'),
    el('p', { id: 'joint-progress' }, t('Co-departments finished {done}/{all}', { done, all: rows.length })),
    list,
    el('p', { class: 'hint' }, t('The case is decided when every co-department has finished; the result is handed out once by the lead department.')));
  s.id = 'joint';
  return s;
}
