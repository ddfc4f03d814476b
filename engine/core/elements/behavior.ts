/**
 * The lifecycle interface every element behaviour implements (after Zeebe's BpmnElementProcessor), with
 * no-op defaults: an element that overrides nothing is a pass-through that completes as soon as it is
 * activated and leaves by its outgoing flows.
 */
import type { Run } from '../run.js';
import type { Variables } from '../types.js';

/** What happened to a waiting element: a message arrived or a timer fired (with the event's element id). */
export interface Trigger {
  /** The event element that caught it (for an event-based gateway: the chosen catch event). */
  eventEl: string;
  vars?: Variables;
}

/** The behaviour of one BPMN element type. */
export interface ElementBehavior {
  /** A token arrived and the instance was activated. Default: complete at once. */
  onActivate(run: Run, key: string, trigger?: Trigger): void;
  /** A message or timer reached the waiting instance. Default: complete with the message's variables. */
  onEvent(run: Run, key: string, trigger: Trigger): void;
  /** The outgoing flows to take on completion. Default: BPMN activity semantics (§13.2.1). */
  selectFlows(run: Run, key: string): string[];
  /** A child instance completed (scopes only). Default: complete the scope once no token is left in it. */
  onChildCompleted(run: Run, key: string, childKey: string): void;
  /** The scope has no token left. Default: complete it. */
  onEmpty(run: Run, key: string): void;
  /** The instance is being terminated (after its children). Default: nothing. */
  onTerminate(run: Run, key: string): void;
  /**
   * Joining gateways: the arrivals to consume if the join can fire now in `scope`, else `undefined`.
   * Absent on elements that do not join.
   */
  join?(run: Run, scope: string, gatewayId: string): string[] | undefined;
}

/** The defaults: a pass-through flow node that also behaves as a scope when it has children. */
export const defaults: ElementBehavior = {
  onActivate: (run, key, trigger) => run.complete(key, trigger?.vars),
  onEvent: (run, key, trigger) => run.complete(key, trigger.vars),
  selectFlows: (run, key) => run.activityFlows(key),
  onChildCompleted: (run, key) => run.enqueue({ kind: 'check', scope: key }),
  onEmpty: (run, key) => run.complete(key),
  onTerminate: () => {},
};

/** Builds a behaviour from the defaults and the hooks an element overrides. */
export function behavior(overrides: Partial<ElementBehavior>): ElementBehavior {
  return { ...defaults, ...overrides };
}
