/**
 * A command's own rows on PostgreSQL in ONE round trip: the idempotency key, the case row (version-guarded),
 * its events, task changes, timers and outbox, sent as one simple query of several statements inside the
 * command's transaction, instead of a round trip (and a socket write, and knex's query building) per
 * statement. The profile of a PostgreSQL node spent more in those socket writes than in any function.
 *
 * The statements carry their values as quoted literals (`pg.escapeLiteral`; the simple query protocol takes
 * no parameters when it holds several statements), never SQL text from a caller. A stale version or a
 * timer no longer scheduled changes no row: the row counts are checked after the batch and a
 * `ConflictError` is thrown, which rolls the transaction back with everything the batch wrote. A unique
 * violation fails the batch itself (`23505`, turned into a conflict by the caller).
 */
import type { Knex } from 'knex';
import pg from 'pg';
import { ConflictError } from '../../engine/runtime/errors.js';
import type { CaseWrite, TaskOp, TimerOp } from '../../engine/runtime/ports.js';
import { eventLogRow, indexedEventRows } from './event-log-rows.js';
import { staleMessage, summaryColumns } from './knex-case-store.js';
import { toJson } from './rows.js';

/** A column value of a batch statement. */
export type Value = string | number | null | undefined;

/** A statement of the batch and, for a guarded one, the conflict when it changed no row. */
export interface Statement {
  sql: string;
  unchanged?: () => ConflictError;
}

interface PgConnection {
  query(text: string): Promise<Array<{ rowCount: number | null }> | { rowCount: number | null }>;
}

/** `value` as a SQL literal: `NULL`, a finite number, or a quoted string (`pg.escapeLiteral`). */
export function literal(value: Value): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Expected a finite number, but it was ${value}`);
    return String(value);
  }
  return pg.escapeLiteral(value);
}

/** `INSERT INTO table (columns) VALUES (…), (…)` of `rows` (all with the columns of the first), then `tail`. */
export function insert(table: string, rows: ReadonlyArray<Record<string, Value>>, tail = ''): string {
  const columns = Object.keys(rows[0]!);
  const values = rows.map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`).join(',\n  ');
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n  ${values}${tail}`;
}

function set(columns: Record<string, Value>): string {
  return Object.entries(columns).map(([c, v]) => `${c} = ${literal(v)}`).join(', ');
}

function caseStatement(w: CaseWrite): Statement {
  const lastSeq = w.events.at(-1)?.seq;
  const columns: Record<string, Value> = { ...summaryColumns(w.summary), state: toJson(w.state), version: w.expectedVersion + 1, updated_at: w.at };
  if (w.expectedVersion === 0) {
    if (!w.definition) throw new Error(`Expected the definition of new case '${w.caseNo}'`);
    return {
      sql: insert('cases', [{
        ...columns, case_no: w.caseNo, item_key: w.definition.key, definition_version: w.definition.version, last_seq: lastSeq ?? 0, created_at: w.at,
      }]),
    };
  }
  return {
    // The log's rows hold ranges of seqs, so its key cannot refuse a seq already logged; the case row can.
    sql: `UPDATE cases SET ${set(lastSeq === undefined ? columns : { ...columns, last_seq: lastSeq })} WHERE case_no = ${literal(w.caseNo)} AND version = ${literal(w.expectedVersion)}${w.events.length ? ` AND last_seq < ${literal(w.events[0]!.seq)}` : ''}`,
    unchanged: () => new ConflictError(staleMessage(w), w.caseNo),
  };
}

function taskStatement(caseNo: string, op: TaskOp, at: string): Statement {
  const where = `WHERE case_no = ${literal(caseNo)} AND task_id = ${literal(op.taskId)}`;
  switch (op.op) {
    case 'create':
      return {
        sql: insert('tasks', [{
          case_no: caseNo, task_id: op.taskId, element_id: op.elementId, name: op.name ?? null, kind: op.kind,
          department: op.department ?? null, role: op.role ?? null, candidate_groups: toJson(op.candidateGroups ?? []),
          candidates: op.candidates ? toJson(op.candidates) : null,
          stage: op.stage ?? null, assignee: op.assignee ?? null, due_at: op.dueAt ?? null, status: 'active', created_at: at,
        }]),
      };
    case 'claim':
      return { sql: `UPDATE tasks SET ${set({ assignee: op.assignee })} ${where}` };
    case 'complete':
      return { sql: `UPDATE tasks SET ${set({ status: 'completed', completed_at: at })} ${where}` };
    case 'cancel':
      return { sql: `UPDATE tasks SET ${set({ status: 'cancelled', completed_at: at })} ${where}` };
  }
}

function timerStatement(caseNo: string, op: TimerOp, at: string): Statement {
  if (op.op === 'cancel') {
    return { sql: `UPDATE timers SET status = 'cancelled' WHERE case_no = ${literal(caseNo)} AND timer_id = ${literal(op.timerId)} AND status = 'scheduled'` };
  }
  // Scheduling an id again (a cycle timer's next round) resets the row rather than adding a second one.
  return {
    sql: insert('timers', [{
      status: 'scheduled', lock_owner: null, lock_expires_at: null, attempts: 0, last_error: null, fired_at: null,
      element_id: op.elementId, due_at: op.dueAt, case_no: caseNo, timer_id: op.timerId, created_at: at,
    }], ` ON CONFLICT (case_no, timer_id) DO UPDATE SET element_id = excluded.element_id, due_at = excluded.due_at,
  status = excluded.status, lock_owner = excluded.lock_owner, lock_expires_at = excluded.lock_expires_at, attempts = excluded.attempts,
  last_error = excluded.last_error, fired_at = excluded.fired_at`),
  };
}

/** The batch of `w`, in the order `KnexCaseStore` writes them one by one elsewhere. */
export function batchStatements(w: CaseWrite): Statement[] {
  const out: Statement[] = [];
  // The key first: a duplicate command fails before touching the case.
  if (w.idempotency) {
    out.push({ sql: insert('idempotency_keys', [{ key: w.idempotency.key, case_no: w.caseNo, command_type: w.idempotency.commandType, result: toJson(w.idempotency.result), created_at: w.at }]) });
  }
  out.push(caseStatement(w));
  if (w.events.length) {
    out.push({ sql: insert('event_log', [eventLogRow(w.caseNo, w.events)]) });
    const indexed = indexedEventRows(w.caseNo, w.events);
    if (indexed.length) out.push({ sql: insert('events', indexed) });
  }
  for (const op of w.tasks) out.push(taskStatement(w.caseNo, op, w.at));
  for (const timerId of w.firedTimerIds) {
    // Exactly once: only a scheduled timer can fire, so a second node firing the same timer changes nothing.
    out.push({
      sql: `UPDATE timers SET status = 'fired', fired_at = ${literal(w.at)}, lock_owner = NULL, lock_expires_at = NULL WHERE case_no = ${literal(w.caseNo)} AND timer_id = ${literal(timerId)} AND status = 'scheduled'`,
      unchanged: () => new ConflictError(`Expected timer '${timerId}' of case '${w.caseNo}' to be scheduled, but it was not`, w.caseNo),
    });
  }
  for (const op of w.timers) out.push(timerStatement(w.caseNo, op, w.at));
  if (w.outbox.length) {
    out.push({ sql: insert('outbox', w.outbox.map((o) => ({ case_no: w.caseNo, type: o.type, payload: toJson(o.payload), created_at: w.at, attempts: 0, next_attempt_at: w.at }))) });
  }
  return out;
}

/**
 * Writes `w`'s rows inside `trx` (PostgreSQL) in one round trip (false, writing nothing, when a value holds a
 * NUL); throws `ConflictError` on a stale version or
 * a timer no longer scheduled (the caller's transaction then rolls back), the driver's error otherwise.
 */
export async function writeBatchPg(trx: Knex.Transaction, w: CaseWrite): Promise<boolean> {
  const statements = batchStatements(w);
  const sql = statements.map((s) => s.sql).join(';\n');
  // A NUL would end the query text in the protocol; such a write goes statement by statement (and PostgreSQL
  // refuses the NUL there, as it always did).
  if (sql.includes('\u0000')) return false;
  const connection = (await trx.client.acquireConnection()) as PgConnection;
  const answered = await connection.query(sql);
  const results = Array.isArray(answered) ? answered : [answered];
  statements.forEach((s, i) => {
    if (s.unchanged && results[i]?.rowCount !== 1) throw s.unchanged();
  });
  return true;
}
