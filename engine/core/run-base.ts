/**
 * The lookups and bookkeeping of one step's working memory: the draft state, the events decided so far
 * (each folded at once with its applier, so later decisions see its effect), the effects, the key counter,
 * definitions, variables and expressions. `Run` adds the token movement on top.
 */
import type { WorkingCalendar } from '../calendar/types.js';
import { BudgetExceededError, ExpressionError, evaluateExpression } from '../expression/index.js';
import type { EventPayloads, EventType } from './events.js';
import { applyEvent } from './evolve.js';
import type { ExecutableDefinition, NodeDef } from './model.js';
import type { OrgSnapshot } from './organisation.js';
import { compact, refuse } from './refusal.js';
import { childrenOf, publicId, type CaseState, type ElementInstance } from './state.js';
import type { Actor, CaseEvent, Effect, EngineContext, Variables } from './types.js';
import { CORE_EVENT_VERSIONS } from './upcasters.js';
import { variableTargets, visibleVariables } from './variables.js';
import { currentVersion } from './versions.js';

/** The state, log and lookups of a step (see `Run`). */
export class RunBase {
  readonly events: CaseEvent[] = [];
  readonly effects: Effect[] = [];
  private readonly defs = new Map<string, ExecutableDefinition>();
  private counter: number;

  constructor(
    readonly definition: ExecutableDefinition,
    readonly state: CaseState,
    readonly ctx: EngineContext,
    readonly actor?: Actor,
  ) {
    this.counter = state.next;
  }

  /** Decides an event: stamps it, folds it into the draft and records it. */
  emit<T extends EventType>(type: T, payload: EventPayloads[T]): void {
    const head = { type, v: currentVersion(CORE_EVENT_VERSIONS, type), seq: this.state.seq + 1, at: this.ctx.now };
    const event = { ...head, ...(this.actor ? { actor: compact(this.actor) } : {}), ...compact(payload) };
    applyEvent(this.state, event as unknown as CaseEvent);
    this.events.push(event as unknown as CaseEvent);
  }

  /** The instant of the command. */
  get now(): string {
    return this.ctx.now;
  }

  /** The working-day calendar of the command. */
  get calendar(): WorkingCalendar {
    return this.ctx.calendar;
  }

  /** The organisation of the command, if the runtime gave one. */
  get org(): OrgSnapshot | undefined {
    return this.ctx.org;
  }

  /** Who last completed a task of element `el` in this case. */
  approverOf(el: string): string | undefined {
    return this.state.approvers?.[el];
  }

  /** The live instances directly inside a scope, oldest first. */
  children(key: string): string[] {
    return childrenOf(this.state, key);
  }

  /** The public id (`<caseId>:<key>`) of an instance or timer. */
  publicId(key: string): string {
    return publicId(this.state, key);
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }

  /** A fresh instance or timer key (`e<n>`); the applier records the highest number used. */
  alloc(): string {
    this.counter += 1;
    return `e${this.counter}`;
  }

  inst(key: string): ElementInstance {
    const inst = this.state.elements[key];
    if (!inst) throw new Error(`No live element instance '${key}'`);
    return inst;
  }

  /** Whether the instance is a process instance (the case's own, or one a call activity started). */
  isProcess(key: string): boolean {
    const inst = this.inst(key);
    return inst.scope === undefined || inst.def !== undefined;
  }

  /** A deployed definition through `ctx.resolveDefinition`, cached for the step. */
  resolve(key: string, version: number | 'latest'): ExecutableDefinition {
    if (key === this.definition.key && version === this.definition.version) return this.definition;
    const id = `${key}@${version}`;
    let def = this.defs.get(id);
    if (!def) {
      def = this.ctx.resolveDefinition?.(key, version);
      if (!def) refuse('CALLED_DEFINITION_NOT_FOUND', `Expected a deployed definition '${key}' (version ${version}), but there is none`);
      this.defs.set(id, def);
    }
    return def;
  }

  /** The definition the instance's element belongs to. */
  defOf(key: string): ExecutableDefinition {
    for (let k: string | undefined = key; k !== undefined; k = this.state.elements[k]?.scope) {
      const def = this.state.elements[k]?.def;
      if (def) return this.resolve(def.key, def.version);
    }
    return this.definition;
  }

  /** The flow node of an instance (not for process instances). */
  node(key: string): NodeDef {
    const el = this.inst(key).el;
    const node = this.defOf(key).nodes[el];
    if (!node) throw new Error(`Element '${el}' is not a flow node of '${this.defOf(key).key}'`);
    return node;
  }

  /** The variables visible at an instance: its process's, then each enclosing scope's local ones. */
  view(key: string): Variables {
    return visibleVariables(this.state, key);
  }

  /**
   * Evaluates FEEL at an instance within the command's budget; a failure refuses the command
   * (EXPRESSION_FAILED, or EVALUATION_BUDGET_EXCEEDED).
   */
  evaluate(expression: string, key: string, extra: Variables = {}): unknown {
    try {
      return evaluateExpression(expression, { ...this.view(key), ...extra }, this.ctx.budget);
    } catch (err) {
      return expressionRejection(err, expression, this.inst(key).el);
    }
  }

  condition(expression: string, key: string, extra: Variables = {}): boolean {
    return this.evaluate(expression, key, extra) === true;
  }

  /** Sets variables where they are visible from `fromKey`: the nearest scope that has them, else the process. */
  setVariables(fromKey: string, vars: Variables): void {
    for (const [scope, variables] of variableTargets(this.state, fromKey, vars)) {
      this.emit('variables.set', scope === '' ? { variables } : { scope, variables });
    }
  }

  /** The input an effect carries: the element's input mappings when it has some, else what it sees. */
  input(key: string): Variables {
    return this.node(key).inputs?.length ? { ...this.inst(key).vars } : this.view(key);
  }
}

/** Refuses the command for an expression that failed at element `el`; rethrows anything else. */
export function expressionRejection(err: unknown, expression: string, el: string): never {
  if (err instanceof BudgetExceededError) {
    return refuse('EVALUATION_BUDGET_EXCEEDED', `Expected '${expression}' at '${el}' to evaluate within the budget, but it ${err.message.replace(/^'.*?' /s, '')}`, {
      element: el, expression, limit: err.kind,
    });
  }
  if (err instanceof ExpressionError) return refuse('EXPRESSION_FAILED', `Expected '${expression}' at '${el}' to evaluate, but it failed: ${err.message}`);
  throw err;
}
