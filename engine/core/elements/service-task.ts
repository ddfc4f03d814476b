/**
 * Service task (BPMN 2.0.2 §10.3.3): asks the runtime to run a built-in action (effect `action.run`) and
 * completes at once; the action runs after the step commits, so its failure never undoes the step.
 */
import { behavior } from './behavior.js';

export const serviceTask = behavior({
  onActivate(run, key) {
    const node = run.node(key);
    run.effect({ type: 'action.run', action: node.action ?? node.id, elementId: node.id, input: run.input(key) });
    run.complete(key);
  },
});
