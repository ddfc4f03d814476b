/**
 * A process instance: the case's own, or one a call activity started inside the case (BPMN 2.0.2 §10.3.6).
 * It is a scope like a subprocess; completing, the case's process completes the case, and a called one
 * hands its variables back to its call activity.
 */
import type { ElementContext } from './context.js';
import type { DefinitionRef } from '../state.js';
import type { Variables } from '../types.js';
import { behavior } from './behavior.js';
import { noneStart, openEventSubprocesses } from './sub-process.js';

/**
 * Activates a process instance inside `scope` (a call activity instance), or as the case's process when
 * `scope` is undefined, and places a token on `startId` (default: its none start event).
 */
export function activateProcess(
  run: ElementContext,
  scope: string | undefined,
  processId: string,
  opts: { def?: DefinitionRef; vars?: Variables; startId?: string; trigger?: Variables } = {},
): string {
  const key = run.alloc();
  run.emit('element.activated', { key, el: processId, scope, def: opts.def, vars: opts.vars });
  openEventSubprocesses(run, key);
  const start = opts.startId ?? noneStart(run, key);
  const kind = run.defOf(key).nodes[start]?.event?.kind ?? 'none';
  const trigger = opts.trigger ? { eventEl: start, vars: opts.trigger } : { eventEl: start };
  run.queueActivation(key, start, kind === 'none' ? {} : { trigger });
  return key;
}

export const processInstance = behavior({
  onActivate: () => {},
  onEmpty(run, key) {
    const inst = run.inst(key);
    run.cancelTimersOf(key);
    run.emit('element.completed', { key, el: inst.el });
    if (inst.scope === undefined) run.emit('case.completed', {});
    else run.complete(inst.scope, inst.vars ?? {});
  },
});
