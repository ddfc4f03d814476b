/** `case.start`, `case.suspend`, `case.resume`, `case.cancel`, `case.return`. */
import type { ExecutableDefinition } from '../model.js';
import { activateProcess } from '../elements/process.js';
import { refuse } from '../refusal.js';
import type { Run } from '../run.js';
import { byKey } from '../state.js';
import type { Command, ReasonCode } from '../types.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

function chooseStart(def: ExecutableDefinition, startEventId?: string): string {
  const starts = def.scopes[def.processId]?.startEvents ?? [];
  if (startEventId !== undefined) {
    if (!starts.includes(startEventId)) {
      refuse('START_EVENT_NOT_FOUND', `Expected '${startEventId}' to be a start event of process '${def.processId}', but it is not (start events: ${starts.join(', ') || 'none'})`);
    }
    return startEventId;
  }
  const none = starts.find((id) => (def.nodes[id]?.event?.kind ?? 'none') === 'none') ?? (starts.length === 1 ? starts[0] : undefined);
  if (!none) refuse('START_EVENT_NOT_FOUND', `Expected process '${def.processId}' to have a none start event, but it has ${starts.length} other start events; name one`);
  return none;
}

export function start(run: Run, cmd: Of<'case.start'>): void {
  if (run.state.status !== 'idle') {
    refuse('CASE_ALREADY_STARTED', `Expected case '${cmd.caseId}' not to be started, but it is ${run.state.status}`);
  }
  const def = run.definition;
  const startId = chooseStart(def, cmd.startEventId);
  const definition = { key: def.key, version: def.version, processId: def.processId };
  run.emit('case.started', { caseId: cmd.caseId, definition, variables: { ...cmd.variables } });
  activateProcess(run, undefined, def.processId, { startId });
}

/** The command's reason code, when it has one, for its event. */
function reasonCode(cmd: ReasonCode): ReasonCode {
  return cmd.whyCode === undefined ? {} : { whyCode: cmd.whyCode, ...(cmd.whyParams ? { whyParams: { ...cmd.whyParams } } : {}) };
}

export function suspend(run: Run, cmd: Of<'case.suspend'>): void {
  run.emit('case.suspended', { reason: cmd.reason, ...reasonCode(cmd) });
}

export function resume(run: Run, cmd: Of<'case.resume'>): void {
  if (!run.state.suspended) refuse('CASE_NOT_SUSPENDED', `Expected case '${run.state.caseId}' to be suspended, but it is running`);
  run.emit('case.resumed', { reason: cmd.reason, ...reasonCode(cmd) });
}

/** The case's own process instance. */
export function rootKey(run: Run): string {
  return byKey(run.state.elements).find((k) => run.inst(k).scope === undefined)!;
}

export function cancel(run: Run, cmd: Of<'case.cancel'>): void {
  run.terminate(rootKey(run));
  run.emit('case.cancelled', { reason: cmd.reason });
}

/**
 * 退回: terminate every token of the scope where `toElementId` was passed and activate it again. Only a
 * step passed on the scope's main line qualifies: one never passed, or passed inside a parallel branch
 * (re-activating it alone would leave its join waiting for ever), is refused.
 */
export function returnTo(run: Run, cmd: Of<'case.return'>): void {
  const target = cmd.toElementId;
  const scopes = byKey(run.state.elements).filter((k) => run.inst(k).passed?.includes(target));
  const [scope] = scopes;
  if (scopes.length !== 1 || scope === undefined || run.inst(scope).state !== 'active') {
    const known = run.definition.nodes[target] !== undefined;
    const found = !known
      ? `there is no such flow node in '${run.definition.key}'`
      : scopes.length > 1
        ? 'it was passed in several live scopes'
        : scope !== undefined
          ? 'its scope was interrupted by an event subprocess'
          : 'it was never passed on the main line (not yet reached, or only inside a parallel branch)';
    refuse('RETURN_TARGET_INVALID', `Expected '${target}' to be an earlier step of this case, but ${found}`, { toElementId: target });
  }
  run.terminateChildren(scope);
  run.emit('case.returned', { toElementId: target, reason: cmd.reason, scope, ...reasonCode(cmd) });
  run.activate(scope, target);
}
