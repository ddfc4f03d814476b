/**
 * Receive task (BPMN 2.0.2 §10.3.3): waits for its message (`message.correlate`). It shows in the task
 * list so that staff see what the case waits for, but only the message completes it.
 */
import { behavior } from './behavior.js';
import { cancelTask, openTask } from './user-task.js';

export const receiveTask = behavior({
  onActivate: (run, key) => openTask(run, key, 'receiveTask'),
  onEvent(run, key, trigger) {
    run.emit('task.completed', { taskId: run.publicId(key), variables: trigger.vars });
    run.complete(key, trigger.vars);
  },
  onTerminate: cancelTask,
});
