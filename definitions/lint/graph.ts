/**
 * The sequence-flow graph of one scope (a process or a sub-process), for the reachability rules.
 * Sequence flows never cross a sub-process boundary (BPMN 2.0.2 §10.3.5), so each scope is a graph of its own.
 */
import { flowNodes, isEventSubProcess, sequenceFlows, type ModdleElement } from '../moddle.js';

/** Nodes of a scope and their successors; a boundary event follows the activity it is attached to. */
export interface ScopeGraph {
  nodes: ModdleElement[];
  next: Map<ModdleElement, ModdleElement[]>;
  previous: Map<ModdleElement, ModdleElement[]>;
}

/**
 * True for nodes outside the normal flow: event sub-processes (§10.3.5) and compensation handlers and
 * compensation boundary events, which are linked by association, not sequence flow (§10.7). The latter are
 * refused by `unsupported-element`; leaving them out here avoids reporting them twice.
 */
function outsideNormalFlow(n: ModdleElement): boolean {
  if (isEventSubProcess(n) || n.isForCompensation === true) return true;
  return ((n.eventDefinitions ?? []) as ModdleElement[]).some((d) => d.$type === 'bpmn:CompensateEventDefinition');
}

/** Builds the graph of the flow nodes directly inside `scope`, leaving out nodes outside the normal flow. */
export function scopeGraph(scope: ModdleElement): ScopeGraph {
  const nodes = flowNodes(scope).filter((n) => !outsideNormalFlow(n));
  const next = new Map<ModdleElement, ModdleElement[]>(nodes.map((n) => [n, []]));
  const previous = new Map<ModdleElement, ModdleElement[]>(nodes.map((n) => [n, []]));
  const link = (from: ModdleElement, to: ModdleElement) => {
    if (!next.has(from) || !next.has(to)) return;
    next.get(from)!.push(to);
    previous.get(to)!.push(from);
  };
  for (const flow of sequenceFlows(scope)) {
    if (flow.sourceRef && flow.targetRef) link(flow.sourceRef, flow.targetRef);
  }
  for (const node of nodes) {
    if (node.$type === 'bpmn:BoundaryEvent' && node.attachedToRef) link(node.attachedToRef, node);
  }
  return { nodes, next, previous };
}

/** Every node reachable from `from` following `edges` (including the starting nodes). */
export function closure(
  from: readonly ModdleElement[],
  edges: Map<ModdleElement, ModdleElement[]>,
): Set<ModdleElement> {
  const seen = new Set<ModdleElement>(from);
  const todo = [...from];
  while (todo.length > 0) {
    for (const n of edges.get(todo.pop()!) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        todo.push(n);
      }
    }
  }
  return seen;
}

/** True for the elements that hold flow nodes: a process or any sub-process. */
export function isScope(el: ModdleElement): boolean {
  return el.$type === 'bpmn:Process' || el.$instanceOf('bpmn:SubProcess');
}
