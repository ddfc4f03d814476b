/**
 * The part of better-sqlite3 that Shenpi uses directly (the online backup), typed here because the package
 * ships no type declarations and `@types/better-sqlite3` is not a dependency.
 */
import { createRequire } from 'node:module';

/** An open better-sqlite3 database. */
export interface SqliteDatabase {
  pragma(source: string, options?: { simple?: boolean }): unknown;
  prepare(sql: string): { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  /** SQLite's online backup API; `progress` returns how many pages to copy in the next step. */
  backup(file: string, options?: { progress?: (info: { totalPages: number; remainingPages: number }) => number }): Promise<{ totalPages: number; remainingPages: number }>;
  close(): void;
}

/** Opens a database file. */
export const openSqlite = (file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteDatabase => {
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options: object) => SqliteDatabase;
  return new Database(file, options);
};
