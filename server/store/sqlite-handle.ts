/**
 * The better-sqlite3 connection under knex, for the store's hot paths (load, commit, timer and outbox claims)
 * with statements prepared once instead of knex building, compiling and preparing every statement per call.
 *
 * Why knex's own connection and not a second one opened beside it: better-sqlite3 is synchronous, and so is
 * its `busy_timeout` — a second connection waiting for SQLite's write lock sleeps on the event loop. In this
 * process the lock is held across awaits by knex transactions (the approval store's projections, the audit
 * log, item deployment), which need that same event loop to finish: the wait would last the whole timeout
 * and end in SQLITE_BUSY. With one connection (knex's pool has max 1) there is no second writer in the
 * process, hence no lock wait at all; other processes (a backup, the CLI) still meet `busy_timeout`.
 */
import type Database from 'better-sqlite3';
import type { Knex } from 'knex';
import type { SqliteDatabase } from './sqlite-driver.js';

/** A prepared statement of the store. */
export type SqliteStatement = Database.Statement;

/** Shares knex's single SQLite connection with synchronous work. */
export class SqliteHandle {
  /** The pool's connection, remembered from the last acquisition (the pool keeps it: min 1, max 1). */
  private db: SqliteDatabase | undefined;

  constructor(private readonly knex: Knex) {}

  /**
   * Runs `work` on the connection. Synchronous work cannot interleave with knex's statements (Node runs one
   * thing at a time), so the only state that forbids using the connection directly is an open knex
   * transaction: `work` would read its uncommitted rows, and its own BEGIN would become a savepoint inside
   * it. Then — and before the connection is first known — `work` waits for the connection from the pool,
   * i.e. until that transaction ended.
   */
  async run<T>(work: (db: SqliteDatabase) => T): Promise<T> {
    const known = this.db;
    if (known?.open && !known.inTransaction) return work(known);
    const db = (await this.knex.client.acquireConnection()) as SqliteDatabase;
    try {
      this.db = db;
      return work(db);
    } finally {
      await this.knex.client.releaseConnection(db);
    }
  }
}

/**
 * Memoizes `build` per connection: the statements of a store are prepared once for each connection the pool
 * ever creates (normally one, for the life of the process).
 */
export function perConnection<T>(build: (db: SqliteDatabase) => T): (db: SqliteDatabase) => T {
  const built = new WeakMap<SqliteDatabase, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}
