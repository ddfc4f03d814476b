/**
 * `TimerStore` and `OutboxStore` on SQLite's better-sqlite3 connection: the calls a poller or dispatcher
 * makes every round (claim, fail, drop; claim, mark) run prepared statements; the listings stay on knex.
 * SQLite has one writer, so `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *` is the atomic claim (what
 * PostgreSQL needs `FOR UPDATE SKIP LOCKED` for). Each of those writes runs as a job of the case store's
 * group commit when one is given (`openStore` does): it shares the fsync of the commands committing in the
 * same turn instead of paying an autocommit's fsync of its own on the event loop (at `synchronous = FULL`).
 */
import type { Knex } from 'knex';
import type { OutboxMessage, TimerRecord } from '../../engine/runtime/ports.js';
import { KnexOutboxStore, outboxMessage } from './knex-outbox-store.js';
import { KnexTimerStore, timerRecord } from './knex-timer-store.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import type { GroupRunner } from './request-keys.js';
import { perConnection, type SqliteHandle } from './sqlite-handle.js';

/** Where a store's writes run: in the group commit when there is one, else directly on the connection. */
function writer(handle: SqliteHandle, group: GroupRunner | undefined): GroupRunner {
  return group ?? ((work) => handle.run(work));
}

const timerStatements = perConnection((db: SqliteDatabase) => ({
  claim: db.prepare(`UPDATE timers SET lock_owner = ?, lock_expires_at = ? WHERE id IN (
    SELECT id FROM timers WHERE status = 'scheduled' AND due_at <= ? AND (lock_expires_at IS NULL OR lock_expires_at <= ?)
    ORDER BY due_at LIMIT ?) RETURNING *`),
  held: db.prepare("SELECT * FROM timers WHERE case_no = ? AND timer_id = ? AND status = 'scheduled' AND lock_owner = ?"),
  fail: db.prepare('UPDATE timers SET attempts = ?, last_error = ?, lock_owner = NULL, lock_expires_at = ?, status = ? WHERE id = ? RETURNING *'),
  drop: db.prepare(`UPDATE timers SET status = 'cancelled', last_error = ?, lock_owner = NULL, lock_expires_at = NULL
    WHERE case_no = ? AND timer_id = ? AND status = 'scheduled'`),
}));

/** The SQLite implementation of `TimerStore`; `openStore` returns it for SQLite configurations. */
export class SqliteTimerStore extends KnexTimerStore {
  private readonly write: GroupRunner;

  constructor(knex: Knex, handle: SqliteHandle, group?: GroupRunner) {
    super(knex);
    this.write = writer(handle, group);
  }

  override claimDueTimers(args: { now: string; owner: string; lockUntil: string; limit: number }): Promise<TimerRecord[]> {
    return this.write((db) => {
      const rows = timerStatements(db).claim.all(args.owner, args.lockUntil, args.now, args.now, args.limit) as Array<Record<string, unknown>>;
      // RETURNING has no order: fire by due time, then in the order the timers were scheduled.
      return rows
        .map((row) => ({ id: Number(row.id), timer: timerRecord(row) }))
        .sort((a, b) => a.timer.dueAt.localeCompare(b.timer.dueAt) || a.id - b.id)
        .map((r) => r.timer);
    });
  }

  override failTimer(args: {
    caseNo: string; timerId: string; owner: string; error: string; retryAt: string; maxAttempts: number;
  }): Promise<TimerRecord | undefined> {
    // Read and update in one synchronous step: nothing else runs on the connection in between.
    return this.write((db) => {
      const s = timerStatements(db);
      const row = s.held.get(args.caseNo, args.timerId, args.owner) as Record<string, unknown> | undefined;
      if (!row) return undefined;
      const attempts = Number(row.attempts) + 1;
      const incident = attempts >= args.maxAttempts;
      const updated = s.fail.get(attempts, args.error, incident ? null : args.retryAt, incident ? 'incident' : 'scheduled', row.id);
      return timerRecord(updated as Record<string, unknown>);
    });
  }

  override dropTimer(args: { caseNo: string; timerId: string; reason: string }): Promise<void> {
    return this.write((db) => {
      timerStatements(db).drop.run(args.reason, args.caseNo, args.timerId);
    });
  }
}

const outboxStatements = perConnection((db: SqliteDatabase) => ({
  claim: db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE id IN (
    SELECT id FROM outbox WHERE dispatched_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?) RETURNING *`),
  dispatched: db.prepare('UPDATE outbox SET dispatched_at = ?, last_error = NULL WHERE id = ?'),
  failed: db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?'),
}));

/** The SQLite implementation of `OutboxStore`; `openStore` returns it for SQLite configurations. */
export class SqliteOutboxStore extends KnexOutboxStore {
  private readonly write: GroupRunner;

  constructor(knex: Knex, handle: SqliteHandle, group?: GroupRunner) {
    super(knex);
    this.write = writer(handle, group);
  }

  override claimOutbox(args: { now: string; lockUntil: string; limit: number }): Promise<OutboxMessage[]> {
    return this.write((db) => {
      const rows = outboxStatements(db).claim.all(args.lockUntil, args.now, args.limit) as Array<Record<string, unknown>>;
      return rows.map(outboxMessage).sort((a, b) => a.id - b.id);
    });
  }

  override markDispatched(id: number, at: string): Promise<void> {
    return this.write((db) => {
      outboxStatements(db).dispatched.run(at, id);
    });
  }

  override markFailed(args: { id: number; error: string; nextAttemptAt: string }): Promise<void> {
    return this.write((db) => {
      outboxStatements(db).failed.run(args.error, args.nextAttemptAt, args.id);
    });
  }
}
