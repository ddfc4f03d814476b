/**
 * Fixed-window counters in the database (table `rate_counters`), shared by every node on one database: the
 * login throttle per account and the per-address request limits count the same attempts whichever node
 * answers. Each increment is one atomic upsert (`INSERT … ON CONFLICT DO UPDATE … RETURNING`, on SQLite
 * ≥ 3.35 and PostgreSQL alike), so two nodes counting at once never lose a count.
 */
import type { Knex } from 'knex';

/** A counter's state after an increment or a read. */
export interface WindowCount {
  /** Attempts counted in the current window (0 when there is none). */
  count: number;
  /** Milliseconds until the window ends (0 when there is none). */
  ttlMs: number;
}

/** Expired rows are deleted after this many increments by one process, so the table stays small. */
const PRUNE_EVERY = 500;

/** Counters over one knex database. */
export class RateCounters {
  private increments = 0;

  constructor(private readonly knex: Knex) {}

  /** Counts one attempt of `key` in a window of `windowMs` starting at its first attempt. */
  async increment(key: string, windowMs: number, nowMs: number): Promise<WindowCount> {
    if (++this.increments % PRUNE_EVERY === 0) await this.prune(nowMs);
    // Every SET expression reads the row as it was (both databases), so an expired window restarts at 1.
    const expired = 'rate_counters.expires_at <= ?';
    const result: unknown = await this.knex.raw(
      `insert into rate_counters (key, window_start, expires_at, count) values (?, ?, ?, 1)
       on conflict (key) do update set
         count = case when ${expired} then 1 else rate_counters.count + 1 end,
         window_start = case when ${expired} then ? else rate_counters.window_start end,
         expires_at = case when ${expired} then ? else rate_counters.expires_at end
       returning count, expires_at`,
      [key, nowMs, nowMs + windowMs, nowMs, nowMs, nowMs, nowMs, nowMs + windowMs],
    );
    const row = firstRow(result);
    return { count: Number(row.count), ttlMs: Math.max(0, Number(row.expires_at) - nowMs) };
  }

  /** The current window of `key`, without counting. */
  async read(key: string, nowMs: number): Promise<WindowCount> {
    const row = await this.knex('rate_counters').where({ key }).andWhere('expires_at', '>', nowMs).first('count', 'expires_at');
    return row ? { count: Number(row.count), ttlMs: Number(row.expires_at) - nowMs } : { count: 0, ttlMs: 0 };
  }

  /** Forgets `key` (a successful login clears its account's failures). */
  async reset(key: string, trx?: Knex.Transaction): Promise<void> {
    await (trx ?? this.knex)('rate_counters').where({ key }).delete();
  }

  /** Deletes every expired counter. */
  async prune(nowMs: number): Promise<number> {
    return this.knex('rate_counters').where('expires_at', '<=', nowMs).delete();
  }
}

/** The first row of a raw `returning` query (pg gives `{ rows }`, better-sqlite3 an array). */
function firstRow(result: unknown): Record<string, unknown> {
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows[0] as Record<string, unknown>;
}
