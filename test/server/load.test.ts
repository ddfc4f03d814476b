/**
 * Real Shenpi processes under concurrent load over HTTP (issue: no 5xx, no lost acknowledgement): ITEM-06
 * approval cases with uploads, the application sent twice with one `Idempotency-Key`, every completion raced
 * by two clients at once, at 16 and 64 in flight; on SQLite with one node and on PostgreSQL with three nodes
 * on one database, one of them killed with SIGKILL mid-load and started again. Every request that got no
 * answer is sent again with its key to the next node, as a client would. Afterwards: no 5xx, every case
 * concluded once, one winner per race, no task completed twice, and an audit chain that verifies with one
 * entry per acknowledged command. Bounded: a few dozen cases per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { LoadRecorder } from '../../bench/http/client.js';
import { adminLogin, runLoad, type LoadResult } from '../../bench/http/load.js';
import { nodeEnv, startNode, stopNode, type NodeStore, type ServerNode } from '../../bench/http/nodes.js';
import { loggedEvents } from '../support/event-log.js';

const url = process.env.DATABASE_URL;
const started: ServerNode[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(started.map(stopNode));
  for (const cleanup of cleanups) await cleanup();
});

async function nodes(store: NodeStore, count: number): Promise<ServerNode[]> {
  const env = nodeEnv(store);
  // The first node alone migrates the database and deploys the samples; the others find them done.
  const list = [await startNode('node-1', env)];
  list.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => startNode(`node-${i + 2}`, env)))));
  started.push(...list);
  return list;
}

/** What the database holds for the run's cases. */
async function stored(db: Knex, caseNos: string[]) {
  const cases = await db('cases').whereIn('case_no', caseNos).count({ n: '*' });
  const completions = await loggedEvents(db, { caseNos, type: 'task.completed' });
  return { cases: Number(cases[0]!.n), completions: completions.length };
}

async function expectHeld(label: string, result: LoadResult, db: Knex, cases: number) {
  expect(result.serverErrors, JSON.stringify(result.serverErrors.slice(0, 3))).toEqual([]);
  const failures = result.flows.filter((f) => !f.concluded).map((f) => `${f.caseNo}: ${f.failure}`);
  expect(failures).toEqual([]);
  expect(result.concluded).toBe(cases);
  const caseNos = result.flows.map((f) => f.caseNo!);
  expect(new Set(caseNos).size).toBe(cases);
  expect(result.flows.every((f) => f.replaySameCase === true)).toBe(true);
  // Four steps a case, each raced by two clients: exactly one winner each time.
  expect(result.flows.flatMap((f) => f.raceWinners)).toEqual(Array(cases * 4).fill(1));
  expect(await stored(db, caseNos)).toEqual({ cases, completions: cases * 4 });

  const rec = new LoadRecorder();
  const node = result.nodes[0]!;
  const admin = await adminLogin(rec, node);
  const verify = await rec.send<{ ok: boolean; count: number }>(node, 'verify', { method: 'GET', path: '/api/audit/verify', token: admin });
  expect(verify.body).toMatchObject({ ok: true });
  // One entry per acknowledged command on each case: the application (and its acceptance on submission),
  // four claims, the certificate, four completions; replays and lost races add none.
  const audited = await db('audit_log').whereIn('target', caseNos).select('target', 'action');
  const perCase = new Map<string, string[]>();
  for (const row of audited) perCase.set(String(row.target), [...(perCase.get(String(row.target)) ?? []), String(row.action)]);
  const shapes = new Set([...perCase.values()].map((actions) => actions.sort().join(',')));
  expect(shapes.size, [...shapes].join('\n')).toBe(1);
  expect(perCase.size).toBe(cases);
  // The figures of the run, for the closing note and docs/load.md.
  const slowest = Math.max(...result.records.map((r) => r.ms));
  console.info(
    `load ${label}: ${result.records.length} requests, ${result.serverErrors.length} answered 5xx, ${result.unanswered.length} unanswered (sent again), ` +
      `${result.records.filter((r) => r.ms > 1000).length} over 1 s (slowest ${slowest.toFixed(0)} ms), ${result.concluded}/${cases} cases concluded, ` +
      `${audited.length} audit entries on the cases, chain ${verify.body.ok ? 'verified' : 'BROKEN'}`,
  );
}

describe('load on SQLite, one node', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shenpi-load-'));
  const db = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(dataDir, 'shenpi.sqlite'), options: { readonly: true } } as never, useNullAsDefault: true });
  cleanups.push(async () => {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds at 16 and at 64 in flight: no 5xx, one winner per race, nothing lost or doubled', { timeout: 240_000 }, async () => {
    const list = await nodes({ kind: 'sqlite', dataDir }, 1);
    const flow = { duplicateApply: true, raceCompletions: true };
    await expectHeld('SQLite ×16', await runLoad(list, { cases: 16, inFlight: 16, flow }), db, 16);
    await expectHeld('SQLite ×64', await runLoad(list, { cases: 64, inFlight: 64, flow }), db, 64);
  });
});

describe.skipIf(!url)(url ? 'load on PostgreSQL, three nodes' : 'load on PostgreSQL, three nodes (skipped: set DATABASE_URL to run it)', () => {
  const schema = `load_${process.pid}_${Date.now().toString(36)}`;
  // Made only when the suite runs: without DATABASE_URL there is no PostgreSQL to connect to.
  const db = url ? knexFactory({ client: 'pg', connection: url, searchPath: [schema] }) : undefined!;
  if (url) {
    cleanups.push(async () => {
      await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
      await db.destroy();
    });
  }

  it('holds at 16 and at 64 in flight across three nodes, and when one is killed mid-load and restarted', { timeout: 300_000 }, async () => {
    const store: NodeStore = { kind: 'postgres', url: url!, schema };
    const list = await nodes(store, 3);
    const flow = { duplicateApply: true, raceCompletions: true };
    await expectHeld('PostgreSQL 3 nodes ×16', await runLoad(list, { cases: 16, inFlight: 16, flow }), db, 16);
    const killed = await runLoad(list, { cases: 64, inFlight: 64, flow, kill: { node: 1, afterRequests: 300, restartEnv: nodeEnv(store) } });
    started.push(...killed.nodes);
    // The killed node's requests in flight got no answer; each was sent again and none was lost.
    await expectHeld('PostgreSQL 3 nodes ×64, one killed and restarted', killed, db, 64);
  });
});
