/**
 * The queryable columns of an approval case (the runtime's `CaseSummary`): the SPGL status code as text,
 * the stage and department of the work now open, the deadlines as UTC instants and the last light.
 */
import { openTasks } from '../core/index.js';
import type { CaseSummary } from '../runtime/ports.js';
import type { ApprovalCaseState } from './state.js';

/** Writes an ISO instant with any offset as UTC, so that stored instants compare as text. */
function utc(instant: string): string {
  return new Date(Date.parse(instant)).toISOString();
}

const STAGE_OF_PHASE = {
  received: 'pre-review',
  correcting: 'correction',
  concluded: 'completed',
  rejected: 'not-accepted',
  withdrawn: 'withdrawn',
  revoked: 'revoked',
} as const;

/** Derives the case columns from the state; `status` is the SPGL code ('1' … '15'). */
export function summarize(state: ApprovalCaseState): CaseSummary {
  const s = state.approval;
  if (!s) return { status: '0' };
  const task = s.phase === 'handling' ? openTasks(state.process)[0] : undefined;
  const stage = s.phase === 'handling' ? (state.process.suspended ? 'special-procedure' : task?.stage ?? 'handling') : STAGE_OF_PHASE[s.phase];
  return {
    status: String(s.status),
    stage,
    department: task?.department ?? s.item.department,
    ...(s.deadlines ? { statutoryDeadline: utc(s.deadlines.statutory.instant), promisedDeadline: utc(s.deadlines.promised.instant) } : {}),
    ...(s.light ? { light: s.light } : {}),
  };
}
