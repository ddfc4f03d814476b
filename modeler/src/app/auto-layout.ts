/**
 * A diagram for a process that has none. Item packages are written by hand and often carry no BPMN diagram
 * interchange (no `bpmndi:BPMNDiagram`), which bpmn-js cannot show. {@link withDiagram} adds one: the flow
 * nodes of the first process in columns by their distance from the start events (breadth first along the
 * sequence flows), boundary events on the lower edge of their host, and each sequence flow as an orthogonal
 * line (a flow back to an earlier column runs below both ends). A file with a diagram is returned unchanged.
 */

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const DC = 'http://www.omg.org/spec/DD/20100524/DC';
const DI = 'http://www.omg.org/spec/DD/20100524/DI';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

const EVENTS = new Set(['startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent']);
const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway']);
const ACTIVITIES = new Set(['task', 'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'manualTask', 'businessRuleTask', 'scriptTask', 'callActivity', 'subProcess', 'transaction', 'adHocSubProcess']);

const COLUMN = 170;
const ROW = 130;
const ORIGIN = { x: 120, y: 120 };

interface Box { x: number; y: number; width: number; height: number }
type Point = [number, number];

function size(kind: string): { width: number; height: number } {
  if (EVENTS.has(kind)) return { width: 36, height: 36 };
  if (GATEWAYS.has(kind)) return { width: 50, height: 50 };
  return { width: 100, height: 80 };
}

/** Columns and rows of the flow nodes: breadth first from the start events, boundary events with their host. */
function grid(nodes: Map<string, Element>, outgoing: Map<string, string[]>, boundaries: Map<string, string[]>): Map<string, [number, number]> {
  const column = new Map<string, number>();
  const starts = [...nodes.values()].filter((n) => n.localName === 'startEvent').map((n) => n.id);
  const others = [...nodes.keys()].filter((id) => nodes.get(id)!.localName !== 'boundaryEvent');
  const queue: string[] = [];
  const reach = (id: string, at: number) => {
    if (column.has(id) || !nodes.has(id)) return;
    column.set(id, at);
    queue.push(id);
    for (const b of boundaries.get(id) ?? []) reach(b, at);
  };
  // Starts first, then whatever no start reaches, each seeding its own breadth-first walk.
  for (const seed of [...starts, ...others]) {
    if (column.has(seed)) continue;
    reach(seed, starts.includes(seed) ? 0 : Math.max(-1, ...column.values()) + 1);
    while (queue.length) {
      const id = queue.shift()!;
      for (const next of outgoing.get(id) ?? []) reach(next, column.get(id)! + 1);
    }
  }
  const rows = new Map<number, number>();
  const placed = new Map<string, [number, number]>();
  for (const [id, col] of column) {
    if (nodes.get(id)!.localName === 'boundaryEvent') continue;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    placed.set(id, [col, row]);
  }
  return placed;
}

function waypoints(from: Box, to: Box, boundary: boolean): Point[] {
  const mid = (b: Box): Point => [b.x + b.width / 2, b.y + b.height / 2];
  const [fx, fy] = mid(from);
  const [tx, ty] = mid(to);
  if (boundary) return [[fx, from.y + from.height], [fx, ty], [to.x, ty]];
  if (to.x > from.x + from.width) {
    if (fy === ty) return [[from.x + from.width, fy], [to.x, ty]];
    const bend = from.x + from.width + 25;
    return [[from.x + from.width, fy], [bend, fy], [bend, ty], [to.x, ty]];
  }
  const low = Math.max(from.y + from.height, to.y + to.height) + 40;
  return [[fx, from.y + from.height], [fx, low], [tx, low], [tx, to.y + to.height]];
}

/** `xml` with a generated diagram when it has none and has a process; otherwise `xml` itself. */
export function withDiagram(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length || doc.getElementsByTagNameNS(BPMNDI, 'BPMNDiagram').length) return xml;
  const process = doc.getElementsByTagNameNS(BPMN, 'process')[0];
  if (!process?.id) return xml;

  const nodes = new Map<string, Element>();
  const flows: Element[] = [];
  for (const child of Array.from(process.children)) {
    if (child.namespaceURI !== BPMN || !child.id) continue;
    if (child.localName === 'sequenceFlow') flows.push(child);
    else if (EVENTS.has(child.localName) || GATEWAYS.has(child.localName) || ACTIVITIES.has(child.localName)) nodes.set(child.id, child);
  }
  const outgoing = new Map<string, string[]>();
  for (const f of flows) outgoing.set(f.getAttribute('sourceRef') ?? '', [...(outgoing.get(f.getAttribute('sourceRef') ?? '') ?? []), f.getAttribute('targetRef') ?? '']);
  const boundaries = new Map<string, string[]>();
  for (const n of nodes.values()) {
    const host = n.localName === 'boundaryEvent' ? n.getAttribute('attachedToRef') : null;
    if (host && nodes.has(host)) boundaries.set(host, [...(boundaries.get(host) ?? []), n.id]);
  }

  const boxes = new Map<string, Box>();
  for (const [id, [col, row]] of grid(nodes, outgoing, boundaries)) {
    const { width, height } = size(nodes.get(id)!.localName);
    const box = { x: ORIGIN.x + col * COLUMN - width / 2, y: ORIGIN.y + row * ROW - height / 2, width, height };
    boxes.set(id, box);
    (boundaries.get(id) ?? []).forEach((b, i) => boxes.set(b, { x: box.x + box.width - 28 - i * 30, y: box.y + box.height - 18, width: 36, height: 36 }));
  }

  const root = doc.documentElement;
  for (const [prefix, ns] of [['bpmndi', BPMNDI], ['dc', DC], ['di', DI]] as const) {
    if (!root.lookupPrefix(ns)) root.setAttributeNS(XMLNS, `xmlns:${prefix}`, ns);
  }
  const make = (ns: string, name: string, attributes: Record<string, string | number>) => {
    const e = doc.createElementNS(ns, `${root.lookupPrefix(ns)}:${name}`);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
    return e;
  };
  const diagram = make(BPMNDI, 'BPMNDiagram', { id: `${process.id}_diagram` });
  const plane = make(BPMNDI, 'BPMNPlane', { id: `${process.id}_plane`, bpmnElement: process.id });
  diagram.append(plane);
  for (const [id, box] of boxes) {
    const kind = nodes.get(id)!.localName;
    const shape = make(BPMNDI, 'BPMNShape', { id: `${id}_di`, bpmnElement: id, ...(kind === 'exclusiveGateway' ? { isMarkerVisible: 'true' } : {}), ...(kind === 'subProcess' ? { isExpanded: 'false' } : {}) });
    shape.append(make(DC, 'Bounds', box as unknown as Record<string, number>));
    plane.append(shape);
  }
  for (const f of flows) {
    const from = boxes.get(f.getAttribute('sourceRef') ?? '');
    const to = boxes.get(f.getAttribute('targetRef') ?? '');
    if (!from || !to) continue;
    const edge = make(BPMNDI, 'BPMNEdge', { id: `${f.id}_di`, bpmnElement: f.id });
    const boundary = nodes.get(f.getAttribute('sourceRef')!)!.localName === 'boundaryEvent';
    for (const [x, y] of waypoints(from, to, boundary)) edge.append(make(DI, 'waypoint', { x, y }));
    plane.append(edge);
  }
  root.append(diagram);
  return new XMLSerializer().serializeToString(doc);
}
