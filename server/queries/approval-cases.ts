/**
 * The case list of approval cases, filtered and paged in SQL: by item, SPGL status, light, department (lead,
 * co-department, current stage or working on one of its tasks), overdue (the promised deadline passed while in handling), awaiting
 * acceptance (received or in correction: 待受理), case number and applicant name (parts of either).
 * `visibleTo` narrows to what a department member or an applicant may see; the route still asks the policy
 * about every row.
 */
import type { Knex } from 'knex';
import { instant, isPostgres, json, text } from '../store/rows.js';
import { indexedEventTypes } from '../store/migrations/20261204T0300-event-type-index.js';

/** Filters of `GET /api/cases`. */
export interface CaseListFilter {
  item?: string;
  status?: number;
  light?: string;
  department?: string;
  /** Cases of any of these departments (a centre's scope: its region and the regions below). */
  departments?: readonly string[];
  overdue?: boolean;
  /** Received and not yet accepted or refused (SPGL 1 已接件, 6/7 补正): the intake queue. */
  awaiting?: boolean;
  /** Part of the case number. */
  caseNo?: string;
  /** Part of the applicant's stated name. */
  applicant?: string;
  /** 已办: cases `userId` acted on (beyond applying); 我发起的: window applications `userId` registered. */
  mine?: { queue: 'done' | 'started'; userId: string };
  /** Only these cases (抄送我的: the cases copied to the caller). */
  caseNos?: readonly string[];
  limit: number;
  offset: number;
}

/** SPGL statuses of a case still in handling, whose clocks run. */
export const HANDLING_STATUSES = ['3', '8', '9', '10'];

/** SPGL statuses of a case awaiting the acceptance decision (行政许可法 第32条). */
export const AWAITING_STATUSES = ['1', '6', '7'];

/** `text` with the LIKE wildcards escaped, to match as a literal part. */
function likePart(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Cases of `department` (or of any of several): the departments the policy counts for one case
 * (`caseFacts` in server/queries/cases.ts), so the list and opening a case by its number agree — it leads
 * them, is a co-department of a joint approval (from the application on, before its branch starts), holds
 * the current stage, or works one of their tasks.
 */
function ofDepartment(q: Knex.QueryBuilder, knex: Knex, department: string | readonly string[]): void {
  const some = typeof department === 'string' ? [department] : [...department];
  q.whereIn('a.department', some)
    .orWhereIn('c.department', some)
    .orWhereExists(knex('approval_case_departments as cd').whereRaw('cd.case_no = a.case_no').whereIn('cd.department', some).select(knex.raw('1')))
    .orWhereExists(knex('tasks as t').whereRaw('t.case_no = a.case_no').whereIn('t.department', some).select(knex.raw('1')));
}

/** Events that are no act of the user's own on the case: their application, taking a task, the system's records. */
const NOT_DONE = ['case.applied', 'task.claimed'];

/**
 * 已办 (an event of `userId` besides applying and claiming) or 我发起的 (a window application `userId` entered).
 * 已办 reads the event log: a command's events name at most one actor, the command's, which is its log row's
 * `actor_id` (migration 20261204T0400-event-log); only the rows of that actor have their events looked into.
 * 我发起的 finds `case.applied`, an indexed type, in `events`.
 */
function byQueue(q: Knex.QueryBuilder, knex: Knex, mine: NonNullable<CaseListFilter['mine']>): void {
  if (mine.queue === 'done') {
    const pg = isPostgres(knex);
    const event = pg ? 'json_array_elements(l.payload) AS j(value)' : 'json_each(l.payload) AS j';
    // A field of the event as text, by its path (`actor.id`).
    const field = (path: string) => {
      const parts = path.split('.');
      return pg ? `j.value${parts.slice(0, -1).map((p) => `->'${p}'`).join('')}->>'${parts.at(-1)}'` : `json_extract(j.value, '$.${path}')`;
    };
    q.whereExists(knex.select(knex.raw('1')).from(knex.raw(`event_log AS l, ${event}`)).whereRaw('l.case_no = a.case_no')
      .where('l.actor_id', mine.userId)
      .whereRaw(`${field('actor.id')} = ?`, [mine.userId])
      .whereRaw(`${field('type')} NOT IN (${NOT_DONE.map(() => '?').join(', ')})`, NOT_DONE));
    return;
  }
  q.where('a.channel', 'window').whereExists(knex('events as e').whereRaw('e.case_no = a.case_no').where('e.actor_id', mine.userId)
    .where('e.type', 'case.applied').whereRaw(indexedEventTypes('e')).select(knex.raw('1')));
}

/** One page of cases and the total matching, newest first. */
export async function listApprovalCases(
  knex: Knex,
  filter: CaseListFilter,
  now: string,
  visibleTo?: { userId: string; department?: string },
): Promise<{ total: number; rows: Record<string, unknown>[] }> {
  const base = knex('approval_cases as a').join('cases as c', 'c.case_no', 'a.case_no').leftJoin('items as i', 'i.code', 'a.item_code');
  if (filter.item !== undefined) base.where('a.item_code', filter.item);
  if (filter.status !== undefined) base.where('c.status', String(filter.status));
  if (filter.light !== undefined) base.where('c.light', filter.light);
  if (filter.department !== undefined) base.where((q) => ofDepartment(q, knex, filter.department!));
  if (filter.departments !== undefined) base.where((q) => ofDepartment(q, knex, filter.departments!));
  if (filter.awaiting) base.whereIn('c.status', AWAITING_STATUSES);
  if (filter.caseNo) base.whereRaw("a.case_no like ? escape '\\'", [likePart(filter.caseNo)]);
  if (filter.applicant) base.whereRaw("a.applicant_name like ? escape '\\'", [likePart(filter.applicant)]);
  if (filter.mine) byQueue(base, knex, filter.mine);
  if (filter.caseNos) base.whereIn('a.case_no', [...filter.caseNos]);
  if (filter.overdue) base.whereIn('c.status', HANDLING_STATUSES).where('c.promised_deadline', '<', now);
  if (visibleTo) {
    base.where((q) => {
      q.where('a.applicant_id', visibleTo.userId).orWhere('a.agent_id', visibleTo.userId);
      if (visibleTo.department !== undefined) q.orWhere((d) => ofDepartment(d, knex, visibleTo.department!));
    });
  }
  const counted = await base.clone().count<{ n: number | string }[]>({ n: '*' }).first();
  const rows = await base
    .orderBy([{ column: 'a.received_at', order: 'desc' }, { column: 'a.case_no', order: 'asc' }])
    .limit(filter.limit).offset(filter.offset)
    .select('a.case_no', 'a.item_code', 'a.department as lead', 'a.channel', 'a.applicant_id', 'a.applicant_name', 'i.name as item_name', 'a.received_at', 'c.definition_version', 'c.status', 'c.stage', 'c.department', 'c.light', 'c.promised_deadline', 'c.statutory_deadline');
  return { total: Number(counted?.n ?? 0), rows: rows.map((r: Record<string, unknown>) => caseRow(r, now)) };
}

function caseRow(r: Record<string, unknown>, now: string): Record<string, unknown> {
  const promised = instant(r.promised_deadline);
  const statutory = instant(r.statutory_deadline);
  return {
    caseNo: String(r.case_no),
    itemCode: String(r.item_code),
    ...(text(r.item_name) ? { itemName: text(r.item_name) } : {}),
    itemVersion: Number(r.definition_version),
    status: Number(r.status),
    ...(text(r.stage) ? { stage: text(r.stage) } : {}),
    department: String(r.lead),
    ...(text(r.department) ? { currentDepartment: text(r.department) } : {}),
    ...(text(r.light) ? { light: text(r.light) } : {}),
    channel: String(r.channel),
    applicant: String(r.applicant_id),
    ...(text(r.applicant_name) ? { applicantName: text(r.applicant_name) } : {}),
    receivedAt: instant(r.received_at)!,
    ...(promised ? { promisedDeadline: promised } : {}),
    ...(statutory ? { statutoryDeadline: statutory } : {}),
    overdue: promised !== undefined && HANDLING_STATUSES.includes(String(r.status)) && promised < now,
  };
}

/** The cases whose tasks were copied (抄送) to `user` or to their department, from the `task.copied` events. */
export async function copiedCases(knex: Knex, user: { id: string; department?: string }): Promise<string[]> {
  const rows = await knex('events').where('type', 'task.copied').whereRaw(indexedEventTypes()).select('case_no', 'payload');
  const found = new Set<string>();
  for (const row of rows as Array<{ case_no: string; payload: unknown }>) {
    const copy = (json(row.payload) as { copy?: { users?: string[]; departments?: string[] } } | null)?.copy;
    if (copy?.users?.includes(user.id) || (user.department !== undefined && copy?.departments?.includes(user.department))) found.add(row.case_no);
  }
  return [...found];
}
