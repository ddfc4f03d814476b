/**
 * The audit chain's own limit: transactions that do nothing but append one entry at the chain head
 * (`appendAudit`: on PostgreSQL `LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`, the head read, the insert,
 * COMMIT), `lanes` at once. Every audited command pays this tail, and on PostgreSQL no two of them can run it
 * at the same time on any node, so entries/s here bounds the audited commands/s of a whole cluster.
 *
 * `unlocked` runs the same transactions with the same row into a table with a generated key and no lock and
 * no head read: the difference is what the linear chain costs over a plain insert at the same durability.
 */
import type { Knex } from 'knex';
import { appendAudit, sealEntry, verifyAuditChain, type AuditInput } from '../server/audit/index.js';
import { openBenchStore, type Backend } from './lib/stack.js';
import { inLanes, Latencies, secondsSince, type Percentiles } from './lib/stats.js';

/** What to run. */
export interface ChainRunOptions {
  backend: Backend;
  /** Transactions (one entry each). */
  entries: number;
  /** Transactions in flight at once. */
  lanes: number;
  mode: 'chain' | 'unlocked';
}

/** The measurements of one run. */
export interface ChainResult {
  name: string;
  entries: number;
  seconds: number;
  entriesPerSecond: number;
  latency: Percentiles;
  consistency: { ok: boolean; actual: Record<string, number>; expected: Record<string, number> };
}

const input = (n: number): AuditInput => ({ actorId: 'bench-clerk', action: 'bench.appended', target: `SP-${String(n).padStart(7, '0')}`, details: { n } });

/** Appends `entries` entries, `lanes` transactions at a time, and checks the chain (or the rows) afterwards. */
export async function run(opts: ChainRunOptions): Promise<ChainResult> {
  const bench = await openBenchStore(opts.backend, `audit-${opts.mode}`);
  try {
    const { knex } = bench.store;
    if (opts.mode === 'unlocked') await createUnlockedTable(knex);
    const append = opts.mode === 'chain'
      ? (n: number) => knex.transaction(async (trx) => { await appendAudit(trx, [input(n)]); })
      : (n: number) => knex.transaction(async (trx) => {
        const { seq: _seq, ...row } = sealEntry(input(n), undefined, new Date().toISOString()).row;
        await trx('bench_unlocked').insert(row);
      });
    const warm = Array.from({ length: Math.min(50, opts.entries) }, (_, i) => 9_000_000 + i);
    await inLanes(warm, opts.lanes, append);
    const latencies = new Latencies();
    const numbers = Array.from({ length: opts.entries }, (_, i) => i + 1);
    const started = performance.now();
    await inLanes(numbers, opts.lanes, (n) => latencies.time('append', () => append(n)));
    const seconds = secondsSince(started);
    const table = opts.mode === 'chain' ? 'audit_log' : 'bench_unlocked';
    const rows = Number(((await knex(table).count({ n: '*' }).first()) as { n: number | string }).n);
    const report = opts.mode === 'chain' ? await verifyAuditChain(knex) : undefined;
    const actual = { rows, breaks: report?.breakCount ?? 0, lastSeq: report?.count ?? rows };
    const expected = { rows: warm.length + opts.entries, breaks: 0, lastSeq: warm.length + opts.entries };
    return {
      name: `${opts.mode === 'chain' ? 'audit chain append' : 'same row, no lock'}, ${bench.label}, ${opts.lanes} in flight`,
      entries: opts.entries,
      seconds,
      entriesPerSecond: opts.entries / seconds,
      latency: latencies.summary().all!,
      consistency: { ok: Object.keys(expected).every((k) => actual[k as keyof typeof actual] === expected[k as keyof typeof expected]), actual, expected },
    };
  } finally {
    await bench.dispose();
  }
}

/** A table with `audit_log`'s columns but a generated key: rows need no head, so nothing is locked. */
async function createUnlockedTable(knex: Knex): Promise<void> {
  await knex.schema.createTable('bench_unlocked', (t) => {
    t.bigIncrements('id');
    for (const column of ['at', 'actor_id', 'action', 'target', 'details', 'prev_hash', 'hash']) t.text(column).notNullable();
  });
}
