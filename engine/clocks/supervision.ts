/**
 * Supervision records (督办, GB/T 39046 table 11). Each violation — a red light, a step over its own limit, a
 * second correction notice, a refusal without reasons … — creates exactly one record, keyed by case, rule and
 * step, so that evaluating the rules again never duplicates it. The responsible department must answer within
 * a response limit (ASSUMED default: 5 working days).
 */
import { supervisionContent } from '../../contracts/messages/supervision.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { computeDeadline } from './deadline.js';
import type { Limit } from './types.js';
import type { LightReading } from './lights.js';

/** Default time to answer a supervision record (ASSUMED; a locality sets its own). */
export const DEFAULT_SUPERVISION_RESPONSE_LIMIT: Limit = { value: 5, unit: 'WD' };

/** A violation found by evaluating a case. */
export interface Violation {
  readonly caseNo: string;
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

/**
 * The supervision rules Shenpi checks (监察规则), each with its stable number (监察规则编号) and the article it
 * enforces. The numbers are Shenpi's own catalogue: GB/T 39046 leaves the rule list to the supervising body.
 */
export const SUPERVISION_RULES: Readonly<Record<string, { readonly code: string; readonly article: string }>> = {
  'case-overdue': { code: 'JC-42-01', article: '行政许可法第42条（办结时限）' },
  'step-overdue': { code: 'JC-43-01', article: '行政许可法第43条（环节时限）' },
  'correction-window-lapsed': { code: 'JC-32-01', article: '行政许可法第32条（逾期未告知补正，视为受理）' },
  'second-correction-notice': { code: 'JC-32-02', article: '行政许可法第32条（一次性告知）' },
  'late-extension': { code: 'JC-42-02', article: '行政许可法第42条（期限届满后延长）' },
  'late-delivery': { code: 'JC-44-01', article: '行政许可法第44条（送达时限）' },
  'certificate-unpaid': { code: 'JC-58-01', article: '收费事项未缴费即发证' },
};

/**
 * 监察预警类型代码: 1 预警 (a warning light), 2 超期 (a limit passed), 3 程序违规 (a procedure not followed).
 * GB/T 39046 table 11 names the field; the three codes are the ones this table uses.
 */
export const WARNING_TYPE_CODES: Readonly<Record<Violation['warningType'], string>> = { warning: '1', overdue: '2', procedure: '3' };

/** A supervision record. */
export interface SupervisionRecord extends Violation {
  readonly key: string;
  readonly issuedOn: IsoDate;
  /** 督办发出时间: the instant the record was issued. */
  readonly issuedAt?: string;
  /** 监察规则编号 (see {@link SUPERVISION_RULES}). */
  readonly ruleCode?: string;
  /** 监察预警类型代码 (see {@link WARNING_TYPE_CODES}). */
  readonly warningTypeCode?: string;
  /** 机构名称: the implementing body the case is handled by (the responsible department is `department`). */
  readonly organisation?: string;
  /** The responsible department's answer is due by this day (end of day). */
  readonly responseDue: IsoDate;
  readonly responseDueAt: string;
  readonly calendarVersion: string;
}

/**
 * The record's fields under their GB/T 39046 table 11 names, for exchange with a national supervision system.
 */
export function gbSupervisionFields(r: SupervisionRecord): Record<string, string> {
  return {
    办件编号: r.caseNo,
    督办内容: r.content,
    机构名称: r.organisation ?? r.department,
    督办发出时间: r.issuedAt ?? r.issuedOn,
    监察规则编号: r.ruleCode ?? SUPERVISION_RULES[r.rule]?.code ?? r.rule,
    监察预警类型代码: r.warningTypeCode ?? WARNING_TYPE_CODES[r.warningType],
    责任部门: r.department,
    督办回复期限: r.responseDue,
  };
}

/** The de-duplication key: case + rule + step. */
export function supervisionKey(v: Pick<Violation, 'caseNo' | 'rule' | 'stepId'>): string {
  return `${v.caseNo}|${v.rule}|${v.stepId ?? '-'}`;
}

/**
 * The records to create for `violations`, given the `existing` ones: one per key, never one whose key already
 * has a record, and never two for the same key in one evaluation.
 */
export function newSupervisionRecords(
  calendar: WorkingCalendar,
  existing: readonly Pick<SupervisionRecord, 'key'>[],
  violations: readonly Violation[],
  options: { responseLimit?: Limit; issuedAt?: string; organisation?: string } = {},
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
      limit: options.responseLimit ?? calendar.locality?.supervisionResponseLimit ?? DEFAULT_SUPERVISION_RESPONSE_LIMIT,
    });
    created.push({
      ...v,
      key,
      issuedOn: v.detectedOn,
      ...(options.issuedAt ? { issuedAt: options.issuedAt } : {}),
      ruleCode: SUPERVISION_RULES[v.rule]?.code ?? v.rule,
      warningTypeCode: WARNING_TYPE_CODES[v.warningType],
      organisation: options.organisation ?? v.department,
      responseDue: due.date,
      responseDueAt: due.instant,
      calendarVersion: due.calendarVersion,
    });
  }
  return created;
}

/** The overdue violations shown by a case's light and its steps' lights on `on`. */
export function overdueViolations(input: {
  caseNo: string;
  department: string;
  on: IsoDate;
  caseLight?: LightReading;
  /** `content` replaces the default wording (a step whose limit is a due instant rather than days). */
  steps?: readonly { stepId: string; department?: string; light: LightReading; content?: string }[];
}): Violation[] {
  const out: Violation[] = [];
  if (input.caseLight?.light === 'red') {
    out.push({
      caseNo: input.caseNo,
      rule: 'case-overdue',
      detectedOn: input.on,
      content: supervisionContent('case-overdue', { caseNo: input.caseNo, limit: input.caseLight.limit }),
      department: input.department,
      warningType: 'overdue',
    });
  }
  for (const s of input.steps ?? []) {
    if (s.light.light !== 'red') continue;
    out.push({
      caseNo: input.caseNo,
      rule: 'step-overdue',
      stepId: s.stepId,
      detectedOn: input.on,
      content: s.content ?? supervisionContent('step-overdue', { caseNo: input.caseNo, stepId: s.stepId, limit: s.light.limit }),
      department: s.department ?? input.department,
      warningType: 'overdue',
    });
  }
  return out;
}
