/**
 * `evolve(state, event)`: the only place the case state changes. One small applier per event type, for
 * its current version (older events are upcast first, see `versions.ts`); each
 * mutates a private draft, and `evolve` hands out a copy so callers never see their input change.
 */
import type { EventPayloads, EventType } from './events.js';
import { assertTransition } from './lifecycle.js';
import { initialState, keyNumber, type CaseState, type ElementInstance } from './state.js';
import { taskOperationAppliers } from './task-operation-appliers.js';
import type { CaseEvent } from './types.js';
import { CORE_EVENT_VERSIONS } from './upcasters.js';
import { upcast } from './versions.js';

type Applier<T extends EventType> = (s: CaseState, e: EventPayloads[T]) => void;

function instance(s: CaseState, key: string): ElementInstance {
  const inst = s.elements[key];
  if (!inst) throw new Error(`No element instance '${key}' in case '${s.caseId}'`);
  return inst;
}

function bump(s: CaseState, key: string): void {
  s.next = Math.max(s.next, keyNumber(key));
}

/** Removes one arrival per consumed flow from the scope's join bookkeeping. */
function consume(scope: ElementInstance, gateway: string, flows: string[]): void {
  const arrivals = scope.joins?.[gateway];
  if (!arrivals || !scope.joins) return;
  for (const flow of flows) {
    const left = (arrivals[flow] ?? 0) - 1;
    if (left > 0) arrivals[flow] = left;
    else delete arrivals[flow];
  }
  if (Object.keys(arrivals).length === 0) delete scope.joins[gateway];
  if (Object.keys(scope.joins).length === 0) delete scope.joins;
}

const appliers: { [T in EventType]: Applier<T> } = {
  'case.started': (s, e) => {
    s.caseId = e.caseId;
    s.definition = { ...e.definition };
    s.status = 'active';
    s.variables = { ...e.variables };
  },
  'case.completed': (s) => {
    s.status = 'completed';
  },
  'case.terminated': (s) => {
    s.status = 'terminated';
  },
  'case.cancelled': (s) => {
    s.status = 'cancelled';
  },
  'case.suspended': (s) => {
    s.suspended = true;
  },
  'case.resumed': (s) => {
    s.suspended = false;
  },
  'case.returned': (s, e) => {
    const scope = instance(s, e.scope);
    delete scope.joins;
    const at = scope.passed?.indexOf(e.toElementId) ?? -1;
    if (scope.passed && at >= 0) scope.passed = scope.passed.slice(0, at);
  },
  'element.activated': (s, e) => {
    bump(s, e.key);
    const inst: ElementInstance = { el: e.el, state: 'active' };
    if (e.scope !== undefined) inst.scope = e.scope;
    if (e.mainLine) inst.mainLine = true;
    if (e.vars) inst.vars = { ...e.vars };
    if (e.def) inst.def = { ...e.def };
    if (e.body) inst.body = structuredClone(e.body);
    s.elements[e.key] = inst;
    const scope = e.scope === undefined ? undefined : instance(s, e.scope);
    if (scope && e.consumed) consume(scope, e.el, e.consumed);
    if (scope?.body) scope.body.started += 1;
  },
  'element.completed': (s, e) => {
    const inst = instance(s, e.key);
    assertTransition(e.el, inst.state, 'completed');
    const scope = inst.scope === undefined ? undefined : instance(s, inst.scope);
    if (scope?.body) {
      scope.body.completed += 1;
      if (scope.body.outputs && e.index !== undefined) scope.body.outputs[e.index] = e.output ?? null;
    } else if (scope && inst.mainLine) {
      scope.passed = [...(scope.passed ?? []).filter((id) => id !== inst.el), inst.el];
    }
    delete s.elements[e.key];
  },
  'element.terminated': (s, e) => {
    assertTransition(e.el, instance(s, e.key).state, 'terminated');
    delete s.elements[e.key];
  },
  'scope.interrupted': (s, e) => {
    const inst = instance(s, e.key);
    assertTransition(inst.el, inst.state, 'interrupted');
    inst.state = 'interrupted';
    delete inst.joins;
  },
  'scope.cleared': (s, e) => {
    delete instance(s, e.key).joins;
  },
  'flow.taken': (s, e) => {
    if (e.join === undefined) return;
    const scope = instance(s, e.scope);
    const joins = (scope.joins ??= {});
    const arrivals = (joins[e.join] ??= {});
    arrivals[e.flow] = (arrivals[e.flow] ?? 0) + 1;
  },
  'variables.set': (s, e) => {
    if (e.scope === undefined) Object.assign(s.variables, e.variables);
    else {
      const inst = instance(s, e.scope);
      inst.vars = { ...(inst.vars ?? {}), ...e.variables };
    }
  },
  'task.created': (s, e) => {
    instance(s, e.task.taskId.slice(s.caseId.length + 1)).task = { ...e.task };
  },
  'task.claimed': (s, e) => {
    const task = instance(s, e.taskId.slice(s.caseId.length + 1)).task;
    if (task) {
      task.assignee = e.assignee;
      task.touched = true;
    }
  },
  'task.completed': (s, e) => {
    const task = s.elements[e.taskId.slice(s.caseId.length + 1)]?.task;
    const by = (e as { actor?: { id?: string } }).actor?.id ?? task?.assignee;
    if (task && by !== undefined && e.auto === undefined) s.approvers = { ...s.approvers, [task.elementId]: by };
  },
  'task.timed-out': () => {},
  'task.cancelled': () => {},
  'decision.completed': () => {},
  'timer.scheduled': (s, e) => {
    bump(s, e.key);
    s.timers[e.key] = { el: e.el, owner: e.owner, dueAt: e.dueAt };
    if (e.cycle) Object.assign(s.timers[e.key]!, { repeat: e.cycle.remaining, every: e.cycle.every });
  },
  'timer.fired': (s, e) => {
    delete s.timers[e.key];
  },
  'timer.cancelled': (s, e) => {
    delete s.timers[e.key];
  },
  'message.correlated': () => {},
  'error.thrown': () => {},
  ...taskOperationAppliers,
};

/**
 * Applies one event to a draft state in place. For the engine's own fold (`step`, `replay`), which own
 * their draft; everyone else uses {@link evolve}.
 */
export function applyEvent(draft: CaseState, event: CaseEvent): void {
  const applier = appliers[event.type as EventType] as Applier<EventType> | undefined;
  if (!applier) throw new Error(`Unknown event type '${event.type}' (v${event.v})`);
  // The appliers read the current version of each type; older events stored in the log are raised first.
  applier(draft, upcast(event, CORE_EVENT_VERSIONS) as unknown as EventPayloads[EventType]);
  draft.seq = event.seq;
}

/** Returns the state after `event`. Pure: the input state is not changed. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const draft = structuredClone(state);
  applyEvent(draft, event);
  return draft;
}

/** Rebuilds a case's state from its event log, oldest first. */
export function replay(events: readonly CaseEvent[]): CaseState {
  const draft = initialState();
  for (const event of events) applyEvent(draft, event);
  return draft;
}
