/**
 * The versions of the lifecycle events and the upcasters that raise older ones (see
 * `engine/core/versions.ts` and docs/events.md). Add an entry here whenever a lifecycle event's payload
 * changes shape; the core's BPMN events in the same log keep their own registry.
 */
import { CORE_EVENT_VERSIONS } from '../core/upcasters.js';
import { upcast, type EventVersions } from '../core/versions.js';
import type { CaseEvent } from '../core/types.js';
import { APPROVAL_EVENT_TYPES } from './events.js';

/** The lifecycle events' versions: every type is at version 1 so far. */
export const APPROVAL_EVENT_VERSIONS: EventVersions = { current: {}, upcasters: {} };

/** Any event of an approval case's log (lifecycle or BPMN) raised to the current version of its type. */
export function upcastLogEvent(event: CaseEvent): CaseEvent {
  return upcast(event, APPROVAL_EVENT_TYPES.has(event.type) ? APPROVAL_EVENT_VERSIONS : CORE_EVENT_VERSIONS);
}
