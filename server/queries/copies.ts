/**
 * 抄送我的: the copies (the `task.copied` events, made from a task or by a 抄送 step) given to a user or to
 * their department, newest first, each with whether the user opened it (`copy_reads`).
 */
import type { Knex } from 'knex';
import { instant, json } from '../store/rows.js';
import { indexedEventTypes } from '../store/migrations/20261204T0300-event-type-index.js';

/** One copy as the list shows it. */
export interface CopyRow {
  /** `<case number>:<event seq>`. */
  id: string;
  caseNo: string;
  taskId: string;
  step: string;
  taskName?: string;
  by: string;
  at: string;
  users: string[];
  departments: string[];
  note?: string;
  /** Made by a 抄送 step of the process. */
  byStep?: true;
  read: boolean;
  readAt?: string;
}

/** How many copy events the list looks through, newest first. */
const COPY_SCAN = 5000;

/** The copies given to `user` or their department (of `caseNo` only, when given), newest first. */
export async function copiesFor(knex: Knex, user: { id: string; department?: string }, caseNo?: string): Promise<CopyRow[]> {
  const query = knex('events').where('type', 'task.copied').whereRaw(indexedEventTypes()).orderBy([{ column: 'at', order: 'desc' }, { column: 'case_no', order: 'desc' }, { column: 'seq', order: 'desc' }]).limit(COPY_SCAN).select('case_no', 'seq', 'payload');
  if (caseNo !== undefined) query.where('case_no', caseNo);
  const marks = knex('copy_reads').where('user_id', user.id).select('case_no', 'seq', 'read_at');
  if (caseNo !== undefined) marks.where('case_no', caseNo);
  const reads = new Map<string, string>();
  for (const r of (await marks) as Array<{ case_no: unknown; seq: unknown; read_at: unknown }>) reads.set(`${String(r.case_no)}:${Number(r.seq)}`, instant(r.read_at)!);
  const rows: CopyRow[] = [];
  for (const e of await query) {
    const copy = (json(e.payload) as { copy?: { taskId: string; step: string; name?: string; users?: string[]; departments?: string[]; by: string; at: string; note?: string; byStep?: true } }).copy;
    if (!copy) continue;
    const mine = (copy.users ?? []).includes(user.id) || (user.department !== undefined && (copy.departments ?? []).includes(user.department));
    if (!mine) continue;
    const id = `${String(e.case_no)}:${Number(e.seq)}`;
    const readAt = reads.get(id);
    rows.push({
      id, caseNo: String(e.case_no), taskId: copy.taskId, step: copy.step, ...(copy.name ? { taskName: copy.name } : {}), by: copy.by, at: copy.at,
      users: copy.users ?? [], departments: copy.departments ?? [], ...(copy.note ? { note: copy.note } : {}), ...(copy.byStep ? { byStep: true as const } : {}),
      read: readAt !== undefined, ...(readAt ? { readAt } : {}),
    });
  }
  return rows;
}

/** Marks every copy of `caseNo` given to `user` read at `at`; returns how many were unread. */
export async function markCopiesRead(knex: Knex, user: { id: string; department?: string }, caseNo: string, at: string): Promise<number> {
  const unread = (await copiesFor(knex, user, caseNo)).filter((c) => !c.read);
  for (const c of unread) {
    await knex('copy_reads').insert({ user_id: user.id, case_no: c.caseNo, seq: Number(c.id.slice(c.id.lastIndexOf(':') + 1)), read_at: at }).onConflict(['user_id', 'case_no', 'seq']).ignore();
  }
  return unread.length;
}
