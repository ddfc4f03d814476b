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
  // One row for the case, its application (approval cases) and its starter (plain cases): each is a round
  // trip on PostgreSQL, and every case request asks the policy. The state comes with the row: an approval
  // case's co-departments and starter are read from it; a plain case's applicant is the actor of its first
  // command, the first row of its event log.
  case: `SELECT c.case_no, c.status, c.department, c.state, a.case_no AS approval_case, a.department AS lead, a.applicant_id,
    a.agent_id, a.channel, (SELECT l.actor_id FROM event_log l WHERE l.case_no = c.case_no AND l.first_seq = 1) AS first_actor
    FROM cases c LEFT JOIN approval_cases a ON a.case_no = c.case_no WHERE c.case_no = ? LIMIT 1`,
  taskDepartments: 'SELECT DISTINCT department FROM tasks WHERE case_no = ? AND department IS NOT NULL',
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
  if (row.approval_case !== null && row.approval_case !== undefined) {
    departments.add(String(row.lead));
    const state = json(row.state) as Snapshot;
    for (const d of coDepartments(state)) departments.add(d);
    const starter = state?.approval?.starter;
    return {
      caseNo, status: String(row.status), departments: [...departments].sort(), lead: String(row.lead),
      applicant: String(row.applicant_id), ...(row.agent_id ? { agent: String(row.agent_id) } : {}), channel: String(row.channel),
      ...(starter ? { starter } : {}), approval: true,
    };
  }
  return {
    caseNo,
    status: String(row.status),
    departments: [...departments].sort(),
    ...(row.first_actor ? { applicant: String(row.first_actor) } : {}),
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
