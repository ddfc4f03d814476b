/**
 * The audit log: every mutation made through Shenpi, with its real-name actor, in one hash-chained log. Each
 * entry's hash covers its own fields and the previous entry's hash (SHA-256, see `audit-chain.ts`), so an
 * entry changed, inserted or deleted outside Shenpi breaks the chain there, and `verifyAuditChain` names
 * every broken entry. Cutting entries off the end leaves a valid shorter chain: operators keep the head hash
 * reported by `shenpi audit verify` somewhere else to detect that too.
 *
 * An entry is written in the transaction of the mutation it records (`appendAudit(trx, …)`, or a case
 * store claiming the entry of `audited(…)`), never after it: both commit, or neither.
 *
 * One linear chain with several nodes on one PostgreSQL: the append takes `LOCK TABLE audit_log IN SHARE ROW
 * EXCLUSIVE MODE` (a mode that conflicts with itself and with plain inserts, not with readers), then reads the
 * head and inserts after it. The lock is held to the end of the command's transaction, so appenders queue at
 * the head, each sees the entry committed before it (READ COMMITTED: every statement reads the latest commit),
 * and no two entries can ever take the same `seq` — no retry, hence no failure after the command committed.
 * The append is the LAST statement of every transaction that appends, so the lock is held only for the
 * head read, the insert and the COMMIT, and no transaction holding it waits for any other lock (no deadlock).
 * On SQLite the database's single writer already serialises appenders. The cost is documented in
 * docs/audit.md: audited commits are serialised at their tail across all nodes.
 */
import type { Knex } from 'knex';
import pg from 'pg';
import { heldKey, keyLostIn, markKeyCommitted, markKeyCommittedPgSql, type HeldKey } from '../store/request-keys.js';
import { isPostgres } from '../store/rows.js';
import { ChainChecker, GENESIS_HASH, sealEntry, type AuditEntry, type AuditInput, type ChainReport } from './audit-chain.js';

export * from './audit-chain.js';

/** Wall-clock time: the audit log records when it happened, whatever a training clock says. */
export type WallClock = () => Date;

/** The clock audit entries are stamped with: the machine's, at the append. */
export const wallClock: WallClock = () => new Date();

/**
 * Appends `inputs` at the head of the chain inside `trx`. Call it last in the transaction (see above): on
 * PostgreSQL it locks the chain until COMMIT.
 */
export async function appendAudit(trx: Knex.Transaction, inputs: readonly AuditInput[], now: WallClock = wallClock): Promise<AuditEntry[]> {
  return append(trx, inputs, now, false);
}

/**
 * `appendAudit` as the end of `trx`: on PostgreSQL the lock, the append and the COMMIT travel as one round
 * trip (`appendAndCommitPg`), so the chain's head is held only while the server inserts and commits, not
 * across the network and this process's event loop. A fresh, empty transaction is opened after it, so that
 * knex's own COMMIT closes that one instead of finding none (which PostgreSQL would log as a warning for every
 * audited command). Elsewhere the same as `appendAudit`, knex committing after it.
 */
export async function appendAuditAndCommit(trx: Knex.Transaction, inputs: readonly AuditInput[], now: WallClock = wallClock): Promise<AuditEntry[]> {
  return append(trx, inputs, now, true);
}

async function append(trx: Knex.Transaction, inputs: readonly AuditInput[], now: WallClock, commit: boolean): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  const at = now().toISOString();
  // The request's Idempotency-Key, if any, is bound to this commit (server/store/request-keys.ts); before the
  // lock, which then guards only the head read and the inserts. On PostgreSQL it travels in the append's round trip.
  const key = heldKey();
  if (isPostgres(trx) && inputs.length === 1) return [await appendAndCommitPg(trx, inputs[0]!, at, commit, key)];
  await markKeyCommitted(trx, at, key);
  if (isPostgres(trx)) await trx.raw('LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE');
  const last = await trx('audit_log').orderBy('seq', 'desc').first('seq', 'hash');
  let head = last ? { seq: Number(last.seq), hash: String(last.hash) } : undefined;
  const entries: AuditEntry[] = [];
  for (const input of inputs) {
    const { row, entry } = sealEntry(input, head, at);
    await trx('audit_log').insert(row);
    entries.push(entry);
    head = { seq: entry.seq, hash: entry.hash };
  }
  return entries;
}

/** The subset of a `pg` client used for the one-round-trip append. */
interface PgConnection {
  query(text: string): Promise<Array<{ rows: Array<Record<string, unknown>> }> | { rows: Array<Record<string, unknown>> }>;
}

/**
 * One entry at the head on PostgreSQL in ONE round trip: the held request key's mark (`markKeyCommittedPgSql`), `LOCK`, then an `INSERT … SELECT` that reads the
 * head and computes the entry's SHA-256 in the server (`sha256`, PostgreSQL 11+) over exactly the bytes
 * `entryHash` hashes — the JSON array `[seq, at, actor, action, target, details, prevHash]`, whose middle
 * (everything but the head's number and hash) is serialised here by `JSON.stringify`, as `entryHash` does —
 * and, when `commit`, the COMMIT (and a BEGIN for knex's own COMMIT to close). Each statement of a simple query takes a fresh snapshot (READ COMMITTED),
 * so the head read after the lock sees the entry committed just before it, as the separate statements did.
 * The statements carry no parameters (the simple query protocol allows several only so): the values are
 * quoted literals (`pg.escapeLiteral`), never SQL text from a caller.
 */
async function appendAndCommitPg(trx: Knex.Transaction, input: AuditInput, at: string, commit: boolean, key: HeldKey | undefined): Promise<AuditEntry> {
  const mark = key ? `${markKeyCommittedPgSql(key, at)};\n` : '';
  const { sql: append, entry } = appendEntrySqlPg(input, at);
  const sql = `${mark}${append};${commit ? '\nCOMMIT;\nBEGIN;' : ''}`;
  const connection = (await trx.client.acquireConnection()) as PgConnection;
  let results: Awaited<ReturnType<PgConnection['query']>>;
  try {
    results = await connection.query(sql);
  } catch (error) {
    throw (key && keyLostIn(error, key)) || error;
  }
  const inserted = (Array.isArray(results) ? results[mark ? 2 : 1] : results)?.rows[0];
  if (!inserted) throw new Error('Expected the audit entry to be inserted, but no row came back');
  return { ...entry, seq: Number(inserted.seq), prevHash: String(inserted.prev_hash), hash: String(inserted.hash) };
}

/**
 * The two statements (`LOCK`; `INSERT … SELECT … RETURNING seq, prev_hash, hash`) that append `input` at the
 * head on PostgreSQL, as described above, for a simple query that carries them (here, or a whole command's in
 * server/store/pg-command.ts); `entry` is the entry but for the head's number and hashes, which the server
 * computes.
 */
export function appendEntrySqlPg(input: AuditInput, at: string): { sql: string; entry: AuditEntry } {
  const { row, entry } = sealEntry(input, undefined, at);
  const middle = ',' + [row.at, row.actor_id, row.action, row.target, row.details].map((v) => JSON.stringify(v)).join(',');
  const q = (v: string) => pg.escapeLiteral(v);
  const sql = `LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO audit_log (seq, at, actor_id, action, target, details, prev_hash, hash)
SELECT h.seq + 1, ${q(row.at)}, ${q(row.actor_id)}, ${q(row.action)}, ${q(row.target)}, ${q(row.details)}, h.hash,
  encode(sha256(convert_to('[' || (h.seq + 1)::text || ${q(middle)} || ',"' || h.hash || '"]', 'UTF8')), 'hex')
FROM (SELECT COALESCE((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), 0) AS seq,
             COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), ${q(GENESIS_HASH)}) AS hash) h
RETURNING seq, prev_hash, hash`;
  return { sql, entry };
}

/** The audit log in a knex database (table `audit_log`). */
export class AuditLog {
  constructor(
    private readonly knex: Knex,
    private readonly now: WallClock = wallClock,
  ) {}

  /**
   * Appends one entry in a transaction of its own: for what is not itself a write (a refused login, a report
   * read). A mutation records its entry with `transaction` or `audited` instead.
   */
  async append(input: AuditInput): Promise<AuditEntry> {
    return this.knex.transaction(async (trx) => (await appendAudit(trx, [input], this.now))[0]!);
  }

  /**
   * Runs `work` in a transaction and appends the entry it returns in the same transaction, after its writes:
   * the mutation and its entry commit together or not at all. Without an entry (`work` found nothing to do)
   * it commits what `work` wrote, if anything.
   */
  async transaction<T>(work: (trx: Knex.Transaction) => Promise<{ result: T; audit?: AuditInput }>): Promise<T> {
    return this.knex.transaction(async (trx) => {
      const { result, audit } = await work(trx);
      if (audit) await appendAudit(trx, [audit], this.now);
      return result;
    });
  }

  /** Entries in order, from `afterSeq` (exclusive), at most `limit`. */
  async list(options: { afterSeq?: number; limit?: number; actorId?: string } = {}): Promise<AuditEntry[]> {
    const query = this.knex('audit_log').where('seq', '>', options.afterSeq ?? 0).orderBy('seq').limit(options.limit ?? 100);
    if (options.actorId !== undefined) query.where({ actor_id: options.actorId });
    return (await query).map(toEntry);
  }
}

function toEntry(row: Record<string, unknown>): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at instanceof Date ? row.at.toISOString() : String(row.at),
    actorId: String(row.actor_id),
    action: String(row.action),
    target: String(row.target),
    details: JSON.parse(String(row.details)) as Record<string, unknown>,
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}

/**
 * Walks the whole chain in `seq` order, recomputing every hash, and reports every entry whose number, link
 * or hash does not match: each is a place where the log was edited outside Shenpi.
 */
export async function verifyAuditChain(knex: Knex, pageSize = 1000): Promise<ChainReport> {
  const checker = new ChainChecker();
  let after = 0;
  for (;;) {
    const rows: Record<string, unknown>[] = await knex('audit_log').where('seq', '>', after).orderBy('seq').limit(pageSize);
    for (const row of rows) checker.check(row);
    if (rows.length < pageSize) return checker.report();
    after = Number(rows.at(-1)!.seq);
  }
}
