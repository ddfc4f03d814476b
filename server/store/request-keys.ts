/**
 * The `request_keys` table behind `Idempotency-Key` (server/http/idempotency.ts), and the mark that ties a
 * key to the command its request carried out.
 *
 * A key is reserved (its own short transaction) before the handler runs, by an attempt `owner`. Whatever
 * the handler commits, its audit entry is appended in the same transaction (server/audit/audit-log.ts), and
 * that append also sets the key's `committed_at`, checking that `owner` still holds it. So:
 * - a replay after the answer was stored gets the stored answer, and nothing runs again;
 * - a crash between the command's COMMIT and storing the answer leaves `committed_at` set: a replay is told
 *   the answer was lost (`IDEMPOTENCY_ANSWER_LOST`), and the command never runs twice;
 * - a crash before COMMIT leaves the reservation uncommitted: after `LEASE_MS` another attempt takes it over,
 *   and if the first attempt is somehow still running, its commit fails on the owner check and rolls back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import pg from 'pg';
import { ConflictError } from '../../engine/runtime/errors.js';
import { expectOneRowPgSql, failedGuardPg } from './pg-guards.js';
import { isUniqueViolation } from './rows.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import { perConnection } from './sqlite-handle.js';

/** By default, a reservation older than this that never committed is taken over by the next attempt. */
export const LEASE_MS = 60_000;

/** A key held by one attempt of one request. */
export interface HeldKey {
  scopeHash: string;
  key: string;
  owner: string;
}

/** What reserving a key found. */
export type Reservation =
  | { kind: 'reserved'; held: HeldKey }
  | { kind: 'replay'; status: number; contentType: string | undefined; response: string }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' }
  | { kind: 'answer-lost' };

const held = new AsyncLocalStorage<HeldKey>();

/** Runs `work` holding `key`: the commits it makes mark the key committed (see above). */
export function holdingKey<T>(key: HeldKey, work: () => T): T {
  return held.run(key, work);
}

function lost(key: HeldKey): ConflictError {
  return new ConflictError(`Expected to hold idempotency key '${key.key}', but another attempt took it over`, '');
}

/** The key the current request holds, if any. */
export function heldKey(): HeldKey | undefined {
  return held.getStore();
}

/** In the transaction of a command: marks the held key committed, or refuses if it was taken over. */
export async function markKeyCommitted(trx: Knex.Transaction, at: string, key: HeldKey | undefined = heldKey()): Promise<void> {
  if (!key) return;
  const changed = await trx('request_keys')
    .where({ scope_hash: key.scopeHash, key: key.key, owner: key.owner })
    .update({ committed_at: trx.raw('COALESCE(committed_at, ?)', [at]) });
  if (changed !== 1) throw lost(key);
}

/** The guard number of the request key's mark in `shenpi_expect_rows` (a command's own guards count from 0). */
const KEY_GUARD = -1;

/**
 * `markKeyCommitted` as one statement of a PostgreSQL simple query (the chain append's round trip,
 * server/audit/audit-log.ts, or a whole command's, server/store/pg-command.ts): the update, its changed rows
 * checked by `shenpi_expect_rows` like a command's own guards, so that a key taken over fails the statement
 * (see `keyLostIn`) and aborts the transaction before anything after it in the query runs. Values are quoted
 * literals (`pg.escapeLiteral`); no trailing semicolon.
 */
export function markKeyCommittedPgSql(key: HeldKey, at: string): string {
  return expectOneRowPgSql(`UPDATE request_keys SET committed_at = COALESCE(committed_at, ${pg.escapeLiteral(at)})
  WHERE scope_hash = ${pg.escapeLiteral(key.scopeHash)} AND key = ${pg.escapeLiteral(key.key)} AND owner = ${pg.escapeLiteral(key.owner)}`, KEY_GUARD);
}

/** The refusal for `key` when `error` is the failure of `markKeyCommittedPgSql`'s statement; else `undefined`. */
export function keyLostIn(error: unknown, key: HeldKey): ConflictError | undefined {
  return failedGuardPg(error) === KEY_GUARD ? lost(key) : undefined;
}

const statements = perConnection((db: SqliteDatabase) => ({
  mark: db.prepare('UPDATE request_keys SET committed_at = COALESCE(committed_at, ?) WHERE scope_hash = ? AND key = ? AND owner = ?'),
}));

/** `markKeyCommitted` for the SQLite group commit (which runs outside the request: the key is passed in). */
export function markKeyCommittedSync(db: SqliteDatabase, at: string, key: HeldKey | undefined): void {
  if (!key) return;
  if (statements(db).mark.run(at, key.scopeHash, key.key, key.owner).changes !== 1) throw lost(key);
}

/** The statements of the keys on SQLite's group commit, prepared once per connection. */
const keyStatements = perConnection((db: SqliteDatabase) => ({
  insert: db.prepare(`INSERT INTO request_keys (scope_hash, key, user_id, route, body_hash, owner, reserved_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`),
  find: db.prepare('SELECT * FROM request_keys WHERE scope_hash = ? AND key = ?'),
  takeOver: db.prepare('UPDATE request_keys SET owner = ?, reserved_at = ? WHERE scope_hash = ? AND key = ? AND owner = ? AND committed_at IS NULL'),
  answer: db.prepare(`UPDATE request_keys SET status = ?, content_type = ?, response = ?, answered_at = ?
    WHERE scope_hash = ? AND key = ? AND owner = ?`),
  release: db.prepare('DELETE FROM request_keys WHERE scope_hash = ? AND key = ? AND owner = ? AND committed_at IS NULL'),
}));

/**
 * Runs synchronous work on SQLite's connection inside a savepoint of the group commit and answers its result
 * once the group committed (`SqliteCaseStore.inGroup`).
 */
export type GroupRunner = <T>(work: (db: SqliteDatabase) => T) => Promise<T>;

type ReserveArgs = { scopeHash: string; key: string; userId: string; route: string; bodyHash: string };

/** What an existing row of the key means for a new attempt; `take-over` when its reservation lapsed. */
function judge(row: Record<string, unknown>, bodyHash: string, nowMs: number, leaseMs: number): Exclude<Reservation, { kind: 'reserved' }> | 'take-over' {
  if (String(row.body_hash) !== bodyHash) return { kind: 'mismatch' };
  if (row.status !== null && row.status !== undefined) {
    return { kind: 'replay', status: Number(row.status), contentType: (row.content_type as string | null) ?? undefined, response: String(row.response ?? '') };
  }
  if (row.committed_at !== null && row.committed_at !== undefined) return { kind: 'answer-lost' };
  const reservedAt = row.reserved_at instanceof Date ? row.reserved_at.getTime() : Date.parse(String(row.reserved_at));
  return nowMs - reservedAt < leaseMs ? { kind: 'in-progress' } : 'take-over';
}

/**
 * Reserving, answering and releasing keys. On SQLite (`group` given) each is a synchronous job in the group
 * commit: one fsync shared with the commands committing in the same turn, instead of an autocommit (and its
 * fsync, at `synchronous = FULL`) of its own blocking the event loop. Elsewhere, knex statements.
 */
export class RequestKeys {
  constructor(
    private readonly knex: Knex,
    private readonly now: () => Date = () => new Date(),
    /** How long an uncommitted reservation stays the first attempt's (its node may have died). */
    private readonly leaseMs: number = LEASE_MS,
    private readonly group?: GroupRunner,
  ) {}

  /** Reserves `key` in `scopeHash` for a request with `bodyHash`, or says what an earlier request left. */
  async reserve(args: ReserveArgs): Promise<Reservation> {
    if (this.group) return this.group((db) => this.reserveSync(db, args));
    const owner = randomUUID();
    const at = this.now().toISOString();
    const heldKey = { scopeHash: args.scopeHash, key: args.key, owner };
    try {
      await this.knex('request_keys').insert({
        scope_hash: args.scopeHash, key: args.key, user_id: args.userId, route: args.route, body_hash: args.bodyHash, owner, reserved_at: at,
      });
      return { kind: 'reserved', held: heldKey };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const row = await this.knex('request_keys').where({ scope_hash: args.scopeHash, key: args.key }).first();
    if (!row) return this.reserve(args);
    const found = judge(row, args.bodyHash, this.now().getTime(), this.leaseMs);
    if (found !== 'take-over') return found;
    // The attempt that reserved it never committed: take it over, unless a third attempt just did.
    const taken = await this.knex('request_keys')
      .where({ scope_hash: args.scopeHash, key: args.key, owner: row.owner })
      .whereNull('committed_at')
      .update({ owner, reserved_at: at });
    return taken === 1 ? { kind: 'reserved', held: heldKey } : { kind: 'in-progress' };
  }

  /** `reserve` on SQLite, inside its savepoint: the same steps, and no other writer can come between them. */
  private reserveSync(db: SqliteDatabase, args: ReserveArgs): Reservation {
    const s = keyStatements(db);
    const owner = randomUUID();
    const at = this.now().toISOString();
    const heldKey = { scopeHash: args.scopeHash, key: args.key, owner };
    try {
      s.insert.run(args.scopeHash, args.key, args.userId, args.route, args.bodyHash, owner, at);
      return { kind: 'reserved', held: heldKey };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const row = s.find.get(args.scopeHash, args.key) as Record<string, unknown>;
    const found = judge(row, args.bodyHash, this.now().getTime(), this.leaseMs);
    if (found !== 'take-over') return found;
    return s.takeOver.run(owner, at, args.scopeHash, args.key, row.owner).changes === 1 ? { kind: 'reserved', held: heldKey } : { kind: 'in-progress' };
  }

  /** Stores the answer of the request holding `key`. */
  async answer(key: HeldKey, answer: { status: number; contentType: string | undefined; response: string }): Promise<void> {
    const at = this.now().toISOString();
    if (this.group) {
      await this.group((db) => keyStatements(db).answer.run(answer.status, answer.contentType ?? null, answer.response, at, key.scopeHash, key.key, key.owner));
      return;
    }
    await this.knex('request_keys').where({ scope_hash: key.scopeHash, key: key.key, owner: key.owner }).update({
      status: answer.status, content_type: answer.contentType ?? null, response: answer.response, answered_at: at,
    });
  }

  /**
   * Gives `key` up when its request failed without committing (a 5xx, a lost race), so it may be tried
   * again; false when its command did commit (then its answer must be stored instead).
   */
  async release(key: HeldKey): Promise<boolean> {
    if (this.group) return this.group((db) => keyStatements(db).release.run(key.scopeHash, key.key, key.owner).changes === 1);
    const deleted = await this.knex('request_keys').where({ scope_hash: key.scopeHash, key: key.key, owner: key.owner }).whereNull('committed_at').delete();
    return deleted === 1;
  }
}
