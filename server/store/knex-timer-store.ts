/**
 * `TimerStore` on knex. Claims are leases: a row is taken by setting `lock_owner` and `lock_expires_at`; a node
 * that dies simply lets its leases expire, and another node takes the timers over.
 */
import type { Knex } from 'knex';
import type { TimerRecord, TimerStore } from '../../engine/runtime/ports.js';
import { instant, isPostgres, requiredInstant, text } from './rows.js';

/** The knex implementation of `TimerStore`. */
export class KnexTimerStore implements TimerStore {
  private readonly postgres: boolean;

  constructor(private readonly knex: Knex) {
    this.postgres = isPostgres(knex);
  }

  async claimDueTimers(args: { now: string; owner: string; lockUntil: string; limit: number }): Promise<TimerRecord[]> {
    const due = this.knex('timers')
      .select('id')
      .where('status', 'scheduled')
      .where('due_at', '<=', args.now)
      .where((q) => q.whereNull('lock_expires_at').orWhere('lock_expires_at', '<=', args.now))
      .orderBy('due_at')
      .limit(args.limit);
    // PostgreSQL: concurrent pollers skip each other's rows instead of queueing behind them. SQLite has
    // one writer, so the UPDATE ... RETURNING alone is the atomic claim there.
    if (this.postgres) due.forUpdate().skipLocked();
    const rows = await this.knex('timers')
      .whereIn('id', due)
      .update({ lock_owner: args.owner, lock_expires_at: args.lockUntil })
      .returning('*');
    // RETURNING has no order: fire by due time, then in the order the timers were scheduled.
    const ordered = (rows as Record<string, unknown>[])
      .map((row) => ({ id: Number(row.id), timer: timerRecord(row) }))
      .sort((a, b) => a.timer.dueAt.localeCompare(b.timer.dueAt) || a.id - b.id);
    return ordered.map((r) => r.timer);
  }

  async failTimer(args: {
    caseNo: string; timerId: string; owner: string; error: string; retryAt: string; maxAttempts: number;
  }): Promise<TimerRecord | undefined> {
    return this.knex.transaction(async (trx) => {
      const held = trx('timers').where({ case_no: args.caseNo, timer_id: args.timerId, status: 'scheduled', lock_owner: args.owner });
      if (this.postgres) held.forUpdate();
      const row = await held.first();
      if (!row) return undefined;
      const attempts = Number(row.attempts) + 1;
      const incident = attempts >= args.maxAttempts;
      const [updated] = await trx('timers')
        .where({ id: row.id })
        .update({
          attempts,
          last_error: args.error,
          lock_owner: null,
          lock_expires_at: incident ? null : args.retryAt,
          status: incident ? 'incident' : 'scheduled',
        })
        .returning('*');
      return timerRecord(updated as Record<string, unknown>);
    });
  }

  async dropTimer(args: { caseNo: string; timerId: string; reason: string }): Promise<void> {
    await this.knex('timers')
      .where({ case_no: args.caseNo, timer_id: args.timerId, status: 'scheduled' })
      .update({ status: 'cancelled', last_error: args.reason, lock_owner: null, lock_expires_at: null });
  }

  async listTimers(filter: { caseNo?: string; status?: TimerRecord['status'] }): Promise<TimerRecord[]> {
    const query = this.knex('timers').orderBy(['due_at', 'id']);
    if (filter.caseNo !== undefined) query.where('case_no', filter.caseNo);
    if (filter.status !== undefined) query.where('status', filter.status);
    return (await query).map(timerRecord);
  }

  async retryIncident(caseNo: string, timerId: string): Promise<boolean> {
    // The last error stays for the record; the attempts start again.
    const changed = await this.knex('timers')
      .where({ case_no: caseNo, timer_id: timerId, status: 'incident' })
      .update({ status: 'scheduled', attempts: 0, lock_owner: null, lock_expires_at: null });
    return changed === 1;
  }
}

/** A row of the `timers` table as a `TimerRecord` (shared with the SQLite store). */
export function timerRecord(row: Record<string, unknown>): TimerRecord {
  return {
    caseNo: String(row.case_no),
    timerId: String(row.timer_id),
    elementId: String(row.element_id),
    dueAt: requiredInstant(row.due_at),
    status: row.status as TimerRecord['status'],
    attempts: Number(row.attempts),
    lockOwner: text(row.lock_owner),
    lockExpiresAt: instant(row.lock_expires_at),
    lastError: text(row.last_error),
  };
}
