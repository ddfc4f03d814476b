/**
 * `npm run bench [-- --quick] [-- --cases=2000 --engine-cases=300 --open-cases=1000000 --storm=100000 --only=shenpi,raw]`
 *
 * One run, one machine: Shenpi durable on SQLite (and PostgreSQL when DATABASE_URL is set), the same flow on
 * bpmn-engine with its state in SQLite, the raw SQLite limit for the same rows, rule evaluation and its share
 * of a case, memory with a million open cases, and a timer storm. Prints the figures, the ratios and the
 * targets; see BENCHMARKS.md for the method.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import * as auditBench from './audit-chain.bench.js';
import * as engineBench from './bpmn-engine.bench.js';
import * as httpBench from './http.bench.js';
import { parseOptions } from './lib/options.js';
import type { Synchronous } from './lib/sqlite.js';
import type { Backend } from './lib/stack.js';
import { fmt, memory, type Percentiles } from './lib/stats.js';
import * as openCasesBench from './open-cases.bench.js';
import * as rawBench from './raw-sqlite.bench.js';
import * as rulesBench from './rules.bench.js';
import * as shenpiBench from './shenpi.bench.js';
import * as stormBench from './timer-storm.bench.js';

type Consistent = { name: string; consistency: { ok: boolean; actual: Record<string, number>; expected: Record<string, number> } };

const opts = parseOptions(process.argv.slice(2), process.env);
const results: Record<string, unknown> = {};
const inconsistent: string[] = [];
const log = (line = '') => console.log(line);

log(`Shenpi benchmark — ${new Date().toISOString()}${opts.quick ? ' (quick)' : ''}`);
log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
log(`sizes: cases=${opts.cases} engine-cases=${opts.engineCases} open-cases=${opts.openCases} storm=${opts.stormTimers} lanes=${opts.lanes}`);
log();

const verify = <T extends Consistent>(key: string, r: T): T => {
  results[key] = r;
  if (!r.consistency.ok) {
    inconsistent.push(key);
    log(`  !! INCONSISTENT ${key}: actual ${JSON.stringify(r.consistency.actual)} expected ${JSON.stringify(r.consistency.expected)}`);
  }
  return r;
};
const lat = (p?: Percentiles) => (p ? `p50 ${fmt(p.p50, 2)} ms  p99 ${fmt(p.p99, 2)} ms` : '-');
const row = (label: string, r: { casesPerSecond: number; cases: number; latency: Record<string, Percentiles> }, extra = '') =>
  log(`  ${label.padEnd(44)} ${fmt(r.casesPerSecond, 1).padStart(8)} cases/s  ${fmt((r.casesPerSecond * (r.latency.all?.count ?? 0)) / r.cases, 0).padStart(6)} cmd/s  ${lat(r.latency.all)}${extra}`);

const shenpi: Partial<Record<string, shenpiBench.ShenpiResult>> = {};
const engine: Partial<Record<string, engineBench.BpmnEngineResult>> = {};
const raw: Partial<Record<string, rawBench.RawResult>> = {};
const SYNCS: Synchronous[] = ['FULL', 'NORMAL'];

if (opts.only.has('shenpi')) {
  log('1. Shenpi durable (CaseRunner + SqliteCaseStore, one case in flight: one transaction per command, WAL)');
  for (const synchronous of SYNCS) {
    for (const variant of synchronous === 'FULL' ? (['plain', 'timers'] as const) : (['plain'] as const)) {
      const r = verify(`shenpi.sqlite.${synchronous}.${variant}`, await shenpiBench.run({
        backend: { kind: 'sqlite', synchronous }, variant, cases: opts.cases, lanes: opts.lanes, warmup: opts.warmup,
      }));
      shenpi[`${synchronous}.${variant}`] = r;
      row(`SQLite ${synchronous}, ${variant}`, r, `  state ${fmt(r.stateBytesAtReviews)} B  RSS ${fmt(r.memory.rssMiB)} MiB`);
      for (const label of ['start', 'accept', 'review', 'decide']) log(`      ${label.padEnd(8)} ${lat(r.latency[label])}`);
    }
  }
}
if (opts.only.has('shenpi')) {
  for (const synchronous of SYNCS) {
    const r = verify(`shenpi.sqlite.${synchronous}.plain.x16`, await shenpiBench.run({
      backend: { kind: 'sqlite', synchronous }, variant: 'plain', cases: opts.cases, lanes: 16, warmup: opts.warmup,
    }));
    shenpi[`${synchronous}.plain.x16`] = r;
    row(`SQLite ${synchronous}, plain, 16 cases in flight`, r, `  ${fmt(r.commitsPerTransaction ?? 0, 1)} commands per transaction`);
  }
  // 64 in flight, the top of the HTTP target's 16–64: more commands share each FULL commit's fsync.
  const x64 = verify('shenpi.sqlite.FULL.plain.x64', await shenpiBench.run({
    backend: { kind: 'sqlite', synchronous: 'FULL' }, variant: 'plain', cases: opts.cases, lanes: 64, warmup: opts.warmup,
  }));
  shenpi['FULL.plain.x64'] = x64;
  row('SQLite FULL, plain, 64 cases in flight', x64, `  ${fmt(x64.commitsPerTransaction ?? 0, 1)} commands per transaction`);
  const k = verify('shenpi.sqlite.FULL.plain.knex', await shenpiBench.run({
    backend: { kind: 'sqlite', synchronous: 'FULL', adapters: 'knex' }, variant: 'plain', cases: opts.cases, lanes: 1, warmup: opts.warmup,
  }));
  shenpi['FULL.plain.knex'] = k;
  row('SQLite FULL, plain, knex stores (before)', k);
}
if (opts.only.has('pg') && opts.databaseUrl) {
  const r = verify('shenpi.postgres.plain', await shenpiBench.run({
    backend: { kind: 'postgres', url: opts.databaseUrl }, variant: 'plain', cases: opts.cases, lanes: opts.pgLanes, warmup: opts.warmup,
  }));
  shenpi['PG.plain'] = r;
  row(`PostgreSQL, plain, ${opts.pgLanes} cases in flight`, r, `  RSS ${fmt(r.memory.rssMiB)} MiB`);
} else if (opts.only.has('pg')) {
  log('  PostgreSQL: skipped (set DATABASE_URL)');
}
log();

if (opts.only.has('engine')) {
  log('2. bpmn-engine v25 (recover → resume → signal → getState → one SQLite transaction per command)');
  for (const synchronous of SYNCS) {
    for (const variant of synchronous === 'FULL' ? (['plain', 'timers'] as const) : (['plain'] as const)) {
      const r = verify(`engine.${synchronous}.${variant}`, await engineBench.run({
        variant, cases: opts.engineCases, lanes: opts.lanes, warmup: Math.min(opts.warmup, 20), synchronous,
      }));
      engine[`${synchronous}.${variant}`] = r;
      row(`SQLite ${synchronous}, ${variant}`, r, `  state ${fmt(r.stateBytesAtReviews)} B  RSS ${fmt(r.memory.rssMiB)} MiB`);
    }
  }
  log();
}

if (opts.only.has('raw')) {
  log('3. Raw SQLite limit (same transactions, same rows, prepared better-sqlite3 statements, no engine)');
  for (const synchronous of SYNCS) {
    for (const variant of synchronous === 'FULL' ? (['plain', 'timers'] as const) : (['plain'] as const)) {
      const r = verify(`raw.${synchronous}.${variant}`, await rawBench.run({ variant, cases: opts.cases, synchronous }));
      raw[`${synchronous}.${variant}`] = r;
      row(`SQLite ${synchronous}, ${variant} (${r.rowsPerCase} rows/case)`, r);
    }
  }
  log();
}

let ruleShare: number | undefined;
if (opts.only.has('rules')) {
  log('4. Rules');
  const table = await rulesBench.run();
  results.rules = table;
  for (const t of table) log(`  ${rulesBench.name} [${t.hitPolicy}]: ${fmt(t.evaluationsPerSecond)} evaluations/s`);
  const r = verify('shenpi.sqlite.FULL.rules', await shenpiBench.run({
    backend: { kind: 'sqlite', synchronous: 'FULL' }, variant: 'rules', cases: opts.cases, lanes: opts.lanes, warmup: opts.warmup,
  }));
  const rn = verify('shenpi.sqlite.NORMAL.rules', await shenpiBench.run({
    backend: { kind: 'sqlite', synchronous: 'NORMAL' }, variant: 'rules', cases: opts.cases, lanes: opts.lanes, warmup: opts.warmup,
  }));
  for (const [sync, x] of [['FULL', r], ['NORMAL', rn]] as const) {
    row(`accept as a rule task, SQLite ${sync} (5 cmds)`, x);
    log(`      rule evaluation: ${fmt(x.rules!.milliseconds / x.rules!.evaluations, 3)} ms per case = ${fmt(100 * x.rules!.share, 1)} % of a case's time; start ${lat(x.latency.start)}`);
  }
  ruleShare = rn.rules!.share;
  log();
}

let open: openCasesBench.OpenCasesResult | undefined;
if (opts.only.has('open')) {
  log(`5. Open cases waiting at the reviews (bulk copies of a runner-written template case), ${fmt(opts.probe)} review completions per checkpoint`);
  open = verify('openCases', await openCasesBench.run({ cases: opts.openCases, probe: opts.probe }));
  log(`  loaded in ${fmt(open.loadSeconds, 1)} s; state of an open case ${fmt(open.stateBytes)} B`);
  for (const c of open.checkpoints) {
    log(`  ${fmt(c.openCases).padStart(10)} open: RSS ${fmt(c.memory.rssMiB, 1).padStart(6)} MiB  heap ${fmt(c.heapAfterGcMiB, 1).padStart(5)} MiB (after GC)  ${lat(c.latency)}  ${c.openCases ? `${fmt(c.bytesOnDiskPerCase)} B on disk per case` : ''}`);
  }
  log();
}

let storm: stormBench.StormResult | undefined;
if (opts.only.has('storm')) {
  log('6. Timer storm (one TimerPoller, the server\'s SQLite settings: batches of 500, 32 cases in flight)');
  storm = verify('storm', await stormBench.run({ timers: opts.stormTimers }));
  log(`  ${fmt(storm.timers)} timers of ${fmt(storm.cases)} cases drained in ${fmt(storm.drainSeconds, 1)} s = ${fmt(storm.timersPerSecond)} timers/s  ${fmt(storm.commitsPerTransaction, 1)} firings per transaction  RSS ${fmt(storm.memory.rssMiB)} MiB`);
  const small = verify('storm.poller4', await stormBench.run({ timers: opts.stormTimers, concurrency: 4, batchSize: 100 }));
  results.stormPoller4 = small;
  log(`  the poller's general defaults, 4 cases in flight, batches of 100: drained in ${fmt(small.drainSeconds, 1)} s = ${fmt(small.timersPerSecond)} timers/s  ${fmt(small.commitsPerTransaction, 1)} firings per transaction`);
  log();
}

const http: Partial<Record<string, httpBench.HttpBenchResult>> = {};
if (opts.only.has('http')) {
  log(`7. Approval cases over HTTP (ITEM-06: apply with 3 uploads → review → site check → decide → certificate → issue, with the inbox look-ups; ${opts.httpInFlight} in flight; server processes as npm start runs them)`);
  const backends: Array<[string, httpBench.HttpBenchOptions['backend'], number]> = [['SQLite, 1 node', { kind: 'sqlite' }, 1]];
  if (opts.databaseUrl) backends.push(['PostgreSQL, 1 node', { kind: 'postgres', url: opts.databaseUrl }, 1], ['PostgreSQL, 3 nodes', { kind: 'postgres', url: opts.databaseUrl }, 3]);
  for (const [label, backend, nodes] of backends) {
    const r = verify(`http.${backend.kind}.${nodes}`, await httpBench.run({ backend, nodes, cases: opts.httpCases, inFlight: opts.httpInFlight }));
    http[`${backend.kind}.${nodes}`] = r;
    const cpu = r.serverCpuMsPerCase === undefined ? '' : `  server CPU ${fmt(r.serverCpuMsPerCase, 1)} ms/case`;
    log(`  ${label.padEnd(44)} ${fmt(r.casesPerSecond, 1).padStart(8)} cases/s  ${fmt(r.requestsPerSecond, 0).padStart(6)} req/s  5xx ${r.serverErrors.length}${cpu}`);
    for (const kind of ['apply', 'inbox', 'claim', 'complete', 'certificate']) log(`      ${kind.padEnd(12)} ${lat(r.latency[kind])}`);
  }
  log();
}

const auditCost: Record<string, number> = {};
if (opts.only.has('audit')) {
  // Alternating runs (no audit, audited, no audit, …) so that a change of the machine's load hits both sides.
  const rounds = opts.quick ? 1 : 3;
  log(`8. The audit chain's cost: the same flow with every command audited (its entry in the command's transaction, at the chain head) and not, alternating, ${rounds} round(s); then transactions appending only an entry, with the chain head's lock and without`);
  const backends: Array<[string, Backend, number]> = [['SQLite FULL', { kind: 'sqlite', synchronous: 'FULL' }, 16]];
  if (opts.databaseUrl) backends.push(['PostgreSQL', { kind: 'postgres', url: opts.databaseUrl }, opts.pgLanes]);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const [label, backend, lanes] of backends) {
    const rates: Record<'plain' | 'audited', number[]> = { plain: [], audited: [] };
    for (let round = 1; round <= rounds; round++) {
      for (const audit of [false, true]) {
        const side = audit ? 'audited' : 'plain';
        const r = verify(`audit.${backend.kind}.${side}.${round}`, await shenpiBench.run({ backend, variant: 'plain', cases: opts.cases, lanes, warmup: opts.warmup, audit }));
        rates[side].push(r.casesPerSecond);
        row(`${label}, plain, ${lanes} in flight, ${audit ? 'audited' : 'no audit'} (${round})`, r);
      }
    }
    const ratio = median(rates.audited) / median(rates.plain);
    auditCost[`${backend.kind} plain cases/s`] = median(rates.plain);
    auditCost[`${backend.kind} audited cases/s`] = median(rates.audited);
    auditCost[`${backend.kind} audited/plain`] = ratio;
    log(`      medians: no audit ${fmt(median(rates.plain), 1)}, audited ${fmt(median(rates.audited), 1)} cases/s; audited ÷ no audit ${fmt(ratio, 2)}×`);
    for (let round = 1; round <= rounds; round++) {
      for (const mode of ['chain', 'unlocked'] as const) {
        const c = verify(`audit.${backend.kind}.${mode}.${round}`, await auditBench.run({ backend, entries: opts.cases * 6, lanes, mode }));
        auditCost[`${backend.kind} ${mode} tx/s (${round})`] = c.entriesPerSecond;
        log(`  ${`${label}, ${mode === 'chain' ? 'entry at the chain head' : 'same row, no lock, no head'}, ${lanes} in flight (${round})`.padEnd(44)} ${fmt(c.entriesPerSecond, 0).padStart(8)} tx/s  ${lat(c.latency)}`);
      }
    }
  }
  results.auditCost = auditCost;
  log();
}

log('Ratios (cases/s)');
const ratio = (a?: { casesPerSecond: number }, b?: { casesPerSecond: number }) => (a && b ? a.casesPerSecond / b.casesPerSecond : undefined);
const ratios: Record<string, number | undefined> = {};
ratios['shenpi ×16/raw FULL.plain'] = ratio(shenpi['FULL.plain.x16'], raw['FULL.plain']);
ratios['shenpi ×16/engine FULL.plain'] = ratio(shenpi['FULL.plain.x16'], engine['FULL.plain']);
ratios['shenpi ×64/engine FULL.plain'] = ratio(shenpi['FULL.plain.x64'], engine['FULL.plain']);
ratios['shenpi ×16/raw NORMAL.plain'] = ratio(shenpi['NORMAL.plain.x16'], raw['NORMAL.plain']);
ratios['shenpi/knex stores FULL.plain'] = ratio(shenpi['FULL.plain'], shenpi['FULL.plain.knex']);
for (const key of ['FULL.plain', 'FULL.timers', 'NORMAL.plain']) {
  ratios[`shenpi/engine ${key}`] = ratio(shenpi[key], engine[key]);
  ratios[`shenpi/raw ${key}`] = ratio(shenpi[key], raw[key]);
}
ratios['http SQLite/shenpi ×16 FULL.plain'] = ratio(http['sqlite.1'], shenpi['FULL.plain.x16']);
ratios['http PG 3 nodes/1 node'] = ratio(http['postgres.3'], http['postgres.1']);
for (const [k, v] of Object.entries(ratios)) if (v !== undefined) log(`  ${k.padEnd(28)} ${fmt(v, 2)}×`);
results.ratios = ratios;
log();

log('Targets');
const target = (label: string, met: boolean | undefined, figure: string) => {
  if (met !== undefined) log(`  [${met ? 'met   ' : 'MISSED'}] ${label.padEnd(44)} ${figure}`);
};
const full = shenpi['FULL.plain'];
const x16 = shenpi['FULL.plain.x16'];
const x64 = shenpi['FULL.plain.x64'];
// The concurrencies: one case in flight (one fsync per command), 16 and 64 (group commit).
const both = (one?: number, many?: number, digits = 1, unit = '', most?: number) => `${fmt(one ?? 0, digits)}${unit} (1 in flight), ${fmt(many ?? 0, digits)}${unit} (16 in flight)${most === undefined ? '' : `, ${fmt(most, digits)}${unit} (64 in flight)`}`;
const best = (...values: Array<number | undefined>) => (values.every((v) => v === undefined) ? undefined : Math.max(...values.map((v) => v ?? 0)));
const bestRate = best(full?.casesPerSecond, x16?.casesPerSecond, x64?.casesPerSecond);
const bestEngine = best(ratios['shenpi/engine FULL.plain'], ratios['shenpi ×16/engine FULL.plain'], ratios['shenpi ×64/engine FULL.plain']);
const bestRaw = best(ratios['shenpi/raw FULL.plain'], ratios['shenpi ×16/raw FULL.plain']);
target('≥ 1,000 cases/s on SQLite (FULL)', bestRate === undefined ? undefined : bestRate >= 1000, both(full?.casesPerSecond, x16?.casesPerSecond, 1, ' cases/s', x64?.casesPerSecond));
target('≥ 40× bpmn-engine (FULL)', bestEngine === undefined ? undefined : bestEngine >= 40, both(ratios['shenpi/engine FULL.plain'], ratios['shenpi ×16/engine FULL.plain'], 1, '×', ratios['shenpi ×64/engine FULL.plain']));
target('≥ half the raw SQLite limit (FULL)', bestRaw === undefined ? undefined : bestRaw >= 0.5, both(ratios['shenpi/raw FULL.plain'], ratios['shenpi ×16/raw FULL.plain'], 2, '×'));
target('≤ 2 KB state per open case', full ? full.stateBytesAtReviews <= 2048 : undefined, full ? `${fmt(full.stateBytesAtReviews)} B` : '');
if (open && open.checkpoints.length > 1) {
  const first = open.checkpoints[1]!;
  const last = open.checkpoints.at(-1)!;
  const growth = last.memory.rssMiB - first.memory.rssMiB;
  target(`flat memory at ${fmt(last.openCases)} open cases`, growth < 32, `RSS ${fmt(first.memory.rssMiB)} → ${fmt(last.memory.rssMiB)} MiB (${growth >= 0 ? '+' : ''}${fmt(growth, 1)})`);
}
target(`timer storm of ${fmt(storm?.timers ?? 0)} drained within 60 s`, storm ? storm.drainSeconds <= 60 : undefined, storm ? `${fmt(storm.drainSeconds, 1)} s` : '');
if (ruleShare !== undefined) log(`  rule evaluation share of a case (NORMAL): ${fmt(100 * ruleShare, 1)} %`);
log(`  final RSS ${fmt(memory().rssMiB)} MiB`);
if (inconsistent.length) {
  log(`INCONSISTENT: ${inconsistent.join(', ')}`);
  process.exitCode = 1;
}
if (opts.json) writeFileSync(opts.json, JSON.stringify({ at: new Date().toISOString(), options: { ...opts, only: [...opts.only] }, results }, null, 2));

