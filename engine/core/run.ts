/**
 * One step's token movement: an agenda of tokens still to move, on top of the state and lookups of
 * `RunBase`. Element behaviours drive it through the `ElementContext` it implements: activate, complete,
 * take flows, terminate, schedule and cancel timers, set variables. The agenda stays private to it.
 */
import type { ElementBehavior } from './elements/behavior.js';
import type { ActivateOptions, ElementContext, QueuedActivation, Trigger } from './elements/context.js';
import { planActivation } from './elements/multi-instance-body.js';
import { behaviorFor, multiInstanceBody, processInstance } from './elements/registry.js';
import type { TimerSpec } from './model.js';
import { refuse } from './refusal.js';
import { RunBase, expressionRejection } from './run-base.js';
import { byKey, childrenOf, publicId } from './state.js';
import { planTimer } from './time.js';
import type { Handover, Json, Variables } from './types.js';
import { handoverOf } from './handover.js';

export type { ActivateOptions, Inner } from './elements/context.js';

/** Work still to do in this step: move a token onto an element, or see whether a scope is finished. */
type Work = ({ kind: 'activate'; scope: string; el: string } & QueuedActivation) | { kind: 'check'; scope: string };

/** The in-step processor. Created by `step` for one command and thrown away after it. */
export class Run extends RunBase implements ElementContext {
  private readonly agenda: Work[] = [];
  /** Set by `task.complete`: the completion the tasks it opens may be reclaimed from (拿回). */
  completion?: Omit<Handover, 'restore' | 'resumedTo'>;

  handover(): Handover | undefined {
    return handoverOf(this);
  }

  behaviorOf(key: string): ElementBehavior {
    if (this.isProcess(key)) return processInstance;
    if (this.inst(key).body) return multiInstanceBody;
    return behaviorFor(this.node(key).kind);
  }

  /** Drops the tokens still on the agenda for a scope (a terminate end event ended them). */
  private dropPending(scope: string): void {
    const keep = this.agenda.filter((w) => w.kind !== 'activate' || w.scope !== scope);
    this.agenda.splice(0, this.agenda.length, ...keep);
  }

  queueActivation(scope: string, el: string, opts: QueuedActivation = {}): void {
    this.agenda.push({ kind: 'activate', scope, el, ...opts });
  }

  queueCheck(scope: string): void {
    this.agenda.push({ kind: 'check', scope });
  }

  /** Tokens in a scope: live children, arrivals waiting at joins, and activations still on the agenda. */
  tokens(scope: string): number {
    const inst = this.state.elements[scope];
    let n = childrenOf(this.state, scope).length;
    for (const arrivals of Object.values(inst?.joins ?? {})) for (const c of Object.values(arrivals)) n += c;
    return n + this.agenda.filter((w) => w.kind === 'activate' && w.scope === scope).length;
  }

  /** The tokens waiting on the agenda for a scope, as element ids (the inclusive join needs their position). */
  pending(scope: string): string[] {
    return this.agenda.flatMap((w) => (w.kind === 'activate' && w.scope === scope ? [w.el] : []));
  }

  /** Moves tokens until every one rests at a wait state, then settles inclusive joins (§13.4.4). */
  drain(): void {
    for (;;) {
      for (let work = this.agenda.shift(); work; work = this.agenda.shift()) {
        const scope = this.state.elements[work.scope];
        if (work.kind === 'check') {
          if (scope && this.tokens(work.scope) === 0) this.behaviorOf(work.scope).onEmpty(this, work.scope);
        } else if (scope?.state === 'active') {
          // A scope that was terminated or interrupted meanwhile drops the tokens still heading into it.
          this.activate(work.scope, work.el, work);
        }
      }
      if (!this.settleJoins()) return;
    }
  }

  private settleJoins(): boolean {
    for (const scope of byKey(this.state.elements)) {
      for (const gateway of Object.keys(this.state.elements[scope]!.joins ?? {}).sort()) {
        const consumed = behaviorFor(this.defOf(scope).nodes[gateway]!.kind).join?.(this, scope, gateway);
        if (consumed) {
          this.activate(scope, gateway, { consumed });
          return true;
        }
      }
    }
    return false;
  }

  /** Activates an element in a scope now and runs its `onActivate`. Returns the new instance's key. */
  activate(scope: string, el: string, opts: ActivateOptions = {}): string {
    const node = this.defOf(scope).nodes[el];
    if (!node) throw new Error(`No flow node '${el}' in scope '${this.inst(scope).el}'`);
    const planned = planActivation(this, scope, node, opts.inner);
    const body = planned && 'body' in planned ? planned.body : undefined;
    let vars = planned && 'vars' in planned ? planned.vars : opts.vars;
    // The body only iterates; input mappings belong to each inner instance.
    if (node.inputs?.length && !body) {
      const local: Variables = { ...vars };
      for (const m of node.inputs) local[m.target] = this.evaluate(m.source, scope, local) as Json;
      vars = local;
    }
    const others = this.tokens(scope) - (opts.consumed?.length ?? 0);
    // Only a token alone in its scope marks a step of the main line, the steps `case.return` may go back to.
    const triggeredStart = node.kind === 'startEvent' && opts.trigger !== undefined;
    const mainLine = others === 0 && !opts.inner && !triggeredStart && node.kind !== 'boundaryEvent' && !node.triggeredByEvent;
    const key = this.alloc();
    this.emit('element.activated', {
      key, el, scope, flow: opts.flow, consumed: opts.consumed, mainLine: mainLine ? true : undefined, vars, def: opts.def, body,
    });
    if (!opts.inner) {
      // Boundary events belong to the whole activity, the multi-instance body included (§10.3.8).
      for (const b of node.boundaryEvents ?? []) {
        const event = this.defOf(scope).nodes[b]?.event;
        if (event?.kind === 'timer') this.scheduleTimer(key, b, event.timer);
      }
    }
    this.behaviorOf(key).onActivate(this, key, opts.trigger);
    return key;
  }

  /**
   * Completes an instance: applies output mappings (or hands `vars` up), cancels its timers, takes the
   * flows its behaviour selects and tells the enclosing scope.
   */
  complete(key: string, vars?: Variables, route?: { flows: string[]; trigger: Trigger }): void {
    const inst = this.inst(key);
    const parent = inst.scope!;
    const completeChild = this.behaviorOf(parent).completeChild;
    if (completeChild) {
      completeChild(this, parent, key, vars);
      return;
    }
    const node = this.node(key);
    // 驳回 back-to-me: the step rejected to is done again, so the case goes straight back to the rejecting step.
    const resume = this.inst(parent).resume?.after === inst.el ? this.inst(parent).resume : undefined;
    const flows = resume ? [] : (route?.flows ?? this.behaviorOf(key).selectFlows(this, key));
    let out = vars ?? {};
    if (node.outputs?.length) {
      out = {};
      for (const m of node.outputs) out[m.target] = this.evaluate(m.source, key, { ...vars, ...out }) as Json;
    }
    this.cancelTimersOf(key);
    this.emit('element.completed', { key, el: inst.el });
    if (Object.keys(out).length) this.setVariables(parent, out);
    for (const flow of flows) this.takeFlow(parent, flow, route?.trigger);
    if (resume) {
      this.emit('rejection.resumed', { scope: parent, after: resume.after, to: resume.to });
      this.queueActivation(parent, resume.to);
    }
    this.behaviorOf(parent).onChildCompleted(this, parent, key);
  }

  /** Outgoing flows of an activity or event: every unconditional flow and every true condition, else the default (§10.2.1). */
  activityFlows(key: string): string[] {
    const node = this.node(key);
    const flows = this.defOf(key).flows;
    const taken = node.outgoing.filter((id) => {
      const condition = flows[id]?.condition;
      return id !== node.defaultFlow && (condition === undefined || this.condition(condition, key));
    });
    if (taken.length > 0 || node.outgoing.length === 0) return taken;
    if (node.defaultFlow) return [node.defaultFlow];
    return refuse('NO_FLOW_TAKEN', `Expected a condition on a flow out of '${node.id}' to be true, but none was and there is no default flow`);
  }

  /** Moves a token along a flow: onto the agenda, or into a joining gateway's arrivals. */
  takeFlow(scope: string, flowId: string, trigger?: Trigger): void {
    const def = this.defOf(scope);
    const flow = def.flows[flowId]!;
    const target = def.nodes[flow.targetId]!;
    const behavior = behaviorFor(target.kind);
    const joining = behavior.join !== undefined && target.incoming.length > 1;
    this.emit('flow.taken', { flow: flowId, scope, join: joining ? target.id : undefined });
    if (!joining) {
      this.queueActivation(scope, target.id, trigger ? { flow: flowId, trigger } : { flow: flowId });
      return;
    }
    const consumed = behavior.join!(this, scope, target.id);
    if (consumed) this.activate(scope, target.id, { consumed });
  }

  /** Terminates an instance and everything inside it, innermost first, cancelling their timers. */
  terminate(key: string): void {
    this.terminateChildren(key);
    this.cancelTimersOf(key);
    this.behaviorOf(key).onTerminate(this, key);
    this.emit('element.terminated', { key, el: this.inst(key).el });
  }

  terminateTokens(scope: string, except?: string): void {
    for (const child of childrenOf(this.state, scope)) if (child !== except && this.state.elements[child]) this.terminate(child);
    this.dropPending(scope);
  }

  /** Terminates the live instances inside a scope (`case.return`, before the step is taken again). */
  terminateChildren(key: string): void {
    for (const child of childrenOf(this.state, key)) if (this.state.elements[child]) this.terminate(child);
  }

  /** Schedules a timer owned by an instance and asks the runtime to fire it (effect `timer.schedule`). */
  scheduleTimer(owner: string, el: string, spec: TimerSpec): void {
    let plan: ReturnType<typeof planTimer>;
    try {
      plan = planTimer(spec, this.ctx.now, this.ctx.calendar, this.view(owner), this.ctx.budget);
    } catch (err) {
      return expressionRejection(err, 'expression' in spec ? String(spec.expression) : spec.type, el);
    }
    this.addTimer(owner, el, plan.dueAt, plan.repeat, plan.every);
  }

  addTimer(owner: string, el: string, dueAt: string, repeat?: number, every?: string): void {
    const key = this.alloc();
    const timerId = publicId(this.state, key);
    this.emit('timer.scheduled', { timerId, key, el, owner, dueAt, ...(every === undefined ? {} : { cycle: { every, remaining: repeat ?? 0 } }) });
    this.effect({ type: 'timer.schedule', timerId, dueAt, elementId: el });
  }

  /** Cancels the timers an instance owns (those whose element passes `which`, when given). */
  cancelTimersOf(owner: string, which?: (el: string) => boolean): void {
    for (const key of byKey(this.state.timers)) {
      const timer = this.state.timers[key]!;
      if (timer.owner !== owner || (which && !which(timer.el))) continue;
      const timerId = publicId(this.state, key);
      this.emit('timer.cancelled', { timerId, key });
      this.effect({ type: 'timer.cancel', timerId });
    }
  }
}
