/**
 * Group commit for SQLite. At `synchronous = FULL` every COMMIT costs an fsync of the WAL, and the disk, not
 * the CPU, bounds one-transaction-per-command throughput. Writes submitted during one turn of the event loop
 * (the commands of other cases stepping at the same time) are written in ONE transaction, each inside its
 * own SAVEPOINT:
 * - a write that fails (stale version, duplicate key, a timer no longer scheduled) rolls back to its
 *   savepoint only, and only its promise rejects;
 * - every promise settles after the shared COMMIT returned, so an acknowledged write is exactly as durable
 *   as with a transaction of its own, and a crash before COMMIT loses the whole group, none of it
 *   acknowledged;
 * - the transaction is BEGIN IMMEDIATE: it takes the write lock up front (waiting `busy_timeout` for another
 *   process), so it cannot fail half-way on a lock upgrade.
 */
import type { SqliteDatabase } from './sqlite-driver.js';
import { perConnection, type SqliteHandle } from './sqlite-handle.js';

/** Tuning and test hooks of a `GroupCommit`. */
export interface GroupCommitOptions {
  /** Most writes per transaction, so one transaction (and the event loop it blocks) stays short. */
  maxGroup?: number;
  /** Called inside the transaction after the write at `index` left its savepoint (crash tests). */
  afterWrite?(index: number): void;
  /** Called inside the transaction just before COMMIT (crash tests). */
  beforeCommit?(size: number): void;
}

/** How many writes were grouped into how many transactions. */
export interface GroupCommitStats {
  writes: number;
  transactions: number;
}

interface Pending<W, R> {
  write: W;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/** What one write of a group came to: its value, or the error that rolled its savepoint back. */
type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Writes `W`s through `apply`, grouped as described above; each submission resolves with what `apply`
 * returned for it (`R`), once the shared COMMIT returned.
 */
export class GroupCommit<W, R = void> {
  readonly stats: GroupCommitStats = { writes: 0, transactions: 0 };
  private queue: Array<Pending<W, R>> = [];
  private scheduled = false;
  private readonly maxGroup: number;
  private readonly transactions: (db: SqliteDatabase) => { group: (group: Array<Pending<W, R>>) => Array<Outcome<R>> };

  /** `apply` writes one `W` synchronously, throwing to refuse it (it runs inside a savepoint). */
  constructor(
    private readonly handle: SqliteHandle,
    apply: (db: SqliteDatabase, write: W) => R,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxGroup = options.maxGroup ?? 256;
    this.transactions = perConnection((db) => {
      // Called inside `group`'s transaction, better-sqlite3 runs this one as a SAVEPOINT: released on
      // return, rolled back (and the error rethrown) on throw.
      const savepoint = db.transaction((write: W) => apply(db, write));
      const group = db.transaction((pending: Array<Pending<W, R>>) => {
        const outcomes = pending.map((p, index): Outcome<R> => {
          let outcome: Outcome<R>;
          try {
            outcome = { ok: true, value: savepoint(p.write) };
          } catch (error) {
            // On some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) SQLite rolls back the whole transaction
            // itself: the group is lost, and the writes after this one must not run outside a transaction.
            if (!db.inTransaction) throw error;
            outcome = { ok: false, error: error ?? new Error('The write failed without an error') };
          }
          this.options.afterWrite?.(index);
          return outcome;
        });
        this.options.beforeCommit?.(pending.length);
        return outcomes;
      });
      return { group: (pending: Array<Pending<W, R>>) => group.immediate(pending) };
    });
  }

  /** Queues `write`; resolves once it is committed, rejects with its own error if it was refused. */
  submit(write: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Closes the group at the next turn of the event loop (`setImmediate` runs after the promise jobs of the
   * commands now stepping, so they join), rather than writing the first write at once.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const group = this.queue.splice(0, this.maxGroup);
    let outcomes: Array<Outcome<R>>;
    try {
      outcomes = await this.handle.run((db) => this.transactions(db).group(group));
      this.stats.transactions++;
      this.stats.writes += group.length;
    } catch (error) {
      // BEGIN or COMMIT failed (disk full, I/O error, a lock held by another process beyond busy_timeout):
      // nothing of the group was written.
      outcomes = group.map(() => ({ ok: false, error }));
    }
    this.scheduled = false;
    if (this.queue.length > 0) this.schedule();
    group.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  }
}
