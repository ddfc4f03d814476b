/**
 * Message subscriptions, derived from the live instances rather than stored: a waiting receive task or
 * message catch event, the message events after a waiting event-based gateway, message boundary events of
 * live activities and message start events of the event subprocesses of active scopes.
 */
import type { ExecutableDefinition } from './model.js';
import type { Run } from './run.js';
import { byKey } from './state.js';

/** Who waits for a message: `owner` is the instance, `el` the element that catches it. */
export interface Subscription {
  name: string;
  owner: string;
  el: string;
  via: 'element' | 'gateway' | 'boundary' | 'eventSubprocess';
}

function messageOf(def: ExecutableDefinition, id: string): string | undefined {
  const node = def.nodes[id];
  if (!node) return undefined;
  if (node.kind === 'receiveTask') return node.messageName;
  return node.event?.kind === 'message' ? node.event.messageName : undefined;
}

/** All open message subscriptions of the case, oldest instance first. */
export function subscriptions(run: Run): Subscription[] {
  const out: Subscription[] = [];
  const add = (def: ExecutableDefinition, owner: string, el: string, via: Subscription['via']) => {
    const name = messageOf(def, el);
    if (name !== undefined) out.push({ name, owner, el, via });
  };
  for (const key of byKey(run.state.elements)) {
    const inst = run.inst(key);
    const def = run.defOf(key);
    if (!run.isProcess(key)) {
      const node = run.node(key);
      const inner = run.inst(inst.scope!).body !== undefined;
      if (!inst.body && (node.kind === 'receiveTask' || node.kind === 'intermediateCatchEvent')) add(def, key, node.id, 'element');
      if (node.kind === 'eventBasedGateway') for (const f of node.outgoing) add(def, key, def.flows[f]!.targetId, 'gateway');
      if (!inner) for (const b of node.boundaryEvents ?? []) add(def, key, b, 'boundary');
    }
    if (inst.state === 'active' && !inst.body) {
      for (const esp of def.scopes[inst.el]?.eventSubprocesses ?? []) {
        for (const start of def.scopes[esp]?.startEvents ?? []) add(def, key, start, 'eventSubprocess');
      }
    }
  }
  return out;
}
