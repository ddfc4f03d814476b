/**
 * The case state: plain JSON, compact, changed only by `evolve`. Completed and terminated element instances
 * are removed at once, so the state holds only what is live: the instances (tokens), the arrivals waiting
 * at joining gateways, the open timers and the variables.
 */
import type { LifecycleState } from './lifecycle.js';
import type { Json, TaskInfo, Variables } from './types.js';

/** Which deployed definition a case (or a called process inside it) runs. */
export interface DefinitionRef {
  key: string;
  version: number;
}

/** Status of a case: `idle` before `case.start`, then active until it ends one of three ways. */
export type CaseStatus = 'idle' | 'active' | 'completed' | 'terminated' | 'cancelled';

/** The bookkeeping of a multi-instance body (BPMN 2.0.2 §10.3.8). */
export interface MultiInstanceBody {
  /** The collection iterated over (or `null`s when driven by cardinality). */
  items: Json[];
  /** How many inner instances were started; the next loopCounter is `started + 1`. */
  started: number;
  /** How many inner instances completed (terminated ones do not count). */
  completed: number;
  /** Output elements collected by loopCounter (index = loopCounter - 1); absent without outputElement. */
  outputs?: Json[];
  /** 减签: instances withdrawn from the running step; they no longer count in `nrOfInstances`. */
  withdrawn?: number;
}

/** A live element instance: a token at a flow node, or a scope (process, subprocess, multi-instance body). */
export interface ElementInstance {
  /** The element id (the process id for a process instance). */
  el: string;
  /** Key of the enclosing instance; absent only for the case's own process instance. */
  scope?: string;
  state: LifecycleState;
  /** Set when the instance was activated with no other token in its scope (a valid `case.return` target). */
  mainLine?: true;
  /** Local variables (input mappings, multi-instance element variable and loopCounter, a called process's). */
  vars?: Variables;
  /** Set on the process instance of a call activity: the definition it runs. */
  def?: DefinitionRef;
  body?: MultiInstanceBody;
  /** The open task of a user, manual, receive or business rule task. */
  task?: TaskInfo;
  /** Scopes: tokens that arrived at a joining gateway, counted per incoming flow: `{gatewayId: {flowId: n}}`. */
  joins?: Record<string, Record<string, number>>;
  /** Scopes: main-line elements completed in this scope, oldest first (the targets `case.return` accepts). */
  passed?: string[];
  /** Scopes: a 驳回 back-to-me waits for `after` to be done again, then goes straight on to `to`. */
  resume?: { after: string; to: string };
}

/** An open timer. The public timer id is `caseId:key`. */
export interface TimerInstance {
  /** The timer event's element id (boundary, intermediate catch, or event subprocess start event). */
  el: string;
  /** Key of the instance the timer belongs to (the activity, the catch event, the gateway or the scope). */
  owner: string;
  dueAt: string;
  /** Cycles: repetitions left after this one (-1 = unbounded) and the interval (ISO 8601 duration). */
  repeat?: number;
  every?: string;
}

/** The state of one case. */
export interface CaseState {
  caseId: string;
  definition: DefinitionRef & { processId: string };
  status: CaseStatus;
  suspended: boolean;
  /** Case (process-level) variables. */
  variables: Variables;
  /** The `seq` of the last event applied. */
  seq: number;
  /** The last number handed out for instance and timer keys (`e1`, `e2` …). */
  next: number;
  /** Live element instances by key. */
  elements: Record<string, ElementInstance>;
  /** Open timers by key. */
  timers: Record<string, TimerInstance>;
  /** Who last completed a task of each element (separation of duties: the reviewer may not decide). */
  approvers?: Record<string, string>;
}

/** The state before `case.start`: the fold's starting point for {@link replay}. */
export function initialState(): CaseState {
  return {
    caseId: '',
    definition: { key: '', version: 0, processId: '' },
    status: 'idle',
    suspended: false,
    variables: {},
    seq: 0,
    next: 0,
    elements: {},
    timers: {},
  };
}

/** The number inside a key (`e12` -> 12). */
export function keyNumber(key: string): number {
  return Number(key.slice(1));
}

/** Keys of a record in creation order (by key number): the engine's one deterministic ordering. */
export function byKey<T>(record: Record<string, T>): string[] {
  return Object.keys(record).sort((a, b) => keyNumber(a) - keyNumber(b));
}

/** The live children of an instance, in creation order. */
export function childrenOf(state: CaseState, key: string): string[] {
  return byKey(state.elements).filter((k) => state.elements[k]!.scope === key);
}

/** The public id of a task or timer: the case id and the key. */
export function publicId(state: CaseState, key: string): string {
  return `${state.caseId}:${key}`;
}

/** The key inside a public id, or undefined when the id belongs to another case. */
export function keyOf(state: CaseState, id: string): string | undefined {
  const prefix = `${state.caseId}:`;
  return id.startsWith(prefix) ? id.slice(prefix.length) : undefined;
}
