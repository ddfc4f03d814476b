/**
 * The approval aggregate behind the runtime's `Engine` port. The port's `Command` is the core's union and
 * the runner creates a case only on a command typed `case.start`, so this thin adapter carries approval
 * commands through it: `case.apply` travels as `case.start` with the application inside, and every other
 * command travels as it is. Until the port becomes `Engine<S, C>` with a creation predicate, callers wrap
 * commands with `toRuntimeCommand`.
 */
import type { Command } from '../core/types.js';
import type { Engine } from '../runtime/ports.js';
import type { ApprovalCommand } from './commands.js';
import { approvalStep } from './step.js';
import { initialApprovalState, type ApprovalCaseState } from './state.js';

type Carried = { type: 'case.start'; caseId: string; application: ApprovalCommand };

/** An approval command in the runtime's `Command` clothes. */
export function toRuntimeCommand(command: ApprovalCommand): Command {
  if (command.type === 'case.apply') {
    return { type: 'case.start', caseId: command.caseNo, actor: command.actor, application: command } as unknown as Command;
  }
  return command as unknown as Command;
}

/** The approval command inside a runtime `Command`. */
export function fromRuntimeCommand(command: Command): ApprovalCommand {
  if (command.type === 'case.start' && 'application' in command) return (command as unknown as Carried).application;
  return command as unknown as ApprovalCommand;
}

/** The approval aggregate as the runtime's `Engine`. Rejection codes are widened to the lifecycle's. */
export const approvalEngine: Engine<ApprovalCaseState> = {
  initialState: initialApprovalState,
  step(definition, state, command, ctx) {
    return approvalStep(definition, state, fromRuntimeCommand(command), ctx) as ReturnType<Engine<ApprovalCaseState>['step']>;
  },
};
