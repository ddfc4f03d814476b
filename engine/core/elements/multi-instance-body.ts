/**
 * Multi-instance body (BPMN 2.0.2 §10.3.8): runs the activity once per element of its collection, all at
 * once (parallel) or one after another (sequential). After each completed instance the completion
 * condition is evaluated (all-sign: none; any-sign: `nrOfCompletedInstances >= 1`; a share; the first
 * refusal); true cancels the instances still running. Output elements are collected in instance order.
 */
import type { Run } from '../run.js';
import { childrenOf } from '../state.js';
import type { Json } from '../types.js';
import { behavior } from './behavior.js';

function startInner(run: Run, body: string, index: number): void {
  const inst = run.inst(body);
  run.enqueue({ kind: 'activate', scope: body, el: inst.el, inner: { index, item: inst.body!.items[index] ?? null } });
}

function finish(run: Run, body: string): void {
  const mi = run.node(body).multiInstance!;
  const outputs = run.inst(body).body!.outputs;
  run.complete(body, mi.outputCollection && outputs ? { [mi.outputCollection]: outputs } : undefined);
}

/** Completes inner instance `inner` of `body`, then continues, cancels the rest, or completes the body. */
export function completeInner(run: Run, body: string, inner: string): void {
  const node = run.node(body);
  const mi = node.multiInstance!;
  const state = run.inst(body).body!;
  const index = (run.inst(inner).vars?.loopCounter as number) - 1;
  const output: Json | undefined = mi.outputElement ? (run.evaluate(mi.outputElement, inner) as Json) : undefined;
  const condition =
    mi.completionCondition ?? (node.approval?.joint?.completion === 'any' ? 'nrOfCompletedInstances >= 1' : undefined);
  const counters = { nrOfCompletedInstances: state.completed + 1, nrOfActiveInstances: childrenOf(run.state, body).length - 1 };
  const done = condition !== undefined && run.condition(condition, inner, counters);
  run.cancelTimersOf(inner);
  run.emit('element.completed', { key: inner, el: node.id, output, index: state.outputs ? index : undefined });
  if (done) {
    for (const child of childrenOf(run.state, body)) run.terminate(child);
    run.dropPending(body);
    finish(run, body);
  } else if (mi.sequential && state.started < state.items.length) startInner(run, body, state.started);
  else if (run.tokens(body) === 0) finish(run, body);
}

export const multiInstanceBody = behavior({
  onActivate(run, key) {
    const body = run.inst(key).body!;
    if (body.items.length === 0) return finish(run, key);
    const count = run.node(key).multiInstance!.sequential ? 1 : body.items.length;
    for (let i = 0; i < count; i++) startInner(run, key, i);
  },
  onChildCompleted: () => {},
});
