/**
 * Shenpi wired as the server wires it (`server/plugins/runtime.ts`): the real core, the store `openStore`
 * returns (on SQLite the prepared-statement stores with group commit), the
 * definition cache, the official working calendar, and a rule evaluator over a compiled 50-row table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import type { CaseState } from '../../engine/core/state.js';
import type { Json } from '../../engine/core/types.js';
import { CaseRunner } from '../../engine/runtime/case-runner.js';
import { ControlledClock } from '../../engine/runtime/clock.js';
import { coreEngine, summarizeCase } from '../../engine/runtime/core-engine.js';
import { CachedDefinitionRepository } from '../../engine/runtime/definition-cache.js';
import type { CaseStore, RuleEvaluator } from '../../engine/runtime/ports.js';
import { loadDefinition } from '../../definitions/index.js';
import { benchTable } from '../../rules/bench-rules.js';
import { compileRuleTable } from '../../rules/index.js';
import { migrate, type StoreConfig } from '../../server/store/connect.js';
import { openStore, storeAdapters, type OpenedStore } from '../../server/store/open-store.js';
import { FLOWS, flowXml, type Variant } from './flow.js';
import type { Synchronous } from './sqlite.js';

/** The instant every benchmark case runs at: a working Monday, 09:00 in Beijing. */
export const T0 = '2026-03-02T01:00:00.000Z';

/**
 * Where a benchmark keeps its data. On SQLite, `adapters: 'knex'` runs the knex stores (what `openStore`
 * returned before the prepared-statement stores), to compare both in one run.
 */
export type Backend = { kind: 'sqlite'; synchronous: Synchronous; adapters?: 'sqlite' | 'knex' } | { kind: 'postgres'; url: string };

/** A store opened for one scenario; `dispose` closes it and deletes its file or schema. */
export interface BenchStore {
  store: OpenedStore;
  /** The SQLite file (undefined on PostgreSQL). */
  file?: string;
  label: string;
  dispose(): Promise<void>;
}

/**
 * Opens a fresh store. SQLite at FULL with its own adapters is `openStore` itself; otherwise it is the same
 * knex configuration with only `synchronous` changed (to show what the disk costs) or the knex adapters. PostgreSQL gets a schema of its own, so
 * runs at the same time on the shared database do not collide.
 */
export async function openBenchStore(backend: Backend, label: string): Promise<BenchStore> {
  if (backend.kind === 'postgres') {
    const schema = `bench_${label.replace(/\W/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
    const store = await openStore({ kind: 'postgres', url: backend.url, schema, poolSize: 10 });
    return {
      store, label: 'PostgreSQL',
      async dispose() {
        await store.knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
        await store.close();
      },
    };
  }
  const dir = mkdtempSync(path.join(process.env.BENCH_DIR ?? tmpdir(), `shenpi-bench-${label}-`));
  const file = path.join(dir, 'bench.sqlite');
  const adapters = backend.adapters ?? 'sqlite';
  const store = backend.synchronous === 'FULL' && adapters === 'sqlite'
    ? await openStore({ kind: 'sqlite', file })
    : await openSqliteStore(file, backend.synchronous, adapters);
  return {
    store, file, label: `SQLite synchronous=${backend.synchronous}${adapters === 'knex' ? ', knex stores' : ''}`,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `openStore` for SQLite with another `synchronous` setting or adapters; everything else as `createKnex` sets it. */
async function openSqliteStore(file: string, synchronous: Synchronous, adapters: 'sqlite' | 'knex'): Promise<OpenedStore> {
  const config: StoreConfig = { kind: 'sqlite', file };
  const knex: Knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(s: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('journal_mode = WAL');
        conn.pragma(`synchronous = ${synchronous}`);
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
        done(null, conn);
      },
    },
  });
  await migrate(knex, config);
  return { config, knex, ...storeAdapters(knex, adapters), close: () => knex.destroy() };
}

/** Deploys the three variants of the benchmark flow as version 1 of their keys. */
export async function deployFlows(store: OpenedStore): Promise<void> {
  for (const variant of Object.keys(FLOWS) as Variant[]) {
    const xml = flowXml(variant);
    const loaded = await loadDefinition(xml, { key: FLOWS[variant].key, version: 1 });
    if (!loaded.ok) throw new Error(`Expected ${FLOWS[variant].file} to load, but: ${JSON.stringify(loaded.findings)}`);
    await store.definitions.deploy({ definition: loaded.definition, sourceXml: xml, at: T0 });
  }
}

/** Time spent in rule evaluation, for the rule-share figure. */
export interface RuleMeter {
  evaluations: number;
  milliseconds: number;
}

/** A `RuleEvaluator` answering every decision with the compiled 50-row bench table, timing each call. */
export function benchRuleEvaluator(meter: RuleMeter = { evaluations: 0, milliseconds: 0 }): { rules: RuleEvaluator; meter: RuleMeter } {
  const compiled = compileRuleTable(benchTable(50, 'UNIQUE'));
  return {
    meter,
    rules: {
      async evaluate(_decisionRef, input) {
        const start = performance.now();
        const decision = await compiled.evaluate(input);
        meter.milliseconds += performance.now() - start;
        meter.evaluations++;
        return (decision.result ?? null) as Json;
      },
    },
  };
}

/** The runtime of one node, as the server builds it. `cases` may wrap the store's (e.g. to record writes). */
export function benchRunner(store: OpenedStore, options: { cases?: CaseStore; rules?: RuleEvaluator; clock?: ControlledClock } = {}) {
  const clock = options.clock ?? new ControlledClock(T0);
  const runner = new CaseRunner<CaseState>({
    engine: coreEngine,
    summarize: summarizeCase,
    store: options.cases ?? store.cases,
    definitions: new CachedDefinitionRepository(store.definitions),
    clock,
    calendar: new ChineseWorkingCalendar(),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  return { runner, clock };
}
