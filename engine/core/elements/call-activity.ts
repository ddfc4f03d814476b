/**
 * Call activity (BPMN 2.0.2 §10.3.6): runs another deployed definition (the latest, or a pinned version)
 * as a child process instance inside this case's state. Its input mappings (or, without any, a copy of the
 * visible variables) become the child's variables; on completion its output mappings (or, without any,
 * all the child's variables) flow back to the caller.
 */
import { refuse } from '../refusal.js';
import { behavior } from './behavior.js';
import { activateProcess } from './process.js';

export const callActivity = behavior({
  onActivate(run, key) {
    const node = run.node(key);
    const called = node.calledElement;
    if (!called) refuse('CALLED_DEFINITION_NOT_FOUND', `Expected call activity '${node.id}' to name a definition, but it names none`);
    const def = run.resolve(called.key, called.version);
    const vars = node.inputs?.length ? { ...run.inst(key).vars } : run.view(key);
    // Pin the version actually resolved, so that later steps run the same definition.
    activateProcess(run, key, def.processId, { def: { key: def.key, version: def.version }, vars });
  },
  // The called process completes the call activity itself when it ends (see process.ts).
  onChildCompleted: () => {},
});
