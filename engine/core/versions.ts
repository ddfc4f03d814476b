/**
 * Event versions. A case lives for months, so its log holds events written by older releases. Each event
 * type has a current version (1 unless listed); an older event is raised one version at a time by
 * upcasters (`vN -> vN+1`) before an applier sees it, so appliers only ever read the current shape and a
 * deploy never strands a case. An event newer than this release knows, or one with no upcaster for its
 * version, is an error: reading it as the current shape would rebuild a wrong state silently.
 */
import type { CaseEvent } from './types.js';

/** Raises one event from version `vN` to `vN+1` (`v` is set by {@link upcast}). Pure, returns a new event. */
export type Upcaster = (event: CaseEvent) => CaseEvent;

/** The versions of a family of event types: the current one per type and the upcasters to reach it. */
export interface EventVersions {
  /** The current version of each type whose shape has changed; every other type is at version 1. */
  readonly current: Readonly<Record<string, number>>;
  /** Keyed `<type>@<from version>`, e.g. `timer.scheduled@1` raises a v1 event to v2. */
  readonly upcasters: Readonly<Record<string, Upcaster>>;
}

/** The version an event was written at; events stored without one are version 1. */
export function versionOf(event: { v?: unknown }): number {
  return typeof event.v === 'number' ? event.v : 1;
}

/** The current version of `type` in `versions`. */
export function currentVersion(versions: EventVersions, type: string): number {
  return versions.current[type] ?? 1;
}

/**
 * Returns `event` at the current version of its type: the same object when it is current already, else a
 * new event raised by the upcasters in turn. Throws on a version this release cannot read.
 */
export function upcast(event: CaseEvent, versions: EventVersions): CaseEvent {
  const target = currentVersion(versions, event.type);
  let v = versionOf(event);
  if (v === target && event.v === v) return event;
  if (!Number.isInteger(v) || v < 1 || v > target) {
    throw new Error(`Unknown version ${String(event.v)} of event '${event.type}' (seq ${event.seq}): this release reads up to v${target}`);
  }
  let raised: CaseEvent = { ...event, v };
  while (v < target) {
    const up = versions.upcasters[`${event.type}@${v}`];
    if (!up) throw new Error(`No upcaster for event '${event.type}' v${v} (seq ${event.seq})`);
    v += 1;
    raised = { ...up(raised), type: event.type, v };
  }
  return raised;
}
