/**
 * The audit log: every mutation made through Shenpi, with its real-name actor, appended to one chain. Each
 * entry's hash covers its own fields and the previous entry's hash (SHA-256), so an entry changed, inserted
 * or deleted outside Shenpi breaks the chain at that point, and `verifyAuditChain` names the first broken
 * entry. Cutting entries off the end leaves a valid shorter chain: operators keep the head hash reported by
 * `shenpi audit verify` somewhere else to detect that too.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller records. */
export interface AuditInput {
  actorId: string;
  /** Dotted, past tense: `user.created`, `definition.deployed`, `task.completed`. */
  action: string;
  /** What was acted on: a user id, `key@version`, a case number, a task id. */
  target: string;
  details?: Record<string, unknown>;
}

/** A stored entry. */
export interface AuditEntry extends Required<AuditInput> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** The result of checking the chain. */
export type ChainReport =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; brokenAt: number; reason: string };

/** JSON with object keys sorted at every level, so the same details always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The hash of an entry: SHA-256 over its fields and the previous hash, in a fixed order. */
export function entryHash(e: { seq: number; at: string; actorId: string; action: string; target: string; detailsText: string; prevHash: string }): string {
  return createHash('sha256').update(JSON.stringify([e.seq, e.at, e.actorId, e.action, e.target, e.detailsText, e.prevHash])).digest('hex');
}

/** Appending retries this often when another node took the same `seq` first. */
const MAX_APPEND_ATTEMPTS = 8;

/** The audit log in a knex database (table `audit_log`). */
export class AuditLog {
  constructor(
    private readonly knex: Knex,
    /** Wall-clock time: the audit log records when it happened, whatever a training clock says. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends one entry at the head of the chain. */
  async append(input: AuditInput): Promise<AuditEntry> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.knex.transaction(async (trx) => {
          const last = await trx('audit_log').orderBy('seq', 'desc').first('seq', 'hash');
          const seq = last ? Number(last.seq) + 1 : 1;
          const prevHash = last ? String(last.hash) : GENESIS_HASH;
          const at = this.now().toISOString();
          const detailsText = canonicalJson(input.details ?? {});
          const hash = entryHash({ seq, at, actorId: input.actorId, action: input.action, target: input.target, detailsText, prevHash });
          await trx('audit_log').insert({ seq, at, actor_id: input.actorId, action: input.action, target: input.target, details: detailsText, prev_hash: prevHash, hash });
          return { ...input, details: input.details ?? {}, seq, at, prevHash, hash };
        });
      } catch (error) {
        // Two appenders read the same head (PostgreSQL, several nodes); the loser's insert hits the key.
        if (attempt >= MAX_APPEND_ATTEMPTS || !(await this.seqTaken(error))) throw error;
      }
    }
  }

  /** Entries in order, from `afterSeq` (exclusive), at most `limit`. */
  async list(options: { afterSeq?: number; limit?: number; actorId?: string } = {}): Promise<AuditEntry[]> {
    const query = this.knex('audit_log').where('seq', '>', options.afterSeq ?? 0).orderBy('seq').limit(options.limit ?? 100);
    if (options.actorId !== undefined) query.where({ actor_id: options.actorId });
    return (await query).map(toEntry);
  }

  private async seqTaken(error: unknown): Promise<boolean> {
    const code = (error as { code?: unknown } | null)?.code;
    return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
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
 * Walks the whole chain in `seq` order and recomputes every hash. Reports the first entry whose number,
 * link or hash does not match: that is where the log was edited outside Shenpi.
 */
export async function verifyAuditChain(knex: Knex, pageSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const rows: Record<string, unknown>[] = await knex('audit_log').where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize);
    for (const row of rows) {
      const seq = Number(row.seq);
      const count = expectedSeq - 1;
      if (seq !== expectedSeq) return { ok: false, count, brokenAt: expectedSeq, reason: `Expected entry ${expectedSeq} next, but found ${seq}: entries were deleted` };
      if (String(row.prev_hash) !== prevHash) return { ok: false, count, brokenAt: seq, reason: `Expected entry ${seq} to link to the previous hash, but it links elsewhere` };
      const at = row.at instanceof Date ? row.at.toISOString() : String(row.at);
      const hash = entryHash({ seq, at, actorId: String(row.actor_id), action: String(row.action), target: String(row.target), detailsText: String(row.details), prevHash });
      if (hash !== String(row.hash)) return { ok: false, count, brokenAt: seq, reason: `Expected entry ${seq} to match its hash, but its content was changed` };
      prevHash = hash;
      expectedSeq++;
    }
    if (rows.length < pageSize) return { ok: true, count: expectedSeq - 1, head: prevHash };
  }
}
