/**
 * The audit entry of a command is written in the command's own transaction, on both stores: a committed
 * command has exactly one entry, a refused or failed one has none. On PostgreSQL several nodes appending
 * at once keep one linear chain. PostgreSQL parts run when DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditAndCommit, verifyAuditChain } from '../../server/audit/audit-log.js';
import { audited } from '../../server/audit/audit-scope.js';
import { createKnex } from '../../server/store/connect.js';
import { KnexCaseStore } from '../../server/store/knex-case-store.js';
import { openStore, type OpenedStore } from '../../server/store/open-store.js';
import { SqliteCaseStore } from '../../server/store/sqlite-case-store.js';
import { SqliteHandle } from '../../server/store/sqlite-handle.js';
import { caseNo, deployDemo, harness } from './harness.js';
import { dropSchema, testSchemaName } from './pg-schema.js';

const url = process.env.DATABASE_URL;

interface Kind {
  name: string;
  open(): Promise<OpenedStore>;
  cleanup(): Promise<void>;
}

function sqliteKind(): Kind {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-audit-tx-'));
  return {
    name: 'SQLite',
    open: () => openStore({ kind: 'sqlite', file: path.join(dir, 'db.sqlite') }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function pgKind(): Kind {
  const schema = testSchemaName('audittx');
  return {
    name: 'PostgreSQL',
    open: () => openStore({ kind: 'postgres', url: url as string, schema }),
    cleanup: async () => {
      const knex = createKnex({ kind: 'postgres', url: url as string });
      await dropSchema(knex, schema).finally(() => knex.destroy());
    },
  };
}

const entries = async (store: OpenedStore, action: string) => store.knex('audit_log').where({ action }).orderBy('seq');

function auditContract(kind: () => Kind): void {
  let k: Kind;
  let store: OpenedStore;
  beforeAll(async () => {
    k = kind();
    store = await k.open();
    await deployDemo(store);
  });
  afterAll(async () => {
    await store.close();
    await k.cleanup();
  });

  it('writes the entry of a committed command with it, and none for a refused one', async () => {
    const h = harness(store);
    const no = caseNo('audited');
    const started = await audited({ actorId: 'clerk', action: 'case.started', details: { why: 'test' } }, () => h.start(no));
    expect(started.ok).toBe(true);
    expect((await entries(store, 'case.started')).map((r) => r.target)).toEqual([no]);
    // The same number again is refused by the engine: nothing is written, so no entry either.
    const again = await audited({ actorId: 'clerk', action: 'case.started-again' }, () => h.start(no));
    expect(again.ok).toBe(false);
    expect(await entries(store, 'case.started-again')).toEqual([]);
    expect(await verifyAuditChain(store.knex)).toMatchObject({ ok: true, breakCount: 0 });
  });

  it('leaves neither the command nor its entry when the transaction fails after the command was written', async () => {
    const failing = store.config.kind === 'sqlite'
      ? new SqliteCaseStore(store.knex, new SqliteHandle(store.knex), { beforeCommit: () => { throw new Error('injected before COMMIT'); } })
      : new KnexCaseStore(store.knex, [async () => { throw new Error('injected after the command rows'); }]);
    const h = harness({ ...store, cases: failing });
    const no = caseNo('failing');
    await expect(audited({ actorId: 'clerk', action: 'case.lost' }, () => h.start(no))).rejects.toThrow(/injected/);
    expect(await store.knex('cases').where({ case_no: no }).first()).toBeUndefined();
    expect(await entries(store, 'case.lost')).toEqual([]);
    // The next command commits with its entry, linked to the chain as if nothing had happened.
    const next = caseNo('after-failure');
    expect((await audited({ actorId: 'clerk', action: 'case.after-failure' }, () => harness(store).start(next))).ok).toBe(true);
    expect(await entries(store, 'case.after-failure')).toHaveLength(1);
    expect(await verifyAuditChain(store.knex)).toMatchObject({ ok: true, breakCount: 0 });
  });

  it('writes one entry per committed command under concurrent commands', async () => {
    const h = harness(store);
    const nos = Array.from({ length: 40 }, (_, i) => caseNo(`many-${i}`));
    const results = await Promise.all(nos.map((no) => audited({ actorId: 'clerk', action: 'case.concurrent' }, () => h.start(no))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await entries(store, 'case.concurrent')).map((r) => r.target).sort()).toEqual([...nos].sort());
    expect(await verifyAuditChain(store.knex)).toMatchObject({ ok: true, breakCount: 0 });
  });
}

describe('audit entry in the command transaction on SQLite', () => auditContract(sqliteKind));

describe.skipIf(!url)(url ? 'audit entry in the command transaction on PostgreSQL' : 'audit on PostgreSQL (skipped: set DATABASE_URL to run it)', () => {
  auditContract(pgKind);

  it('keeps one linear chain with three nodes appending 200 entries at once', async () => {
    const schema = testSchemaName('auditnodes');
    const first = await openStore({ kind: 'postgres', url: url as string, schema });
    const others = [createKnex({ kind: 'postgres', url: url as string, schema }), createKnex({ kind: 'postgres', url: url as string, schema })];
    const nodes = [first.knex, ...others];
    try {
      await Promise.all(Array.from({ length: 200 }, (_, i) =>
        nodes[i % 3]!.transaction((trx) => appendAudit(trx, [{ actorId: `node-${i % 3}`, action: 'node.appended', target: `n${i}` }]))));
      const report = await verifyAuditChain(first.knex);
      expect(report).toMatchObject({ ok: true, count: 200, breakCount: 0 });
      const rows = await first.knex('audit_log').orderBy('seq').select('seq', 'target');
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.target)).size).toBe(200);
    } finally {
      await Promise.all(others.map((o) => o.destroy()));
      await dropSchema(first.knex, schema);
      await first.close();
    }
  }, 60_000);

  it('hashes in the server what the verifier hashes, with the COMMIT in the same round trip, from three nodes at once', async () => {
    const schema = testSchemaName('auditsql');
    const first = await openStore({ kind: 'postgres', url: url as string, schema });
    const others = [createKnex({ kind: 'postgres', url: url as string, schema }), createKnex({ kind: 'postgres', url: url as string, schema })];
    const nodes = [first.knex, ...others];
    // Quotes, backslashes, placeholders, JSON escapes, CJK and an astral character: the SQL literal and the
    // server's UTF-8 must give the bytes JavaScript hashes.
    const tricky = `O'Brien \\ E'\\x41' ? $1 "quoted" 申请人 张三 😀 line\nbreak \u2028`;
    try {
      await Promise.all(Array.from({ length: 120 }, (_, i) =>
        nodes[i % 3]!.transaction(async (trx) => {
          await trx('definition_departments').insert({ key: `k${i}`, department: `d${i % 3}`, created_at: new Date().toISOString() });
          return appendAuditAndCommit(trx, [{ actorId: `张${i}`, action: 'node.appended', target: `${tricky} ${i}`, details: { text: tricky, n: i, nested: { 'key\'s': [tricky] } } }]);
        })));
      expect(await verifyAuditChain(first.knex)).toMatchObject({ ok: true, count: 120, breakCount: 0 });
      const rows = await first.knex('audit_log').orderBy('seq').select('seq', 'target', 'details');
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      expect(JSON.parse(String(rows[0]!.details)).text).toBe(tricky);
      // Each transaction's own row committed with its entry.
      expect(Number((await first.knex('definition_departments').count({ n: '*' }))[0]!.n)).toBe(120);
      // A statement failing before the append leaves neither the row nor an entry.
      await expect(first.knex.transaction(async (trx) => {
        await trx('definition_departments').insert({ key: 'lost', department: 'd', created_at: new Date().toISOString() });
        await trx('definition_departments').insert({ key: 'lost', department: 'd', created_at: new Date().toISOString() });
        return appendAuditAndCommit(trx, [{ actorId: 'x', action: 'node.lost', target: 'lost' }]);
      })).rejects.toThrow();
      expect(await first.knex('audit_log').where({ action: 'node.lost' })).toEqual([]);
      expect(await verifyAuditChain(first.knex)).toMatchObject({ ok: true, count: 120 });
      // Knex's own COMMIT after the one-round-trip COMMIT closes a transaction, so PostgreSQL warns (and logs)
      // nothing per audited command.
      const notices: string[] = [];
      await first.knex.transaction(async (trx) => {
        const connection = (await trx.client.acquireConnection()) as { on(event: 'notice', listener: (n: { message: string }) => void): void; removeAllListeners(event: string): void };
        connection.on('notice', (n) => notices.push(n.message));
        await appendAuditAndCommit(trx, [{ actorId: 'x', action: 'node.quiet', target: 'quiet' }]);
      });
      expect(notices).toEqual([]);
      expect(await verifyAuditChain(first.knex)).toMatchObject({ ok: true, count: 121 });
    } finally {
      await Promise.all(others.map((o) => o.destroy()));
      await dropSchema(first.knex, schema);
      await first.close();
    }
  }, 60_000);
});
