/**
 * The element-instance lifecycle as data (after Zeebe's ProcessInstanceLifecycle).
 *
 * An instance lives in the case state only while it is not final: `element.activated` creates it in
 * `active`; `element.completed` / `element.terminated` remove it. A scope becomes `interrupted` when an
 * interrupting event subprocess takes it over (BPMN 2.0.2 §10.3.5): it then runs only that event subprocess
 * and completes when it is done. Appliers check every transition against this table; a refused transition
 * is a bug in the engine, never an expected outcome, so it throws.
 */

/** The states an element instance can be in. */
export type LifecycleState = 'active' | 'interrupted' | 'completed' | 'terminated';

/** Allowed transitions: from a state to the states it may move to. A new instance starts in `active`. */
export const LIFECYCLE: Readonly<Record<LifecycleState, readonly LifecycleState[]>> = {
  active: ['completed', 'terminated', 'interrupted'],
  interrupted: ['completed', 'terminated'],
  completed: [],
  terminated: [],
};

/** Whether an instance in state `from` may move to `to`. */
export function canTransition(from: LifecycleState, to: LifecycleState): boolean {
  return LIFECYCLE[from].includes(to);
}

/** Whether a state is final (the instance is then removed from the case state). */
export function isFinal(state: LifecycleState): boolean {
  return LIFECYCLE[state].length === 0;
}

/** Throws when a transition is not in the table: the engine decided something the lifecycle forbids. */
export function assertTransition(elementId: string, from: LifecycleState, to: LifecycleState): void {
  if (!canTransition(from, to)) {
    throw new Error(`Lifecycle violation: element '${elementId}' cannot go from ${from} to ${to}`);
  }
}
