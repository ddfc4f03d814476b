/**
 * An application's uploads are written side by side, each waiting on its own flushes to disk, and a material
 * the item does not list is refused before any file is written (so a refused application leaves no file).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseService } from '../../server/cases/create-case-service.js';
import type { FileStorage, StoredFile } from '../../server/cases/file-storage.js';
import { bj, calendar, pdf, shared, world, type World } from './harness.js';

const applicant = { id: 'u-chen', name: '陈静餐饮有限公司', kind: 'ENTERPRISE' };
const facts = { applicant: { kind: 'ENTERPRISE', hasBusinessLicence: true }, onlyPrepackagedFood: false, operatesOnline: false, usesVendingMachine: false, byAgent: false };

/** A storage whose puts finish only once `expected` of them are under way at the same time (or fail after 2 s). */
function barrierStorage(expected: number) {
  const names: string[] = [];
  let started = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => { release = resolve; });
  const storage: FileStorage = {
    async put(bytes, meta): Promise<StoredFile> {
      names.push(meta.name);
      started += 1;
      if (started === expected) release();
      await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${started} of ${expected} puts were under way at once`)), 2_000))]);
      const hex = meta.name.padEnd(64, '0').slice(0, 64).replace(/[^0-9a-f]/g, 'a');
      return { ref: `sha256:${hex}`, sha256: hex, size: bytes.byteLength, contentType: 'application/pdf', name: meta.name };
    },
    get: async () => undefined,
  };
  return { storage, names };
}

let w: World;
beforeEach(async () => { w = await world(['ITEM-02'], bj('2026-03-02', '09:00')); });
afterEach(() => w.dispose());

describe('the uploads of an application', () => {
  it('writes the three files at once and keeps them in the order given', async () => {
    const { storage, names } = barrierStorage(3);
    const { service } = await createCaseService({ store: w.store, clock: w.clock, calendar, files: storage });
    const materials = [pdf('M1'), shared('M2', '营业执照', '91330100MA2XXXXX1', '区市场监督管理局'), pdf('M3'), pdf('M4')];
    const result = await service.apply({ itemCode: 'ITEM-02', channel: 'online', applicant, facts, materials, actor: { id: applicant.id, name: applicant.name } });
    expect(result.ok, result.ok ? '' : result.refusal.message).toBe(true);
    expect(names).toHaveLength(3);
    const view = (await service.getCase(result.caseNo))!;
    expect(view.lifecycle.materials.map((m) => [m.material, m.kind])).toEqual([['M1', 'upload'], ['M2', 'shared'], ['M3', 'upload'], ['M4', 'upload']]);
  });

  it('refuses a material the item does not list before writing any file', async () => {
    const { storage, names } = barrierStorage(1);
    const { service } = await createCaseService({ store: w.store, clock: w.clock, calendar, files: storage });
    const materials = [pdf('M1'), { ...pdf('M3'), material: 'M99' }];
    const result = await service.apply({ itemCode: 'ITEM-02', channel: 'online', applicant, facts, materials, actor: { id: applicant.id, name: applicant.name } });
    expect(result.ok ? 'applied' : result.refusal.code).toBe('UNKNOWN_MATERIAL');
    expect(names).toEqual([]);
  });
});
