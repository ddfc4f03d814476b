/**
 * `calendar.recalculate`: a new calendar version reaches an open case. When the State Council publishes a
 * year's arrangement, deadlines counted on that year's provisional days (行政许可法 第82条: limits are working
 * days, statutory holidays excluded) move or become official. Each changed deadline is recorded as one
 * `deadline.recalculated` event with the old date, the new date and both calendar versions; a case whose
 * deadlines did not change records nothing, so running the command again is harmless.
 */
import { recalculateDeadlines } from '../../clocks/recalculation.js';
import type { LifecycleCommand } from '../commands.js';
import type { Decider } from '../decider.js';
import { openCaseClocks } from '../open-clocks.js';
import { refreshLight } from './refresh.js';

type Of<T extends LifecycleCommand['type']> = Extract<LifecycleCommand, { type: T }>;

/**
 * Recomputes the case's open clocks on `ctx.calendar` as of `ctx.now` and records each change. A clock whose
 * deadline `ctx.calendar` computed already is left alone: while a special procedure is open its deadline moves
 * with `now` (第45条), which the next command's refresh records, not a calendar change.
 */
export function recalculateCalendar(d: Decider, _cmd: Of<'calendar.recalculate'>): void {
  const s = d.approval;
  const stale = openCaseClocks(s, d.ctx.now).filter((c) => c.current.calendarVersion !== d.ctx.calendar.version);
  const changes = recalculateDeadlines(d.ctx.calendar, stale, { now: d.ctx.now });
  for (const c of changes) {
    const why = c.change === 'moved'
      ? `calendar ${c.calendarVersion} replaces ${c.oldCalendarVersion}: ${c.clockId} due ${c.newDate} instead of ${c.oldDate}`
      : `calendar ${c.calendarVersion} confirms ${c.clockId} due ${c.newDate} (no longer provisional)`;
    d.emit('deadline.recalculated', {
      clock: c.clockId, oldDate: c.oldDate, newDate: c.newDate, fromVersion: c.oldCalendarVersion, toVersion: c.calendarVersion,
      change: c.change, deadline: c.deadline,
    }, {
      why, whyCode: c.change === 'moved' ? 'deadline.moved' : 'deadline.confirmed',
      whyParams: { clock: c.clockId, newDate: c.newDate, oldDate: c.oldDate, toVersion: c.calendarVersion, fromVersion: c.oldCalendarVersion },
    });
    // The pre-acceptance window's timer fires at the new end (scheduling the same id again replaces it).
    if (c.clockId === 'pre-acceptance' && c.change === 'moved' && s.window) {
      d.effect({ type: 'timer.schedule', timerId: s.window.timerId, dueAt: c.deadline.instant, elementId: 'pre-acceptance' });
    }
  }
  if (changes.length && s.phase === 'handling') refreshLight(d);
}
