/**
 * Opening the database: SQLite (better-sqlite3, one file) by default, PostgreSQL when a URL is given.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { ListMigrationSource } from './migration-source.js';

/** Where the data lives. */
export type StoreConfig =
  | { kind: 'sqlite'; file: string }
  /** `schema` isolates one deployment (or one test run) inside a shared database. */
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

/** The SQLite file used when nothing else is configured. */
export const DEFAULT_SQLITE_FILE = 'data/shenpi.sqlite';

/** `DATABASE_URL` selects PostgreSQL; otherwise `SHENPI_DB` or the default SQLite file. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL, schema: env.SHENPI_DB_SCHEMA };
  return { kind: 'sqlite', file: env.SHENPI_DB ?? DEFAULT_SQLITE_FILE };
}

interface SqliteConnection {
  pragma(source: string): unknown;
  prepare(source: string): unknown;
}

/** Most statements a connection keeps prepared for knex (distinct SQL texts; an IN list of every length is one each). */
const STATEMENT_CACHE = 500;

/** Statements that change the schema; a statement prepared before one of them is prepared afresh after it. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/**
 * Keeps the statements knex prepares on `conn`, by SQL text. Knex's better-sqlite3 dialect prepares every
 * statement it runs afresh (parse and plan, per request, on the event loop); the hot queries of the HTTP
 * path (the session of every request, a task, a case's facts) are the same few texts each time. A statement
 * is reusable once its `all`/`run`/`get` returned, which is always before knex's next query on the
 * connection (better-sqlite3 is synchronous). DDL (migrations) empties the cache.
 */
function cacheStatements(conn: SqliteConnection): void {
  const prepare = conn.prepare.bind(conn);
  const cache = new Map<string, unknown>();
  conn.prepare = (source: string) => {
    if (SCHEMA_CHANGE.test(source)) {
      cache.clear();
      return prepare(source);
    }
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  };
}

/**
 * Creates a knex instance. On SQLite: WAL, so readers (a backup, a report) never block the writer, and
 * `synchronous = FULL`, so a command acknowledged to an applicant survives a power cut, not only a process
 * crash (NORMAL in WAL mode may lose the last commits on power loss); the cost is one fsync per commit.
 * One connection: better-sqlite3 is synchronous and SQLite has one writer anyway.
 */
export function createKnex(config: StoreConfig): Knex {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: config.file },
      useNullAsDefault: true,
      pool: {
        min: 1,
        max: 1,
        afterCreate(conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) {
          conn.pragma('journal_mode = WAL');
          conn.pragma('synchronous = FULL');
          conn.pragma('foreign_keys = ON');
          // Another process (a backup, a second CLI) may hold the lock for a moment; wait rather than fail.
          conn.pragma('busy_timeout = 5000');
          cacheStatements(conn);
          done(null, conn);
        },
      },
    });
  }
  return knexFactory({
    client: 'pg',
    connection: config.url,
    searchPath: config.schema ? [config.schema] : undefined,
    pool: { min: 0, max: config.poolSize ?? 10 },
  });
}

/** Brings the schema up to date (creating the PostgreSQL schema first when one is configured). */
export async function migrate(knex: Knex, config: StoreConfig): Promise<void> {
  if (config.kind === 'postgres' && config.schema) {
    await knex.raw('CREATE SCHEMA IF NOT EXISTS ??', [config.schema]);
  }
  await knex.migrate.latest({ migrationSource: new ListMigrationSource() });
}
