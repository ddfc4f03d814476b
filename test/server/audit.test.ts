/** The hash-chained audit log: appended on every mutation, and any edit outside Shenpi detected. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, GENESIS_HASH, verifyAuditChain } from '../../server/audit/audit-log.js';
import { collectingIo } from '../../server/cli/io.js';
import { main } from '../../server/cli/main.js';
import { buildTestApp, login, type TestApp } from './helper.js';

let t: TestApp;
let log: AuditLog;
beforeEach(async () => {
  t = await buildTestApp();
  log = t.app.audit;
  for (let i = 1; i <= 5; i++) await log.append({ actorId: 'admin', action: 'user.created', target: `u${i}`, details: { b: i, a: [i, 'x'] } });
});
afterEach(() => t.close());

describe('audit log', () => {
  it('chains each entry to the previous one from the genesis hash', async () => {
    const entries = await log.list();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(await verifyAuditChain(t.app.store.knex)).toEqual({ ok: true, count: 5, head: entries[4]!.hash, breaks: [], breakCount: 0 });
  });

  it('detects a changed field of an entry and names it', async () => {
    await t.app.store.knex('audit_log').where({ seq: 3 }).update({ actor_id: 'someone-else' });
    expect(await verifyAuditChain(t.app.store.knex)).toMatchObject({ ok: false, brokenAt: 3, count: 5, breakCount: 1, breaks: [{ seq: 3, kind: 'hash' }] });
  });

  it('detects changed details even when the hash is recomputed for that entry alone', async () => {
    // A forger who recomputes entry 3's hash still breaks entry 4's link.
    const { entryHash } = await import('../../server/audit/audit-log.js');
    const row = await t.app.store.knex('audit_log').where({ seq: 3 }).first();
    const details = '{"a":[3,"x"],"b":300}';
    const hash = entryHash({ seq: 3, at: row.at, actorId: row.actor_id, action: row.action, target: row.target, detailsText: details, prevHash: row.prev_hash });
    await t.app.store.knex('audit_log').where({ seq: 3 }).update({ details, hash });
    expect(await verifyAuditChain(t.app.store.knex)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects a deleted entry', async () => {
    await t.app.store.knex('audit_log').where({ seq: 2 }).delete();
    expect(await verifyAuditChain(t.app.store.knex)).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringContaining('deleted'), breaks: [{ seq: 2, kind: 'gap' }, { seq: 3, kind: 'link' }] });
  });

  it('reports every break with its entry, not only the first', async () => {
    await t.app.store.knex('audit_log').where({ seq: 2 }).update({ target: 'forged-2' });
    await t.app.store.knex('audit_log').where({ seq: 4 }).update({ details: '{}' });
    const report = await verifyAuditChain(t.app.store.knex);
    expect(report).toMatchObject({ ok: false, count: 5, brokenAt: 2, breakCount: 2 });
    expect(report.breaks.map((b) => [b.seq, b.kind])).toEqual([[2, 'hash'], [4, 'hash']]);
  });

  it('stores and hashes lone surrogates and NUL as U+FFFD, so the chain verifies on either database', async () => {
    const odd = await log.append({ actorId: '\ud800', action: 'auth.login-refused', target: 'a\u0000b\udfff', details: { name: 'x\ud800y', 'k\u0000': ['\u0000'] } });
    expect(odd).toMatchObject({ actorId: '\ufffd', target: 'a\ufffdb\ufffd', details: { name: 'x\ufffdy', 'k\ufffd': ['\ufffd'] } });
    const row = await t.app.store.knex('audit_log').where({ seq: odd.seq }).first();
    expect([row.actor_id, row.target]).toEqual(['\ufffd', 'a\ufffdb\ufffd']);
    expect((await log.list({ afterSeq: odd.seq - 1 }))[0]).toEqual(odd);
    // A pair stays a pair; a field longer than its column is cut, by code points.
    const long = await log.append({ actorId: `${'𠀀'.repeat(70)}`, action: 'user.created', target: 'ok' });
    expect(Array.from(long.actorId)).toHaveLength(64);
    expect(await verifyAuditChain(t.app.store.knex)).toMatchObject({ ok: true, count: 7, breakCount: 0 });
  });

  it('verifies over several pages', async () => {
    expect(await verifyAuditChain(t.app.store.knex, 2)).toMatchObject({ ok: true, count: 5 });
  });

  it('hashes details canonically: key order does not matter', async () => {
    const a = await log.append({ actorId: 'x', action: 'a', target: 't', details: { z: 1, y: { b: 2, a: 1 } } });
    expect((await t.app.store.knex('audit_log').where({ seq: a.seq }).first()).details).toBe('{"y":{"a":1,"b":2},"z":1}');
  });

  it('serves the chain report and the entries to auditors only', async () => {
    const auditor = await login(t.app, 'auditor');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: auditor })).json()).toMatchObject({ ok: true });
    const entries = await t.app.inject({ method: 'GET', url: '/api/audit?afterSeq=4&limit=1', headers: auditor });
    expect(entries.json()).toEqual([expect.objectContaining({ seq: 5, target: 'u5' })]);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: await login(t.app, 'market-staff') })).statusCode).toBe(403);
  });

  it('`shenpi audit verify` exits 0 on an intact chain and 1 on a broken one', async () => {
    // The command reads the database the server would: the SQLite file, or DATABASE_URL and its schema.
    const store = t.config.store;
    const target = store.kind === 'sqlite' ? ['--db', path.join(t.dir, 'shenpi.sqlite')] : [];
    const saved = process.env.SHENPI_DB_SCHEMA;
    if (store.kind === 'postgres') process.env.SHENPI_DB_SCHEMA = store.schema;
    try {
      const io = collectingIo();
      expect(await main(['audit', 'verify', ...target], io)).toBe(0);
      expect(io.stdout.join('\n')).toMatch(/Audit log intact: 5 entries, head [0-9a-f]{64}/);
      await t.app.store.knex('audit_log').where({ seq: 4 }).update({ target: 'forged' });
      const broken = collectingIo();
      expect(await main(['audit', 'verify', ...target, '--json'], broken)).toBe(1);
      expect(JSON.parse(broken.stdout[0]!)).toMatchObject({ ok: false, brokenAt: 4 });
      await t.app.store.knex('audit_log').where({ seq: 1 }).update({ action: 'forged' });
      const twice = collectingIo();
      expect(await main(['audit', 'verify', ...target], twice)).toBe(1);
      expect(twice.stdout).toEqual([
        expect.stringMatching(/^Audit log BROKEN: 2 break\(s\) in 5 entries/),
        expect.stringMatching(/^  entry 1 \(hash\)/),
        expect.stringMatching(/^  entry 4 \(hash\)/),
      ]);
      const usage = collectingIo();
      expect(await main(['audit', 'check'], usage)).toBe(2);
    } finally {
      if (saved === undefined) delete process.env.SHENPI_DB_SCHEMA;
      else process.env.SHENPI_DB_SCHEMA = saved;
    }
  });
});
