/**
 * A whole command on PostgreSQL in ONE round trip: `BEGIN`, the command's rows (pg-case-batch.ts), its read
 * models' rows, the request key's mark and the audit entry at the chain head, and `COMMIT`, sent as one simple
 * query. On a two-core machine every round trip is a socket write that wakes a PostgreSQL backend and an event
 * loop turn that waits for it; the knex transaction of a command took five of them (BEGIN, the rows, the
 * key's mark, the append with its COMMIT, knex's own COMMIT).
 *
 * The guards run inside the query, so nothing is acknowledged that a guard refused: a version-guarded update
 * of the case row and the firing of a scheduled timer each pass their changed-row count to
 * `shenpi_expect_rows` (pg-guards.ts), which raises `SH409` naming the guard, as does the request key's mark
 * when the key was taken over (request-keys.ts); a unique violation fails as itself. Any failure leaves the transaction aborted, the rest of the query unrun, and is answered by a
 * `ROLLBACK`: nothing of the command is written. The values are quoted literals (`pg.escapeLiteral`).
 *
 * Used when the command runs in no outer transaction, every read model of the store can write its rows as
 * statements, and no value holds a NUL (which would end the query text); otherwise the store takes its knex
 * transaction as before.
 */
import type { Knex } from 'knex';
import type { AuditInput } from '../audit/audit-chain.js';
import { appendEntrySqlPg, wallClock } from '../audit/audit-log.js';
import type { ConflictError } from '../../engine/runtime/errors.js';
import type { CaseWrite } from '../../engine/runtime/ports.js';
import { batchStatements, type Statement } from './pg-case-batch.js';
import { expectOneRowPgSql, failedGuardPg } from './pg-guards.js';
import { heldKey, keyLostIn, markKeyCommittedPgSql } from './request-keys.js';

/** A read model's rows for one write, as SQL statements with their values as literals; empty when it has none. */
export type ProjectionStatements = (write: CaseWrite) => string[];

interface PgConnection {
  query(text: string): Promise<unknown>;
}

/** `s` as a statement of the one-trip query: a guarded update checks its own row count (pg-guards.ts). */
function checked(s: Statement, guard: number): string {
  return s.unchanged ? expectOneRowPgSql(s.sql, guard) : s.sql;
}

/**
 * Commits `w` with its read models' `projections` and its `audit` entry in one round trip on `knex`
 * (PostgreSQL, outside any transaction); `false`, having sent nothing, when `w` cannot travel so (a NUL in a
 * value). Throws the guard's `ConflictError`, the key's, or the driver's error, having rolled everything back.
 */
export async function commitCommandPg(
  knex: Knex, w: CaseWrite, projections: readonly ProjectionStatements[], audit: AuditInput | undefined,
): Promise<boolean> {
  const batch = batchStatements(w);
  const parts = ['BEGIN', ...batch.map(checked), ...projections.flatMap((p) => p(w))];
  // As in the knex transaction (audit-log.ts): an audited command binds the request's key, and its entry is
  // stamped with the wall clock at the append, last, so the chain head is locked only until the COMMIT after it.
  const key = audit ? heldKey() : undefined;
  if (audit) {
    const at = wallClock().toISOString();
    if (key) parts.push(markKeyCommittedPgSql(key, at));
    parts.push(appendEntrySqlPg(audit, at).sql);
  }
  parts.push('COMMIT');
  const sql = parts.join(';\n');
  if (sql.includes('\u0000')) return false;
  const connection = (await knex.client.acquireConnection()) as PgConnection;
  try {
    await connection.query(sql);
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    // A command's own guards count from 0; the request key's mark is a guard of its own (request-keys.ts).
    const guard = failedGuardPg(error);
    const conflict: ConflictError | undefined = (guard !== undefined ? batch[guard]?.unchanged?.() : undefined) ?? (key && keyLostIn(error, key));
    throw conflict ?? error;
  } finally {
    await knex.client.releaseConnection(connection);
  }
  return true;
}
