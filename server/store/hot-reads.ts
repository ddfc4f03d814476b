/**
 * Fixed reads of the hot request paths (the session of every request, a task by its id), run without knex's
 * query building: the profile of the HTTP path spent more on knex building, compiling and pooling each of
 * these one-row reads than on the read itself. The SQL is written once, with `?` placeholders and no
 * dialect-specific syntax.
 *
 * - SQLite: a statement prepared once on knex's own connection (`SqliteHandle`; the connection caches
 *   statements by text, see `connect.ts`), run synchronously. Like the store's loads, it waits for the
 *   connection while a knex transaction holds it, so it never reads another request's uncommitted rows.
 * - PostgreSQL: a named prepared statement on a pooled connection (parsed and planned once per connection),
 *   through the same driver and type parsers knex uses, so rows come back exactly as knex returns them.
 */
import type { Knex } from 'knex';
import type { SqliteDatabase } from './sqlite-driver.js';
import { isPostgres } from './rows.js';
import { SqliteHandle } from './sqlite-handle.js';

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** Runs fixed read-only SQL (`?` placeholders) on the store's connection. */
export interface HotReads {
  /** The first row of `sql`, or undefined. */
  first(sql: string, args: readonly unknown[]): Promise<Row | undefined>;
  /** Every row of `sql`. */
  all(sql: string, args: readonly unknown[]): Promise<Row[]>;
}

/** The subset of a `pg` client used here. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

class SqliteHotReads implements HotReads {
  private readonly handle: SqliteHandle;

  constructor(knex: Knex) {
    this.handle = new SqliteHandle(knex);
  }

  first(sql: string, args: readonly unknown[]): Promise<Row | undefined> {
    return this.handle.run((db: SqliteDatabase) => db.prepare(sql).get(...args) as Row | undefined);
  }

  all(sql: string, args: readonly unknown[]): Promise<Row[]> {
    return this.handle.run((db: SqliteDatabase) => db.prepare(sql).all(...args) as Row[]);
  }
}

class PgHotReads implements HotReads {
  /** SQL text → its statement name and its `$n` form. */
  private readonly named = new Map<string, { name: string; text: string }>();
  private generation = 0;

  constructor(private readonly knex: Knex) {}

  async first(sql: string, args: readonly unknown[]): Promise<Row | undefined> {
    return (await this.all(sql, args))[0];
  }

  async all(sql: string, args: readonly unknown[]): Promise<Row[]> {
    let statement = this.named.get(sql);
    if (!statement) {
      let n = 0;
      statement = { name: `shenpi_hot_${this.named.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
      this.named.set(sql, statement);
    }
    const client = (await this.knex.client.acquireConnection()) as PgClient;
    try {
      try {
        return (await client.query({ ...statement, values: [...args] })).rows;
      } catch (error) {
        // A migration by another node changed a table under a statement this connection prepared ("cached
        // plan must not change result type"): prepare it afresh, under a new name on every connection.
        if ((error as { code?: string }).code !== '0A000') throw error;
        const fresh = { name: `${statement.name.replace(/_g\d+$/, '')}_g${++this.generation}`, text: statement.text };
        this.named.set(sql, fresh);
        return (await client.query({ ...fresh, values: [...args] })).rows;
      }
    } finally {
      await this.knex.client.releaseConnection(client);
    }
  }
}

/** Inside a knex transaction the reads must see its rows: the same SQL through `trx.raw`. */
class TransactionReads implements HotReads {
  constructor(private readonly trx: Knex) {}

  async first(sql: string, args: readonly unknown[]): Promise<Row | undefined> {
    return (await this.all(sql, args))[0];
  }

  async all(sql: string, args: readonly unknown[]): Promise<Row[]> {
    const result = (await this.trx.raw(sql, [...args] as Knex.RawBinding[])) as Row[] | { rows: Row[] };
    return Array.isArray(result) ? result : result.rows;
  }
}

const readers = new WeakMap<Knex, HotReads>();

/** The hot reads over `knex`'s connections (one per knex instance; a transaction reads through itself). */
export function hotReads(knex: Knex): HotReads {
  if (knex.isTransaction) return new TransactionReads(knex);
  let reads = readers.get(knex);
  if (!reads) {
    reads = isPostgres(knex) ? new PgHotReads(knex) : new SqliteHotReads(knex);
    readers.set(knex, reads);
  }
  return reads;
}
