/**
 * The approval aggregate behind the runtime's `Engine` port: approval commands go in as they are, and a case
 * is created by `case.apply` (the BPMN process itself starts later, at acceptance). Core commands outside the
 * pass-through list (a bare `case.start`, `case.cancel` …) are refused with `INVALID_COMMAND`, because the
 * lifecycle has its own commands for them (`case.apply`, `case.withdraw` …).
 */
import type { Engine } from '../runtime/ports.js';
import type { ApprovalCommand } from './commands.js';
import { approvalStep } from './step.js';
import { initialApprovalState, type ApprovalCaseState } from './state.js';

/** The approval aggregate as the runtime's `Engine`. */
export const approvalEngine: Engine<ApprovalCaseState, ApprovalCommand> = {
  initialState: initialApprovalState,
  step: (definition, state, command, ctx) => approvalStep(definition, state, command as ApprovalCommand, ctx),
  createsCase: (command) => command.type === 'case.apply',
};
