/**
 * The versions of the core's BPMN events and the upcasters that raise older ones (see `versions.ts` and
 * docs/events.md). Add an entry here whenever an event's payload changes shape.
 */
import type { CaseEvent, Json } from './types.js';
import type { EventVersions, Upcaster } from './versions.js';

/**
 * `timer.scheduled` v1 -> v2: v1 carried a cycle as two loose fields, `repeat` (further firings, -1 for
 * ever) and `every` (the ISO 8601 duration). v2 groups them as `cycle: { every, remaining }`, so that a
 * count without a period (or the reverse) cannot be written.
 */
const timerScheduledV1: Upcaster = (event) => {
  const { repeat, every, ...rest } = event;
  if (typeof every !== 'string') return rest as CaseEvent;
  const remaining = typeof repeat === 'number' ? repeat : 0;
  return { ...rest, cycle: { every, remaining } as Json } as CaseEvent;
};

/** The core's event versions: the current one per changed type, and the upcasters. */
export const CORE_EVENT_VERSIONS: EventVersions = {
  current: { 'timer.scheduled': 2 },
  upcasters: { 'timer.scheduled@1': timerScheduledV1 },
};
