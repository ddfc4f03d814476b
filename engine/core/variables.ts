/**
 * Variable scoping (after BPMN 2.0.2 §10.4 data and Zeebe's variable propagation): a process's variables,
 * overlaid by the local variables of each enclosing scope. Writes go to the nearest scope that already has
 * the variable, else to the process; a called process has its own variables, isolated from the caller's,
 * and so has each inner instance of a multi-instance activity. Pure functions of the case state.
 */
import { childrenOf, type CaseState, type ElementInstance } from './state.js';
import type { Variables } from './types.js';

function instanceOf(state: CaseState, key: string): ElementInstance {
  const inst = state.elements[key];
  if (!inst) throw new Error(`No live element instance '${key}'`);
  return inst;
}

/** A process instance: the case's own, or one a call activity started (it carries its definition). */
function isProcess(inst: ElementInstance): boolean {
  return inst.scope === undefined || inst.def !== undefined;
}

/** The variables an expression at `key` sees. */
export function visibleVariables(state: CaseState, key: string): Variables {
  const chain: string[] = [];
  let k = key;
  while (!isProcess(instanceOf(state, k))) {
    chain.push(k);
    k = instanceOf(state, k).scope!;
  }
  const proc = instanceOf(state, k);
  const out: Variables = { ...(proc.scope === undefined ? state.variables : proc.vars) };
  for (const scope of chain.reverse()) {
    const inst = instanceOf(state, scope);
    if (inst.body) {
      // The multi-instance counters of BPMN 2.0.2 §10.3.8, seen by the inner instances and conditions.
      out.nrOfInstances = inst.body.items.length - (inst.body.withdrawn ?? 0);
      out.nrOfActiveInstances = childrenOf(state, scope).length;
      out.nrOfCompletedInstances = inst.body.completed;
    }
    Object.assign(out, inst.vars);
  }
  return out;
}

/** Where each variable written from `fromKey` lands: scope key (`''` = the case variables) -> variables. */
export function variableTargets(state: CaseState, fromKey: string, vars: Variables): Map<string, Variables> {
  const targets = new Map<string, Variables>();
  for (const [name, value] of Object.entries(vars)) {
    let k = fromKey;
    let target = '';
    for (;;) {
      const inst = instanceOf(state, k);
      if (isProcess(inst)) {
        target = inst.scope === undefined ? '' : k;
        break;
      }
      // A multi-instance inner instance is a boundary too: each co-department's work stays its own until
      // the output element collects it (otherwise parallel instances would overwrite each other).
      const inner = inst.scope !== undefined && instanceOf(state, inst.scope).body !== undefined;
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
