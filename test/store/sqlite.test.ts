/**
 * The store contract on SQLite (better-sqlite3, one file in WAL mode), twice: with the adapters `openStore`
 * returns there (prepared statements, group commit), and with the knex adapters, which the approval case
 * store still uses on SQLite (its read-model projections run inside knex transactions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnex, migrate, type StoreConfig } from '../../server/store/connect.js';
import { KnexCaseStore } from '../../server/store/knex-case-store.js';
import { openStore, storeAdapters, type OpenedStore } from '../../server/store/open-store.js';
import { SqliteCaseStore } from '../../server/store/sqlite-case-store.js';
import { SqliteOutboxStore, SqliteTimerStore } from '../../server/store/sqlite-timer-store.js';
import { storeContract } from './contract.js';

describe('store contract on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-store-'));
  const file = path.join(dir, 'contract.sqlite');

  it('opens the prepared-statement adapters for a SQLite configuration', async () => {
    const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'adapters.sqlite') });
    try {
      expect(store.cases).toBeInstanceOf(SqliteCaseStore);
      expect(store.timers).toBeInstanceOf(SqliteTimerStore);
      expect(store.outbox).toBeInstanceOf(SqliteOutboxStore);
    } finally {
      await store.close();
    }
  });

  storeContract({
    open: () => openStore({ kind: 'sqlite', file }),
    async dispose(store) {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});

describe('store contract on SQLite through the knex adapters', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-store-knex-'));
  const config: StoreConfig = { kind: 'sqlite', file: path.join(dir, 'contract.sqlite') };

  storeContract({
    async open(): Promise<OpenedStore> {
      const knex = createKnex(config);
      await migrate(knex, config);
      const store: OpenedStore = { config, knex, ...storeAdapters(knex, 'knex'), close: () => knex.destroy() };
      expect(store.cases).not.toBeInstanceOf(SqliteCaseStore);
      expect(store.cases).toBeInstanceOf(KnexCaseStore);
      return store;
    },
    async dispose(store) {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});
