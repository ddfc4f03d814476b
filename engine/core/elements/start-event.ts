/**
 * Start event (BPMN 2.0.2 §10.5.2): none, message or timer. The trigger already happened when the token is
 * placed on it (the runtime starts the case, or an event subprocess was triggered), so it completes at once,
 * handing the trigger's variables (a message's payload) to the scope.
 */
import { behavior } from './behavior.js';

export const startEvent = behavior({});
