/**
 * Compiling a linted `bpmn:Process` to the engine's immutable {@link ExecutableDefinition}.
 * Compilation assumes lint found no error; anything it cannot compile is a bug, so it throws.
 */
import type { ExecutableDefinition, FlowDef, NodeDef, NodeKind, ScopeDef } from '../../engine/core/model.js';
import { readApproval } from '../approval/read-approval.js';
import { expressionText, flowNodes, isEventSubProcess, sequenceFlows, type ModdleElement } from '../moddle.js';
import { calledElementOf, mappingsOf, multiInstanceOf } from './activities.js';
import { eventDefinitionOf } from './events.js';
import { compact, deepFreeze } from './freeze.js';

const KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'task', 'userTask', 'manualTask', 'serviceTask', 'businessRuleTask', 'sendTask', 'receiveTask',
  'subProcess', 'callActivity', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway',
]);

function kindOf(el: ModdleElement): NodeKind {
  const name = el.$type.slice(5);
  const kind = (name.charAt(0).toLowerCase() + name.slice(1)) as NodeKind;
  if (!el.$type.startsWith('bpmn:') || !KINDS.has(kind)) throw new Error(`'${el.id}' is a ${el.$type}, which lint should have refused`);
  return kind;
}

function messageNameOf(el: ModdleElement): string | undefined {
  if (el.$type !== 'bpmn:SendTask' && el.$type !== 'bpmn:ReceiveTask') return undefined;
  // A 抄送 step has no message (the lint lets it through without one).
  return el.messageRef ? String(el.messageRef.name).trim() : undefined;
}

function nodeOf(el: ModdleElement, scopeId: string, flows: ModdleElement[]): NodeDef {
  const isEvent = el.$instanceOf('bpmn:Event');
  const isActivity = el.$instanceOf('bpmn:Activity');
  const approval = isActivity ? readApproval(el).spec : undefined;
  const boundary = el.$type === 'bpmn:BoundaryEvent';
  const inEventSubProcess = el.$type === 'bpmn:StartEvent' && isEventSubProcess(el.$parent!);
  const boundaryEvents = isActivity
    ? flowNodes(el.$parent!).filter((n) => n.$type === 'bpmn:BoundaryEvent' && n.attachedToRef === el).map((n) => n.id as string)
    : [];
  return compact<NodeDef>({
    id: el.id,
    kind: kindOf(el),
    name: el.name,
    scopeId,
    incoming: flows.filter((f) => f.targetRef === el).map((f) => f.id as string),
    outgoing: flows.filter((f) => f.sourceRef === el).map((f) => f.id as string),
    defaultFlow: el.default?.id,
    event: isEvent ? eventDefinitionOf(el) : undefined,
    attachedTo: boundary ? el.attachedToRef.id : undefined,
    cancelActivity: boundary ? el.cancelActivity !== false : undefined,
    boundaryEvents: boundaryEvents.length > 0 ? boundaryEvents : undefined,
    isInterrupting: inEventSubProcess ? el.isInterrupting !== false : undefined,
    triggeredByEvent: el.$instanceOf('bpmn:SubProcess') ? el.triggeredByEvent === true : undefined,
    approval,
    multiInstance: isActivity ? multiInstanceOf(el) : undefined,
    ...mappingsOf(el),
    action: el.$type === 'bpmn:ServiceTask' ? String(el.action).trim() : undefined,
    decisionRef: el.$type === 'bpmn:BusinessRuleTask' ? String(el.decisionRef).trim() : undefined,
    messageName: messageNameOf(el),
    calledElement: calledElementOf(el),
  });
}

function flowOf(flow: ModdleElement): FlowDef {
  return compact<FlowDef>({
    id: flow.id,
    name: flow.name,
    sourceId: flow.sourceRef.id,
    targetId: flow.targetRef.id,
    condition: flow.conditionExpression ? expressionText(flow.conditionExpression) : undefined,
  });
}

/** Options of {@link compileProcess}. */
export interface CompileOptions {
  /** Deployment key; the process id when absent. */
  key?: string;
  /** Deployment version; 1 when absent. */
  version?: number;
}

/**
 * Compiles a process that passed lint into a deep-frozen executable definition whose nodes, flows and
 * scopes (the process and every sub-process) are indexed by id.
 */
export function compileProcess(process: ModdleElement, options: CompileOptions = {}): ExecutableDefinition {
  const nodes: Record<string, NodeDef> = {};
  const flows: Record<string, FlowDef> = {};
  const scopes: Record<string, ScopeDef> = {};
  const visit = (scope: ModdleElement) => {
    const children = flowNodes(scope);
    const scopeFlows = sequenceFlows(scope);
    for (const f of scopeFlows) flows[f.id] = flowOf(f);
    for (const child of children) {
      nodes[child.id] = nodeOf(child, scope.id, scopeFlows);
      if (child.$instanceOf('bpmn:SubProcess')) visit(child);
    }
    scopes[scope.id] = {
      id: scope.id,
      children: children.map((c) => c.id as string),
      startEvents: children.filter((c) => c.$type === 'bpmn:StartEvent').map((c) => c.id as string),
      eventSubprocesses: children.filter(isEventSubProcess).map((c) => c.id as string),
    };
  };
  visit(process);
  return deepFreeze(
    compact<ExecutableDefinition>({
      key: options.key ?? process.id,
      version: options.version ?? 1,
      processId: process.id,
      name: process.name,
      nodes,
      flows,
      scopes,
    }),
  );
}
