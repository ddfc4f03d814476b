/**
 * The audit append of the SQLite group commit: the same row as `appendAudit` (server/audit/audit-log.ts),
 * written synchronously inside the savepoint of the command it records. Within one group the savepoints run
 * one after the other in one transaction, so each reads the head the previous one left; a savepoint rolled
 * back takes its entry with it, and the next write links to the entry before.
 */
import { sealEntry, type AuditInput } from '../audit/audit-chain.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import { markKeyCommittedSync, type HeldKey } from './request-keys.js';
import { perConnection } from './sqlite-handle.js';

const statements = perConnection((db: SqliteDatabase) => ({
  head: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
  insert: db.prepare(`INSERT INTO audit_log (seq, at, actor_id, action, target, details, prev_hash, hash)
    VALUES (@seq, @at, @actor_id, @action, @target, @details, @prev_hash, @hash)`),
}));

/**
 * Appends `input` at the head of the chain, on `db` inside its open transaction, binding the request's
 * `Idempotency-Key` (`key`, captured when the write was submitted) to the same transaction.
 */
export function appendAuditSync(db: SqliteDatabase, input: AuditInput, at: string, key: HeldKey | undefined): void {
  const s = statements(db);
  const last = s.head.get() as { seq: number; hash: string } | undefined;
  const { row } = sealEntry(input, last ? { seq: Number(last.seq), hash: String(last.hash) } : undefined, at);
  s.insert.run(row);
  markKeyCommittedSync(db, at, key);
}
