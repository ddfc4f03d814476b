/**
 * Abstract task (BPMN 2.0.2 §10.3.3: a Task with no type has no defined behaviour of its own). Shenpi runs it
 * as a step that completes at once, so interchange models and drafts run end to end; deploy warns about each
 * one (rule `untyped-task`), because staff work needs a user task.
 */
import { behavior } from './behavior.js';

export const task = behavior({
  onActivate(run, key) {
    run.complete(key);
  },
});
