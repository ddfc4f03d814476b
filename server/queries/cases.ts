/**
 * What the permission policy needs to know about a case: the departments that work on it and who applied.
 * The applicant of a case started through the API is the actor of its first event (`case.started`).
 */
import type { Knex } from 'knex';

/** The policy facts of a case. */
export interface CaseFacts {
  caseNo: string;
  status: string;
  /** Departments of the case's current stage and of every task it ever had. */
  departments: string[];
  applicant?: string;
}

/** The facts of `caseNo`, or undefined when there is no such case. */
export async function caseFacts(knex: Knex, caseNo: string): Promise<CaseFacts | undefined> {
  const row = await knex('cases').where({ case_no: caseNo }).first('case_no', 'status', 'department');
  if (!row) return undefined;
  const taskDepartments = await knex('tasks').where({ case_no: caseNo }).whereNotNull('department').distinct('department');
  const first = await knex('events').where({ case_no: caseNo, seq: 1 }).first('actor_id');
  const departments = new Set<string>(taskDepartments.map((t: { department: string }) => String(t.department)));
  if (row.department) departments.add(String(row.department));
  return {
    caseNo,
    status: String(row.status),
    departments: [...departments].sort(),
    ...(first?.actor_id ? { applicant: String(first.actor_id) } : {}),
  };
}

/** Rows in a table; the fuzz and permission tests use it to prove nothing was stored. */
export async function countRows(knex: Knex, table: string): Promise<number> {
  const row = await knex(table).count<{ n: number | string }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
