/**
 * End event (BPMN 2.0.2 §10.5.3): none ends this token; message sends and ends; error throws to the
 * nearest catcher (the end event instance is terminated with the scope that catches); terminate ends
 * every other token of its scope at once, and when that scope is the case's process the case ends as
 * terminated.
 */
import { throwError } from '../error-propagation.js';
import type { ElementContext } from './context.js';
import { behavior } from './behavior.js';
import { sendMessage } from './send-task.js';

function terminateScope(run: ElementContext, key: string): void {
  const scope = run.inst(key).scope!;
  run.terminateTokens(scope, key);
  if (run.inst(scope).joins) run.emit('scope.cleared', { key: scope });
  if (run.inst(scope).scope !== undefined) {
    run.complete(key);
    return;
  }
  const el = run.inst(key).el;
  run.emit('element.completed', { key, el });
  run.cancelTimersOf(scope);
  run.emit('element.completed', { key: scope, el: run.inst(scope).el });
  run.emit('case.terminated', { elementId: el });
}

export const endEvent = behavior({
  onActivate(run, key) {
    const event = run.node(key).event;
    switch (event?.kind) {
      case 'error':
        return throwError(run, key, event.errorCode ?? '');
      case 'terminate':
        return terminateScope(run, key);
      case 'message':
        sendMessage(run, key, event.messageName);
        return run.complete(key);
      default:
        return run.complete(key);
    }
  },
});
