/**
 * The part of better-sqlite3 the benchmarks use directly (the raw-limit writer, the bpmn-engine state table,
 * the bulk loader), typed here because the package ships no declarations.
 */
import { createRequire } from 'node:module';

/** A prepared statement. */
export interface Statement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** An open better-sqlite3 database. */
export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
}

/** SQLite's `synchronous` settings the benchmarks compare. FULL is what the store uses. */
export type Synchronous = 'FULL' | 'NORMAL';

/**
 * Opens `file` with the store's pragmas (WAL, `busy_timeout`), and `synchronous` as given: the same durability
 * the store runs at when FULL (see `server/store/connect.ts`).
 */
export function openSqlite(file: string, synchronous: Synchronous = 'FULL'): Database {
  const Driver = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => Database;
  const db = new Driver(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  return db;
}
