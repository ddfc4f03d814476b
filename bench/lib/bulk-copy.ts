/**
 * The fast path for loading many open cases: the rows the real runner wrote for the template case
 * (`TEMPLATE_NO`) are copied inside SQLite, with the case number substituted in every column that carries it
 * (case_no, the state, the event log's payloads, task and timer ids, outbox payloads). The copies are byte for byte
 * what the runner would have written for those case numbers at the same instant; only the surrogate ids of
 * timer and outbox rows are new.
 */
import { caseNo } from './flow.js';
import { TEMPLATE_NO } from './recorded-writes.js';
import type { Database } from './sqlite.js';

/** Columns holding the case number inside text, per table; every other column is copied as it is. */
const SUBSTITUTED: Record<string, string[]> = {
  cases: ['case_no', 'state'],
  event_log: ['case_no', 'payload'],
  events: ['case_no', 'payload'],
  tasks: ['case_no', 'task_id'],
  timers: ['case_no', 'timer_id'],
  outbox: ['case_no', 'payload'],
};
/** Surrogate keys, left to the database. */
const GENERATED = new Set(['id']);

/** Copies the template case to case numbers `from`..`to` (inclusive) in one transaction per `batch` cases. */
export function copyTemplate(db: Database, from: number, to: number, batch = 25_000): void {
  if (caseNo(from).length !== TEMPLATE_NO.length || caseNo(to).length !== TEMPLATE_NO.length) {
    throw new RangeError(`Expected case numbers as wide as ${TEMPLATE_NO}, but got ${caseNo(from)}..${caseNo(to)}`);
  }
  const statements = Object.entries(SUBSTITUTED).map(([table, substituted]) => {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name).filter((c) => !GENERATED.has(c));
    const values = columns.map((c) => (c === 'case_no' ? 'seq.no' : substituted.includes(c) ? `replace(t.${c}, '${TEMPLATE_NO}', seq.no)` : `t.${c}`));
    return db.prepare(`INSERT INTO ${table} (${columns.join(', ')})
      WITH RECURSIVE nums(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM nums WHERE n < ?),
        seq(no) AS (SELECT printf('SP-%07d', n) FROM nums)
      SELECT ${values.join(', ')} FROM seq CROSS JOIN ${table} AS t WHERE t.case_no = '${TEMPLATE_NO}'`);
  });
  const copy = db.transaction((a: number, b: number) => {
    for (const statement of statements) statement.run(a, b);
  });
  for (let a = from; a <= to; a += batch) copy(a, Math.min(to, a + batch - 1));
}
