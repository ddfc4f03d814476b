/**
 * `CaseStore` on knex: a case's state, its event log, its task projection, its timers, its outbox and the
 * audit entry of the command (claimed from `audited`, see server/audit/audit-scope.ts) are written in one
 * transaction per command, guarded by the case's `version`.
 */
import type { Knex } from 'knex';
import type { AuditInput } from '../audit/audit-chain.js';
import type { CaseEvent } from '../../engine/core/types.js';
import { ConflictError } from '../../engine/runtime/errors.js';
import type {
  CaseStore, CaseSummary, CaseWrite, RememberedResult, StoredCase, TaskOp, TaskRecord, TimerOp,
} from '../../engine/runtime/ports.js';
import { toUtc } from '../../engine/runtime/projection.js';
import { appendAudit, appendAuditAndCommit } from '../audit/audit-log.js';
import { claimAudit } from '../audit/audit-scope.js';
import { writeBatchPg } from './pg-case-batch.js';
import { commitCommandPg, type ProjectionStatements } from './pg-command.js';
import { eventLogRow, indexedEventRows } from './event-log-rows.js';
import { conflictOnDuplicate, instant, isPostgres, json, requiredInstant, text, toJson } from './rows.js';

/** SQLite allows 32,766 bound variables per statement; 100 rows of ≤ 8 columns stays far below. */
const CHUNK = 100;

/**
 * A read model kept beside the log: called inside each commit's transaction with the write, so that its rows
 * exist exactly when the events that caused them do (the approval cases' applicant index, their supervision
 * notices). It must only insert or update rows of its own tables.
 */
export type CaseProjection = ((trx: Knex.Transaction, write: CaseWrite) => Promise<void>) & {
  /** The same rows as statements, for a PostgreSQL command sent in one round trip (pg-command.ts). */
  statements?: ProjectionStatements;
};

/** The knex implementation of `CaseStore`, for SQLite and PostgreSQL alike. */
export class KnexCaseStore implements CaseStore {
  constructor(
    private readonly knex: Knex,
    private readonly projections: readonly CaseProjection[] = [],
  ) {}

  async loadCase(caseNo: string): Promise<StoredCase | undefined> {
    const row = await this.knex('cases').where({ case_no: caseNo }).first();
    return row ? toStoredCase(row) : undefined;
  }

  async commit(w: CaseWrite): Promise<void> {
    const audit = claimAudit(w.caseNo);
    try {
      await this.write(w, audit?.input);
      audit?.settled(true);
    } catch (error) {
      audit?.settled(false);
      throw error;
    }
  }

  private async write(w: CaseWrite, audit: AuditInput | undefined): Promise<void> {
    await conflictOnDuplicate(w.caseNo, duplicateMessage(w), async () => {
      if (await this.inOneTrip(w, audit)) return;
      await this.knex.transaction(async (trx) => {
        // PostgreSQL: the command's rows in one round trip (pg-case-batch.ts).
        if (!(isPostgres(trx) && (await writeBatchPg(trx, w)))) await writeRows(trx, w);
        for (const project of this.projections) await project(trx, w);
        // Last: on PostgreSQL the append locks the chain until COMMIT, so it travels with the COMMIT (see audit-log.ts).
        // Within an outer transaction (a savepoint) the COMMIT is the outer transaction's own to send.
        if (audit) await (this.knex.isTransaction ? appendAudit(trx, [audit]) : appendAuditAndCommit(trx, [audit]));
      });
    });
  }

  /** On PostgreSQL outside an outer transaction, the whole command in one round trip (pg-command.ts), when it can go so. */
  private async inOneTrip(w: CaseWrite, audit: AuditInput | undefined): Promise<boolean> {
    if (!isPostgres(this.knex) || this.knex.isTransaction) return false;
    const statements = this.projections.map((p) => p.statements);
    if (!statements.every((s): s is ProjectionStatements => s !== undefined)) return false;
    return commitCommandPg(this.knex, w, statements, audit);
  }

  async remember(entry: RememberedResult & { commandType: string; at: string }): Promise<void> {
    await conflictOnDuplicate(entry.caseNo, `Idempotency key '${entry.key}' was already used`, async () => {
      await this.knex('idempotency_keys').insert({
        key: entry.key, case_no: entry.caseNo, command_type: entry.commandType, result: toJson(entry.result), created_at: entry.at,
      });
    });
  }

  async findRemembered(key: string): Promise<RememberedResult | undefined> {
    const row = await this.knex('idempotency_keys').where({ key }).first();
    return row ? { key: row.key, caseNo: row.case_no, result: json(row.result) } : undefined;
  }

  async listEvents(caseNo: string): Promise<CaseEvent[]> {
    const rows = await this.knex('event_log').where({ case_no: caseNo }).orderBy('first_seq').select('payload');
    return rows.flatMap((r) => json(r.payload) as unknown as CaseEvent[]);
  }

  async listTasks(filter: { caseNo?: string; status?: TaskRecord['status'] }): Promise<TaskRecord[]> {
    const query = this.knex('tasks').orderBy(['case_no', 'created_at', 'task_id']);
    if (filter.caseNo !== undefined) query.where('case_no', filter.caseNo);
    if (filter.status !== undefined) query.where('status', filter.status);
    return (await query).map(toTaskRecord);
  }
}

/** The command's own rows through knex, one statement each (SQLite's knex store). */
async function writeRows(trx: Knex.Transaction, w: CaseWrite): Promise<void> {
  // The key first: a duplicate command fails before touching the case.
  if (w.idempotency) {
    await trx('idempotency_keys').insert({
      key: w.idempotency.key,
      case_no: w.caseNo,
      command_type: w.idempotency.commandType,
      result: toJson(w.idempotency.result),
      created_at: w.at,
    });
  }
  await writeCase(trx, w);
  if (w.events.length) {
    await trx('event_log').insert(eventLogRow(w.caseNo, w.events));
    const indexed = indexedEventRows(w.caseNo, w.events);
    for (let i = 0; i < indexed.length; i += CHUNK) await trx('events').insert(indexed.slice(i, i + CHUNK));
  }
  for (const op of w.tasks) await applyTaskOp(trx, w.caseNo, op, w.at);
  for (const timerId of w.firedTimerIds) await fireTimer(trx, w.caseNo, timerId, w.at);
  await applyTimerOps(trx, w.caseNo, w.timers, w.at);
  for (let i = 0; i < w.outbox.length; i += CHUNK) {
    await trx('outbox').insert(
      w.outbox.slice(i, i + CHUNK).map((o) => ({
        case_no: w.caseNo, type: o.type, payload: toJson(o.payload), created_at: w.at, attempts: 0, next_attempt_at: w.at,
      })),
    );
  }
}

/** A row of the `cases` table as a `StoredCase` (shared with the SQLite store). */
export function toStoredCase(row: Record<string, unknown>): StoredCase {
  return {
    caseNo: String(row.case_no),
    itemKey: String(row.item_key),
    definitionVersion: Number(row.definition_version),
    state: json(row.state),
    version: Number(row.version),
    lastSeq: Number(row.last_seq),
    summary: {
      status: String(row.status),
      stage: text(row.stage),
      department: text(row.department),
      statutoryDeadline: instant(row.statutory_deadline),
      promisedDeadline: instant(row.promised_deadline),
      light: text(row.light),
    },
    createdAt: requiredInstant(row.created_at),
    updatedAt: requiredInstant(row.updated_at),
  };
}

/** The conflict message of a write refused by a unique constraint (the case number or the idempotency key). */
export function duplicateMessage(w: CaseWrite): string {
  if (w.idempotency) return `Case '${w.caseNo}' or idempotency key '${w.idempotency.key}' already exists`;
  return `Case '${w.caseNo}' already exists`;
}

/** The summary columns of a case row. */
export function summaryColumns(s: CaseSummary) {
  return {
    status: s.status,
    stage: s.stage ?? null,
    department: s.department ?? null,
    statutory_deadline: s.statutoryDeadline === undefined ? null : toUtc(s.statutoryDeadline),
    promised_deadline: s.promisedDeadline === undefined ? null : toUtc(s.promisedDeadline),
    light: s.light ?? null,
  };
}

async function writeCase(trx: Knex.Transaction, w: CaseWrite): Promise<void> {
  const lastSeq = w.events.at(-1)?.seq;
  const columns = { ...summaryColumns(w.summary), state: toJson(w.state), version: w.expectedVersion + 1, updated_at: w.at };
  if (w.expectedVersion === 0) {
    if (!w.definition) throw new Error(`Expected the definition of new case '${w.caseNo}'`);
    await trx('cases').insert({
      ...columns,
      case_no: w.caseNo,
      item_key: w.definition.key,
      definition_version: w.definition.version,
      last_seq: lastSeq ?? 0,
      created_at: w.at,
    });
    return;
  }
  const query = trx('cases').where({ case_no: w.caseNo, version: w.expectedVersion });
  // The log's rows hold ranges of seqs, so its key cannot refuse a seq already logged; the case row can.
  if (w.events.length) query.where('last_seq', '<', w.events[0]!.seq);
  const changed = await query.update(lastSeq === undefined ? columns : { ...columns, last_seq: lastSeq });
  if (changed !== 1) throw new ConflictError(staleMessage(w), w.caseNo);
}

/** Why a command's case row was not updated: the case moved on, or (an engine fault) its first seq is already logged. */
export function staleMessage(w: CaseWrite): string {
  const logged = w.events.length ? ` with its event log ending before seq ${w.events[0]!.seq}` : '';
  return `Expected case '${w.caseNo}' to be at version ${w.expectedVersion}${logged}, but it was changed by another command; reload and retry`;
}

async function applyTaskOp(trx: Knex.Transaction, caseNo: string, op: TaskOp, at: string): Promise<void> {
  const row = trx('tasks').where({ case_no: caseNo, task_id: op.taskId });
  switch (op.op) {
    case 'create':
      await trx('tasks').insert({
        case_no: caseNo, task_id: op.taskId, element_id: op.elementId, name: op.name ?? null, kind: op.kind,
        department: op.department ?? null, role: op.role ?? null, candidate_groups: toJson(op.candidateGroups ?? []),
        candidates: op.candidates ? toJson(op.candidates) : null,
        stage: op.stage ?? null, assignee: op.assignee ?? null, due_at: op.dueAt ?? null, status: 'active', created_at: at,
      });
      return;
    case 'claim':
      await row.update({ assignee: op.assignee });
      return;
    case 'complete':
      await row.update({ status: 'completed', completed_at: at });
      return;
    case 'cancel':
      await row.update({ status: 'cancelled', completed_at: at });
      return;
  }
}

/** Exactly once: only a scheduled timer can fire, so a second node firing the same timer writes nothing. */
async function fireTimer(trx: Knex.Transaction, caseNo: string, timerId: string, at: string): Promise<void> {
  const changed = await trx('timers')
    .where({ case_no: caseNo, timer_id: timerId, status: 'scheduled' })
    .update({ status: 'fired', fired_at: at, lock_owner: null, lock_expires_at: null });
  if (changed !== 1) throw new ConflictError(`Expected timer '${timerId}' of case '${caseNo}' to be scheduled, but it was not`, caseNo);
}

/** Applies timer ops in order; a run of schedules is one multi-row upsert (a cycle of 100 reminders is one statement). */
async function applyTimerOps(trx: Knex.Transaction, caseNo: string, ops: readonly TimerOp[], at: string): Promise<void> {
  for (let i = 0; i < ops.length; ) {
    const op = ops[i]!;
    if (op.op === 'cancel') {
      await trx('timers').where({ case_no: caseNo, timer_id: op.timerId, status: 'scheduled' }).update({ status: 'cancelled' });
      i++;
      continue;
    }
    const run: Array<Extract<TimerOp, { op: 'schedule' }>> = [];
    while (i < ops.length && ops[i]!.op === 'schedule' && run.length < CHUNK) run.push(ops[i++] as Extract<TimerOp, { op: 'schedule' }>);
    // Scheduling an id again (a cycle timer's next round) resets the row rather than adding a second one.
    const fresh = { status: 'scheduled', lock_owner: null, lock_expires_at: null, attempts: 0, last_error: null, fired_at: null };
    await trx('timers')
      .insert(run.map((t) => ({ ...fresh, element_id: t.elementId, due_at: t.dueAt, case_no: caseNo, timer_id: t.timerId, created_at: at })))
      .onConflict(['case_no', 'timer_id'])
      .merge(['element_id', 'due_at', ...Object.keys(fresh)]);
  }
}

/** A row of the `tasks` table as a `TaskRecord` (shared with the inbox queries). */
export function toTaskRecord(row: Record<string, unknown>): TaskRecord {
  return {
    caseNo: String(row.case_no),
    taskId: String(row.task_id),
    elementId: String(row.element_id),
    name: text(row.name),
    kind: String(row.kind),
    department: text(row.department),
    role: text(row.role),
    candidateGroups: json(row.candidate_groups) as string[],
    ...(row.candidates !== null && row.candidates !== undefined ? { candidates: json(row.candidates) as string[] } : {}),
    stage: text(row.stage),
    assignee: text(row.assignee),
    dueAt: instant(row.due_at),
    status: row.status as TaskRecord['status'],
    createdAt: requiredInstant(row.created_at),
    completedAt: instant(row.completed_at),
  };
}
