/**
 * Every clock's light with its reason, as the server reads them (电子监察 红黄绿灯): the promised limit, the
 * statutory limit (行政许可法 第42条), each step's own limit (第43条), each co-department's limit in a joint
 * approval and a step's own BPMN due. The page never recounts a light: it names the clock and says why.
 */
import type { ClockLightView } from '../ui/api-types.js';
import { el, keyed, lightDot, table, type T } from '../ui/dom.js';
import { deadline } from '../ui/format.js';

/** The name of a clock: `承诺办结时限`, `环节时限：材料审查`, `协办部门时限：区公安分局` … */
export function clockName(t: T, l: ClockLightView, stepNames: ReadonlyMap<string, string> = new Map()): string {
  const step = l.name ?? (l.elementId ? stepNames.get(l.elementId) ?? l.elementId : '');
  switch (l.kind) {
    case 'promised': return t('Promised limit');
    case 'statutory': return t('Statutory limit');
    case 'step': return t('Step limit: {name}', { name: step });
    case 'co-department': return t('Co-department limit: {name}', { name: l.department ?? '' });
    default: return t('Step due: {name}', { name: step });
  }
}

/** `已用 8/10 个工作日` for a counted clock; empty for a task's own due, which counts no days. */
function usedText(t: T, l: ClockLightView): string {
  if (l.kind === 'task' || !l.limit) return '';
  return t('{elapsed} of {limit} {unit} used', { elapsed: l.elapsed, limit: l.limit, unit: keyed(t, 'unit', l.unit ?? 'WD') });
}

/**
 * What a stopped clock says. The case's clocks stop at the decision, but the case is 办结 only once the result
 * is delivered and the case concluded (shared domain §3.7, engine `case.concluded`): before that a case clock
 * reads "decided in time, not yet concluded". A step's or co-department's clock says its own work is done.
 * `concluded` is unknown in the overview, which then uses the neutral wording.
 */
function stoppedText(t: T, l: ClockLightView, late: boolean, at: string, concluded: boolean | undefined): string {
  const caseClock = l.kind === 'promised' || l.kind === 'statutory';
  if (caseClock && concluded === true) return late ? t('Completed after its end {at}', { at }) : t('Completed in time');
  if (caseClock && concluded === false) return late ? t('Decided after its end {at}; not yet concluded', { at }) : t('Decided in time; not yet concluded until the result is delivered');
  return late ? t('Done after its end {at}', { at }) : t('Done within its limit');
}

/** Why the light is what it is, in a sentence with the thresholds and the end of the limit; `concluded`: is the case 办结. */
export function reasonText(t: T, l: ClockLightView, concluded?: boolean): string {
  const r = l.reason;
  const used = usedText(t, l);
  const ends = deadline(r.endsAt);
  switch (r.code) {
    case 'overdue': return t('Ended {at} without completion', { at: ends });
    case 'completed-late': return stoppedText(t, l, true, ends, concluded);
    case 'completed': return stoppedText(t, l, false, ends, concluded);
    case 'paused': return t('Paused by a special procedure (art. 45)');
    case 'warn-percent': return t('{used}: at or over the warning line of {p}%', { used, p: r.warnAtPercent });
    case 'warn-days-left': return t('{left} {unit} left: at or under the warning line of {n}', { left: l.remaining, unit: keyed(t, 'unit', l.unit ?? 'WD'), n: r.warnWhenDaysLeft ?? 0 });
    default: return used ? t('{used}: under the warning line of {p}%', { used, p: r.warnAtPercent }) : t('Not yet due');
  }
}

/** The table of clocks with their lights; `withCase` adds the case number column (the overview). */
export function clockLightsTable(t: T, lights: readonly ClockLightView[], options: { withCase?: boolean; stepNames?: ReadonlyMap<string, string>; empty?: string; concluded?: boolean } = {}): HTMLTableElement {
  const columns = [
    ...(options.withCase ? [{ head: t('Case number'), cell: (l: ClockLightView) => el('a', { href: `#/cases/${encodeURIComponent(l.caseNo ?? '')}` }, l.caseNo ?? '') }] : []),
    { head: t('Clock'), cell: (l: ClockLightView) => el('span', { class: 'clock-name' }, clockName(t, l, options.stepNames)) },
    { head: t('Light'), cell: (l: ClockLightView) => lightDot(l.light, t), className: 'col-light' },
    { head: t('Responsible department'), cell: (l: ClockLightView) => l.department ?? '—' },
    { head: t('Ends'), cell: (l: ClockLightView) => el('span', { class: 'clock-due' }, deadline(l.dueAt)) },
    { head: t('Reason'), cell: (l: ClockLightView) => el('span', { class: 'clock-reason', 'data-reason': l.reason.code }, reasonText(t, l, options.concluded)) },
  ];
  return table<ClockLightView>(columns, lights, options.empty ?? t('The clocks start at acceptance'), (l) => ({ 'data-clock': l.clock, 'data-light': l.light, ...(l.caseNo ? { 'data-case': l.caseNo } : {}) }));
}
