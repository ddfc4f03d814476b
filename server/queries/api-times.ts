/**
 * The engine's clocks written in the API's time contract (`contracts/api/time.ts`): the engine keeps deadline
 * instants in the calendar's zone (`+08:00`), the API writes every instant in UTC; legal days stay as they are.
 */
import { apiInstant } from '../../contracts/api/time.js';
import type { DeadlineView, ClockLightView } from '../../contracts/api/clocks.js';
import type { ClockLight } from '../../engine/approval/clock-lights.js';
import type { LightReading } from '../../engine/clocks/lights.js';
import type { Deadline } from '../../engine/clocks/types.js';

/** A deadline with its instant (and an instant trigger) in UTC. */
export function deadlineOut(d: Deadline): DeadlineView {
  return { ...d, instant: apiInstant(d.instant), basis: { ...d.basis, trigger: apiInstant(d.basis.trigger) } };
}

/** Deadlines by key (co-departments, steps), each written by {@link deadlineOut}. */
export function deadlinesOut(ds: Readonly<Record<string, Deadline>>): Record<string, DeadlineView> {
  return Object.fromEntries(Object.entries(ds).map(([k, d]) => [k, deadlineOut(d)]));
}

/** A light's reading with the instant its limit ends in UTC. */
export function readingOut<L extends LightReading>(l: L): L {
  return { ...l, reason: { ...l.reason, endsAt: apiInstant(l.reason.endsAt) } };
}

/** A clock's light with its due instant and end in UTC. */
export function clockLightOut(l: ClockLight): ClockLightView {
  return { ...readingOut(l), dueAt: apiInstant(l.dueAt) };
}
