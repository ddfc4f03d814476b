/**
 * Read-side queries over the task projection for the inbox. The runtime's `CaseStore.listTasks` filters by
 * case and status only; an inbox also filters by department, role and assignee, in SQL.
 */
import type { Knex } from 'knex';
import type { TaskRecord } from '../../engine/runtime/ports.js';
import { hotReads } from '../store/hot-reads.js';
import { toTaskRecord } from '../store/knex-case-store.js';

const TASK_BY_ID = 'SELECT * FROM tasks WHERE case_no = ? AND task_id = ? LIMIT 1';

/** Inbox filters; all optional. */
export interface TaskFilter {
  caseNo?: string;
  department?: string;
  role?: string;
  assignee?: string;
  status?: TaskRecord['status'];
  limit?: number;
}

/** The case number inside a task id (`<caseNo>:<key>`, see `publicId` in the engine core). */
export function caseNoOfTask(taskId: string): string | undefined {
  const at = taskId.lastIndexOf(':');
  return at > 0 ? taskId.slice(0, at) : undefined;
}

/** One task by its id, or undefined. */
export async function findTask(knex: Knex, taskId: string): Promise<TaskRecord | undefined> {
  const caseNo = caseNoOfTask(taskId);
  if (caseNo === undefined) return undefined;
  // A hot read (prepared, no query building): every claim and completion looks its task up.
  const row = await hotReads(knex).first(TASK_BY_ID, [caseNo, taskId]);
  return row ? toTaskRecord(row) : undefined;
}

/**
 * Tasks matching `filter`, oldest first. `visibleTo` narrows in SQL to what a department member can
 * possibly see (their department, their own, or tasks without a department); the route still applies the
 * permission policy to every row, so this is an optimisation, never the check.
 */
export async function listTasks(knex: Knex, filter: TaskFilter, visibleTo?: { userId: string; department?: string }): Promise<TaskRecord[]> {
  // A hot read (prepared, no query building): the inbox is looked up before every claim. The SQL has one
  // text per combination of filters present, each prepared once.
  const where: string[] = [];
  const args: unknown[] = [];
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    args.push(value);
  };
  equal('case_no', filter.caseNo);
  equal('department', filter.department);
  equal('role', filter.role);
  equal('assignee', filter.assignee);
  equal('status', filter.status);
  if (visibleTo) {
    where.push(`(department IS NULL OR assignee = ?${visibleTo.department !== undefined ? ' OR department = ?' : ''})`);
    args.push(visibleTo.userId, ...(visibleTo.department !== undefined ? [visibleTo.department] : []));
  }
  if (filter.limit !== undefined) args.push(filter.limit);
  const sql = `SELECT * FROM tasks${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, case_no, task_id${filter.limit !== undefined ? ' LIMIT ?' : ''}`;
  return (await hotReads(knex).all(sql, args)).map(toTaskRecord);
}

/**
 * The department owning a case's definition: the deploying department of a plain definition, else the
 * implementing department of an item. It owns the steps that name no department of their own.
 */
export async function caseOwner(knex: Knex, caseNo: string): Promise<string | undefined> {
  const row = await knex('cases').where({ case_no: caseNo }).first('item_key');
  if (!row) return undefined;
  const key = String(row.item_key);
  const owned = await knex('definition_departments').where({ key }).first('department');
  if (owned) return String(owned.department);
  const item = await knex('items').where({ code: key }).first('department');
  return item ? String(item.department) : undefined;
}
