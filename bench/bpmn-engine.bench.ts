/**
 * The same flow on `bpmn-engine` (v25), used the way a server must use it: nothing is kept in memory between
 * commands, so every command loads the stored state, recovers an engine from it
 * (`new Engine(options).recover(state)`), resumes it, signals the user task, takes `engine.getState()` and
 * writes that state back in one transaction. The state table has the shape of Shenpi's `cases` row for the
 * state (case number, JSON state, version, updated at) and is written with prepared better-sqlite3
 * statements — less work per command than Shenpi's store does, to the engine's advantage.
 *
 * Service tasks (`issue`) run bpmn-elements' dummy service (`settings.enableDummyService`); the parsed BPMN
 * (moddle context) is parsed once and reused for every `case.start`, as a server would cache it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine } from 'bpmn-engine';
import { applicantVariables, caseNo, commandsPerCase, flowXml, USER_STEPS, type Variant } from './lib/flow.js';
import { openSqlite, type Synchronous } from './lib/sqlite.js';
import { inLanes, Latencies, memory, secondsSince, type RunFigures } from './lib/stats.js';
import type { Consistency } from './shenpi.bench.js';

/** What to run. */
export interface BpmnEngineRunOptions {
  variant: Exclude<Variant, 'rules'>;
  cases: number;
  lanes: number;
  warmup: number;
  synchronous: Synchronous;
}

/** The measurements of one run. */
export interface BpmnEngineResult extends RunFigures {
  variant: Variant;
  /** Here: JSON bytes of `engine.getState()`, which includes the serialized definition. */
  stateBytesAtReviews: number;
  consistency: Consistency;
}

const SETTINGS = { enableDummyService: true };

interface EngineState {
  state?: string;
  definitions?: Array<{ status?: string; execution?: { completed?: boolean } }>;
}

/** Runs `cases` cases to their end, one recovered engine per command. */
export async function run(opts: BpmnEngineRunOptions): Promise<BpmnEngineResult> {
  const dir = mkdtempSync(path.join(process.env.BENCH_DIR ?? tmpdir(), 'shenpi-bench-bpmn-engine-'));
  const db = openSqlite(path.join(dir, 'bpmn-engine.sqlite'), opts.synchronous);
  try {
    db.exec(`CREATE TABLE engine_cases (
      case_no varchar(64) PRIMARY KEY, state text NOT NULL, version integer NOT NULL, updated_at datetime NOT NULL)`);
    const insert = db.prepare('INSERT INTO engine_cases (case_no, state, version, updated_at) VALUES (?, ?, 1, ?)');
    const select = db.prepare('SELECT state, version FROM engine_cases WHERE case_no = ?');
    const update = db.prepare('UPDATE engine_cases SET state = ?, version = version + 1, updated_at = ? WHERE case_no = ? AND version = ?');
    const insertTx = db.transaction((no: string, state: string) => insert.run(no, state, new Date().toISOString()));
    const updateTx = db.transaction((no: string, state: string, version: number) => {
      if (update.run(state, new Date().toISOString(), no, version).changes !== 1) throw new Error(`Case ${no} moved on`);
    });

    const moddleContext = await new BpmnModdle().fromXML(flowXml(opts.variant));
    const latencies = new Latencies();

    const start = async (n: number): Promise<void> => {
      const engine = new Engine({ name: caseNo(n), moddleContext, settings: SETTINGS });
      await engine.execute({ variables: applicantVariables(n) });
      const state = JSON.stringify(await engine.getState());
      await engine.stop();
      insertTx(caseNo(n), state);
    };
    const signal = async (n: number, elementId: string): Promise<void> => {
      const row = select.get(caseNo(n)) as { state: string; version: number };
      const engine = new Engine({ name: caseNo(n), settings: SETTINGS }).recover(JSON.parse(row.state));
      const execution = await engine.resume();
      execution.signal({ id: elementId, outcome: 'approve', opinion: '材料齐全，同意' });
      const state = JSON.stringify(await engine.getState());
      // Stopping clears the engine's own timers (the reminders); an execution that ended has nothing to stop.
      if (engine.state !== 'idle') await engine.stop();
      updateTx(caseNo(n), state, row.version);
    };
    const runCase = async (n: number, timed: boolean, untilReviews = false) => {
      const time = (label: string, work: () => Promise<void>) => (timed ? latencies.time(label, work) : work());
      await time('start', () => start(n));
      for (const step of USER_STEPS[opts.variant]) {
        if (untilReviews && step.label === 'review') return;
        await time(step.label, () => signal(n, step.elementId));
      }
    };

    await inLanes(Array.from({ length: opts.warmup }, (_, i) => 9_000_000 + i), opts.lanes, (n) => runCase(n, false));
    const numbers = Array.from({ length: opts.cases }, (_, i) => i + 1);
    const started = performance.now();
    await inLanes(numbers, opts.lanes, (n) => runCase(n, true));
    const seconds = secondsSince(started);
    const mem = memory();

    // Every measured case must have ended: its stored state says the definition completed.
    let completed = 0;
    for (const n of numbers) {
      if (isCompleted(JSON.parse((select.get(caseNo(n)) as { state: string }).state) as EngineState)) completed++;
    }
    const probe = Array.from({ length: Math.min(20, opts.cases) }, (_, i) => 8_000_000 + i);
    let bytes = 0;
    let waiting = 0;
    for (const n of probe) {
      await runCase(n, false, true);
      const text = (select.get(caseNo(n)) as { state: string }).state;
      bytes += Buffer.byteLength(text);
      if (!isCompleted(JSON.parse(text) as EngineState)) waiting++;
    }
    const rows = Number((db.prepare("SELECT count(*) AS n FROM engine_cases WHERE case_no <= ?").get(caseNo(opts.cases)) as { n: number }).n);
    const actual = { casesCompleted: completed, rows, probesWaitingAtReviews: waiting };
    const expected = { casesCompleted: opts.cases, rows: opts.cases, probesWaitingAtReviews: probe.length };
    return {
      name: `bpmn-engine ${engineVersion()}, recover per command, SQLite synchronous=${opts.synchronous}`,
      variant: opts.variant,
      cases: opts.cases,
      commands: opts.cases * commandsPerCase(opts.variant),
      seconds,
      casesPerSecond: opts.cases / seconds,
      latency: latencies.summary(),
      stateBytesAtReviews: Math.round(bytes / probe.length),
      memory: mem,
      consistency: { ok: (Object.keys(expected) as Array<keyof typeof expected>).every((k) => actual[k] === expected[k]), actual, expected },
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function isCompleted(state: EngineState): boolean {
  return state.state === 'idle' && state.definitions?.[0]?.execution?.completed === true;
}

function engineVersion(): string {
  return 'v25';
}
