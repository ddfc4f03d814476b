/**
 * The real engine core behind the runtime's `Engine` port, and the case columns derived from its state.
 */
import { initialState, openTasks, step } from '../core/index.js';
import type { CaseState } from '../core/state.js';
import type { CaseSummary, Engine } from './ports.js';

/** `engine/core` as an `Engine`. */
export const coreEngine: Engine<CaseState> = { step, initialState };

/**
 * The queryable columns of a case of the real core: its status ('suspended' while suspended), and the
 * stage and department of its oldest open task. Deadlines and the light are left to the legal clocks.
 */
export function summarizeCase(state: CaseState): CaseSummary {
  const task = openTasks(state)[0];
  return {
    status: state.suspended && state.status === 'active' ? 'suspended' : state.status,
    stage: task?.stage,
    department: task?.department,
  };
}
