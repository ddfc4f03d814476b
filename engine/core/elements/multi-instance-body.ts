/**
 * Multi-instance body (BPMN 2.0.2 §10.3.8): runs the activity once per element of its collection, all at
 * once (parallel) or one after another (sequential). After each completed instance the completion
 * condition is evaluated (all-sign: none; any-sign: `nrOfCompletedInstances >= 1`; a share; the first
 * refusal); true cancels the instances still running. Output elements are collected in instance order.
 * The planning lives here too: the body's collection when the activity is reached, and each inner
 * instance's `loopCounter` and element variable.
 */
import type { NodeDef } from '../model.js';
import { refuse } from '../refusal.js';
import type { MultiInstanceBody } from '../state.js';
import type { Json, Variables } from '../types.js';
import { behavior } from './behavior.js';
import type { ElementContext, Inner } from './context.js';

/**
 * The multi-instance body of an activity: its collection (or cardinality), evaluated in the enclosing
 * scope. A joint-approval step without a collection iterates over its co-departments.
 */
export function planBody(run: ElementContext, scope: string, node: NodeDef): MultiInstanceBody {
  const mi = node.multiInstance!;
  let items: Json[];
  if (mi.collection) {
    const value = run.evaluate(mi.collection, scope);
    if (!Array.isArray(value)) {
      refuse('EXPRESSION_FAILED', `Expected collection '${mi.collection}' of '${node.id}' to be a list, but it was ${JSON.stringify(value)}`);
    }
    items = value as Json[];
  } else if (mi.cardinality) {
    const n = run.evaluate(mi.cardinality, scope);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      refuse('EXPRESSION_FAILED', `Expected cardinality '${mi.cardinality}' of '${node.id}' to be a whole number, but it was ${JSON.stringify(n)}`);
    }
    items = new Array<Json>(n).fill(null);
  } else if (node.approval?.joint) {
    items = [...node.approval.joint.coDepartments];
  } else {
    return refuse('EXPRESSION_FAILED', `Expected a collection or cardinality on multi-instance '${node.id}', but it has neither`);
  }
  const body: MultiInstanceBody = { items, started: 0, completed: 0 };
  if (mi.outputCollection) body.outputs = items.map(() => null);
  return body;
}

/**
 * What activating `node` in `scope` needs when it is a multi-instance activity: the body to open (the
 * activity is reached by a token), or an inner instance's own variables (the body starts instance `inner`).
 * `undefined` for any other activity.
 */
export function planActivation(
  run: ElementContext, scope: string, node: NodeDef, inner?: Inner,
): { body: MultiInstanceBody } | { vars: Variables } | undefined {
  const mi = node.multiInstance;
  if (!mi) return undefined;
  if (!inner) return { body: planBody(run, scope, node) };
  return { vars: { loopCounter: inner.index + 1, ...(mi.elementVariable ? { [mi.elementVariable]: inner.item } : {}) } };
}

function startInner(run: ElementContext, body: string, index: number): void {
  const inst = run.inst(body);
  run.queueActivation(body, inst.el, { inner: { index, item: inst.body!.items[index] ?? null } });
}

function finish(run: ElementContext, body: string, extra?: Variables): void {
  const mi = run.node(body).multiInstance!;
  const outputs = run.inst(body).body!.outputs;
  const vars = { ...(mi.outputCollection && outputs ? { [mi.outputCollection]: outputs } : {}), ...extra };
  run.complete(body, Object.keys(vars).length ? vars : undefined);
}

/**
 * 票签: adds the vote of instance `inner` to the body's tally (`voteYes`, `voteNo` weights, local to the
 * body), and decides once the yes weight reaches the pass share of all the signers' weight (passed) or
 * can no longer reach it (failed). A signer's weight is looked up by the instance's element (the signer's
 * user id, as the collection names them) or its assignee; a signer nobody weighted weighs 1.
 */
function tally(run: ElementContext, body: string, inner: string): { share: number; result?: 'passed' | 'failed' } {
  const vote = run.node(body).approval!.vote!;
  const items = run.inst(body).body!.items;
  const weight = (who: unknown) => (typeof who === 'string' && vote.weights[who] !== undefined ? vote.weights[who]! : 1);
  const total = items.reduce<number>((sum, item) => sum + weight(item), 0);
  const mi = run.node(body).multiInstance!;
  const signer = run.inst(inner).vars?.[mi.elementVariable ?? ''] ?? run.inst(inner).task?.assignee;
  const own = weight(signer);
  const seen = run.inst(body).vars ?? {};
  const yes = Number(seen.voteYes ?? 0) + (run.inst(inner).vars?.outcome === vote.approve ? own : 0);
  const no = Number(seen.voteNo ?? 0) + (run.inst(inner).vars?.outcome === vote.approve ? 0 : own);
  run.emit('variables.set', { scope: body, variables: { voteYes: yes, voteNo: no } });
  const share = total === 0 ? 0 : yes / total;
  // Compared in whole units of weight, so 2/3 of 3 passes at exactly 2 (no rounding error).
  const needed = vote.pass * total - 1e-9;
  if (yes >= needed) return { share, result: 'passed' };
  if (total - no < needed) return { share, result: 'failed' };
  return { share };
}

/** Completes inner instance `inner` of `body`, then continues, cancels the rest, or completes the body. */
export function completeInner(run: ElementContext, body: string, inner: string): void {
  const node = run.node(body);
  const mi = node.multiInstance!;
  const state = run.inst(body).body!;
  const index = (run.inst(inner).vars?.loopCounter as number) - 1;
  const output: Json | undefined = mi.outputElement ? (run.evaluate(mi.outputElement, inner) as Json) : undefined;
  const condition =
    mi.completionCondition ?? (node.approval?.joint?.completion === 'any' ? 'nrOfCompletedInstances >= 1' : undefined);
  const counters = { nrOfCompletedInstances: state.completed + 1, nrOfActiveInstances: run.children(body).length - 1 };
  const vote = node.approval?.vote ? tally(run, body, inner) : undefined;
  const done = vote?.result !== undefined || (condition !== undefined && run.condition(condition, inner, { ...counters, ...(vote ? { voteShare: vote.share } : {}) }));
  run.cancelTimersOf(inner);
  run.emit('element.completed', { key: inner, el: node.id, output, index: state.outputs ? index : undefined });
  if (done) {
    run.terminateTokens(body);
    finish(run, body, vote?.result ? { voteResult: vote.result } : undefined);
  } else if (mi.sequential && state.started < state.items.length) startInner(run, body, state.started);
  else if (run.tokens(body) === 0) finish(run, body);
}

/** After an instance was withdrawn (减签): a body with no instance left running completes. */
export function settleBody(run: ElementContext, body: string): void {
  if (run.inst(body).state === 'active' && run.tokens(body) === 0) finish(run, body);
}

export const multiInstanceBody = behavior({
  onActivate(run, key) {
    const body = run.inst(key).body!;
    if (body.items.length === 0) return finish(run, key);
    const count = run.node(key).multiInstance!.sequential ? 1 : body.items.length;
    for (let i = 0; i < count; i++) startInner(run, key, i);
  },
  // An inner instance keeps its variables (each co-department's work stays its own) and takes no flows.
  completeChild(run, key, inner, vars) {
    if (vars && Object.keys(vars).length) run.emit('variables.set', { scope: inner, variables: vars });
    completeInner(run, key, inner);
  },
  onChildCompleted: () => {},
});
