/**
 * The `Idempotency-Key` rows (server/store/request-keys.ts) on every path: on SQLite through the group commit
 * (a synchronous job in a savepoint, sharing the group's fsync), on knex otherwise, and on PostgreSQL when
 * DATABASE_URL is set. Each path must find the same things: a fresh reservation, a running one, a lapsed one
 * taken over, another body, a stored answer replayed, a release, and a committed key that cannot be released.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../server/store/open-store.js';
import { appendAuditAndCommit, verifyAuditChain } from '../../server/audit/audit-log.js';
import { audited } from '../../server/audit/audit-scope.js';
import { holdingKey, markKeyCommitted, RequestKeys, type GroupRunner, type HeldKey } from '../../server/store/request-keys.js';
import { SqliteCaseStore } from '../../server/store/sqlite-case-store.js';
import { caseNo, deployDemo, harness } from './harness.js';
import { dropSchema, testSchemaName } from './pg-schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = process.env.DATABASE_URL;

interface Path {
  name: string;
  open(): Promise<OpenedStore>;
  group(store: OpenedStore): GroupRunner | undefined;
  dispose(store: OpenedStore): Promise<void>;
}

const schema = testSchemaName('keys');
const paths: Path[] = [
  {
    name: 'SQLite, group commit',
    open: () => openStore({ kind: 'sqlite', file: path.join(dir, `g-${Date.now()}-${Math.random()}.sqlite`) }),
    group: (store) => {
      const cases = store.cases as SqliteCaseStore;
      return (work) => cases.inGroup(work);
    },
    dispose: (store) => store.close(),
  },
  {
    name: 'SQLite, knex statements',
    open: () => openStore({ kind: 'sqlite', file: path.join(dir, `k-${Date.now()}-${Math.random()}.sqlite`) }),
    group: () => undefined,
    dispose: (store) => store.close(),
  },
  ...(url ? [{
    name: 'PostgreSQL',
    open: () => openStore({ kind: 'postgres', url, schema }),
    group: () => undefined,
    dispose: async (store: OpenedStore) => {
      await dropSchema(store.knex, schema);
      await store.close();
    },
  }] : []),
];

const LEASE = 60_000;
const args = (key: string, bodyHash = 'body-1') => ({ scopeHash: `scope-${key}`, key, userId: 'u1', route: 'POST /api/x', bodyHash });

for (const p of paths) {
  describe(`request keys: ${p.name}`, () => {
    let store: OpenedStore;
    let now: Date;
    let keys: RequestKeys;
    beforeEach(async () => {
      store = await p.open();
      now = new Date('2026-12-02T08:00:00.000Z');
      keys = new RequestKeys(store.knex, () => now, LEASE, p.group(store));
    });
    afterEach(() => p.dispose(store));

    const held = async (key: string): Promise<HeldKey> => {
      const r = await keys.reserve(args(key));
      if (r.kind !== 'reserved') throw new Error(`expected a reservation, got ${r.kind}`);
      return r.held;
    };

    it('reserves a fresh key; a second attempt within the lease is told it is in progress, another body is a mismatch', async () => {
      const first = await held('k-fresh-1');
      expect(first).toMatchObject({ scopeHash: 'scope-k-fresh-1', key: 'k-fresh-1' });
      now = new Date('2026-12-02T08:00:59.999Z');
      expect(await keys.reserve(args('k-fresh-1'))).toEqual({ kind: 'in-progress' });
      expect(await keys.reserve(args('k-fresh-1', 'body-2'))).toEqual({ kind: 'mismatch' });
    });

    it('takes over a reservation that never committed once the lease is over, and the first owner then holds nothing', async () => {
      const first = await held('k-lapsed-1');
      now = new Date('2026-12-02T08:01:00.000Z');
      const second = await keys.reserve(args('k-lapsed-1'));
      expect(second.kind).toBe('reserved');
      expect(second.kind === 'reserved' && second.held.owner).not.toBe(first.owner);
      // The first attempt's release no longer matches its owner.
      expect(await keys.release(first)).toBe(false);
    });

    it('replays a stored answer, with its status and content type', async () => {
      const key = await held('k-answer-1');
      await keys.answer(key, { status: 201, contentType: 'application/json; charset=utf-8', response: '{"caseNo":"C-1"}' });
      expect(await keys.reserve(args('k-answer-1'))).toEqual({ kind: 'replay', status: 201, contentType: 'application/json; charset=utf-8', response: '{"caseNo":"C-1"}' });
    });

    it('releases an uncommitted key so a retry runs afresh; a committed one is kept and reported as an answer lost', async () => {
      const free = await held('k-release-1');
      expect(await keys.release(free)).toBe(true);
      expect((await keys.reserve(args('k-release-1'))).kind).toBe('reserved');

      const done = await held('k-commit-1');
      await store.knex.transaction((trx) => markKeyCommitted(trx, now.toISOString(), done));
      expect(await keys.release(done)).toBe(false);
      now = new Date('2026-12-02T09:00:00.000Z');
      expect(await keys.reserve(args('k-commit-1'))).toEqual({ kind: 'answer-lost' });
    });

    it('refuses a case command whose key was taken over, writing nothing of it, and commits the holder\'s', async () => {
      await deployDemo(store);
      const first = await held('k-case-1');
      now = new Date('2026-12-02T08:01:00.000Z');
      const second = await keys.reserve(args('k-case-1'));
      if (second.kind !== 'reserved') throw new Error(`expected a reservation, got ${second.kind}`);
      const h = harness(store);
      const no = caseNo('keyed');
      const start = (key: HeldKey) => holdingKey(key, () => audited({ actorId: 'clerk', action: 'case.started' }, () => h.start(no)));

      await expect(start(first)).rejects.toThrow(/took it over/);
      expect(await store.cases.loadCase(no)).toBeUndefined();
      expect(await store.knex('audit_log').where({ target: no })).toEqual([]);

      expect(await start(second.held)).toMatchObject({ ok: true, version: 1 });
      expect((await store.knex('audit_log').where({ target: no })).map((r) => r.action)).toEqual(['case.started']);
      expect((await store.knex('request_keys').where({ key: 'k-case-1' }).first()).committed_at).not.toBeNull();
    });

    it('binds the key to an audited commit, and refuses the commit of an attempt whose key was taken over, leaving nothing', async () => {
      const first = await held('k-audit-1');
      now = new Date('2026-12-02T08:01:00.000Z');
      const second = await keys.reserve(args('k-audit-1'));
      if (second.kind !== 'reserved') throw new Error(`expected a reservation, got ${second.kind}`);
      const entry = (action: string) => ({ actorId: 'clerk', action, target: 'C-1' });
      const commit = (key: HeldKey, action: string) =>
        store.knex.transaction((trx) => holdingKey(key, () => appendAuditAndCommit(trx, [entry(action)], () => now)));

      await expect(commit(first, 'test.lapsed')).rejects.toThrow(/took it over/);
      expect(await store.knex('audit_log').where({ action: 'test.lapsed' })).toEqual([]);
      const row = () => store.knex('request_keys').where({ key: 'k-audit-1' }).first();
      expect((await row()).committed_at).toBeNull();

      const [sealed] = await commit(second.held, 'test.held');
      expect((await store.knex('audit_log').where({ action: 'test.held' })).map((r) => Number(r.seq))).toEqual([sealed!.seq]);
      expect((await row()).committed_at).not.toBeNull();
      expect(await keys.release(second.held)).toBe(false);
      expect(await verifyAuditChain(store.knex)).toMatchObject({ ok: true, breakCount: 0 });
    });
  });
}

describe('request keys on SQLite share the group commit', () => {
  it('reserves keys submitted in one turn in one transaction', async () => {
    const store = await openStore({ kind: 'sqlite', file: path.join(dir, `s-${Date.now()}.sqlite`) });
    try {
      const cases = store.cases as SqliteCaseStore;
      const keys = new RequestKeys(store.knex, () => new Date('2026-12-02T08:00:00.000Z'), LEASE, (work) => cases.inGroup(work));
      const before = cases.groupStats;
      const found = await Promise.all(Array.from({ length: 6 }, (_, i) => keys.reserve(args(`k-group-${i}`))));
      const after = cases.groupStats;
      expect(found.map((f) => f.kind)).toEqual(Array(6).fill('reserved'));
      expect(after.transactions - before.transactions).toBe(1);
      expect(after.writes - before.writes).toBe(6);
    } finally {
      await store.close();
    }
  });
});
