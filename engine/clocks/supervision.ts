/**
 * Supervision records (督办, GB/T 39046 table 11). Each violation — a red light, a step over its own limit, a
 * second correction notice, a refusal without reasons … — creates exactly one record, keyed by case, rule and
 * step, so that evaluating the rules again never duplicates it. The responsible department must answer within
 * a response limit (ASSUMED default: 5 working days).
 */
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { computeDeadline } from './deadline.js';
import type { Limit } from './types.js';
import type { LightReading } from './lights.js';

/** Default time to answer a supervision record (ASSUMED; a locality sets its own). */
export const DEFAULT_SUPERVISION_RESPONSE_LIMIT: Limit = { value: 5, unit: 'WD' };

/** A violation found by evaluating a case. */
export interface Violation {
  readonly caseId: string;
  /** Stable rule id, e.g. `case-overdue`, `step-overdue`, `second-correction-notice`. */
  readonly rule: string;
  readonly stepId?: string;
  readonly detectedOn: IsoDate;
  /** What happened, for the record's content. */
  readonly content: string;
  /** The department the record is issued to. */
  readonly department: string;
  readonly warningType: 'overdue' | 'warning' | 'procedure';
}

/** A supervision record. */
export interface SupervisionRecord extends Violation {
  readonly key: string;
  readonly issuedOn: IsoDate;
  /** The responsible department's answer is due by this day (end of day). */
  readonly responseDue: IsoDate;
  readonly responseDueInstant: string;
  readonly calendarVersion: string;
}

/** The de-duplication key: case + rule + step. */
export function supervisionKey(v: Pick<Violation, 'caseId' | 'rule' | 'stepId'>): string {
  return `${v.caseId}|${v.rule}|${v.stepId ?? '-'}`;
}

/**
 * The records to create for `violations`, given the `existing` ones: one per key, never one whose key already
 * has a record, and never two for the same key in one evaluation.
 */
export function newSupervisionRecords(
  calendar: WorkingCalendar,
  existing: readonly Pick<SupervisionRecord, 'key'>[],
  violations: readonly Violation[],
  options: { responseLimit?: Limit } = {},
): SupervisionRecord[] {
  const seen = new Set(existing.map((r) => r.key));
  const created: SupervisionRecord[] = [];
  for (const v of violations) {
    const key = supervisionKey(v);
    if (seen.has(key)) continue;
    seen.add(key);
    const due = computeDeadline(calendar, {
      rule: `supervision-response:${v.rule}`,
      article: 'supervision response limit (电子监察督办)',
      trigger: v.detectedOn,
      limit: options.responseLimit ?? DEFAULT_SUPERVISION_RESPONSE_LIMIT,
    });
    created.push({
      ...v,
      key,
      issuedOn: v.detectedOn,
      responseDue: due.date,
      responseDueInstant: due.instant,
      calendarVersion: due.calendarVersion,
    });
  }
  return created;
}

/** The overdue violations shown by a case's light and its steps' lights on `on`. */
export function overdueViolations(input: {
  caseId: string;
  department: string;
  on: IsoDate;
  caseLight?: LightReading;
  /** `content` replaces the default wording (a step whose limit is a due instant rather than days). */
  steps?: readonly { stepId: string; department?: string; light: LightReading; content?: string }[];
}): Violation[] {
  const out: Violation[] = [];
  if (input.caseLight?.light === 'red') {
    out.push({
      caseId: input.caseId,
      rule: 'case-overdue',
      detectedOn: input.on,
      content: `Case ${input.caseId} passed its limit of ${input.caseLight.limit} days without completion (超期)`,
      department: input.department,
      warningType: 'overdue',
    });
  }
  for (const s of input.steps ?? []) {
    if (s.light.light !== 'red') continue;
    out.push({
      caseId: input.caseId,
      rule: 'step-overdue',
      stepId: s.stepId,
      detectedOn: input.on,
      content: s.content ?? `Step ${s.stepId} of case ${input.caseId} passed its own limit of ${s.light.limit} days`,
      department: s.department ?? input.department,
      warningType: 'overdue',
    });
  }
  return out;
}
