/**
 * `ElementContext`: what an element behaviour may see and do during one step. The step's processor
 * (`Run`) implements it; behaviours depend on this contract only, never on the processor's agenda or
 * bookkeeping, so that the token movement can change without touching the BPMN element semantics.
 */
import type { WorkingCalendar } from '../../calendar/types.js';
import type { EventPayloads, EventType } from '../events.js';
import type { ExecutableDefinition, NodeDef, TimerSpec } from '../model.js';
import type { DefinitionRef, ElementInstance } from '../state.js';
import type { OrgSnapshot } from '../organisation.js';
import type { Effect, Handover, Json, Variables } from '../types.js';

/** What happened to a waiting element: a message arrived or a timer fired (with the event's element id). */
export interface Trigger {
  /** The event element that caught it (for an event-based gateway: the chosen catch event). */
  eventEl: string;
  vars?: Variables;
}

/** A multi-instance inner instance to create: its position and element of the collection. */
export interface Inner {
  index: number;
  item: Json;
}

/** How an element is activated. */
export interface ActivateOptions {
  flow?: string;
  consumed?: string[];
  trigger?: Trigger;
  inner?: Inner;
  vars?: Variables;
  def?: DefinitionRef;
}

/** An activation to run after the tokens already moving in this step (see {@link ElementContext.queueActivation}). */
export type QueuedActivation = Pick<ActivateOptions, 'flow' | 'trigger' | 'inner'>;

/** The operations and lookups an element behaviour uses. */
export interface ElementContext {
  /** The instant of the command (`ctx.now`): the only time a behaviour may read. */
  readonly now: string;
  /** The working-day calendar of the command. */
  readonly calendar: WorkingCalendar;
  /** The organisation of the command (`ctx.org`): what candidate rules resolve over. */
  readonly org: OrgSnapshot | undefined;
  /** Who last completed a task of element `el` in this case. */
  approverOf(el: string): string | undefined;

  /** A live instance; an unknown key is an engine bug and throws. */
  inst(key: string): ElementInstance;
  /** The keys of the live instances directly inside a scope, oldest first. */
  children(key: string): string[];
  /** The id the outside world knows an instance or timer by (`<caseId>:<key>`). */
  publicId(key: string): string;
  /** Whether the instance is a process instance (the case's own, or one a call activity started). */
  isProcess(key: string): boolean;
  /** The flow node of an instance (not for process instances). */
  node(key: string): NodeDef;
  /** The definition the instance's element belongs to. */
  defOf(key: string): ExecutableDefinition;
  /** A deployed definition by key and version (call activities). */
  resolve(key: string, version: number | 'latest'): ExecutableDefinition;
  /** The variables visible at an instance. */
  view(key: string): Variables;
  /** The input an effect of the instance carries. */
  input(key: string): Variables;
  /** Evaluates FEEL at an instance; a failure refuses the command. */
  evaluate(expression: string, key: string, extra?: Variables): unknown;
  /** Whether a FEEL condition at an instance is `true`. */
  condition(expression: string, key: string, extra?: Variables): boolean;

  /** Decides an event: it is folded into the step's state at once. */
  emit<T extends EventType>(type: T, payload: EventPayloads[T]): void;
  /** Asks the runtime to do something outside the engine. */
  effect(effect: Effect): void;
  /** A fresh instance or timer key. */
  alloc(): string;

  /** Activates an element in a scope now. Returns the new instance's key. */
  activate(scope: string, el: string, opts?: ActivateOptions): string;
  /** Activates an element in a scope after the tokens already moving in this step. */
  queueActivation(scope: string, el: string, opts?: QueuedActivation): void;
  /** Looks, after the tokens already moving, whether a scope is left without tokens (then its `onEmpty` runs). */
  queueCheck(scope: string): void;
  /** Completes an instance and takes its outgoing flows (`route` chooses them, e.g. an event-based gateway). */
  complete(key: string, vars?: Variables, route?: { flows: string[]; trigger: Trigger }): void;
  /** The flows an activity leaves by (§10.2.1): conditions, else the default flow. */
  activityFlows(key: string): string[];
  /** Terminates an instance and everything inside it. */
  terminate(key: string): void;
  /**
   * Ends every token of a scope but the instance `except`: terminates its live instances and drops the
   * activations still queued for it (a terminate end event, an interrupting event subprocess, a
   * multi-instance completion condition).
   */
  terminateTokens(scope: string, except?: string): void;
  /** Tokens in a scope: live children, arrivals waiting at joins, and queued activations. */
  tokens(scope: string): number;
  /** The element ids of the activations queued for a scope. */
  pending(scope: string): string[];
  /** Schedules a timer owned by an instance. */
  scheduleTimer(owner: string, el: string, spec: TimerSpec): void;
  /** Cancels the timers an instance owns (those whose element passes `which`, when given). */
  cancelTimersOf(owner: string, which?: (el: string) => boolean): void;
  /** 拿回: the completion under way that a task opened now may be reclaimed from; absent outside one. */
  handover?(): Handover | undefined;
}
