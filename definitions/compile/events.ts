/** Compiling event triggers (BPMN 2.0.2 §10.5) to the engine's {@link EventDefinition}. */
import type { EventDefinition, TimerSpec } from '../../engine/core/model.js';
import { expressionText, type ModdleElement } from '../moddle.js';
import { parseTimeLimit } from '../approval/time.js';

function timerOf(def: ModdleElement, event: ModdleElement): TimerSpec {
  if (def.timeDate) return { type: 'date', expression: expressionText(def.timeDate)! };
  if (def.timeDuration) return { type: 'duration', expression: expressionText(def.timeDuration)! };
  if (def.timeCycle) return { type: 'cycle', expression: expressionText(def.timeCycle)! };
  const limit = parseTimeLimit(String(def.timeLimit ?? event.timeLimit));
  if (typeof limit === 'string') throw new Error(`timer of '${event.id}' was not linted: ${limit}`);
  return { type: 'limit', limit };
}

/** The trigger of an event; `{ kind: 'none' }` for a none event. Assumes the event passed lint. */
export function eventDefinitionOf(event: ModdleElement): EventDefinition {
  const def = (event.eventDefinitions as ModdleElement[] | undefined)?.[0];
  if (!def) return { kind: 'none' };
  switch (def.$type) {
    case 'bpmn:MessageEventDefinition':
      return { kind: 'message', messageName: String(def.messageRef.name).trim() };
    case 'bpmn:TimerEventDefinition':
      return { kind: 'timer', timer: timerOf(def, event) };
    case 'bpmn:ErrorEventDefinition': {
      const code = def.errorRef?.errorCode as string | undefined;
      return code ? { kind: 'error', errorCode: code } : { kind: 'error' };
    }
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    default:
      throw new Error(`event '${event.id}' has an unsupported trigger ${def.$type} that lint should have refused`);
  }
}
