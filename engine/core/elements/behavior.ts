/**
 * The lifecycle interface every element behaviour implements (after Zeebe's BpmnElementProcessor), with
 * no-op defaults: an element that overrides nothing is a pass-through that completes as soon as it is
 * activated and leaves by its outgoing flows.
 */
import type { ElementContext, Trigger } from './context.js';
import type { Variables } from '../types.js';

export type { Trigger } from './context.js';

/** The behaviour of one BPMN element type. */
export interface ElementBehavior {
  /** A token arrived and the instance was activated. Default: complete at once. */
  onActivate(run: ElementContext, key: string, trigger?: Trigger): void;
  /** A message or timer reached the waiting instance. Default: complete with the message's variables. */
  onEvent(run: ElementContext, key: string, trigger: Trigger): void;
  /** The outgoing flows to take on completion. Default: BPMN activity semantics (§13.2.1). */
  selectFlows(run: ElementContext, key: string): string[];
  /** A child instance completed (scopes only). Default: complete the scope once no token is left in it. */
  onChildCompleted(run: ElementContext, key: string, childKey: string): void;
  /** The scope has no token left. Default: complete it. */
  onEmpty(run: ElementContext, key: string): void;
  /** The instance is being terminated (after its children). Default: nothing. */
  onTerminate(run: ElementContext, key: string): void;
  /**
   * Joining gateways: the arrivals to consume if the join can fire now in `scope`, else `undefined`.
   * Absent on elements that do not join.
   */
  join?(run: ElementContext, scope: string, gatewayId: string): string[] | undefined;
  /**
   * Scopes that complete their children themselves (the multi-instance body collects each inner instance's
   * output instead of taking flows): completes child `childKey` with `vars`. Absent: the child completes
   * by BPMN activity semantics and the scope hears of it in `onChildCompleted`.
   */
  completeChild?(run: ElementContext, key: string, childKey: string, vars?: Variables): void;
}

/** The defaults: a pass-through flow node that also behaves as a scope when it has children. */
export const defaults: ElementBehavior = {
  onActivate: (run, key, trigger) => run.complete(key, trigger?.vars),
  onEvent: (run, key, trigger) => run.complete(key, trigger.vars),
  selectFlows: (run, key) => run.activityFlows(key),
  onChildCompleted: (run, key) => run.queueCheck(key),
  onEmpty: (run, key) => run.complete(key),
  onTerminate: () => {},
};

/** Builds a behaviour from the defaults and the hooks an element overrides. */
export function behavior(overrides: Partial<ElementBehavior>): ElementBehavior {
  return { ...defaults, ...overrides };
}
