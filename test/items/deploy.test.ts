/** Deploying item packages on SQLite: versions, the definition link, disabling, and the CLI. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectingIo } from '../../server/cli/io.js';
import { run } from '../../server/cli/commands/deploy.js';
import { deployItem } from '../../server/cases/deploy-item.js';
import { readItemFolder } from '../../server/cases/item-folder.js';
import { KnexItemRepository } from '../../server/cases/knex-item-repository.js';
import { openStore } from '../../server/store/open-store.js';
import { itemFolder } from './support.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-items-'));
  dirs.push(dir);
  return path.join(dir, 'items.sqlite');
}

describe('deploying items', () => {
  it('stores each deployment as a new version linked to its definition version, and disables without touching versions', async () => {
    const store = await openStore({ kind: 'sqlite', file: tempFile() });
    try {
      const items = new KnexItemRepository(store.knex);
      const files = await readItemFolder(itemFolder('ITEM-02'));
      const first = await deployItem(files, { items, definitions: store.definitions, at: '2026-03-01T00:00:00.000Z', by: 'reform-office' });
      const second = await deployItem(files, { items, definitions: store.definitions, at: '2026-04-01T00:00:00.000Z' });
      expect([first.ok && first.item.version, second.ok && second.item.version]).toEqual([1, 2]);
      expect(await items.versions('ITEM-02')).toMatchObject([
        { version: 1, definitionKey: 'ITEM-02', definitionVersion: 1, deployedBy: 'reform-office' },
        { version: 2, definitionKey: 'ITEM-02', definitionVersion: 2 },
      ]);
      expect((await store.definitions.list('ITEM-02')).map((d) => d.version)).toEqual([1, 2]);
      const v1 = await items.get('ITEM-02', 1);
      expect(v1?.snapshot).toMatchObject({ code: 'ITEM-02', version: 1, promisedLimit: { value: 5, unit: 'WD' } });
      expect((await items.current('ITEM-02'))?.version).toBe(2);
      expect((await items.disclosure('ITEM-02'))?.item.version).toBe(2);

      await items.setEnabled('ITEM-02', false, '2026-05-01T00:00:00.000Z');
      expect(await items.current('ITEM-02')).toBeUndefined();
      expect((await items.get('ITEM-02', 1))?.version).toBe(1);
      expect(await items.find('ITEM-02')).toMatchObject({ enabled: false, latestVersion: 2 });
    } finally {
      await store.close();
    }
  });

  it('deploys from the command line and prints the findings of a refused package', async () => {
    const db = tempFile();
    const io = collectingIo();
    expect(await run([itemFolder('ITEM-02'), '--db', db], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('deployed ITEM-02 version 1 (食品经营许可（新办，餐饮服务—热食类食品制售）)');

    const broken = collectingIo();
    expect(await run([path.join(itemFolder('ITEM-02'), 'rules'), '--db', db], broken)).toBe(1);
    expect(broken.stdout).toContain('item.json: error missing-file: the package has no item.json');

    const disable = collectingIo();
    expect(await run(['--disable', 'ITEM-02', '--db', db], disable)).toBe(0);
    const usage = collectingIo();
    expect(await run([], usage)).toBe(2);
  });
});
