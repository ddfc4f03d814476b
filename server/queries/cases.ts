/**
 * What the permission policy needs to know about a case: the departments that work on it and who applied.
 * For an approval case the applicant (and agent) come from its application (`approval_cases`), the lead is
 * the implementing department and the co-departments of a joint approval work on it from the start; for a
 * plain BPMN case the applicant is the actor of its first event (`case.started`).
 */
import type { Knex } from 'knex';
import type { Resource } from '../identity/permissions.js';
import { hotReads } from '../store/hot-reads.js';
import { json } from '../store/rows.js';

/** The policy facts of a case. */
export interface CaseFacts {
  caseNo: string;
  status: string;
  /** The lead department, the co-departments, the departments of the current stage and of every task. */
  departments: string[];
  /** The implementing department of an approval case. */
  lead?: string;
  applicant?: string;
  agent?: string;
  channel?: string;
  /** The staff member who entered a window application (撤回 by the starter). */
  starter?: string;
  /** True for a case of an approval item (run by the approval aggregate). */
  approval: boolean;
}

type Snapshot = { approval?: { starter?: string; item?: { joint?: { coDepartments?: Array<{ department: string }> } } } } | null;

/** The co-departments of a joint approval named in the case's item snapshot. */
function coDepartments(state: Snapshot): string[] {
  return (state?.approval?.item?.joint?.coDepartments ?? []).map((c) => c.department);
}

const FACTS = {
  // The state comes with the row: an approval case's co-departments and starter are read from it.
  case: 'SELECT case_no, status, department, state FROM cases WHERE case_no = ? LIMIT 1',
  taskDepartments: 'SELECT DISTINCT department FROM tasks WHERE case_no = ? AND department IS NOT NULL',
  approval: 'SELECT * FROM approval_cases WHERE case_no = ? LIMIT 1',
  starter: 'SELECT actor_id FROM event_log WHERE case_no = ? AND first_seq = 1 LIMIT 1',
};

/** The facts of `caseNo`, or undefined when there is no such case. */
export async function caseFacts(knex: Knex, caseNo: string): Promise<CaseFacts | undefined> {
  // Hot reads (prepared, no query building): every case request asks the policy about its case.
  const reads = hotReads(knex);
  const row = await reads.first(FACTS.case, [caseNo]);
  if (!row) return undefined;
  const taskDepartments = await reads.all(FACTS.taskDepartments, [caseNo]);
  const departments = new Set<string>(taskDepartments.map((t) => String(t.department)));
  if (row.department) departments.add(String(row.department));
  const approval = await reads.first(FACTS.approval, [caseNo]);
  if (approval) {
    departments.add(String(approval.department));
    const state = json(row.state) as Snapshot;
    for (const d of coDepartments(state)) departments.add(d);
    const starter = state?.approval?.starter;
    return {
      caseNo, status: String(row.status), departments: [...departments].sort(), lead: String(approval.department),
      applicant: String(approval.applicant_id), ...(approval.agent_id ? { agent: String(approval.agent_id) } : {}), channel: String(approval.channel),
      ...(starter ? { starter } : {}), approval: true,
    };
  }
  const first = await reads.first(FACTS.starter, [caseNo]);
  return {
    caseNo,
    status: String(row.status),
    departments: [...departments].sort(),
    ...(first?.actor_id ? { applicant: String(first.actor_id) } : {}),
    approval: false,
  };
}

/** The policy's view of a case. */
export function caseResource(facts: CaseFacts): Resource {
  return {
    kind: 'case',
    departments: facts.departments,
    ...(facts.lead ? { lead: facts.lead } : {}),
    ...(facts.applicant ? { applicant: facts.applicant } : {}),
    ...(facts.agent ? { agent: facts.agent } : {}),
    ...(facts.channel ? { channel: facts.channel } : {}),
    ...(facts.starter ? { starter: facts.starter } : {}),
  };
}

/** Rows in a table; the fuzz and permission tests use it to prove nothing was stored. */
export async function countRows(knex: Knex, table: string): Promise<number> {
  const row = await knex(table).count<{ n: number | string }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
