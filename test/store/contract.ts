/**
 * The store contract: one suite, run on every database (architecture guide, principle 10). `sqlite.test.ts`
 * and `postgres.test.ts` call it with their own way of opening a fresh, migrated store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../engine/runtime/errors.js';
import { migrate } from '../../server/store/connect.js';
import type { OpenedStore } from '../../server/store/open-store.js';
import { fakeDefinition } from '../runtime/fake-engine.js';
import { caseContract } from './contract-cases.js';
import { timerContract } from './contract-timers.js';
import { deployDemo, ITEM, T0 } from './harness.js';

/** Opens a fresh store, and removes it afterwards. */
export interface StoreFixture {
  open(): Promise<OpenedStore>;
  dispose(store: OpenedStore): Promise<void>;
}

/** Registers the whole contract for one database. */
export function storeContract(fixture: StoreFixture): void {
  let opened: OpenedStore | undefined;
  const store = (): OpenedStore => {
    if (!opened) throw new Error('store not opened');
    return opened;
  };
  beforeAll(async () => {
    opened = await fixture.open();
    await deployDemo(opened);
  });
  afterAll(async () => {
    if (opened) await fixture.dispose(opened);
  });

  describe('schema and definitions', () => {
    it('migrates idempotently and exposes every table with queryable columns', async () => {
      await migrate(store().knex, store().config);
      for (const [table, columns] of Object.entries({
        definition_versions: ['key', 'version', 'process_id', 'name', 'source_xml', 'compiled', 'deployed_at', 'enabled'],
        cases: ['case_no', 'item_key', 'definition_version', 'status', 'stage', 'department', 'statutory_deadline', 'promised_deadline', 'light', 'version', 'state', 'created_at', 'updated_at'],
        events: ['case_no', 'seq', 'type', 'payload'],
        tasks: ['task_id', 'case_no', 'element_id', 'name', 'department', 'role', 'candidate_groups', 'assignee', 'due_at', 'status', 'created_at', 'completed_at'],
        timers: ['timer_id', 'case_no', 'element_id', 'due_at', 'lock_owner', 'lock_expires_at', 'attempts', 'last_error', 'status'],
        idempotency_keys: ['key', 'case_no', 'result'],
        outbox: ['id', 'case_no', 'type', 'payload', 'created_at', 'dispatched_at', 'attempts', 'next_attempt_at', 'last_error'],
      })) {
        const info = await store().knex(table).columnInfo();
        expect(Object.keys(info), table).toEqual(expect.arrayContaining(columns));
      }
    });

    it('keeps every deployed version, serves the latest enabled one and refuses a duplicate version', async () => {
      const defs = store().definitions;
      const key = `${ITEM}-versions`;
      await defs.deploy({ definition: fakeDefinition(key, 1), sourceXml: '<v1/>', at: T0 });
      await defs.deploy({ definition: fakeDefinition(key, 2), sourceXml: '<v2/>', at: T0, enabled: false });

      expect((await defs.latest(key))?.version).toBe(1);
      await defs.setEnabled(key, 2, true);
      expect((await defs.latest(key))?.version).toBe(2);
      expect(await defs.get(key, 1)).toEqual(fakeDefinition(key, 1));
      expect((await defs.list(key)).map((d) => [d.version, d.enabled, d.deployedAt])).toEqual([[1, true, T0], [2, true, T0]]);
      await expect(defs.deploy({ definition: fakeDefinition(key, 2), sourceXml: '<v2/>', at: T0 })).rejects.toBeInstanceOf(ConflictError);
    });
  });

  caseContract(store);
  timerContract(store);
}
