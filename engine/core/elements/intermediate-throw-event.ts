/** Intermediate throw event (BPMN 2.0.2 §10.5.5): a message throw sends and passes on; none passes on. */
import { behavior } from './behavior.js';
import { sendMessage } from './send-task.js';

export const intermediateThrowEvent = behavior({
  onActivate(run, key) {
    const event = run.node(key).event;
    if (event?.kind === 'message') sendMessage(run, key, event.messageName);
    run.complete(key);
  },
});
