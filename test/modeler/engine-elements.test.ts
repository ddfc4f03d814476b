import { describe, expect, it } from 'vitest';
import { lintDefinitions, parseBpmn } from '../../definitions/index.js';
import {
  REFUSED_EVENT_DEFINITIONS, REFUSED_TYPES, isRefusedElement, isRefusedEntry, withoutRefused,
} from '../../modeler/src/customization/engine-elements.js';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';

/** Findings of deploy's rules for a start event carrying one event definition. */
async function startEventWith(definition: string): Promise<string[]> {
  const tag = definition.replace('bpmn:', '').replace(/^./, (c) => c.toLowerCase());
  const xml = `<bpmn:definitions ${NS} id="d" targetNamespace="t"><bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s"><bpmn:${tag} /></bpmn:startEvent><bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /></bpmn:process></bpmn:definitions>`;
  const parsed = await parseBpmn(xml);
  if (!parsed.ok) throw new Error('fixture did not parse');
  return lintDefinitions(parsed.definitions).filter((f) => f.id === 's' && f.severity === 'error').map((f) => f.rule);
}

describe('what the modeler offers follows what deploy accepts', () => {
  it('refuses in the modeler exactly the event triggers that deploy refuses on a start event', async () => {
    for (const def of REFUSED_EVENT_DEFINITIONS) {
      if (def === 'bpmn:CancelEventDefinition' || def === 'bpmn:LinkEventDefinition') continue; // not valid on a start event at all
      expect(await startEventWith(def), def).toContain('event-definition-supported');
    }
    for (const def of ['bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition']) {
      expect(await startEventWith(def), def).not.toContain('event-definition-supported');
    }
  });

  it('takes the refused element types from the deploy rule itself', () => {
    expect(REFUSED_TYPES.has('bpmn:ScriptTask')).toBe(true);
    expect(REFUSED_TYPES.has('bpmn:ComplexGateway')).toBe(true);
    expect(REFUSED_TYPES.has('bpmn:UserTask')).toBe(false);
    expect(isRefusedElement({ $type: 'bpmn:Transaction' })).toBe(true);
    expect(isRefusedElement({ $type: 'bpmn:BoundaryEvent', eventDefinitions: [{ $type: 'bpmn:EscalationEventDefinition' }] })).toBe(true);
    expect(isRefusedElement({ $type: 'bpmn:BoundaryEvent', eventDefinitions: [{ $type: 'bpmn:TimerEventDefinition' }] })).toBe(false);
  });

  it('drops refused menu entries and keeps conditional sequence flows, timers and messages', () => {
    const entries = Object.fromEntries([
      'replace-with-script-task', 'replace-with-complex-gateway', 'replace-with-signal-start', 'replace-with-conditional-start',
      'replace-with-non-interrupting-escalation-boundary', 'replace-with-link-intermediate-catch', 'replace-with-compensation-end',
      'replace-with-cancel-boundary', 'toggle-loop', 'replace-with-collapsed-ad-hoc-subprocess', 'replace-with-transaction',
      'append.signal-intermediate-event', 'append.condition-intermediate-event', 'append.compensation-activity',
      'replace-with-conditional-flow', 'replace-with-default-flow', 'replace-with-timer-boundary', 'replace-with-message-start',
      'replace-with-user-task', 'toggle-parallel-mi', 'create.task', 'append.timer-intermediate-event',
    ].map((id) => [id, {}]));
    expect(Object.keys(withoutRefused(entries))).toEqual([
      'replace-with-conditional-flow', 'replace-with-default-flow', 'replace-with-timer-boundary', 'replace-with-message-start',
      'replace-with-user-task', 'toggle-parallel-mi', 'create.task', 'append.timer-intermediate-event',
    ]);
    expect(isRefusedEntry('replace-with-parallel-event-based-instantiating-gateway')).toBe(true);
  });
});
