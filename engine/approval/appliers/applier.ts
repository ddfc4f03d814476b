/** The shape of a lifecycle event applier: mutates the draft lifecycle state of `approvalEvolve`. */
import type { CaseEvent } from '../../core/types.js';
import type { ApprovalEventPayloads, ApprovalEventType, LifecycleHead } from '../events.js';
import type { ApprovalState } from '../state.js';

/** A lifecycle event as stored: the core's event head with a lifecycle payload. */
export type LifecycleEvent<T extends ApprovalEventType> = CaseEvent & LifecycleHead & ApprovalEventPayloads[T] & { type: T };

/** Applies one lifecycle event to a draft. */
export type Applier<T extends ApprovalEventType> = (s: ApprovalState, e: LifecycleEvent<T>) => void;

/** The appliers of a group of event types. */
export type Appliers<K extends ApprovalEventType> = { [T in K]: Applier<T> };

/** The actor id of an event, `system` when there is none. */
export function actorId(e: CaseEvent): string {
  return e.actor?.id ?? 'system';
}
