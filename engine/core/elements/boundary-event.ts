/**
 * Boundary event (BPMN 2.0.2 §10.5.4-10.5.5): a timer, message or error caught on an activity. An
 * interrupting one terminates the activity first; a non-interrupting one lets it run on and starts a
 * parallel token. Either way the boundary event instance then completes at once in the activity's scope.
 */
import type { ElementContext } from './context.js';
import type { Variables } from '../types.js';
import { behavior } from './behavior.js';

export const boundaryEvent = behavior({});

/** Fires boundary event `boundaryId` of the live activity instance `attachedKey`. */
export function triggerBoundary(run: ElementContext, attachedKey: string, boundaryId: string, vars?: Variables): void {
  const node = run.defOf(attachedKey).nodes[boundaryId]!;
  const scope = run.inst(attachedKey).scope!;
  // §10.5.4: an error boundary event always interrupts; the others interrupt unless cancelActivity="false".
  if (node.cancelActivity !== false || node.event?.kind === 'error') run.terminate(attachedKey);
  run.activate(scope, boundaryId, { trigger: vars ? { eventEl: boundaryId, vars } : { eventEl: boundaryId } });
}
