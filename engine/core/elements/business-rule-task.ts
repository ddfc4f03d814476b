/**
 * Business rule task (BPMN 2.0.2 §10.3.3): asks the runtime to evaluate its rule table (effect
 * `decision.evaluate`) and waits for the answer (`decision.complete`): rule evaluation is I/O for the core.
 */
import { behavior } from './behavior.js';
import { cancelTask, openTask } from './user-task.js';

export const businessRuleTask = behavior({
  onActivate(run, key) {
    openTask(run, key, 'businessRuleTask');
    const node = run.node(key);
    run.effect({
      type: 'decision.evaluate',
      taskId: run.publicId(key),
      decisionRef: node.decisionRef ?? node.id,
      input: run.input(key),
    });
  },
  onTerminate: cancelTask,
});
