/**
 * The versions of the lifecycle events and the upcasters that raise older ones (see
 * `engine/core/versions.ts` and docs/events.md). Add an entry here whenever a lifecycle event's payload
 * changes shape; the core's BPMN events in the same log keep their own registry.
 */
import { CORE_EVENT_VERSIONS } from '../core/upcasters.js';
import { upcast, type EventVersions, type Upcaster } from '../core/versions.js';
import type { CaseEvent } from '../core/types.js';
import { APPROVAL_EVENT_TYPES } from './events.js';

/** The early warning's old name in version 1 events, and its name since (红黄绿灯). */
const lightName = (light: unknown): unknown => (light === 'blue' ? 'yellow' : light);

/**
 * `light.changed` v1 -> v2: v1 called the early-warning light `blue`; v2 calls it `yellow`, as 红黄绿灯, the
 * rule tables' `YELLOW` and the 电子监察 exchange (1 黄灯) do.
 */
const lightChangedV1: Upcaster = (event) => ({ ...event, from: lightName(event.from), to: lightName(event.to) } as CaseEvent);

/**
 * `supervision.recorded` v1 -> v2: the record names its case `caseNo` (v1: `caseId`) and the instant its
 * answer is due `responseDueAt` (v1: `responseDueInstant`), as the case and the notices' API do.
 */
const supervisionRecordedV1: Upcaster = (event) => {
  const { caseId, responseDueInstant, ...rest } = (event.record ?? {}) as Record<string, unknown>;
  return { ...event, record: { ...rest, caseNo: caseId, responseDueAt: responseDueInstant } } as unknown as CaseEvent;
};

/** The lifecycle events' versions: the current one per changed type, and the upcasters. */
export const APPROVAL_EVENT_VERSIONS: EventVersions = {
  current: { 'light.changed': 2, 'supervision.recorded': 2 },
  upcasters: { 'light.changed@1': lightChangedV1, 'supervision.recorded@1': supervisionRecordedV1 },
};

/** Any event of an approval case's log (lifecycle or BPMN) raised to the current version of its type. */
export function upcastLogEvent(event: CaseEvent): CaseEvent {
  return upcast(event, APPROVAL_EVENT_TYPES.has(event.type) ? APPROVAL_EVENT_VERSIONS : CORE_EVENT_VERSIONS);
}
