/**
 * The working copy of one `approvalStep`: it stamps lifecycle events, folds every event (its own and the
 * core's) into a private draft with `applyApprovalEvent`, and collects the effects. Like the core's `Run`.
 */
import { toZoned } from '../calendar/dates.js';
import type { IsoDate } from '../calendar/types.js';
import { step as coreStep } from '../core/index.js';
import type { ExecutableDefinition } from '../core/model.js';
import type { Actor, CaseEvent, Command, Effect, EngineContext, Json } from '../core/types.js';
import { currentVersion } from '../core/versions.js';
import type { ApprovalEventPayloads, ApprovalEventType, LifecycleHead } from './events.js';
import { applyApprovalEvent } from './evolve.js';
import { refuse } from './refusal.js';
import type { ApprovalCaseState, ApprovalState, Phase } from './state.js';
import { APPROVAL_EVENT_VERSIONS } from './upcasters.js';

/** Drops keys whose value is undefined, so that events stay plain JSON. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** One step's draft, events and effects. */
export class Decider {
  readonly events: CaseEvent[] = [];
  readonly effects: Effect[] = [];

  constructor(
    readonly definition: ExecutableDefinition,
    readonly draft: ApprovalCaseState,
    readonly ctx: EngineContext,
    readonly actor: Actor | undefined,
  ) {}

  /** The lifecycle state; refuses commands on a case that was never applied for. */
  get approval(): ApprovalState {
    if (!this.draft.approval) refuse('CASE_NOT_APPLIED', 'Expected an application, but the case has none');
    return this.draft.approval;
  }

  /** Today in the calendar's zone. */
  get today(): IsoDate {
    return toZoned(this.ctx.now, this.ctx.calendar.zone).date;
  }

  /** Refuses unless the case is in one of `phases`. */
  expectPhase(command: string, ...phases: Phase[]): void {
    const phase = this.approval.phase;
    if (!phases.includes(phase)) {
      refuse('WRONG_PHASE', `Expected the case to be ${phases.join(' or ')} for ${command}, but it is ${phase}`);
    }
  }

  /** Decides a lifecycle event: stamps it, folds it into the draft and records it. */
  emit<T extends ApprovalEventType>(type: T, payload: ApprovalEventPayloads[T], head: LifecycleHead = {}): void {
    const event = {
      type,
      v: currentVersion(APPROVAL_EVENT_VERSIONS, type),
      seq: this.draft.process.seq + 1,
      at: this.ctx.now,
      ...(this.actor ? { actor: compact(this.actor) } : {}),
      ...compact(head),
      ...compact(payload as object),
    } as unknown as CaseEvent;
    applyApprovalEvent(this.draft, event);
    this.events.push(event);
  }

  /** Runs a command of the core on the process; a core refusal refuses the whole step. */
  core(command: Command): CaseEvent[] {
    const result = coreStep(this.definition, this.draft.process, command, this.ctx);
    if (!result.ok) throw new CoreRefusal(result.refusal);
    // The core folded its events into its state already; replaying them with approvalEvolve gives the same.
    this.draft.process = result.state;
    const last = result.events.at(-1);
    if (last && this.draft.approval) this.draft.approval.lastAt = last.at;
    this.events.push(...result.events);
    this.effects.push(...result.effects);
    return result.events;
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }
}

/** A refusal by the core, carried out of the step unchanged. */
export class CoreRefusal extends Error {
  constructor(readonly refusal: { code: string; message: string; details?: Record<string, Json> }) {
    super(refusal.message);
  }
}
