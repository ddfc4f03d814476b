/** The store contract on SQLite (better-sqlite3, one file in WAL mode). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { openStore } from '../../server/store/open-store.js';
import { storeContract } from './contract.js';

describe('store contract on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-store-'));
  storeContract({
    open: () => openStore({ kind: 'sqlite', file: path.join(dir, 'contract.sqlite') }),
    async dispose(store) {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});
