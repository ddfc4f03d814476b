/**
 * The moddle element tree as Shenpi reads it. bpmn-moddle builds objects whose properties follow the BPMN 2.0.2
 * metamodel (chapter 8-10); they are typed loosely here and read through the small helpers below.
 */
import { BpmnModdle } from 'bpmn-moddle';
import approvalDescriptor from './approval-moddle.json' with { type: 'json' };

/** An element of a moddle tree (`bpmn:UserTask`, `approval:IoMapping` …). */
export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  readonly $attrs?: Record<string, string>;
  readonly $descriptor: ModdleDescriptor;
  $instanceOf(type: string): boolean;
  // Properties are those of the BPMN metamodel; rules read them by name.
  readonly [property: string]: any;
}

/** The descriptor moddle attaches to each element type. */
export interface ModdleDescriptor {
  readonly name: string;
  readonly isGeneric?: boolean;
  readonly properties: readonly {
    name: string;
    type: string;
    isAttr?: boolean;
    isReference?: boolean;
    isMany?: boolean;
  }[];
}

/** The approval extension descriptor (`approval-moddle.json`), shared with the modeler. */
export const approvalModdleDescriptor = approvalDescriptor;

/** The namespace URI of the approval extension. */
export const APPROVAL_NS = approvalDescriptor.uri;

/** A moddle instance that knows BPMN 2.0 and the approval extension. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ approval: approvalDescriptor });
}

/** True when `el` is (a subtype of) the given type, e.g. `is(el, 'bpmn:Activity')`. */
export function is(el: unknown, type: string): el is ModdleElement {
  return (
    typeof el === 'object' &&
    el !== null &&
    typeof (el as ModdleElement).$instanceOf === 'function' &&
    (el as ModdleElement).$instanceOf(type)
  );
}

/** True when `el` is exactly of one of the given types (no subtypes). */
export function isExactly(el: ModdleElement, ...types: string[]): boolean {
  return types.includes(el.$type);
}

/** The body of a BPMN expression (`<conditionExpression>`, `<timeDuration>` …), trimmed; undefined if absent. */
export function expressionText(expr: unknown): string | undefined {
  if (!is(expr, 'bpmn:Expression')) return undefined;
  const body = (expr as ModdleElement).body;
  return typeof body === 'string' ? body.trim() : '';
}

/** The flow elements of a process or sub-process (BPMN 2.0.2 §10.1 FlowElementsContainer). */
export function flowElements(container: ModdleElement): ModdleElement[] {
  return (container.flowElements as ModdleElement[] | undefined) ?? [];
}

/** The flow nodes directly inside a container (activities, events, gateways; not flows or data). */
export function flowNodes(container: ModdleElement): ModdleElement[] {
  return flowElements(container).filter((el) => is(el, 'bpmn:FlowNode'));
}

/** The sequence flows directly inside a container. */
export function sequenceFlows(container: ModdleElement): ModdleElement[] {
  return flowElements(container).filter((el) => el.$type === 'bpmn:SequenceFlow');
}

/** The extension elements of an element of the given type (e.g. `approval:IoMapping`). */
export function extensionsOf(el: ModdleElement, type: string): ModdleElement[] {
  const values = (el.extensionElements?.values as ModdleElement[] | undefined) ?? [];
  return values.filter((v) => is(v, type));
}

/** True for an event sub-process (BPMN 2.0.2 §10.3.5, `triggeredByEvent`). */
export function isEventSubProcess(el: ModdleElement): boolean {
  return is(el, 'bpmn:SubProcess') && el.triggeredByEvent === true;
}

/**
 * Outgoing sequence flows of a flow node, found from the flows' `sourceRef` (the `<outgoing>` children that
 * modelers write are optional in BPMN 2.0.2 §10.2.1 XML and often missing in hand-written files).
 */
export function outgoingOf(node: ModdleElement): ModdleElement[] {
  return node.$parent ? sequenceFlows(node.$parent).filter((f) => f.sourceRef === node) : [];
}

/** Incoming sequence flows of a flow node, found from the flows' `targetRef`. */
export function incomingOf(node: ModdleElement): ModdleElement[] {
  return node.$parent ? sequenceFlows(node.$parent).filter((f) => f.targetRef === node) : [];
}
