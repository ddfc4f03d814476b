/** Opening a better-sqlite3 database directly (the online backup works below knex). */
import Database from 'better-sqlite3';

/** An open better-sqlite3 database. */
export type SqliteDatabase = Database.Database;

/** Opens a database file. */
export function openSqlite(file: string, options: Database.Options = {}): SqliteDatabase {
  return new Database(file, options);
}
