/**
 * The disk's limit: the same number of transactions writing the same rows Shenpi writes per command — the
 * case row (insert, then update guarded by version), the events, the task rows, the timer rows and the outbox
 * rows, in the same tables (the store's migrations) at the same durability — with prepared better-sqlite3
 * statements and no engine, no knex and no read of the case before writing.
 *
 * The rows are those of a template case recorded from the real runner (`recorded-writes.ts`), with the case
 * number substituted, so every byte written matches what Shenpi writes for a case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseWrite } from '../engine/runtime/ports.js';
import { openStore } from '../server/store/open-store.js';
import { eventLogRow, indexedEventRows } from '../server/store/event-log-rows.js';
import { isIndexedEventType } from '../server/store/migrations/20261204T0300-event-type-index.js';
import { caseNo, type Variant } from './lib/flow.js';
import { recordTemplateCase, TEMPLATE_NO } from './lib/recorded-writes.js';
import { openSqlite, type Database, type Statement, type Synchronous } from './lib/sqlite.js';
import { Latencies, memory, secondsSince, type Memory, type Percentiles } from './lib/stats.js';
import type { Consistency } from './shenpi.bench.js';

/** What to run. */
export interface RawRunOptions {
  variant: Variant;
  cases: number;
  synchronous: Synchronous;
}

/** The measurements of one run. */
export interface RawResult {
  name: string;
  variant: Variant;
  cases: number;
  transactions: number;
  /** Rows inserted or updated per case. */
  rowsPerCase: number;
  seconds: number;
  casesPerSecond: number;
  latency: Record<string, Percentiles>;
  memory: Memory;
  consistency: Consistency;
}

/** One statement of a recorded write; text parameters hold `TEMPLATE_NO` where the case number goes. */
interface Op {
  statement: Statement;
  params: Array<string | number | null>;
}

/** Writes `cases` cases' rows, one transaction per recorded command. */
export async function run(opts: RawRunOptions): Promise<RawResult> {
  const dir = mkdtempSync(path.join(process.env.BENCH_DIR ?? tmpdir(), 'shenpi-bench-raw-'));
  const file = path.join(dir, 'raw.sqlite');
  try {
    // The store's own schema and definitions, and the template case's writes recorded by the real runner.
    const store = await openStore({ kind: 'sqlite', file });
    const writes = await recordTemplateCase(store, opts.variant);
    await store.close();

    const db = openSqlite(file, opts.synchronous);
    db.pragma('foreign_keys = ON');
    const commands = writes.map((w) => compile(db, w));
    const rowsPerCase = commands.reduce((sum, ops) => sum + ops.length, 0);
    const apply = db.transaction((ops: Op[], no: string) => {
      for (const op of ops) {
        const changed = op.statement.run(...op.params.map((p) => (typeof p === 'string' ? p.replaceAll(TEMPLATE_NO, no) : p))).changes;
        if (changed !== 1) throw new Error(`Expected one row changed for case ${no}, but ${changed}`);
      }
    });
    const latencies = new Latencies();
    const labels = ['start', ...writes.slice(1).map((_, i) => `command ${i + 2}`)];
    // Warm-up on case numbers outside the measured range.
    for (let n = 9_000_000; n < 9_000_050; n++) for (const ops of commands) apply(ops, caseNo(n));
    const started = performance.now();
    for (let n = 1; n <= opts.cases; n++) {
      const no = caseNo(n);
      for (const [i, ops] of commands.entries()) {
        const t = performance.now();
        apply(ops, no);
        latencies.add(labels[i]!, performance.now() - t);
      }
    }
    const seconds = secondsSince(started);
    const mem = memory();
    const consistency = check(db, writes, opts.cases);
    db.close();
    return {
      name: `raw better-sqlite3 (same rows, no engine), SQLite synchronous=${opts.synchronous}`,
      variant: opts.variant,
      cases: opts.cases,
      transactions: opts.cases * writes.length,
      rowsPerCase,
      seconds,
      casesPerSecond: opts.cases / seconds,
      latency: latencies.summary(),
      memory: mem,
      consistency,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The row counts the template's writes imply for `cases` copies, against the tables' contents. */
function check(db: Database, writes: CaseWrite[], cases: number): Consistency {
  const count = (sql: string) => Number((db.prepare(`${sql} AND case_no BETWEEN ? AND ?`).get(caseNo(1), caseNo(cases)) as { n: number }).n);
  const last = writes.at(-1)!;
  const actual = {
    cases: count(`SELECT count(*) AS n FROM cases WHERE status = '${last.summary.status}' AND version = ${writes.length}`),
    eventRows: count('SELECT coalesce(sum(json_array_length(payload)), 0) AS n FROM event_log WHERE 1 = 1'),
    logRows: count('SELECT count(*) AS n FROM event_log WHERE 1 = 1'),
    indexedEventRows: count('SELECT count(*) AS n FROM events WHERE 1 = 1'),
    taskRows: count('SELECT count(*) AS n FROM tasks WHERE 1 = 1'),
    timerRows: count('SELECT count(*) AS n FROM timers WHERE 1 = 1'),
    outboxRows: count('SELECT count(*) AS n FROM outbox WHERE 1 = 1'),
  };
  const per = (f: (w: CaseWrite) => number) => cases * writes.reduce((s, w) => s + f(w), 0);
  const expected = {
    cases,
    eventRows: per((w) => w.events.length),
    logRows: per((w) => (w.events.length ? 1 : 0)),
    indexedEventRows: per((w) => w.events.filter((e) => isIndexedEventType(e.type)).length),
    taskRows: per((w) => w.tasks.filter((t) => t.op === 'create').length),
    timerRows: per((w) => w.timers.filter((t) => t.op === 'schedule').length),
    outboxRows: per((w) => w.outbox.length),
  };
  return { ok: (Object.keys(expected) as Array<keyof typeof expected>).every((k) => actual[k] === expected[k]), actual, expected };
}

/** The statements `KnexCaseStore.commit` runs for `w`, column for column. */
function compile(db: Database, w: CaseWrite): Op[] {
  const ops: Op[] = [];
  const s = w.summary;
  const summary = [s.status, s.stage ?? null, s.department ?? null, s.statutoryDeadline ?? null, s.promisedDeadline ?? null, s.light ?? null];
  const lastSeq = w.events.at(-1)?.seq;
  if (w.expectedVersion === 0) {
    ops.push({
      statement: db.prepare(`INSERT INTO cases (status, stage, department, statutory_deadline, promised_deadline, light, state, version,
        updated_at, case_no, item_key, definition_version, last_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      params: [...summary, JSON.stringify(w.state), 1, w.at, w.caseNo, w.definition!.key, w.definition!.version, lastSeq ?? 0, w.at],
    });
  } else {
    ops.push({
      statement: db.prepare(`UPDATE cases SET status = ?, stage = ?, department = ?, statutory_deadline = ?, promised_deadline = ?,
        light = ?, state = ?, version = ?, updated_at = ?, last_seq = ? WHERE case_no = ? AND version = ? AND (? IS NULL OR last_seq < ?)`),
      params: [...summary, JSON.stringify(w.state), w.expectedVersion + 1, w.at, lastSeq ?? 0, w.caseNo, w.expectedVersion, w.events[0]?.seq ?? null, w.events[0]?.seq ?? null],
    });
  }
  // The store's own row builder, so these are the rows Shenpi writes.
  if (w.events.length) {
    const log = eventLogRow(w.caseNo, w.events);
    const insertLog = db.prepare('INSERT INTO event_log (case_no, first_seq, last_seq, at, actor_id, payload) VALUES (?, ?, ?, ?, ?, ?)');
    ops.push({ statement: insertLog, params: [log.case_no, log.first_seq, log.last_seq, log.at, log.actor_id, log.payload] });
  }
  const event = db.prepare('INSERT INTO events (case_no, seq, type, v, at, actor_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const e of indexedEventRows(w.caseNo, w.events)) ops.push({ statement: event, params: [e.case_no, e.seq, e.type, e.v, e.at, e.actor_id, e.payload] });
  const createTask = db.prepare(`INSERT INTO tasks (case_no, task_id, element_id, name, kind, department, role, candidate_groups, stage,
    assignee, due_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)`);
  const finishTask = db.prepare('UPDATE tasks SET status = ?, completed_at = ? WHERE case_no = ? AND task_id = ?');
  for (const t of w.tasks) {
    if (t.op === 'create') {
      ops.push({ statement: createTask, params: [w.caseNo, t.taskId, t.elementId, t.name ?? null, t.kind, t.department ?? null, t.role ?? null,
        JSON.stringify(t.candidateGroups ?? []), t.stage ?? null, t.assignee ?? null, t.dueAt ?? null, w.at] });
    } else if (t.op === 'claim') {
      ops.push({ statement: db.prepare('UPDATE tasks SET assignee = ? WHERE case_no = ? AND task_id = ?'), params: [t.assignee, w.caseNo, t.taskId] });
    } else {
      ops.push({ statement: finishTask, params: [t.op === 'complete' ? 'completed' : 'cancelled', w.at, w.caseNo, t.taskId] });
    }
  }
  const fire = db.prepare(`UPDATE timers SET status = 'fired', fired_at = ?, lock_owner = NULL, lock_expires_at = NULL
    WHERE case_no = ? AND timer_id = ? AND status = 'scheduled'`);
  for (const id of w.firedTimerIds) ops.push({ statement: fire, params: [w.at, w.caseNo, id] });
  const schedule = db.prepare(`INSERT INTO timers (status, lock_owner, lock_expires_at, attempts, last_error, fired_at, element_id, due_at,
    case_no, timer_id, created_at) VALUES ('scheduled', NULL, NULL, 0, NULL, NULL, ?, ?, ?, ?, ?)
    ON CONFLICT (case_no, timer_id) DO UPDATE SET element_id = excluded.element_id, due_at = excluded.due_at, status = excluded.status,
    lock_owner = NULL, lock_expires_at = NULL, attempts = 0, last_error = NULL, fired_at = NULL`);
  const cancel = db.prepare("UPDATE timers SET status = 'cancelled' WHERE case_no = ? AND timer_id = ? AND status = 'scheduled'");
  for (const t of w.timers) {
    ops.push(t.op === 'schedule'
      ? { statement: schedule, params: [t.elementId, t.dueAt, w.caseNo, t.timerId, w.at] }
      : { statement: cancel, params: [w.caseNo, t.timerId] });
  }
  const outbox = db.prepare('INSERT INTO outbox (case_no, type, payload, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)');
  for (const o of w.outbox) ops.push({ statement: outbox, params: [w.caseNo, o.type, JSON.stringify(o.payload), w.at, w.at] });
  return ops;
}

