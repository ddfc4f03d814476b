/** A fresh SQLite store in a temporary directory, for runtime tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type OpenedStore } from '../../server/store/open-store.js';
import { deployDemo } from '../store/harness.js';

/** Opens a migrated SQLite store with the demo item deployed; `dispose` closes and deletes it. */
export async function tempStore(): Promise<{ store: OpenedStore; file: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-runtime-'));
  const file = path.join(dir, 'runtime.sqlite');
  const store = await openStore({ kind: 'sqlite', file });
  await deployDemo(store);
  return {
    store,
    file,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
