/**
 * Supervision queries: lights of the cases in handling per lead department (the light column the sweep keeps
 * current), and supervision notices with their response deadlines and answers.
 */
import type { Light } from '../../contracts/vocabulary/lights.js';
import type { Knex } from 'knex';
import type { NoticeView } from '../../contracts/api/supervision.js';
import { SUPERVISION_RULES, WARNING_TYPE_CODES } from '../../engine/clocks/supervision.js';
import { instant, text } from '../store/rows.js';
import { HANDLING_STATUSES } from './approval-cases.js';

/** Light counts of one department's cases in handling. */
export interface DepartmentLights {
  department: string;
  green: number;
  yellow: number;
  /** @deprecated The early warning under its former name, equal to `yellow`; kept for one version. */
  blue: number;
  red: number;
  paused: number;
  total: number;
}

/** Lights per lead department, of the cases in handling (of `departments` only, when given). */
export async function lightsByDepartment(knex: Knex, departments?: readonly string[]): Promise<DepartmentLights[]> {
  const query = knex('approval_cases as a').join('cases as c', 'c.case_no', 'a.case_no').whereIn('c.status', HANDLING_STATUSES)
    .groupBy('a.department', 'c.light').select('a.department', 'c.light').count<{ department: string; light: string | null; n: number | string }[]>({ n: '*' });
  if (departments !== undefined) query.whereIn('a.department', [...departments]);
  const byDepartment = new Map<string, Omit<DepartmentLights, 'blue'>>();
  for (const row of await query) {
    const entry = byDepartment.get(row.department) ?? { department: row.department, green: 0, yellow: 0, red: 0, paused: 0, total: 0 };
    const light = (row.light ?? 'green') as Light;
    if (light in entry) entry[light] += Number(row.n);
    entry.total += Number(row.n);
    byDepartment.set(row.department, entry);
  }
  // blue: the former name of yellow, answered beside it for one version
  return [...byDepartment.values()].map((e) => ({ ...e, blue: e.yellow })).sort((a, b) => a.department.localeCompare(b.department));
}

/** A supervision notice as the API shows it (the contract's `NoticeSchema`). */
export type NoticeRecord = NoticeView;

/** The notice columns, with the implementing body of the case (机构名称). */
function noticeQuery(knex: Knex) {
  return knex('supervision_notices as n').leftJoin('approval_cases as a', 'a.case_no', 'n.case_no').select('n.*', 'a.department as organisation');
}

function notice(r: Record<string, unknown>, now: string): NoticeRecord {
  const respondedAt = instant(r.responded_at);
  const dueAt = instant(r.response_due_at)!;
  return {
    id: String(r.id), caseNo: String(r.case_no), rule: String(r.rule), ...(text(r.step_id) ? { stepId: text(r.step_id) } : {}),
    warningType: String(r.warning_type) as NoticeView['warningType'], content: String(r.content), department: String(r.department),
    issuedOn: String(r.issued_on), responseDue: String(r.response_due), responseDueAt: dueAt,
    ...(respondedAt ? { response: String(r.response), respondedAt, respondedBy: String(r.responded_by) } : {}),
    responseOverdue: !respondedAt && dueAt <= now,
    gb: {
      办件编号: String(r.case_no),
      督办内容: String(r.content),
      机构名称: text(r.organisation) ?? String(r.department),
      督办发出时间: instant(r.created_at)!,
      监察规则编号: SUPERVISION_RULES[String(r.rule)]?.code ?? String(r.rule),
      监察预警类型代码: WARNING_TYPE_CODES[String(r.warning_type) as keyof typeof WARNING_TYPE_CODES] ?? String(r.warning_type),
      责任部门: String(r.department),
      督办回复期限: String(r.response_due),
    },
  };
}

/** Notices, oldest first: of some departments, only unanswered ones (`open`), only those overdue for an answer. */
export async function listNotices(knex: Knex, filter: { departments?: readonly string[]; open?: boolean; caseNo?: string; limit: number }, now: string): Promise<NoticeRecord[]> {
  const query = noticeQuery(knex).orderBy('n.id').limit(filter.limit);
  if (filter.departments !== undefined) query.whereIn('n.department', [...filter.departments]);
  if (filter.caseNo !== undefined) query.where('n.case_no', filter.caseNo);
  if (filter.open) query.whereNull('n.responded_at');
  return (await query).map((r: Record<string, unknown>) => notice(r, now));
}

/** One notice, or undefined. */
export async function findNotice(knex: Knex, id: string, now: string): Promise<NoticeRecord | undefined> {
  const row = await noticeQuery(knex).where('n.id', Number(id)).first();
  return row ? notice(row, now) : undefined;
}

/** Records the answer; false when the notice was answered already (by this or another request). */
export async function answerNotice(knex: Knex, id: string, answer: { response: string; by: string; at: string }): Promise<boolean> {
  const changed = await knex('supervision_notices').where({ id: Number(id) }).whereNull('responded_at').update({ response: answer.response, responded_by: answer.by, responded_at: answer.at });
  return changed === 1;
}
