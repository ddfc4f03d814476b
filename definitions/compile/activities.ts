/**
 * Compiling what activities carry: multi-instance characteristics (BPMN 2.0.2 §10.3.8), variable mappings,
 * and the call activity's target (§10.3.6).
 */
import type { MultiInstanceSpec, NodeDef, VariableMapping } from '../../engine/core/model.js';
import { expressionText, extensionsOf, type ModdleElement } from '../moddle.js';
import { compact } from './freeze.js';

/** Multi-instance settings of an activity, or undefined when it has none. */
export function multiInstanceOf(activity: ModdleElement): MultiInstanceSpec | undefined {
  const loop = activity.loopCharacteristics as ModdleElement | undefined;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  return compact<MultiInstanceSpec>({
    sequential: loop.isSequential === true,
    collection: trimmed(loop.collection),
    cardinality: loop.loopCardinality ? expressionText(loop.loopCardinality) : undefined,
    elementVariable: trimmed(loop.elementVariable),
    completionCondition: loop.completionCondition ? expressionText(loop.completionCondition) : undefined,
    outputElement: trimmed(loop.outputElement),
    outputCollection: trimmed(loop.outputCollection),
  });
}

/** The input and output mappings of a flow node (`approval:ioMapping`), each list omitted when empty. */
export function mappingsOf(node: ModdleElement): { inputs?: VariableMapping[]; outputs?: VariableMapping[] } {
  const read = (kind: 'inputs' | 'outputs') =>
    extensionsOf(node, 'approval:IoMapping').flatMap((io) =>
      ((io[kind] ?? []) as ModdleElement[]).map((m) => ({ source: String(m.source).trim(), target: String(m.target) })),
    );
  const inputs = read('inputs');
  const outputs = read('outputs');
  return compact({ inputs: inputs.length ? inputs : undefined, outputs: outputs.length ? outputs : undefined });
}

/** The definition a call activity calls: its key and `latest` or a pinned version. */
export function calledElementOf(activity: ModdleElement): NodeDef['calledElement'] {
  if (activity.$type !== 'bpmn:CallActivity') return undefined;
  const raw = activity.calledVersion as string | undefined;
  const version = raw === undefined || raw.trim() === 'latest' ? 'latest' : Number(raw);
  return { key: String(activity.calledElement).trim(), version };
}
