/**
 * `OutboxStore` on knex. `next_attempt_at` is both the retry schedule and the lease: claiming a row moves it
 * into the future, so a dispatcher that dies mid-delivery only delays the message until the lease ends.
 */
import type { Knex } from 'knex';
import type { OutboxMessage, OutboxStore } from '../../engine/runtime/ports.js';
import { instant, isPostgres, json, requiredInstant, text } from './rows.js';

/** The knex implementation of `OutboxStore`. */
export class KnexOutboxStore implements OutboxStore {
  private readonly postgres: boolean;

  constructor(private readonly knex: Knex) {
    this.postgres = isPostgres(knex);
  }

  async claimOutbox(args: { now: string; lockUntil: string; limit: number }): Promise<OutboxMessage[]> {
    const due = this.knex('outbox')
      .select('id')
      .whereNull('dispatched_at')
      .where('next_attempt_at', '<=', args.now)
      .orderBy('id')
      .limit(args.limit);
    if (this.postgres) due.forUpdate().skipLocked();
    const rows = await this.knex('outbox').whereIn('id', due).update({ next_attempt_at: args.lockUntil }).returning('*');
    return (rows as Record<string, unknown>[]).map(outboxMessage).sort((a, b) => a.id - b.id);
  }

  async markDispatched(id: number, at: string): Promise<void> {
    await this.knex('outbox').where({ id }).update({ dispatched_at: at, last_error: null });
  }

  async markFailed(args: { id: number; error: string; nextAttemptAt: string }): Promise<void> {
    await this.knex('outbox')
      .where({ id: args.id })
      .update({ attempts: this.knex.raw('attempts + 1'), last_error: args.error, next_attempt_at: args.nextAttemptAt });
  }

  async listOutbox(filter: { caseNo?: string; pending?: boolean }): Promise<Array<OutboxMessage & { dispatchedAt?: string; lastError?: string }>> {
    const query = this.knex('outbox').orderBy('id');
    if (filter.caseNo !== undefined) query.where('case_no', filter.caseNo);
    if (filter.pending === true) query.whereNull('dispatched_at');
    if (filter.pending === false) query.whereNotNull('dispatched_at');
    return (await query).map((row) => ({ ...outboxMessage(row), dispatchedAt: instant(row.dispatched_at), lastError: text(row.last_error) }));
  }
}

/** A row of the `outbox` table as an `OutboxMessage` (shared with the SQLite store). */
export function outboxMessage(row: Record<string, unknown>): OutboxMessage {
  return {
    // bigint ids come back as strings from PostgreSQL; they stay far below 2^53.
    id: Number(row.id),
    caseNo: String(row.case_no),
    type: String(row.type),
    payload: json(row.payload),
    attempts: Number(row.attempts),
    createdAt: requiredInstant(row.created_at),
  };
}
