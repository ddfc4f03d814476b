/**
 * The product path: real ITEM-06 approval cases over HTTP against `npm start`'s server, on SQLite (one node)
 * or on one PostgreSQL schema shared by several nodes. Each node is a process of its own; the client runs
 * in the benchmark's process. Prints cases/s, requests/s and p50/p99 per request kind, and checks that every
 * case concluded and no request answered 5xx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { runLoad, type LoadResult } from './http/load.js';
import { cpuSeconds, nodeEnv, startNode, stopNode, type NodeStore, type ServerNode } from './http/nodes.js';

/** One HTTP run's shape. */
export interface HttpBenchOptions {
  backend: { kind: 'sqlite' } | { kind: 'postgres'; url: string };
  nodes: number;
  cases: number;
  inFlight: number;
}

/** A run's figures and whether it held. */
export interface HttpBenchResult extends Omit<LoadResult, 'records' | 'flows' | 'nodes'> {
  name: string;
  nodes: number;
  inFlight: number;
  consistency: { ok: boolean; actual: Record<string, number>; expected: Record<string, number> };
  /** CPU milliseconds the server processes used per concluded case during the timed run (all nodes), if known. */
  serverCpuMsPerCase?: number;
}

/** Starts `nodes` servers on one fresh database (the first alone, so it migrates and seeds), runs, stops. */
export async function run(options: HttpBenchOptions): Promise<HttpBenchResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shenpi-http-bench-'));
  const schema = `bench_http_${process.pid}_${Date.now().toString(36)}`;
  const store: NodeStore = options.backend.kind === 'sqlite' ? { kind: 'sqlite', dataDir } : { kind: 'postgres', url: options.backend.url, schema };
  const env = nodeEnv(store);
  const nodes: ServerNode[] = [];
  try {
    nodes.push(await startNode('node-1', env));
    nodes.push(...(await Promise.all(Array.from({ length: options.nodes - 1 }, (_, i) => startNode(`node-${i + 2}`, env)))));
    const cpu = () => nodes.reduce<number | undefined>((sum, n) => { const c = cpuSeconds(n); return sum === undefined || c === undefined ? undefined : sum + c; }, 0);
    const cpuBefore = cpu();
    const r = await runLoad(nodes, { cases: options.cases, inFlight: options.inFlight });
    const cpuAfter = cpu();
    const { records: _records, flows: _flows, nodes: _nodes, ...figures } = r;
    return {
      ...figures,
      name: `http.${options.backend.kind}.${options.nodes}`,
      nodes: options.nodes,
      inFlight: options.inFlight,
      ...(cpuBefore !== undefined && cpuAfter !== undefined && r.concluded ? { serverCpuMsPerCase: ((cpuAfter - cpuBefore) * 1000) / r.concluded } : {}),
      consistency: {
        ok: r.concluded === options.cases && r.serverErrors.length === 0,
        actual: { concluded: r.concluded, serverErrors: r.serverErrors.length },
        expected: { concluded: options.cases, serverErrors: 0 },
      },
    };
  } finally {
    await Promise.all(nodes.map(stopNode));
    rmSync(dataDir, { recursive: true, force: true });
    if (options.backend.kind === 'postgres') {
      const db = knex({ client: 'pg', connection: options.backend.url });
      await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]).finally(() => db.destroy());
    }
  }
}
