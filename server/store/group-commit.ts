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

interface Pending<W> {
  write: W;
  resolve(): void;
  reject(error: unknown): void;
}

/** Writes `W`s through `apply`, grouped as described above. */
export class GroupCommit<W> {
  readonly stats: GroupCommitStats = { writes: 0, transactions: 0 };
  private queue: Array<Pending<W>> = [];
  private scheduled = false;
  private readonly maxGroup: number;
  private readonly transactions: (db: SqliteDatabase) => { group: (group: Array<Pending<W>>) => unknown[] };

  /** `apply` writes one `W` synchronously, throwing to refuse it (it runs inside a savepoint). */
  constructor(
    private readonly handle: SqliteHandle,
    apply: (db: SqliteDatabase, write: W) => void,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxGroup = options.maxGroup ?? 256;
    this.transactions = perConnection((db) => {
      // Called inside `group`'s transaction, better-sqlite3 runs this one as a SAVEPOINT: released on
      // return, rolled back (and the error rethrown) on throw.
      const savepoint = db.transaction((write: W) => apply(db, write));
      const group = db.transaction((pending: Array<Pending<W>>) => {
        const outcomes = pending.map((p, index) => {
          let outcome: unknown;
          try {
            savepoint(p.write);
          } catch (error) {
            // On some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) SQLite rolls back the whole transaction
            // itself: the group is lost, and the writes after this one must not run outside a transaction.
            if (!db.inTransaction) throw error;
            outcome = error ?? new Error('The write failed without an error');
          }
          this.options.afterWrite?.(index);
          return outcome;
        });
        this.options.beforeCommit?.(pending.length);
        return outcomes;
      });
      return { group: (pending: Array<Pending<W>>) => group.immediate(pending) };
    });
  }

  /** Queues `write`; resolves once it is committed, rejects with its own error if it was refused. */
  submit(write: W): Promise<void> {
    return new Promise<void>((resolve, reject) => {
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
    let outcomes: unknown[];
    try {
      outcomes = await this.handle.run((db) => this.transactions(db).group(group));
      this.stats.transactions++;
      this.stats.writes += group.length;
    } catch (error) {
      // BEGIN or COMMIT failed (disk full, I/O error, a lock held by another process beyond busy_timeout):
      // nothing of the group was written.
      outcomes = group.map(() => error);
    }
    this.scheduled = false;
    if (this.queue.length > 0) this.schedule();
    group.forEach((p, i) => (outcomes[i] === undefined ? p.resolve() : p.reject(outcomes[i])));
  }
}
