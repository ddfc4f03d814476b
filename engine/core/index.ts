/**
 * The pure engine core: `step(definition, state, command, ctx)` decides events and effects; `evolve`
 * applies one event; `replay` rebuilds a state from a log. No I/O, no clock, no randomness: time and the
 * working-day calendar come in `ctx`, and the runtime performs the returned effects.
 */
export { step } from './step.js';
export { evolve, replay } from './evolve.js';
export { initialState } from './state.js';
export type { CaseState, CaseStatus, ElementInstance, TimerInstance, MultiInstanceBody, DefinitionRef } from './state.js';
export { openTasks, openTimers, activeElementIds } from './queries.js';
export type { OpenTimer } from './queries.js';
export type { EventPayloads, EventType } from './events.js';
export { CORE_EVENT_VERSIONS } from './upcasters.js';
export { upcast, versionOf, currentVersion } from './versions.js';
export type { EventVersions, Upcaster } from './versions.js';
export { LIFECYCLE, canTransition, isFinal } from './lifecycle.js';
export type { LifecycleState } from './lifecycle.js';
export { limitDueAt, addDuration } from './time.js';
export type * from './types.js';
export type * from './model.js';
