/**
 * One call that opens the database, migrates it and returns the adapters behind the runtime's ports.
 */
import type { Knex } from 'knex';
import type { CaseStore, OutboxStore, TimerStore } from '../../engine/runtime/ports.js';
import { createKnex, migrate, type StoreConfig } from './connect.js';
import { KnexCaseStore } from './knex-case-store.js';
import { KnexDefinitionRepository } from './knex-definition-repository.js';
import { KnexOutboxStore } from './knex-outbox-store.js';
import { KnexTimerStore } from './knex-timer-store.js';
import { SqliteCaseStore } from './sqlite-case-store.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import { SqliteHandle } from './sqlite-handle.js';
import { SqliteOutboxStore, SqliteTimerStore } from './sqlite-timer-store.js';

/** The opened store. `close()` releases the connections; call it once, on shutdown. */
export interface OpenedStore {
  config: StoreConfig;
  knex: Knex;
  cases: CaseStore;
  timers: TimerStore;
  outbox: OutboxStore;
  definitions: KnexDefinitionRepository;
  close(): Promise<void>;
}

/** The runtime's adapters over one knex instance. */
export type StoreAdapters = Pick<OpenedStore, 'cases' | 'timers' | 'outbox' | 'definitions'>;

/**
 * The adapters over `knex`. `'sqlite'` (SQLite only): the prepared-statement stores sharing knex's one
 * connection (see `sqlite-handle.ts`), with group commit. `'knex'` (PostgreSQL; on SQLite only to compare):
 * the knex stores, each commit its own transaction, concurrency from the connection pool.
 */
export function storeAdapters(knex: Knex, which: 'sqlite' | 'knex'): StoreAdapters {
  const definitions = new KnexDefinitionRepository(knex);
  if (which === 'sqlite') {
    const handle = new SqliteHandle(knex);
    const cases = new SqliteCaseStore(knex, handle);
    // The poller's and the dispatcher's writes share the commands' group commit (one fsync per turn).
    const group = <T>(work: (db: SqliteDatabase) => T) => cases.inGroup(work);
    return {
      cases,
      timers: new SqliteTimerStore(knex, handle, group),
      outbox: new SqliteOutboxStore(knex, handle, group),
      definitions,
    };
  }
  return { cases: new KnexCaseStore(knex), timers: new KnexTimerStore(knex), outbox: new KnexOutboxStore(knex), definitions };
}

/**
 * Opens the store described by `config` and brings its schema up to date, unless `migrate` is false (extra
 * nodes of a cluster whose schema one deployment step already migrated).
 */
export async function openStore(config: StoreConfig, options: { migrate?: boolean } = {}): Promise<OpenedStore> {
  const knex = createKnex(config);
  try {
    if (options.migrate !== false) await migrate(knex, config);
  } catch (error) {
    await knex.destroy();
    throw error;
  }
  return { config, knex, ...storeAdapters(knex, config.kind === 'sqlite' ? 'sqlite' : 'knex'), close: () => knex.destroy() };
}
