/**
 * The supervision sweep (电子监察): re-reads the lights of every approval case in handling on the clock's
 * day and lets the aggregate record each new violation (`supervision.evaluate`). A case whose light is
 * unchanged and which has no new violation is skipped without a write, so a sweep every few minutes costs
 * reads only. Records become supervision notices in the same commit (`approval-projection.ts`), once each.
 */
import type { Knex } from 'knex';
import { audited } from '../audit/audit-scope.js';
import { caseLight, supervisedSteps, type ApprovalCaseState, type ApprovalState } from '../../engine/approval/index.js';
import { newSupervisionRecords, overdueViolations } from '../../engine/clocks/supervision.js';
import { toZoned } from '../../engine/calendar/dates.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import type { CaseStore, Clock } from '../../engine/runtime/ports.js';
import { openTasks } from '../../engine/core/index.js';
import type { TaskInfo } from '../../engine/core/types.js';
import { SPGL } from '../../engine/approval/index.js';
import type { CaseService } from './case-service.js';

/** What one sweep did. */
export interface SweepReport {
  /** Cases in handling looked at. */
  checked: number;
  /** Cases the aggregate evaluated (their light changed or a violation was new). */
  evaluated: number;
  /** Supervision records created. */
  recorded: number;
  /** Cases whose evaluation failed (logged; the next sweep tries again). */
  failed: number;
}

/** SPGL statuses of a case in handling (accepted, handling, special procedure started or ended). */
const HANDLING = [SPGL.accepted, SPGL.handling, SPGL.specialProcedureStarted, SPGL.specialProcedureEnded].map(String);

/** True when evaluating `s` on `now` would record something: a light change or a violation not yet recorded. */
export function needsEvaluation(calendar: WorkingCalendar, s: ApprovalState, now: string, tasks: readonly TaskInfo[] = []): boolean {
  if (!s.deadlines || s.phase !== 'handling') return false;
  const reading = caseLight(calendar, s, now);
  if (reading && reading.light !== s.light) return true;
  const violations = overdueViolations({
    caseNo: s.caseNo,
    department: s.item.department,
    on: toZoned(now, calendar.zone).date,
    ...(reading ? { caseLight: reading } : {}),
    steps: supervisedSteps(calendar, s, now, tasks),
  });
  return newSupervisionRecords(calendar, s.supervision, violations).length > 0;
}

/** Sweeps approval cases; safe to run on several nodes at once (optimistic concurrency, unique notices). */
export class SupervisionSweep {
  constructor(
    private readonly deps: { knex: Knex; store: Pick<CaseStore, 'loadCase'>; service: CaseService; clock: Clock; calendar: WorkingCalendar; onError?: (caseNo: string, error: unknown) => void },
  ) {}

  /**
   * Evaluates every approval case in handling (or only `caseNos`). A sweep a user asked for (`by`) records
   * each case it changed as `supervision.evaluated` by that user, written in the case's own commit
   * (server/audit/audit-scope.ts); the background sweep is the system's own work, as a fired timer is.
   */
  async sweep(caseNos?: readonly string[], by?: string): Promise<SweepReport> {
    const query = this.deps.knex('approval_cases as a').join('cases as c', 'c.case_no', 'a.case_no').whereIn('c.status', HANDLING).orderBy('a.case_no').select('a.case_no');
    if (caseNos) query.whereIn('a.case_no', [...caseNos]);
    const rows: Array<{ case_no: string }> = await query;
    const report: SweepReport = { checked: rows.length, evaluated: 0, recorded: 0, failed: 0 };
    for (const { case_no: caseNo } of rows) {
      try {
        const stored = await this.deps.store.loadCase(caseNo);
        const state = stored?.state as unknown as ApprovalCaseState | undefined;
        const s = state?.approval;
        if (!s || !needsEvaluation(this.deps.calendar, s, this.deps.clock.now().toISOString(), openTasks(state.process))) continue;
        const evaluate = () => this.deps.service.evaluateSupervision(caseNo);
        const result = await (by === undefined ? evaluate() : audited({ actorId: by, action: 'supervision.evaluated', caseNo, details: { sweep: true } }, evaluate));
        if (!result.ok) continue;
        report.evaluated++;
        report.recorded += result.events.filter((e) => e.type === 'supervision.recorded').length;
      } catch (error) {
        report.failed++;
        this.deps.onError?.(caseNo, error);
      }
    }
    return report;
  }
}
