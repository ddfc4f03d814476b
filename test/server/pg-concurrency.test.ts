/**
 * 16 clients at once working ITEM-06 approval cases over HTTP against three real Shenpi processes on one
 * PostgreSQL schema: every application sent twice with one Idempotency-Key, every completion raced by two
 * clients. No answer may be a 5xx; every case concludes once; each raced completion has exactly one winner;
 * the audit chain verifies, with exactly one entry per acknowledged command. Bounded: 16 cases, 16 in
 * flight. Runs when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad, type LoadResult } from '../../bench/http/load.js';
import { nodeEnv, startNode, stopNode, type ServerNode } from '../../bench/http/nodes.js';
import { verifyAuditChain } from '../../server/audit/audit-log.js';
import { createKnex } from '../../server/store/connect.js';
import { dropSchema, testSchemaName } from '../store/pg-schema.js';

const url = process.env.DATABASE_URL;
const CASES = 16;

describe.skipIf(!url)(url ? 'HTTP load on PostgreSQL, three nodes' : 'HTTP load on PostgreSQL (skipped: set DATABASE_URL to run it)', () => {
  const schema = testSchemaName('load');
  const nodes: ServerNode[] = [];
  let result: LoadResult;

  beforeAll(async () => {
    const env = nodeEnv({ kind: 'postgres', url: url as string, schema });
    // The first node migrates and seeds; the others start on the same schema at once.
    nodes.push(await startNode('node-1', env, 150_000));
    nodes.push(...(await Promise.all([startNode('node-2', env, 150_000), startNode('node-3', env, 150_000)])));
    result = await runLoad(nodes, { cases: CASES, inFlight: 16, flow: { duplicateApply: true, raceCompletions: true } });
    // The figures docs/audit.md quotes.
    console.info(`pg load: ${result.records.length} requests, ${result.serverErrors.length} 5xx, ${result.concluded}/${CASES} concluded in ${result.seconds.toFixed(1)} s`);
  }, 400_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => stopNode(n)));
    const knex = createKnex({ kind: 'postgres', url: url as string });
    await dropSchema(knex, schema).finally(() => knex.destroy());
  }, 60_000);

  it('answers no request with a 5xx and concludes every case once', () => {
    expect(result.serverErrors.map((r) => `${r.kind} ${r.status} ${r.error ?? ''}`)).toEqual([]);
    expect(result.flows.map((f) => f.failure ?? 'ok')).toEqual(Array(CASES).fill('ok'));
    expect(result.flows.every((f) => f.replaySameCase === true)).toBe(true);
    expect(result.flows.flatMap((f) => f.raceWinners)).toEqual(Array(CASES * 4).fill(1));
    expect(new Set(result.flows.map((f) => f.caseNo)).size).toBe(CASES);
  });

  it('keeps one verifiable audit chain with one entry per acknowledged command', async () => {
    const knex = createKnex({ kind: 'postgres', url: url as string, schema });
    try {
      expect(await verifyAuditChain(knex)).toMatchObject({ ok: true, breakCount: 0 });
      const counts = Object.fromEntries((await knex('audit_log').select('action').count({ n: '*' }).groupBy('action') as Array<{ action: string; n: string | number }>).map((r) => [r.action, Number(r.n)]));
      const acknowledged = (kind: string) => result.records.filter((r) => r.kind.startsWith(kind) && r.status >= 200 && r.status < 300).length;
      // Replays are answered, not run again: one case.applied per case, one task.completed per winner.
      expect(counts['case.applied']).toBe(CASES);
      expect(counts['task.completed']).toBe(CASES * 4);
      expect(counts['task.claimed']).toBe(acknowledged('claim'));
      expect(counts['case.certificate-issued']).toBe(acknowledged('certificate'));
      expect(Number((await knex('cases').count({ n: '*' }).first())?.n)).toBe(CASES);
    } finally {
      await knex.destroy();
    }
  });
});
