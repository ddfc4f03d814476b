/**
 * Error propagation (BPMN 2.0.2 §10.5.4 and §10.3.5): a thrown error is caught by the innermost enclosing
 * catcher, looking outward scope by scope: first an error event subprocess of the scope, then an error
 * boundary event on the scope's activity. A specific error code wins over a catch-all at the same level.
 * An error nobody catches refuses the command (the modeller must add a catcher), never a crash.
 */
import { triggerBoundary } from './elements/boundary-event.js';
import { triggerEventSubprocess } from './elements/sub-process.js';
import type { NodeDef } from './model.js';
import { refuse } from './refusal.js';
import type { ElementContext } from './elements/context.js';

function best(nodes: NodeDef[], errorCode: string): NodeDef | undefined {
  const errors = nodes.filter((n) => n.event?.kind === 'error');
  const code = (n: NodeDef) => (n.event?.kind === 'error' ? n.event.errorCode : undefined);
  return errors.find((n) => code(n) === errorCode) ?? errors.find((n) => code(n) === undefined);
}

/** Throws error `errorCode` from the instance `fromKey` (an error end event). */
export function throwError(run: ElementContext, fromKey: string, errorCode: string): void {
  const from = run.inst(fromKey).el;
  for (let k = run.inst(fromKey).scope; k !== undefined; k = run.inst(k).scope) {
    const inst = run.inst(k);
    const def = run.defOf(k);
    const scopeDef = inst.body || inst.state !== 'active' ? undefined : def.scopes[inst.el];
    const starts = (scopeDef?.eventSubprocesses ?? []).flatMap((esp) => def.scopes[esp]?.startEvents ?? []);
    const start = best(starts.map((id) => def.nodes[id]!), errorCode);
    if (start) {
      run.emit('error.thrown', { errorCode, from, caughtBy: start.id });
      triggerEventSubprocess(run, k, start.id, { errorCode });
      return;
    }
    // Boundary events of a multi-instance activity sit on its body, not on each inner instance (§10.3.8).
    const inner = inst.scope !== undefined && run.inst(inst.scope).body !== undefined;
    if (!run.isProcess(k) && !inner) {
      const boundary = best((run.node(k).boundaryEvents ?? []).map((id) => def.nodes[id]!), errorCode);
      if (boundary) {
        run.emit('error.thrown', { errorCode, from, caughtBy: boundary.id });
        triggerBoundary(run, k, boundary.id, { errorCode });
        return;
      }
    }
  }
  refuse('UNHANDLED_ERROR', `Expected error '${errorCode}' thrown at '${from}' to be caught, but no enclosing scope catches it`);
}
