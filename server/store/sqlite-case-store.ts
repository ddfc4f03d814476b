/**
 * `CaseStore` on SQLite's better-sqlite3 connection: the same rows, the same transaction per command and the
 * same version guard as `KnexCaseStore`, with statements prepared once per connection, each commit written
 * synchronously inside a savepoint of a group commit (`group-commit.ts`). The cold queries (the event log,
 * the task list) stay on knex.
 */
import type { Knex } from 'knex';
import type { AuditInput } from '../audit/audit-chain.js';
import { claimAudit } from '../audit/audit-scope.js';
import { ConflictError } from '../../engine/runtime/errors.js';
import type { CaseWrite, RememberedResult, StoredCase, TaskOp, TimerOp } from '../../engine/runtime/ports.js';
import { toUtc } from '../../engine/runtime/projection.js';
import { GroupCommit, type GroupCommitOptions, type GroupCommitStats } from './group-commit.js';
import { eventLogRow, indexedEventRows } from './event-log-rows.js';
import { duplicateMessage, KnexCaseStore, staleMessage, toStoredCase } from './knex-case-store.js';
import { isUniqueViolation, json, toJson } from './rows.js';
import { heldKey, type HeldKey } from './request-keys.js';
import { appendAuditSync } from './sqlite-audit.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import { perConnection, type SqliteHandle } from './sqlite-handle.js';

/** The statements of a commit, column for column what `KnexCaseStore.commit` writes. */
const statements = perConnection((db: SqliteDatabase) => ({
  load: db.prepare('SELECT * FROM cases WHERE case_no = ?'),
  insertKey: db.prepare('INSERT INTO idempotency_keys (key, case_no, command_type, result, created_at) VALUES (?, ?, ?, ?, ?)'),
  findKey: db.prepare('SELECT key, case_no, result FROM idempotency_keys WHERE key = ?'),
  insertCase: db.prepare(`INSERT INTO cases (status, stage, department, statutory_deadline, promised_deadline, light, state, version,
    updated_at, case_no, item_key, definition_version, last_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`),
  // A command without events (none today, but allowed) keeps the stored last_seq. The log's rows hold ranges
  // of seqs, so its key cannot refuse a seq already logged; the case row can (NULL: no events, no condition).
  updateCase: db.prepare(`UPDATE cases SET status = ?, stage = ?, department = ?, statutory_deadline = ?, promised_deadline = ?,
    light = ?, state = ?, version = ?, updated_at = ?, last_seq = COALESCE(?, last_seq) WHERE case_no = ? AND version = ?
    AND (? IS NULL OR last_seq < ?)`),
  insertLog: db.prepare('INSERT INTO event_log (case_no, first_seq, last_seq, at, actor_id, payload) VALUES (?, ?, ?, ?, ?, ?)'),
  insertEvent: db.prepare('INSERT INTO events (case_no, seq, type, v, at, actor_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  createTask: db.prepare(`INSERT INTO tasks (case_no, task_id, element_id, name, kind, department, role, candidate_groups, stage,
    assignee, due_at, status, created_at, candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`),
  claimTask: db.prepare('UPDATE tasks SET assignee = ? WHERE case_no = ? AND task_id = ?'),
  finishTask: db.prepare('UPDATE tasks SET status = ?, completed_at = ? WHERE case_no = ? AND task_id = ?'),
  // Exactly once: only a scheduled timer can fire, so a second node firing the same timer changes nothing.
  fireTimer: db.prepare(`UPDATE timers SET status = 'fired', fired_at = ?, lock_owner = NULL, lock_expires_at = NULL
    WHERE case_no = ? AND timer_id = ? AND status = 'scheduled'`),
  // Scheduling an id again (a cycle timer's next round) resets the row rather than adding a second one.
  scheduleTimer: db.prepare(`INSERT INTO timers (status, lock_owner, lock_expires_at, attempts, last_error, fired_at, element_id, due_at,
    case_no, timer_id, created_at) VALUES ('scheduled', NULL, NULL, 0, NULL, NULL, ?, ?, ?, ?, ?)
    ON CONFLICT (case_no, timer_id) DO UPDATE SET element_id = excluded.element_id, due_at = excluded.due_at, status = 'scheduled',
    lock_owner = NULL, lock_expires_at = NULL, attempts = 0, last_error = NULL, fired_at = NULL`),
  cancelTimer: db.prepare("UPDATE timers SET status = 'cancelled' WHERE case_no = ? AND timer_id = ? AND status = 'scheduled'"),
  insertOutbox: db.prepare('INSERT INTO outbox (case_no, type, payload, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)'),
}));

type Statements = ReturnType<typeof statements>;

/**
 * A read model kept beside the log on the SQLite fast path: the synchronous form of `CaseProjection`, run on
 * the connection inside the command's savepoint, after its rows and before its audit entry. It must only
 * insert or update rows of its own tables, with statements prepared once per connection.
 */
export type SqliteProjection = (db: SqliteDatabase, write: CaseWrite) => void;

/** A write and the audit entry of its command, committed together. */
interface AuditedWrite {
  write: CaseWrite;
  projections: readonly SqliteProjection[];
  audit?: AuditInput;
  /** The request's Idempotency-Key, bound to the same transaction (the group commits outside the request). */
  key?: HeldKey;
}

/**
 * Other synchronous work on the connection that must be durable before its caller goes on (the request keys
 * of `Idempotency-Key`): run in its own savepoint of the next group, so it shares that group's fsync rather
 * than paying one of its own on the event loop.
 */
interface GroupJob {
  job: (db: SqliteDatabase) => unknown;
}

type GroupWrite = AuditedWrite | GroupJob;

/** The SQLite implementation of `CaseStore`; `openStore` returns it for SQLite configurations. */
export class SqliteCaseStore extends KnexCaseStore {
  private readonly group: GroupCommit<GroupWrite, unknown>;
  private readonly sqliteProjections: readonly SqliteProjection[];

  constructor(
    private readonly sqliteKnex: Knex,
    private readonly handle: SqliteHandle,
    options: GroupCommitOptions = {},
    shared?: { group: GroupCommit<GroupWrite, unknown>; projections: readonly SqliteProjection[] },
  ) {
    super(sqliteKnex);
    this.sqliteProjections = shared?.projections ?? [];
    this.group = shared?.group ?? new GroupCommit<GroupWrite, unknown>(handle, (db, w) => {
      if ('job' in w) return w.job(db);
      writeCommand(statements(db), w.write);
      for (const project of w.projections) project(db, w.write);
      // Wall-clock time, taken inside the transaction (see audit-log.ts).
      if (w.audit) appendAuditSync(db, w.audit, new Date().toISOString(), w.key);
      return undefined;
    }, options);
  }

  /**
   * Runs `work` synchronously inside a savepoint of the next group commit and answers what it returned once
   * that group committed; if it throws, its savepoint alone is rolled back and the promise rejects.
   */
  inGroup<T>(work: (db: SqliteDatabase) => T): Promise<T> {
    return this.group.submit({ job: work }) as Promise<T>;
  }

  /**
   * This store with `projections` written in every commit (the approval cases' read model). The view shares
   * this store's group commit, so its commands and the others' share transactions and fsyncs.
   */
  withProjections(projections: readonly SqliteProjection[]): SqliteCaseStore {
    return new SqliteCaseStore(this.sqliteKnex, this.handle, {}, { group: this.group, projections: [...this.sqliteProjections, ...projections] });
  }

  /** Commits written and the transactions they shared, since the store was opened. */
  get groupStats(): GroupCommitStats {
    return { ...this.group.stats };
  }

  override loadCase(caseNo: string): Promise<StoredCase | undefined> {
    return this.handle.run((db) => {
      const row = statements(db).load.get(caseNo) as Record<string, unknown> | undefined;
      return row ? toStoredCase(row) : undefined;
    });
  }

  override async commit(w: CaseWrite): Promise<void> {
    const audit = claimAudit(w.caseNo);
    try {
      const key = heldKey();
      const projections = this.sqliteProjections;
      await this.group.submit(audit ? { write: w, projections, audit: audit.input, ...(key ? { key } : {}) } : { write: w, projections });
      audit?.settled(true);
    } catch (error) {
      audit?.settled(false);
      throw error;
    }
  }

  override remember(entry: RememberedResult & { commandType: string; at: string }): Promise<void> {
    return this.handle.run((db) => {
      try {
        statements(db).insertKey.run(entry.key, entry.caseNo, entry.commandType, toJson(entry.result), entry.at);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`Idempotency key '${entry.key}' was already used`, entry.caseNo);
        throw error;
      }
    });
  }

  override findRemembered(key: string): Promise<RememberedResult | undefined> {
    return this.handle.run((db) => {
      const row = statements(db).findKey.get(key) as { key: string; case_no: string; result: string } | undefined;
      return row ? { key: row.key, caseNo: row.case_no, result: json(row.result) } : undefined;
    });
  }
}

/** Writes one command's rows; throws `ConflictError` on a stale version, a duplicate, or a timer not scheduled. */
function writeCommand(s: Statements, w: CaseWrite): void {
  try {
    // The key first: a duplicate command fails before touching the case.
    if (w.idempotency) s.insertKey.run(w.idempotency.key, w.caseNo, w.idempotency.commandType, toJson(w.idempotency.result), w.at);
    writeCase(s, w);
    if (w.events.length) {
      const log = eventLogRow(w.caseNo, w.events);
      s.insertLog.run(log.case_no, log.first_seq, log.last_seq, log.at, log.actor_id, log.payload);
      for (const e of indexedEventRows(w.caseNo, w.events)) s.insertEvent.run(e.case_no, e.seq, e.type, e.v, e.at, e.actor_id, e.payload);
    }
    for (const op of w.tasks) applyTaskOp(s, w.caseNo, op, w.at);
    for (const timerId of w.firedTimerIds) {
      if (s.fireTimer.run(w.at, w.caseNo, timerId).changes !== 1) {
        throw new ConflictError(`Expected timer '${timerId}' of case '${w.caseNo}' to be scheduled, but it was not`, w.caseNo);
      }
    }
    for (const op of w.timers) applyTimerOp(s, w.caseNo, op, w.at);
    for (const o of w.outbox) s.insertOutbox.run(w.caseNo, o.type, toJson(o.payload), w.at, w.at);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(duplicateMessage(w), w.caseNo);
    throw error;
  }
}

function writeCase(s: Statements, w: CaseWrite): void {
  const m = w.summary;
  const summary = [
    m.status, m.stage ?? null, m.department ?? null,
    m.statutoryDeadline === undefined ? null : toUtc(m.statutoryDeadline),
    m.promisedDeadline === undefined ? null : toUtc(m.promisedDeadline),
    m.light ?? null, toJson(w.state),
  ];
  const lastSeq = w.events.at(-1)?.seq;
  if (w.expectedVersion === 0) {
    if (!w.definition) throw new Error(`Expected the definition of new case '${w.caseNo}'`);
    s.insertCase.run(...summary, w.at, w.caseNo, w.definition.key, w.definition.version, lastSeq ?? 0, w.at);
    return;
  }
  const firstSeq = w.events[0]?.seq ?? null;
  const changed = s.updateCase.run(...summary, w.expectedVersion + 1, w.at, lastSeq ?? null, w.caseNo, w.expectedVersion, firstSeq, firstSeq).changes;
  if (changed !== 1) throw new ConflictError(staleMessage(w), w.caseNo);
}

function applyTaskOp(s: Statements, caseNo: string, op: TaskOp, at: string): void {
  switch (op.op) {
    case 'create':
      s.createTask.run(
        caseNo, op.taskId, op.elementId, op.name ?? null, op.kind, op.department ?? null, op.role ?? null,
        toJson(op.candidateGroups ?? []), op.stage ?? null, op.assignee ?? null, op.dueAt ?? null, at,
        op.candidates ? toJson(op.candidates) : null,
      );
      return;
    case 'claim':
      s.claimTask.run(op.assignee, caseNo, op.taskId);
      return;
    case 'complete':
    case 'cancel':
      s.finishTask.run(op.op === 'complete' ? 'completed' : 'cancelled', at, caseNo, op.taskId);
      return;
  }
}

function applyTimerOp(s: Statements, caseNo: string, op: TimerOp, at: string): void {
  if (op.op === 'cancel') s.cancelTimer.run(caseNo, op.timerId);
  else s.scheduleTimer.run(op.elementId, op.dueAt, caseNo, op.timerId, at);
}

