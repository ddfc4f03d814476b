/**
 * Variable scoping (after BPMN 2.0.2 §10.4 data and Zeebe's variable propagation): a process's variables,
 * overlaid by the local variables of each enclosing scope. Writes go to the nearest scope that already has
 * the variable, else to the process; a called process has its own variables, isolated from the caller's,
 * and so has each inner instance of a multi-instance activity.
 */
import type { NodeDef } from './model.js';
import { reject } from './rejection.js';
import type { RunBase } from './run-base.js';
import { childrenOf, type MultiInstanceBody } from './state.js';
import type { Json, Variables } from './types.js';

/** The variables an expression at `key` sees. */
export function visibleVariables(run: RunBase, key: string): Variables {
  const chain: string[] = [];
  let k = key;
  while (!run.isProcess(k)) {
    chain.push(k);
    k = run.inst(k).scope!;
  }
  const proc = run.inst(k);
  const out: Variables = { ...(proc.scope === undefined ? run.state.variables : proc.vars) };
  for (const scope of chain.reverse()) {
    const inst = run.inst(scope);
    if (inst.body) {
      // The multi-instance counters of BPMN 2.0.2 §10.3.8, seen by the inner instances and conditions.
      out.nrOfInstances = inst.body.items.length;
      out.nrOfActiveInstances = childrenOf(run.state, scope).length;
      out.nrOfCompletedInstances = inst.body.completed;
    }
    Object.assign(out, inst.vars);
  }
  return out;
}

/** Where each variable written from `fromKey` lands: scope key (`''` = the case variables) -> variables. */
export function variableTargets(run: RunBase, fromKey: string, vars: Variables): Map<string, Variables> {
  const targets = new Map<string, Variables>();
  for (const [name, value] of Object.entries(vars)) {
    let k = fromKey;
    let target = '';
    for (;;) {
      const inst = run.inst(k);
      if (run.isProcess(k)) {
        target = inst.scope === undefined ? '' : k;
        break;
      }
      // A multi-instance inner instance is a boundary too: each co-department's work stays its own until
      // the output element collects it (otherwise parallel instances would overwrite each other).
      const inner = inst.scope !== undefined && run.inst(inst.scope).body !== undefined;
      if ((inst.vars && name in inst.vars) || inner) {
        target = k;
        break;
      }
      k = inst.scope!;
    }
    const bucket = targets.get(target) ?? {};
    bucket[name] = value;
    targets.set(target, bucket);
  }
  return targets;
}

/**
 * The multi-instance body of an activity: its collection (or cardinality), evaluated in the enclosing
 * scope. A joint-approval step without a collection iterates over its co-departments.
 */
export function planBody(run: RunBase, scope: string, node: NodeDef): MultiInstanceBody {
  const mi = node.multiInstance!;
  let items: Json[];
  if (mi.collection) {
    const value = run.evaluate(mi.collection, scope);
    if (!Array.isArray(value)) {
      reject('EXPRESSION_FAILED', `Expected collection '${mi.collection}' of '${node.id}' to be a list, but it was ${JSON.stringify(value)}`);
    }
    items = value as Json[];
  } else if (mi.cardinality) {
    const n = run.evaluate(mi.cardinality, scope);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      reject('EXPRESSION_FAILED', `Expected cardinality '${mi.cardinality}' of '${node.id}' to be a whole number, but it was ${JSON.stringify(n)}`);
    }
    items = new Array<Json>(n).fill(null);
  } else if (node.approval?.joint) {
    items = [...node.approval.joint.coDepartments];
  } else {
    return reject('EXPRESSION_FAILED', `Expected a collection or cardinality on multi-instance '${node.id}', but it has neither`);
  }
  const body: MultiInstanceBody = { items, started: 0, completed: 0 };
  if (mi.outputCollection) body.outputs = items.map(() => null);
  return body;
}
