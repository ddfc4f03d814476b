/**
 * What the engine runs, as the modeler offers it. The element types refused at deploy come from the
 * definitions rule `unsupported-element` itself (REFUSED_ELEMENTS); event triggers follow the rule
 * `event-definition-supported` (none, message, timer, error, terminate run; signal, escalation, conditional,
 * link, cancel and compensation do not). Menu entries are matched by the ids bpmn-js gives them.
 */
import { REFUSED_ELEMENTS } from '../../../definitions/lint/rules/unsupported-element.js';

/** Element types the engine refuses at deploy (`bpmn:ScriptTask`, `bpmn:ComplexGateway` …). */
export const REFUSED_TYPES: ReadonlySet<string> = new Set(Object.keys(REFUSED_ELEMENTS));

/** Event definition types the engine refuses at deploy. */
export const REFUSED_EVENT_DEFINITIONS: ReadonlySet<string> = new Set([
  'bpmn:SignalEventDefinition',
  'bpmn:EscalationEventDefinition',
  'bpmn:ConditionalEventDefinition',
  'bpmn:LinkEventDefinition',
  'bpmn:CancelEventDefinition',
  'bpmn:CompensateEventDefinition',
]);

/**
 * Replace-menu, context-pad and palette entry ids that create what the engine refuses. `conditional-flow`
 * (a sequence flow with a condition) runs and is kept; only conditional *events* go.
 */
const REFUSED_ENTRY = [
  /script-task/,
  /transaction/,
  /complex-gateway/,
  /ad-hoc/,
  /adhoc/,
  /signal/,
  /escalation/,
  /conditional-(start|intermediate|boundary)|condition-intermediate/,
  /link-intermediate/,
  /compensation|compensate/,
  /cancel-(boundary|end)/,
  /toggle-loop/,
  /instantiating/,
];

/** True when a menu entry id offers something the engine does not run. */
export function isRefusedEntry(id: string): boolean {
  return REFUSED_ENTRY.some((re) => re.test(id));
}

/** True when a business object is something the engine refuses (its type, or one of its event triggers). */
export function isRefusedElement(bo: { $type: string; eventDefinitions?: { $type: string }[] } | undefined): boolean {
  if (!bo) return false;
  if (REFUSED_TYPES.has(bo.$type)) return true;
  return (bo.eventDefinitions ?? []).some((d) => REFUSED_EVENT_DEFINITIONS.has(d.$type));
}

/** Removes refused entries from a palette, context-pad or popup-menu entry map. */
export function withoutRefused<T>(entries: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).filter(([id]) => !isRefusedEntry(id)));
}
