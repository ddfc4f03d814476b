/**
 * Manual task (BPMN 2.0.2 §10.3.3): work done outside the platform (a paper check at the window). It is
 * still a step somebody must confirm, so it opens a task and waits like a user task.
 */
import { taskBehavior } from './user-task.js';

export const manualTask = taskBehavior('manualTask');
