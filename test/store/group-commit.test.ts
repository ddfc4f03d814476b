/**
 * Group commit on the SQLite store: commits that arrive together share one transaction, each in its own
 * savepoint; a refused one is rolled back alone, a failed transaction takes none of them, and the store
 * never reads or writes inside a knex transaction that holds the shared connection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../engine/runtime/errors.js';
import type { CaseWrite } from '../../engine/runtime/ports.js';
import { openStore, type OpenedStore } from '../../server/store/open-store.js';
import { GroupCommit } from '../../server/store/group-commit.js';
import { SqliteCaseStore } from '../../server/store/sqlite-case-store.js';
import { SqliteHandle } from '../../server/store/sqlite-handle.js';
import { caseNo, deployDemo, harness, T0 } from './harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-group-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let file: string;
let store: OpenedStore;
beforeEach(async () => {
  file = path.join(dir, `${caseNo('db')}.sqlite`);
  store = await openStore({ kind: 'sqlite', file });
  await deployDemo(store);
});
afterEach(() => store.close());

const sqliteCases = (s: OpenedStore) => s.cases as SqliteCaseStore;

/** A write completing task `review` of a case started by the harness (at version 1, log at seq 2). */
function completeReview(no: string, expectedVersion = 1, extra: Partial<CaseWrite> = {}): CaseWrite {
  return {
    caseNo: no, expectedVersion, state: { done: true }, summary: { status: 'completed' },
    events: [{ type: 'task.completed', v: 1, seq: 3, at: T0, taskId: 'review' }],
    tasks: [{ op: 'complete', taskId: 'review' }], firedTimerIds: [], timers: [],
    outbox: [{ type: 'action.run', payload: { no } }], at: T0, ...extra,
  };
}

async function startCases(n: number): Promise<string[]> {
  const h = harness(store);
  const numbers = Array.from({ length: n }, (_, i) => caseNo(`g${i}`));
  for (const no of numbers) expect(await h.start(no)).toMatchObject({ ok: true });
  return numbers;
}

describe('group commit on SQLite', () => {
  it('writes concurrent commits in one transaction; the stale one alone gets CONFLICT and the others are durable', async () => {
    const numbers = await startCases(8);
    // Another command moved case 3 to version 2 first: its write below, read at version 1, is stale.
    await store.cases.commit(completeReview(numbers[3]!, 1, { outbox: [] }));
    const before = sqliteCases(store).groupStats;
    const outcomes = await Promise.allSettled(numbers.map((no) => store.cases.commit(completeReview(no))));
    const after = sqliteCases(store).groupStats;

    expect(after.transactions - before.transactions).toBe(1);
    expect(after.writes - before.writes).toBe(8);
    expect(outcomes.map((o) => o.status)).toEqual(numbers.map((_, i) => (i === 3 ? 'rejected' : 'fulfilled')));
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ caseNo: numbers[3] });

    // Durable: a new connection to the file sees every acknowledged commit, and nothing of the refused one.
    await store.close();
    store = await openStore({ kind: 'sqlite', file });
    for (const [i, no] of numbers.entries()) {
      const expected = i === 3 ? { version: 2, events: 3, outbox: 0 } : { version: 2, events: 3, outbox: 1 };
      expect((await store.cases.loadCase(no))?.version, no).toBe(expected.version);
      expect(await store.cases.listEvents(no), no).toHaveLength(expected.events);
      expect(await store.outbox.listOutbox({ caseNo: no }), no).toHaveLength(expected.outbox);
    }
  });

  it('rolls back only the savepoint of a write that fails after writing rows', async () => {
    const [a, b, c] = await startCases(3);
    // b's case update, event, task and outbox rows are written before its missing timer refuses it.
    const outcomes = await Promise.allSettled([
      store.cases.commit(completeReview(a!)),
      store.cases.commit(completeReview(b!, 1, { firedTimerIds: ['missing'] })),
      store.cases.commit(completeReview(c!)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await store.cases.loadCase(b!))?.version).toBe(1);
    expect((await store.cases.listTasks({ caseNo: b! }))[0]?.status).toBe('active');
    expect(await store.outbox.listOutbox({ caseNo: b! })).toEqual([]);
    expect((await store.cases.loadCase(c!))?.version).toBe(2);
  });

  it('refuses a duplicate idempotency key inside a group as CONFLICT, keeping the first', async () => {
    const [a, b] = await startCases(2);
    const key = { key: `${a}-k`, commandType: 'task.complete', result: null };
    const outcomes = await Promise.allSettled([
      store.cases.commit(completeReview(a!, 1, { idempotency: key })),
      store.cases.commit(completeReview(b!, 1, { idempotency: key })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await store.cases.findRemembered(`${a}-k`)).toMatchObject({ caseNo: a });
    expect((await store.cases.loadCase(b!))?.version).toBe(1);
  });

  it('rejects every write of a group whose transaction fails before COMMIT, and writes none of them', async () => {
    const numbers = await startCases(3);
    const failing = new SqliteCaseStore(store.knex, new SqliteHandle(store.knex), {
      beforeCommit: () => {
        throw new Error('disk full');
      },
    });
    const outcomes = await Promise.allSettled(numbers.map((no) => failing.commit(completeReview(no))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ message: 'disk full' });
    for (const no of numbers) expect((await store.cases.loadCase(no))?.version).toBe(1);
    // The connection is usable afterwards: the same writes through the store commit.
    await Promise.all(numbers.map((no) => store.cases.commit(completeReview(no))));
    for (const no of numbers) expect((await store.cases.loadCase(no))?.version).toBe(2);
  });

  it('rejects the whole group, and runs none of its later writes, when SQLite aborts the transaction itself', async () => {
    await store.knex.raw('CREATE TABLE scratch (n INTEGER PRIMARY KEY)');
    // Write 2 stands for an error after which SQLite has rolled back the transaction (SQLITE_FULL, IOERR).
    const group = new GroupCommit<number>(new SqliteHandle(store.knex), (db, n) => {
      if (n === 2) {
        db.exec('ROLLBACK');
        throw new Error('database or disk is full');
      }
      db.prepare('INSERT INTO scratch (n) VALUES (?)').run(n);
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => group.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await store.knex('scratch').select('n')).toEqual([]);
    expect(group.stats).toEqual({ writes: 0, transactions: 0 });
  });

  it('waits for a knex transaction on the shared connection instead of reading its uncommitted rows', async () => {
    const [no] = await startCases(1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const trx = store.knex.transaction(async (t) => {
      await t('cases').where({ case_no: no }).update({ status: 'uncommitted' });
      await held;
      throw new Error('rolled back');
    });
    await new Promise((resolve) => setImmediate(resolve));
    let loaded: unknown;
    const load = store.cases.loadCase(no!).then((c) => (loaded = c));
    const commit = store.cases.commit(completeReview(no!));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loaded).toBeUndefined();

    release();
    await expect(trx).rejects.toThrow('rolled back');
    await load;
    await commit;
    expect(loaded).toMatchObject({ version: 1, summary: { status: 'active' } });
    expect((await store.cases.loadCase(no!))?.summary.status).toBe('completed');
  });
});
