/**
 * One call that opens the database, migrates it and returns the adapters behind the runtime's ports.
 */
import type { Knex } from 'knex';
import { createKnex, migrate, type StoreConfig } from './connect.js';
import { KnexCaseStore } from './knex-case-store.js';
import { KnexDefinitionRepository } from './knex-definition-repository.js';
import { KnexOutboxStore } from './knex-outbox-store.js';
import { KnexTimerStore } from './knex-timer-store.js';

/** The opened store. `close()` releases the connections; call it once, on shutdown. */
export interface OpenedStore {
  config: StoreConfig;
  knex: Knex;
  cases: KnexCaseStore;
  timers: KnexTimerStore;
  outbox: KnexOutboxStore;
  definitions: KnexDefinitionRepository;
  close(): Promise<void>;
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
  return {
    config,
    knex,
    cases: new KnexCaseStore(knex),
    timers: new KnexTimerStore(knex),
    outbox: new KnexOutboxStore(knex),
    definitions: new KnexDefinitionRepository(knex),
    close: () => knex.destroy(),
  };
}
