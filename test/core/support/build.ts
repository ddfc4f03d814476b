/**
 * A tiny builder of executable definitions for core tests, until `.bpmn` fixtures compiled by
 * `definitions/` stand beside them. Nodes are given by id; flows as `'a->b'` (id `a-b`), `'id:a->b'`, or
 * `['a->b', 'condition']`; `in` names the enclosing subprocess; `defaultTo` names the default flow's target.
 */
import type { ExecutableDefinition, FlowDef, NodeDef, ScopeDef } from '../../../engine/core/model.js';

type NodeSpec = Omit<NodeDef, 'id' | 'scopeId' | 'incoming' | 'outgoing' | 'boundaryEvents' | 'defaultFlow'> & {
  in?: string;
  defaultTo?: string;
};
type FlowSpec = string | [string, string];

export interface ProcessSpec {
  id: string;
  key?: string;
  version?: number;
  nodes: Record<string, NodeSpec>;
  flows: FlowSpec[];
}

function parseFlow(spec: FlowSpec): FlowDef {
  const [text, condition] = typeof spec === 'string' ? [spec, undefined] : spec;
  const [head, target] = text.split('->') as [string, string];
  const [id, source] = head.includes(':') ? (head.split(':') as [string, string]) : [`${head}-${target}`, head];
  return condition === undefined ? { id, sourceId: source, targetId: target } : { id, sourceId: source, targetId: target, condition };
}

/** Builds an executable definition (indexes, scopes, boundary lists) from a compact spec. */
export function defineProcess(spec: ProcessSpec): ExecutableDefinition {
  const flows: Record<string, FlowDef> = {};
  for (const f of spec.flows.map(parseFlow)) flows[f.id] = f;
  const nodes: Record<string, NodeDef> = {};
  for (const [id, n] of Object.entries(spec.nodes)) {
    const { in: scope, defaultTo, ...rest } = n;
    const outgoing = Object.values(flows).filter((f) => f.sourceId === id).map((f) => f.id);
    const incoming = Object.values(flows).filter((f) => f.targetId === id).map((f) => f.id);
    const boundaryEvents = Object.entries(spec.nodes).filter(([, b]) => b.attachedTo === id).map(([b]) => b);
    const defaultFlow = defaultTo === undefined ? undefined : outgoing.find((f) => flows[f]!.targetId === defaultTo);
    nodes[id] = {
      ...rest,
      id,
      scopeId: scope ?? spec.id,
      incoming,
      outgoing,
      ...(boundaryEvents.length ? { boundaryEvents } : {}),
      ...(defaultFlow ? { defaultFlow } : {}),
    };
  }
  const scopes: Record<string, ScopeDef> = {};
  const scopeIds = [spec.id, ...Object.values(nodes).filter((n) => n.kind === 'subProcess').map((n) => n.id)];
  for (const sid of scopeIds) {
    const children = Object.values(nodes).filter((n) => n.scopeId === sid);
    scopes[sid] = {
      id: sid,
      children: children.map((n) => n.id),
      startEvents: children.filter((n) => n.kind === 'startEvent').map((n) => n.id),
      eventSubprocesses: children.filter((n) => n.triggeredByEvent).map((n) => n.id),
    };
  }
  return { key: spec.key ?? spec.id, version: spec.version ?? 1, processId: spec.id, nodes, flows, scopes };
}
